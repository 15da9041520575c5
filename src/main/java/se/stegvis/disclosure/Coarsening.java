package se.stegvis.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small numbers that still say something: when suppression would hide more than a third of a
 * table's cells, the rows (steps, periods or units) are merged into coarser groups until no cell
 * is small, and the result says what was merged.
 *
 * <p>A table is counts by row category (the dimension that may be coarsened) and column category,
 * published with its row, column and grand totals. Coarser candidates, finest first, come from the
 * {@link Kind}: adjacent rows merged (ordered categories such as ladder steps: each round merges the
 * row holding the smallest small cell with its smaller neighbour), months to quarters to half-years
 * to years, or the smallest units folded one by one into "Övriga". The chosen grouping is the finest
 * candidate in which suppression hides at most a third of the cells (so as much detail as possible
 * stays); when none is, the candidate whose shown cells hold the most people. The chosen table is then suppressed as usual
 * (primary and secondary, {@link Suppressor}), so no shown cell is small and no hidden one can be
 * recomputed from what is shown.
 */
public final class Coarsening {

    /** How rows may be merged. */
    public enum Kind {
        /** Ordered categories (ladder steps): adjacent rows merged. */
        ADJACENT,
        /** Periods labelled YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY: to quarters, half-years, years. */
        PERIODS,
        /** Unordered units (municipalities): the smallest folded into "Övriga". */
        OTHERS
    }

    /** Share of hidden cells above which a coarser grouping is looked for. */
    public static final double HIDDEN_SHARE_LIMIT = 1.0 / 3.0;
    /** The label of the folded units. */
    public static final String OTHERS_SV = "Övriga";

    private Coarsening() {}

    /**
     * A table of counts.
     *
     * @param rows row labels (the dimension that may be coarsened), in order
     * @param columns column labels
     * @param counts counts[row][column]
     */
    public record CountTable(List<String> rows, List<String> columns, long[][] counts) {
        public CountTable {
            rows = List.copyOf(rows);
            columns = List.copyOf(columns);
            if (counts.length != rows.size()) {
                throw new IllegalArgumentException(rows.size() + " row labels for " + counts.length + " rows");
            }
            for (long[] r : counts) {
                if (r.length != columns.size()) {
                    throw new IllegalArgumentException(columns.size() + " column labels for a row of " + r.length);
                }
            }
        }
    }

    /**
     * A published table after (possible) coarsening and suppression.
     *
     * @param rows row labels; a merged row is labelled "first–last" (adjacent, periods) or "Övriga"
     * @param members the original rows in each row
     * @param columns column labels
     * @param counts counts[row][column] (hidden ones included: never publish them)
     * @param hidden which counts must not be shown; {@code hiddenRowTotals}/{@code hiddenColumnTotals}
     *     likewise for the margins
     * @param primary which hidden counts are small themselves ("&lt;5") rather than protecting one ("..")
     * @param rowTotals row totals
     * @param hiddenRowTotals hidden row totals
     * @param columnTotals column totals
     * @param hiddenColumnTotals hidden column totals
     * @param total the grand total
     * @param hiddenTotal whether the grand total is hidden
     * @param hiddenBefore share of cells suppression hid in the original table
     */
    public record CoarseTable(List<String> rows, List<List<String>> members, List<String> columns, long[][] counts,
                              boolean[][] hidden, boolean[][] primary, long[] rowTotals, boolean[] hiddenRowTotals,
                              long[] columnTotals, boolean[] hiddenColumnTotals, long total, boolean hiddenTotal,
                              double hiddenBefore) {

        /** True when some rows were merged. */
        public boolean merged() {
            return members.stream().anyMatch(m -> m.size() > 1);
        }

        /** Share of the inner cells hidden. */
        public double hiddenShare() {
            int n = 0;
            int h = 0;
            for (boolean[] row : hidden) {
                for (boolean b : row) {
                    n++;
                    h += b ? 1 : 0;
                }
            }
            return n == 0 ? 0 : (double) h / n;
        }

        /** What was merged, for the output ("Sammanslaget för att små tal inte ska döljas: ..."); empty if nothing. */
        public String describe(Locale locale) {
            if (!merged()) {
                return "";
            }
            boolean en = "en".equals(locale.getLanguage());
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (members.get(i).size() > 1) {
                    parts.add(rows.get(i) + " = " + String.join(" + ", members.get(i)));
                }
            }
            String pct = Math.round(hiddenBefore * 100) + (en ? "%" : " %");
            return (en ? "Merged because suppression would have hidden " + pct + " of the cells: "
                    : "Sammanslaget eftersom " + pct + " av cellerna annars hade dolts: ") + String.join("; ", parts) + ".";
        }
    }

    /** Coarsens the table if suppression would hide more than a third of its cells, then suppresses it. */
    public static CoarseTable coarsen(CountTable table, Kind kind, DisclosurePolicy policy) {
        List<List<Integer>> identity = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            identity.add(List.of(i));
        }
        CoarseTable original = suppress(table, identity, table.rows(), policy, 0);
        double before = original.hiddenShare();
        if (!policy.applied() || before <= HIDDEN_SHARE_LIMIT) {
            return withBefore(original, before);
        }
        CoarseTable best = null;
        long bestShown = -1;
        for (Grouping g : candidates(table, kind, policy)) {
            CoarseTable t = suppress(table, g.groups, g.labels, policy, before);
            if (t.hiddenShare() <= HIDDEN_SHARE_LIMIT) {
                return t;
            }
            long shown = shownPeople(t);
            if (shown > bestShown) {
                best = t;
                bestShown = shown;
            }
        }
        return best == null || bestShown <= shownPeople(original) ? withBefore(original, before) : best;
    }

    private static CoarseTable withBefore(CoarseTable t, double before) {
        return new CoarseTable(t.rows(), t.members(), t.columns(), t.counts(), t.hidden(), t.primary(), t.rowTotals(),
                t.hiddenRowTotals(), t.columnTotals(), t.hiddenColumnTotals(), t.total(), t.hiddenTotal(), before);
    }

    private static long shownPeople(CoarseTable t) {
        long s = 0;
        for (int i = 0; i < t.counts().length; i++) {
            for (int j = 0; j < t.counts()[i].length; j++) {
                s += t.hidden()[i][j] ? 0 : t.counts()[i][j];
            }
        }
        return s;
    }

    /** A grouping of the original rows: member indices and a label per group. */
    record Grouping(List<List<Integer>> groups, List<String> labels) {}

    /** Coarser groupings, finest first. */
    static List<Grouping> candidates(CountTable t, Kind kind, DisclosurePolicy policy) {
        return switch (kind) {
            case ADJACENT -> adjacent(t, policy);
            case PERIODS -> periods(t);
            case OTHERS -> others(t, policy);
        };
    }

    private static long[] merged(CountTable t, List<Integer> members) {
        long[] out = new long[t.columns().size()];
        for (int r : members) {
            for (int j = 0; j < out.length; j++) {
                out[j] += t.counts()[r][j];
            }
        }
        return out;
    }

    private static List<Grouping> adjacent(CountTable t, DisclosurePolicy policy) {
        List<Grouping> out = new ArrayList<>();
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            groups.add(List.of(i));
        }
        while (groups.size() > 1) {
            // The group holding the smallest small cell merges with its smaller neighbour.
            int worst = -1;
            long worstValue = Long.MAX_VALUE;
            for (int g = 0; g < groups.size(); g++) {
                for (long v : merged(t, groups.get(g))) {
                    if (policy.isSmall(v) && v < worstValue) {
                        worst = g;
                        worstValue = v;
                    }
                }
            }
            if (worst < 0) {
                break;
            }
            int other;
            if (worst == 0) {
                other = 1;
            } else if (worst == groups.size() - 1) {
                other = worst - 1;
            } else {
                other = total(t, groups.get(worst - 1)) <= total(t, groups.get(worst + 1)) ? worst - 1 : worst + 1;
            }
            int lo = Math.min(worst, other);
            List<Integer> joined = new ArrayList<>(groups.get(lo));
            joined.addAll(groups.get(lo + 1));
            groups.set(lo, List.copyOf(joined));
            groups.remove(lo + 1);
            List<String> labels = new ArrayList<>();
            for (List<Integer> g : groups) {
                labels.add(g.size() == 1 ? t.rows().get(g.get(0))
                        : t.rows().get(g.get(0)) + "–" + t.rows().get(g.get(g.size() - 1)));
            }
            out.add(new Grouping(List.copyOf(groups), labels));
        }
        return out;
    }

    private static long total(CountTable t, List<Integer> members) {
        long s = 0;
        for (long v : merged(t, members)) {
            s += v;
        }
        return s;
    }

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-(Q[1-4]|H[12]|\\d{2}))?");

    /** A period one level coarser: month to quarter, quarter to half-year, half-year to year; a year stays. */
    static String coarser(String period) {
        Matcher m = PERIOD.matcher(period);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a period (YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY): " + period);
        }
        String year = m.group(1);
        String part = m.group(2);
        if (part == null) {
            return year;
        }
        if (part.startsWith("Q")) {
            return year + "-H" + (part.charAt(1) <= '2' ? 1 : 2);
        }
        if (part.startsWith("H")) {
            return year;
        }
        return year + "-Q" + ((Integer.parseInt(part) - 1) / 3 + 1);
    }

    private static List<Grouping> periods(CountTable t) {
        List<Grouping> out = new ArrayList<>();
        List<String> level = new ArrayList<>(t.rows());
        for (int round = 0; round < 3; round++) {
            List<String> next = level.stream().map(Coarsening::coarser).toList();
            if (next.equals(level)) {
                break;
            }
            List<String> labels = new ArrayList<>();
            List<List<Integer>> groups = new ArrayList<>();
            for (int i = 0; i < next.size(); i++) {
                int g = labels.indexOf(next.get(i));
                if (g < 0) {
                    labels.add(next.get(i));
                    groups.add(new ArrayList<>());
                    g = labels.size() - 1;
                }
                groups.get(g).add(i);
            }
            out.add(new Grouping(groups.stream().map(List::copyOf).toList(), labels));
            level = next;
        }
        return out;
    }

    private static List<Grouping> others(CountTable t, DisclosurePolicy policy) {
        List<Grouping> out = new ArrayList<>();
        List<Integer> byTotal = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            byTotal.add(i);
        }
        // A row already called "Övriga" is folded first, so there is never a second one.
        byTotal.sort((a, b) -> {
            boolean oa = OTHERS_SV.equals(t.rows().get(a));
            boolean ob = OTHERS_SV.equals(t.rows().get(b));
            return oa != ob ? (oa ? -1 : 1) : Long.compare(total(t, List.of(a)), total(t, List.of(b)));
        });
        // Fold the smallest units first; at least two go into "Övriga" (one alone would be itself), at most all.
        for (int folded = 2; folded <= t.rows().size(); folded++) {
            List<Integer> rest = byTotal.subList(0, folded);
            List<List<Integer>> groups = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < t.rows().size(); i++) {
                if (!rest.contains(i)) {
                    groups.add(List.of(i));
                    labels.add(t.rows().get(i));
                }
            }
            groups.add(rest.stream().sorted().toList());
            labels.add(OTHERS_SV);
            out.add(new Grouping(groups, labels));
        }
        return out;
    }

    /** The table on the given grouping with margins, under primary and secondary suppression. */
    static CoarseTable suppress(CountTable t, List<List<Integer>> groups, List<String> labels, DisclosurePolicy policy,
            double before) {
        int rows = groups.size();
        int cols = t.columns().size();
        long[][] v = new long[rows][];
        for (int i = 0; i < rows; i++) {
            v[i] = merged(t, groups.get(i));
        }
        CellGrid g = new CellGrid();
        int[][] cell = new int[rows][cols];
        int[] rowTotal = new int[rows];
        int[] colTotal = new int[cols];
        long[] rt = new long[rows];
        long[] ct = new long[cols];
        long grand = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                cell[i][j] = g.shown(v[i][j]);
                rt[i] += v[i][j];
                ct[j] += v[i][j];
                grand += v[i][j];
            }
        }
        for (int i = 0; i < rows; i++) {
            rowTotal[i] = g.shown(rt[i]);
            if (cols > 0) {
                g.sum(rowTotal[i], cell[i]);
            }
        }
        int grandCell = g.shown(grand);
        for (int j = 0; j < cols; j++) {
            colTotal[j] = g.shown(ct[j]);
            int[] parts = new int[rows];
            for (int i = 0; i < rows; i++) {
                parts[i] = cell[i][j];
            }
            if (rows > 0) {
                g.sum(colTotal[j], parts);
            }
        }
        if (cols > 0) {
            g.sum(grandCell, colTotal);
        }
        SuppressionMask mask = Suppressor.apply(g, policy);
        boolean[][] hidden = new boolean[rows][cols];
        boolean[][] primary = new boolean[rows][cols];
        boolean[] hr = new boolean[rows];
        boolean[] hc = new boolean[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                hidden[i][j] = mask.isHidden(cell[i][j]);
                primary[i][j] = mask.isPrimary(cell[i][j]);
            }
            hr[i] = mask.isHidden(rowTotal[i]);
        }
        for (int j = 0; j < cols; j++) {
            hc[j] = mask.isHidden(colTotal[j]);
        }
        List<List<String>> members = new ArrayList<>();
        for (List<Integer> grp : groups) {
            members.add(grp.stream().map(t.rows()::get).toList());
        }
        return new CoarseTable(List.copyOf(labels), members, t.columns(), v, hidden, primary, rt, hr, ct, hc, grand,
                mask.isHidden(grandCell), before);
    }
}
