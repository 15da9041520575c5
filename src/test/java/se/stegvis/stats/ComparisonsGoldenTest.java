package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.stats.Golden.CLOSED_FORM;
import static se.stegvis.stats.Golden.close;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Funnel limits, direct standardisation and bootstrap intervals against R. The bootstrap is compared
 * on R's own replicates (Java's and R's random streams differ): same replicates, same intervals.
 */
class ComparisonsGoldenTest {

    @Test
    void funnelLimitsMatchExactBinomialWithInterpolation() {
        for (Map<String, String> r : Golden.golden("funnel.csv")) {
            int n = Integer.parseInt(r.get("n"));
            double p0 = Double.parseDouble(r.get("target"));
            FunnelLimits.Limits l = FunnelLimits.binomial(p0, n);
            String at = "n=" + n + " p0=" + p0;
            close(at + " lower95", r.get("lower95"), l.lower95(), CLOSED_FORM);
            close(at + " upper95", r.get("upper95"), l.upper95(), CLOSED_FORM);
            close(at + " lower998", r.get("lower998"), l.lower998(), CLOSED_FORM);
            close(at + " upper998", r.get("upper998"), l.upper998(), CLOSED_FORM);
        }
    }

    @Test
    void directStandardisationMatchesAgeadjustDirect() {
        for (Map<String, String> r : Golden.golden("dsr.csv")) {
            long[] count = Arrays.stream(r.get("count").split(" ")).mapToLong(Long::parseLong).toArray();
            double[] pop = Arrays.stream(r.get("pop").split(" ")).mapToDouble(Double::parseDouble).toArray();
            double[] std = Arrays.stream(r.get("std").split(" ")).mapToDouble(Double::parseDouble).toArray();
            double level = Double.parseDouble(r.get("level"));
            DirectStandardisation.Result d = DirectStandardisation.direct(count, pop, std, level);
            String at = r.get("case") + " " + level;
            close(at + " crude", r.get("crude"), d.crude(), CLOSED_FORM);
            close(at + " adjusted", r.get("adjusted"), d.adjusted(), CLOSED_FORM);
            // gamma quantiles: R's qgamma and Commons' inverse are both iterative; rates of 1e-4 still need 1e-9 absolute
            close(at + " lower", r.get("lower"), d.lower(), CLOSED_FORM);
            close(at + " upper", r.get("upper"), d.upper(), CLOSED_FORM);
        }
    }

    @Test
    void bootstrapPercentileAndBcaMatchBootCiOnTheSameReplicates() {
        List<Map<String, String>> lung = Golden.input("lung.csv");
        double[] lungTimes = Arrays.copyOf(Golden.doubles(lung, "time"), 60);
        List<Map<String, String>> aml = Golden.input("aml.csv");
        double[] amlTimes = Golden.doubles(aml, "time");
        String[] amlGroup = Golden.strings(aml, "group");
        double[] maintained = filter(amlTimes, amlGroup, "Maintained");
        double[] nonmaintained = filter(amlTimes, amlGroup, "Nonmaintained");
        check("median_lung", Bootstrap.of(lungTimes, ComparisonsGoldenTest::median));
        check("mean_aml", Bootstrap.of(amlTimes, x -> Arrays.stream(x).average().orElseThrow()));
        check("median_diff_aml", Bootstrap.twoSample(maintained, nonmaintained, (x, y) -> median(x) - median(y)),
                reorder(amlGroup, "Maintained"));
    }

    private static void check(String kase, Bootstrap b) {
        check(kase, b, null);
    }

    /** {@code order}: positions of R's rows in our influence vector (samples concatenated), or null if the same. */
    private static void check(String kase, Bootstrap b, int[] order) {
        double[] t = Golden.doubles(Golden.golden("boot_" + kase + "_replicates.csv"), "t");
        double[] rL = Golden.doubles(Golden.golden("boot_" + kase + "_influence.csv"), "L");
        double[] ours = b.influence();
        for (int i = 0; i < rL.length; i++) {
            close(kase + " L[" + i + "]", Double.toString(rL[i]), ours[order == null ? i : order[i]], CLOSED_FORM);
        }
        for (Map<String, String> r : Golden.golden("boot_" + kase + ".csv")) {
            double level = Double.parseDouble(r.get("level"));
            Bootstrap.Result res = new Bootstrap.Result(Double.parseDouble(r.get("t0")), t, ours);
            String at = kase + " " + level;
            close(at + " perc lower", r.get("perc_lower"), res.percentile(level).lower(), CLOSED_FORM);
            close(at + " perc upper", r.get("perc_upper"), res.percentile(level).upper(), CLOSED_FORM);
            close(at + " bca lower", r.get("bca_lower"), res.bca(level).lower(), CLOSED_FORM);
            close(at + " bca upper", r.get("bca_upper"), res.bca(level).upper(), CLOSED_FORM);
        }
    }

    /** For each row of the input, its position when the rows of {@code first} come first, then the rest. */
    private static int[] reorder(String[] group, String first) {
        int[] pos = new int[group.length];
        int k = 0;
        for (int i = 0; i < group.length; i++) {
            if (group[i].equals(first)) {
                pos[i] = k++;
            }
        }
        for (int i = 0; i < group.length; i++) {
            if (!group[i].equals(first)) {
                pos[i] = k++;
            }
        }
        return pos;
    }

    private static double[] filter(double[] x, String[] g, String keep) {
        return java.util.stream.IntStream.range(0, x.length).filter(i -> g[i].equals(keep)).mapToDouble(i -> x[i]).toArray();
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
