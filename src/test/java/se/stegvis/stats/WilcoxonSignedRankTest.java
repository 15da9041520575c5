package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static se.stegvis.stats.Golden.CLOSED_FORM;
import static se.stegvis.stats.Golden.close;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Paired Wilcoxon signed-rank against R's wilcox.test(paired = TRUE), and by hand. */
class WilcoxonSignedRankTest {

    @Test
    void matchesWilcoxTestWithRsDefaults() {
        for (Map<String, String> r : Golden.golden("wilcoxon_signed_rank.csv")) {
            double[] x = Arrays.stream(r.get("x").split(" ")).mapToDouble(Double::parseDouble).toArray();
            double[] y = Arrays.stream(r.get("y").split(" ")).mapToDouble(Double::parseDouble).toArray();
            WilcoxonSignedRank.Alternative alt = switch (r.get("alternative")) {
                case "less" -> WilcoxonSignedRank.Alternative.LESS;
                case "greater" -> WilcoxonSignedRank.Alternative.GREATER;
                default -> WilcoxonSignedRank.Alternative.TWO_SIDED;
            };
            WilcoxonSignedRank.Result w = WilcoxonSignedRank.paired(x, y, alt);
            String at = r.get("case") + " " + r.get("alternative");
            close(at + " V", r.get("statistic"), w.statistic(), CLOSED_FORM);
            close(at + " p", r.get("p"), w.pValue(), CLOSED_FORM);
            assertThat(w.exact()).as(at + " exact").isEqualTo(Boolean.parseBoolean(r.get("exact")));
        }
    }

    @Test
    void allPositiveDifferencesOfFiveGiveTheSmallestExactPValue() {
        // V = 15 = 1+2+3+4+5; only 1 of 2^5 sign patterns is as extreme on each side: p = 2/32
        WilcoxonSignedRank.Result w = WilcoxonSignedRank.paired(new double[] {2, 4, 6, 8, 10}, new double[] {1, 2, 3, 4, 5});
        assertThat(w.statistic()).isEqualTo(15.0);
        assertThat(w.pValue()).isCloseTo(2.0 / 32, within(1e-15));
        assertThat(w.exact()).isTrue();
    }

    @Test
    void refusesWhenNothingDiffers() {
        assertThatThrownBy(() -> WilcoxonSignedRank.paired(new double[] {1, 2}, new double[] {1, 2}))
                .hasMessageContaining("every difference is 0");
        assertThatThrownBy(() -> WilcoxonSignedRank.paired(new double[] {1}, new double[] {1, 2}))
                .hasMessageContaining("lengths differ");
    }
}
