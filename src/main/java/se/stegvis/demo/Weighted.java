package se.stegvis.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A finite distribution: values with relative weights, drawn by inverse cumulative lookup. */
public final class Weighted<T> {
    private final List<T> values;
    private final double[] cumulative;

    private Weighted(List<T> values, double[] weights) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a distribution needs at least one value");
        }
        this.values = List.copyOf(values);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("negative weight for " + values.get(i));
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("weights sum to zero");
        }
    }

    /** Alternating value, weight pairs: {@code of("k", 0.5, "m", 0.5)}. */
    @SuppressWarnings("unchecked")
    public static <T> Weighted<T> of(Object... valueWeightPairs) {
        List<T> values = new ArrayList<>();
        double[] weights = new double[valueWeightPairs.length / 2];
        for (int i = 0; i < valueWeightPairs.length; i += 2) {
            values.add((T) valueWeightPairs[i]);
            weights[i / 2] = ((Number) valueWeightPairs[i + 1]).doubleValue();
        }
        return new Weighted<>(values, weights);
    }

    /** The values of the map (in its iteration order) weighted by its numbers. */
    public static <T> Weighted<T> of(Map<T, ? extends Number> weights) {
        List<T> values = new ArrayList<>(weights.keySet());
        double[] w = new double[values.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.get(values.get(i)).doubleValue();
        }
        return new Weighted<>(values, w);
    }

    /** Draws one value. */
    public T draw(SplittableRandom rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return values.get(lo);
    }
}
