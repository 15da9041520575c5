package se.stegvis.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class SuppressionPropertiesTest {

    @Provide
    Arbitrary<long[][]> smallTables() {
        // Counts skewed toward the small values that need protecting.
        Arbitrary<Long> count = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 0)),
                net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(1, 6)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(7, 60)));
        return Arbitraries.integers().between(1, 5).flatMap(rows -> Arbitraries.integers().between(1, 5)
                .flatMap(cols -> count.array(long[].class).ofSize(cols).array(long[][].class).ofSize(rows)));
    }

    /** A two-way table with row, column and grand totals, as the metrics publish them. */
    private static int[][] withMargins(CellGrid g, long[][] v) {
        int rows = v.length;
        int cols = v[0].length;
        int[][] cell = new int[rows + 1][cols + 1];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                cell[i][j] = g.shown(v[i][j]);
            }
        }
        long grand = 0;
        for (int i = 0; i < rows; i++) {
            long s = 0;
            for (int j = 0; j < cols; j++) {
                s += v[i][j];
            }
            grand += s;
            cell[i][cols] = g.shown(s);
            int[] parts = new int[cols];
            System.arraycopy(cell[i], 0, parts, 0, cols);
            g.sum(cell[i][cols], parts);
        }
        for (int j = 0; j <= cols; j++) {
            long s = 0;
            int[] parts = new int[rows];
            for (int i = 0; i < rows; i++) {
                s += j < cols ? v[i][j] : g.value(cell[i][cols]);
                parts[i] = cell[i][j];
            }
            cell[rows][j] = j < cols ? g.shown(s) : g.shown(grand);
            g.sum(cell[rows][j], parts);
        }
        return cell;
    }

    @Property(tries = 400)
    void noShownCellIsSmall(@ForAll("smallTables") long[][] v, @ForAll @IntRange(min = 3, max = 10) int threshold) {
        CellGrid g = new CellGrid();
        withMargins(g, v);
        SuppressionMask m = Suppressor.apply(g, DisclosurePolicy.threshold(threshold));
        for (int c = 0; c < g.size(); c++) {
            if (!m.isHidden(c)) {
                assertThat(g.value(c) == 0 || g.value(c) >= threshold)
                        .as("cell %d = %d shown", c, g.value(c)).isTrue();
            }
        }
    }

    @Property(tries = 400)
    void noHiddenCellCanBeRecomputedFromShownMargins(@ForAll("smallTables") long[][] v,
            @ForAll @IntRange(min = 3, max = 10) int threshold) {
        CellGrid g = new CellGrid();
        withMargins(g, v);
        SuppressionMask m = Suppressor.apply(g, DisclosurePolicy.threshold(threshold));
        boolean[] determined = Recovery.determined(g, m.hidden());
        for (int c = 0; c < g.size(); c++) {
            if (determined[c]) {
                assertThat(determined[c]).as("hidden cell %d = %d is recoverable", c, g.value(c)).isFalse();
            }
        }
    }

    @Property(tries = 300)
    void oneWayBreakdownNeverLeavesASingleHiddenCell(@ForAll("smallTables") long[][] v) {
        CellGrid g = new CellGrid();
        long total = 0;
        int[] parts = new int[v[0].length];
        for (int j = 0; j < parts.length; j++) {
            parts[j] = g.shown(v[0][j]);
            total += v[0][j];
        }
        int t = g.shown(total);
        g.sum(t, parts);
        SuppressionMask m = Suppressor.apply(g, DisclosurePolicy.DEFAULT);
        int hidden = 0;
        for (int c = 0; c < g.size(); c++) {
            hidden += m.isHidden(c) ? 1 : 0;
        }
        assertThat(hidden).isNotEqualTo(1);
    }
}
