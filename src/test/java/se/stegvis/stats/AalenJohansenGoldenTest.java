package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.stats.Golden.CLOSED_FORM;
import static se.stegvis.stats.Golden.close;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Aalen-Johansen against R's multi-state survfit(Surv([entry, ]time, factor(status)) ~ 1), per group:
 * abortion (etm) has late entry, cr_group_no_events a group without events.
 */
class AalenJohansenGoldenTest {

    static Stream<Arguments> cases() {
        return Stream.of("cr_ties", "mgus2", "cr_single_event", "cr_group_no_events", "abortion")
                .flatMap(c -> Stream.of(ConfType.values()).map(t -> Arguments.of(c, t)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void everyCauseAndTimeMatchesSurvfit(String kase, ConfType type) {
        List<Map<String, String>> in = Golden.input(kase + ".csv");
        double[] time = Golden.doubles(in, "time");
        int[] cause = Arrays.stream(Golden.doubles(in, "status")).mapToInt(d -> (int) d).toArray();
        String[] group = in.get(0).containsKey("group") ? Golden.strings(in, "group") : new String[in.size()];
        if (group[0] == null) {
            Arrays.fill(group, "");
        }
        double[] entry = in.get(0).containsKey("entry") ? Golden.doubles(in, "entry") : null;
        Map<String, CumulativeIncidence> fits = AalenJohansen.options().confType(type).fitByGroup(entry, time, cause, group);
        List<Map<String, String>> golden = Golden.golden("cuminc_" + kase + "_" + type.rName().replace("-", "") + ".csv");
        int checked = 0;
        for (Map<String, String> r : golden) {
            CumulativeIncidence ci = fits.get(r.get("group"));
            int c = Integer.parseInt(r.get("cause"));
            double t = Double.parseDouble(r.get("time"));
            CumulativeIncidenceRow row = ci.cause(c).stream().filter(x -> x.time() == t).findFirst().orElseThrow();
            String at = kase + " " + r.get("group") + " cause " + c + " t=" + t;
            close(at + " n_risk", r.get("n_risk"), (double) row.nRisk(), 0);
            close(at + " n_event", r.get("n_event"), (double) row.nEvent(), 0);
            close(at + " estimate", r.get("estimate"), row.estimate(), CLOSED_FORM);
            close(at + " std_err", r.get("std_err"), row.stdErr(), CLOSED_FORM);
            close(at + " lower", r.get("lower"), row.lower(), CLOSED_FORM);
            close(at + " upper", r.get("upper"), row.upper(), CLOSED_FORM);
            checked++;
        }
        int rows = fits.values().stream().mapToInt(f -> f.byCause().values().stream().mapToInt(List::size).sum()).sum();
        assertThat(checked).isEqualTo(rows);
    }
}
