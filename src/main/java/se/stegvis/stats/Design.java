package se.stegvis.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A regression design matrix built from named covariates, as R's {@code model.matrix} with default
 * contrasts: a numeric covariate is one column; a categorical one is expanded into treatment-contrast
 * dummies, one per level except the first (the reference), named column name + level ({@code
 * celltypesmallcell}, as R names them).
 *
 * <p>Levels are sorted as R's {@code factor()} sorts them: numerically when every level is a number
 * (so "10" follows "2"), otherwise by text. No intercept column: Cox has none and
 * {@link LogisticRegression} adds its own. A constant covariate (one value, or one level) is refused,
 * because its coefficient is not identifiable.
 *
 * @param names coefficient names, one per column of {@code x}
 * @param x the rows (n x p), as given; not copied again by the models
 * @param terms the covariates as given, one per term (a factor is one term of several columns)
 * @param assign for each column, the index of its term in {@code terms} (R's {@code assign})
 */
public record Design(List<String> names, double[][] x, List<String> terms, int[] assign) {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    public Design {
        names = List.copyOf(names);
        terms = List.copyOf(terms);
    }

    /** The columns of term {@code t}. */
    int[] columnsOf(int t) {
        return java.util.stream.IntStream.range(0, assign.length).filter(j -> assign[j] == t).toArray();
    }

    public static Builder builder(int n) {
        return new Builder(n);
    }

    public int rows() {
        return x.length;
    }

    public int columns() {
        return names.size();
    }

    /** Adds covariates one by one, in the order of the terms. */
    public static final class Builder {
        private final int n;
        private final List<String> names = new ArrayList<>();
        private final List<double[]> columns = new ArrayList<>();
        private final List<String> terms = new ArrayList<>();
        private final List<Integer> assign = new ArrayList<>();

        private Builder(int n) {
            this.n = n;
        }

        /** A numeric covariate: one column. */
        public Builder numeric(String name, double[] values) {
            Checks.sameLength("covariate " + name + " and the rows", values.length, n);
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("covariate '" + name + "' has a missing or infinite value (" + v + ")");
                }
            }
            if (n > 0 && java.util.Arrays.stream(values).allMatch(v -> v == values[0])) {
                throw new IllegalArgumentException("covariate '" + name + "' is constant (every value " + values[0]
                        + "): its coefficient cannot be estimated");
            }
            names.add(name);
            columns.add(values.clone());
            assign.add(terms.size());
            terms.add(name);
            return this;
        }

        /** A categorical covariate: dummies for every level but the first (sorted) one. */
        public Builder factor(String name, String[] values) {
            Checks.sameLength("covariate " + name + " and the rows", values.length, n);
            List<String> levels = levels(values);
            if (levels.size() < 2) {
                throw new IllegalArgumentException("covariate '" + name + "' is constant (one level"
                        + (levels.isEmpty() ? "" : ", '" + levels.get(0) + "'") + "): its coefficient cannot be estimated");
            }
            for (String level : levels.subList(1, levels.size())) {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = values[i].equals(level) ? 1 : 0;
                }
                names.add(name + level);
                columns.add(d);
                assign.add(terms.size());
            }
            terms.add(name);
            return this;
        }

        public Design build() {
            if (names.isEmpty()) {
                throw new IllegalArgumentException("no covariates");
            }
            double[][] x = new double[n][names.size()];
            for (int j = 0; j < columns.size(); j++) {
                for (int i = 0; i < n; i++) {
                    x[i][j] = columns.get(j)[i];
                }
            }
            return new Design(names, x, terms, assign.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** The distinct values in R's factor() order: numeric when all are numbers, else text. */
    static List<String> levels(String[] values) {
        for (String v : values) {
            if (v == null || v.equals("NA")) {
                throw new IllegalArgumentException("a categorical covariate has a missing value (NA)");
            }
        }
        TreeSet<String> distinct = new TreeSet<>(List.of(values).stream().distinct().toList());
        boolean numeric = distinct.stream().allMatch(s -> NUMBER.matcher(s).matches());
        List<String> out = new ArrayList<>(distinct);
        if (numeric) {
            out.sort(Comparator.comparingDouble(Double::parseDouble));
        }
        return out;
    }
}
