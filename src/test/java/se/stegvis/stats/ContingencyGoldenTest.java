package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static se.stegvis.stats.Golden.CLOSED_FORM;
import static se.stegvis.stats.Golden.close;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fisher's exact test and the chi-square test against R's fisher.test and chisq.test. */
class ContingencyGoldenTest {
    /**
     * R's fisher.test finds the odds ratio and its bounds with uniroot's default tolerance
     * ({@code .Machine$double.eps^0.25}) on psi in (0, 1) and on 1/psi above 1, so R's own values
     * are off by up to that tolerance below 1 and by tolerance * psi^2 above; against R's own code
     * with the tolerance tightened to 1e-14 we hold 1e-7 relative.
     */
    private static final double UNIROOT_TOL = Math.pow(Math.ulp(1.0), 0.25);
    private static final double VS_R_TIGHT_RELATIVE = 1e-7;

    static long[][] decode(String s) {
        String[] parts = s.split(":");
        int r = Integer.parseInt(parts[0].split("x")[0]);
        int c = Integer.parseInt(parts[0].split("x")[1]);
        long[] cells = Arrays.stream(parts[1].split(" ")).mapToLong(Long::parseLong).toArray();
        long[][] t = new long[r][c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(cells, i * c, t[i], 0, c);
        }
        return t;
    }

    @Test
    void fisher2x2MatchesR() {
        for (Map<String, String> r : Golden.golden("fisher_2x2.csv")) {
            long[][] t = decode(r.get("table"));
            double level = Double.parseDouble(r.get("level"));
            FisherResult f = FisherExact.test2x2((int) t[0][0], (int) t[0][1], (int) t[1][0], (int) t[1][1], level);
            String at = r.get("table") + " at " + level;
            close(at + " p", r.get("p"), f.pValue(), CLOSED_FORM);
            close(at + " p alone", r.get("p"), FisherExact.pValue2x2((int) t[0][0], (int) t[0][1], (int) t[1][0],
                    (int) t[1][1]), CLOSED_FORM);
            relative(at + " or", r.get("or_tight"), f.oddsRatio(), VS_R_TIGHT_RELATIVE);
            relative(at + " lower", r.get("lower_tight"), f.lower(), VS_R_TIGHT_RELATIVE);
            relative(at + " upper", r.get("upper_tight"), f.upper(), VS_R_TIGHT_RELATIVE);
            uniroot(at + " or (R default)", r.get("or"), f.oddsRatio());
            uniroot(at + " lower (R default)", r.get("lower"), f.lower());
            uniroot(at + " upper (R default)", r.get("upper"), f.upper());
        }
    }

    @Test
    void fisherRxcMatchesR() {
        for (Map<String, String> r : Golden.golden("fisher_rxc.csv")) {
            close(r.get("table") + " p", r.get("p"), FisherExact.testRxc(decode(r.get("table"))).pValue(), CLOSED_FORM);
        }
    }

    @Test
    void chiSquareMatchesR() {
        for (Map<String, String> r : Golden.golden("chisq.csv")) {
            boolean correct = Boolean.parseBoolean(r.get("correct"));
            ChiSquareResult c = ChiSquare.test(decode(r.get("table")), correct);
            String at = r.get("table") + " correct=" + correct;
            close(at + " statistic", r.get("statistic"), c.statistic(), CLOSED_FORM);
            close(at + " df", r.get("df"), (double) c.df(), 0);
            close(at + " p", r.get("p"), c.pValue(), CLOSED_FORM);
            assertThat(c.warning().isPresent()).as(at + " warning").isEqualTo(Boolean.parseBoolean(r.get("small_expected")));
        }
    }

    private static void relative(String what, String expected, double actual, double rel) {
        double e = Golden.parse(expected);
        if (e == 0 || Double.isInfinite(e)) {
            assertThat(actual).as(what).isEqualTo(e);
        } else {
            assertThat(actual).as(what).isCloseTo(e, within(Math.abs(e) * rel));
        }
    }

    private static void uniroot(String what, String expected, double actual) {
        double e = Golden.parse(expected);
        if (e == 0 || Double.isInfinite(e)) {
            assertThat(actual).as(what).isEqualTo(e);
        } else {
            assertThat(actual).as(what).isCloseTo(e, within(UNIROOT_TOL * Math.max(1, e * e)));
        }
    }
}
