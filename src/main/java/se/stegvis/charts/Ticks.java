package se.stegvis.charts;

import java.util.ArrayList;
import java.util.List;

/** "Nice" axis ticks (1, 2, 2.5 or 5 times a power of ten) for the axes we draw ourselves. */
final class Ticks {
    private Ticks() {
    }

    /** About target ticks covering [min, max]; the first and last tick enclose the range. */
    static List<Double> nice(double min, double max, int target) {
        double range = max - min;
        if (range <= 0) {
            range = Math.abs(max) > 0 ? Math.abs(max) : 1;
            min -= range / 2;
            max += range / 2;
        }
        double raw = range / Math.max(1, target);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        List<Double> ticks = new ArrayList<>();
        double start = Math.floor(min / step) * step;
        for (double v = start; ticks.size() < 50; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
            if (v >= max - step * 1e-9) {
                break;
            }
        }
        return ticks;
    }

    /** Decimals needed to print ticks of this step without trailing noise. */
    static int decimals(List<Double> ticks) {
        if (ticks.size() < 2) {
            return 0;
        }
        double step = Math.abs(ticks.get(1) - ticks.get(0));
        int d = Math.max(0, (int) -Math.floor(Math.log10(step)));
        double scaled = step * Math.pow(10, d);
        return Math.abs(scaled - Math.rint(scaled)) > 1e-9 ? d + 1 : d;
    }
}
