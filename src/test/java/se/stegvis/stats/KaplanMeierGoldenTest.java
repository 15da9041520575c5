package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.stats.Golden.CLOSED_FORM;
import static se.stegvis.stats.Golden.close;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/** Kaplan-Meier against R's survfit on survival's datasets and the hand-made edge cases. */
class KaplanMeierGoldenTest {

    static Stream<Arguments> cases() {
        return Stream.of("lung", "aml", "ovarian", "ties", "all_censored", "single_event", "half_then_drop",
                        "half_at_end", "all_events", "late_entry", "channing",
                        "demo_leadtime_first_meeting", "demo_leadtime_exit")
                .flatMap(c -> Stream.of(ConfType.values()).map(t -> Arguments.of(c, t)));
    }

    private static Map<String, KaplanMeierFit> fits(String kase, ConfType type) {
        List<Map<String, String>> in = Golden.input(kase + ".csv");
        double[] time = Golden.doubles(in, "time");
        boolean[] event = Golden.events(in);
        String[] group = in.get(0).containsKey("group") ? Golden.strings(in, "group") : new String[in.size()];
        if (group[0] == null) {
            java.util.Arrays.fill(group, "");
        }
        double[] entry = in.get(0).containsKey("entry") ? Golden.doubles(in, "entry") : null;
        return KaplanMeier.options().confType(type).fitByGroup(entry, time, event, group);
    }

    private static String tag(ConfType type) {
        return type.rName().replace("-", "");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void everyRowMatchesSummarySurvfit(String kase, ConfType type) {
        Map<String, KaplanMeierFit> fits = fits(kase, type);
        List<Map<String, String>> golden = Golden.golden("km_" + kase + "_" + tag(type) + ".csv");
        int[] next = new int[1];
        fits.forEach((g, fit) -> {
            for (KaplanMeierRow row : fit.rows()) {
                Map<String, String> r = golden.get(next[0]++);
                String at = kase + " " + g + " t=" + row.time();
                assertThat(r.get("group")).isEqualTo(g);
                close(at + " time", r.get("time"), row.time(), 0);
                close(at + " n_risk", r.get("n_risk"), (double) row.nRisk(), 0);
                close(at + " n_event", r.get("n_event"), (double) row.nEvent(), 0);
                close(at + " n_censor", r.get("n_censor"), (double) row.nCensor(), 0);
                close(at + " surv", r.get("surv"), row.surv(), CLOSED_FORM);
                close(at + " std_err", r.get("std_err"), row.stdErr(), CLOSED_FORM);
                close(at + " lower", r.get("lower"), row.lower(), CLOSED_FORM);
                close(at + " upper", r.get("upper"), row.upper(), CLOSED_FORM);
            }
        });
        assertThat(next[0]).isEqualTo(golden.size());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void quantilesMatchQuantileSurvfit(String kase, ConfType type) {
        Map<String, KaplanMeierFit> fits = fits(kase, type);
        for (Map<String, String> r : Golden.golden("km_quantiles_" + kase + "_" + tag(type) + ".csv")) {
            double p = Double.parseDouble(r.get("p"));
            Quantile q = fits.get(r.get("group")).quantile(p);
            String at = kase + " " + r.get("group") + " p=" + p;
            close(at + " quantile", r.get("quantile"), q.estimate(), CLOSED_FORM);
            close(at + " lower", r.get("lower"), q.lower(), CLOSED_FORM);
            close(at + " upper", r.get("upper"), q.upper(), CLOSED_FORM);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void summaryMatchesPrintSurvfit(String kase, ConfType type) {
        Map<String, KaplanMeierFit> fits = fits(kase, type);
        for (Map<String, String> r : Golden.golden("km_summary_" + kase + "_" + tag(type) + ".csv")) {
            KaplanMeierFit fit = fits.get(r.get("group"));
            Quantile m = fit.printedMedian();
            String at = kase + " " + r.get("group");
            close(at + " n", r.get("n"), (double) fit.n(), 0);
            close(at + " events", r.get("events"), (double) fit.events(), 0);
            close(at + " median", r.get("median"), m.estimate(), CLOSED_FORM);
            close(at + " median_lower", r.get("median_lower"), m.lower(), CLOSED_FORM);
            close(at + " median_upper", r.get("median_upper"), m.upper(), CLOSED_FORM);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void restrictedMeanMatchesSurvmean(String kase, ConfType type) {
        Map<String, KaplanMeierFit> fits = fits(kase, type);
        for (Map<String, String> r : Golden.golden("km_rmean_" + kase + ".csv")) {
            KaplanMeierFit fit = fits.get(r.get("group"));
            double tau = Double.parseDouble(r.get("tau"));
            close(kase + " rmean tau=" + tau, r.get("rmean"), fit.restrictedMean(tau), CLOSED_FORM);
            close(kase + " se tau=" + tau, r.get("se"), fit.restrictedMeanStdErr(tau), CLOSED_FORM);
        }
    }
}
