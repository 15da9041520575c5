package se.stegvis.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressorTest {

    @Test
    void countsFromOneToFourAreHiddenAndZeroIsShown() {
        CellGrid g = new CellGrid();
        int zero = g.shown(0);
        int one = g.shown(1);
        int four = g.shown(4);
        int five = g.shown(5);
        SuppressionMask m = Suppressor.apply(g, DisclosurePolicy.DEFAULT);
        assertThat(m.isHidden(zero)).isFalse();
        assertThat(m.isHidden(one)).isTrue();
        assertThat(m.isHidden(four)).isTrue();
        assertThat(m.isHidden(five)).isFalse();
        assertThat(m.primaryCount(g)).isEqualTo(2);
        assertThat(m.secondaryCount(g)).isZero();
    }

    @Test
    void breakdownWithTotalHidesTheNextSmallestCell() {
        // 30 referred = 10 not relevant + 2 declined + 18 accepted: 2 is hidden, then 10 (next smallest).
        CellGrid g = new CellGrid();
        int total = g.shown(30);
        int notRelevant = g.shown(10);
        int declined = g.shown(2);
        int accepted = g.shown(18);
        g.sum(total, notRelevant, declined, accepted);
        SuppressionMask m = Suppressor.apply(g, DisclosurePolicy.DEFAULT);
        assertThat(m.isHidden(declined)).isTrue();
        assertThat(m.isHidden(notRelevant)).isTrue();
        assertThat(m.isHidden(accepted)).isFalse();
        assertThat(m.isHidden(total)).isFalse();
        assertThat(m.secondaryCount(g)).isEqualTo(1);
    }

    @Test
    void twoSmallCellsInOneBreakdownNeedNoSecondarySuppression() {
        CellGrid g = new CellGrid();
        int total = g.shown(26);
        int a = g.shown(3);
        int b = g.shown(4);
        int c = g.shown(19);
        g.sum(total, a, b, c);
        SuppressionMask m = Suppressor.apply(g, DisclosurePolicy.DEFAULT);
        assertThat(m.secondaryCount(g)).isZero();
        assertThat(m.isHidden(c)).isFalse();
    }

    @Test
    void rateWithSmallComplementHidesItsNumerator() {
        // 18 of 20 exits positive: the 2 others could be recomputed, so 18 is hidden.
        CellGrid g = new CellGrid();
        int positive = g.shown(18);
        int exits = g.shown(20);
        g.complement(positive, exits);
        SuppressionMask m = Suppressor.apply(g, DisclosurePolicy.DEFAULT);
        assertThat(m.isHidden(positive)).isTrue();
        assertThat(m.isHidden(exits)).isFalse();
    }

    @Test
    void twoWayTableWithMarginsHidesAlongRowsAndColumns() {
        // 2x2 interior with margins; one small cell needs three more hidden (a rectangle).
        CellGrid g = new CellGrid();
        int a = g.shown(2), b = g.shown(10), c = g.shown(12), d = g.shown(20);
        int r1 = g.shown(12), r2 = g.shown(32), c1 = g.shown(14), c2 = g.shown(30), all = g.shown(44);
        g.sum(r1, a, b);
        g.sum(r2, c, d);
        g.sum(c1, a, c);
        g.sum(c2, b, d);
        g.sum(all, r1, r2);
        g.sum(all, c1, c2);
        SuppressionMask m = Suppressor.apply(g, DisclosurePolicy.DEFAULT);
        assertThat(new boolean[] {m.isHidden(a), m.isHidden(b), m.isHidden(c), m.isHidden(d)})
                .containsExactly(true, true, true, true);
        boolean[] unknown = m.hidden().clone();
        assertThat(Recovery.determined(g, unknown)).doesNotContain(true);
    }

    @Test
    void bridgeBetweenTwoHiddenRectanglesIsFoundAndProtected() {
        // Every row and column has two hidden cells, yet a single cell linking two blocks would be
        // recoverable from the margins; the rank check catches it.
        long[][] v = {{1, 1, 0}, {1, 7, 1}, {0, 1, 1}};
        CellGrid g = new CellGrid();
        int[][] cell = new int[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                cell[i][j] = g.shown(v[i][j]);
            }
        }
        for (int i = 0; i < 3; i++) {
            g.sum(g.shown(v[i][0] + v[i][1] + v[i][2]), cell[i]);
            g.sum(g.shown(v[0][i] + v[1][i] + v[2][i]), cell[0][i], cell[1][i], cell[2][i]);
        }
        SuppressionMask m = Suppressor.apply(g, DisclosurePolicy.DEFAULT);
        assertThat(Recovery.determined(g, m.hidden())).doesNotContain(true);
    }

    @Test
    void optOutHidesNothing() {
        CellGrid g = new CellGrid();
        int one = g.shown(1);
        SuppressionMask m = Suppressor.apply(g, DisclosurePolicy.DEFAULT.unsuppressed());
        assertThat(m.isHidden(one)).isFalse();
        assertThat(m.policy().applied()).isFalse();
    }

    @Test
    void thresholdBelowThreeIsRefused() {
        assertThatThrownBy(() -> DisclosurePolicy.threshold(2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DisclosurePolicy.threshold(3).isSmall(2)).isTrue();
        assertThat(DisclosurePolicy.threshold(3).isSmall(3)).isFalse();
    }

    @Test
    void settingsFileSetsTheThreshold(@TempDir Path dir) throws IOException {
        Path settings = dir.resolve("stegvis.properties");
        assertThat(DisclosurePolicy.fromSettings(settings)).isEqualTo(DisclosurePolicy.DEFAULT);
        Files.writeString(settings, "disclosure.threshold = 10\n");
        assertThat(DisclosurePolicy.fromSettings(settings).threshold()).isEqualTo(10);
        Files.writeString(settings, "disclosure.threshold = 1\n");
        assertThatThrownBy(() -> DisclosurePolicy.fromSettings(settings)).hasMessageContaining("minimum");
    }

    @Test
    void equationThatDoesNotHoldIsRejected() {
        CellGrid g = new CellGrid();
        int t = g.shown(10);
        int a = g.shown(3);
        assertThatThrownBy(() -> g.sum(t, a)).hasMessageContaining("off by");
    }
}
