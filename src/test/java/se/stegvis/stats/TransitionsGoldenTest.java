package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.stats.Golden.CLOSED_FORM;
import static se.stegvis.stats.Golden.close;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Step transitions against R: table + prop.test (cells), matrix powers (projection), poisson.test and
 * expm::expm (rates), etm (Aalen-Johansen matrix with Greenwood variances).
 */
class TransitionsGoldenTest {

    private static StateHistories histories(String kase) {
        List<Map<String, String>> in = Golden.input(kase + ".csv");
        return StateHistories.of(Golden.strings(in, "id"), Golden.doubles(in, "time"), Golden.strings(in, "state"));
    }

    private static int idx(List<String> states, String s) {
        return states.indexOf(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"histories", "cav"})
    void cellsMatchTableAndPropTest(String kase) {
        List<TransitionCell> cells = histories(kase).consecutiveTransitions().cells(0.95);
        List<Map<String, String>> g = Golden.golden("transitions_" + kase + "_cells.csv");
        assertThat(cells).hasSize(g.size());
        for (int i = 0; i < g.size(); i++) {
            Map<String, String> r = g.get(i);
            TransitionCell c = cells.get(i);
            String at = kase + " " + r.get("from") + "->" + r.get("to");
            assertThat(c.from() + "->" + c.to()).isEqualTo(r.get("from") + "->" + r.get("to"));
            close(at + " count", r.get("count"), (double) c.count(), 0);
            close(at + " row_total", r.get("row_total"), (double) c.rowTotal(), 0);
            close(at + " proportion", r.get("proportion"), c.proportion().estimate(), CLOSED_FORM);
            close(at + " lower", r.get("lower"), c.proportion().lower(), CLOSED_FORM);
            close(at + " upper", r.get("upper"), c.proportion().upper(), CLOSED_FORM);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"histories", "cav"})
    void projectionMatchesMatrixPowers(String kase) {
        TransitionMatrix m = histories(kase).consecutiveTransitions();
        for (Map<String, String> r : Golden.golden("transitions_" + kase + "_projection.csv")) {
            double[][] p = m.project(Integer.parseInt(r.get("steps")));
            close(kase + " P^" + r.get("steps") + " " + r.get("from") + "->" + r.get("to"), r.get("probability"),
                    p[idx(m.states(), r.get("from"))][idx(m.states(), r.get("to"))], CLOSED_FORM);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"histories", "cav"})
    void ratesMatchPoissonTestAndExpm(String kase) {
        TransitionRates rates = TransitionRates.of(histories(kase));
        List<TransitionRate> list = rates.rates(0.95);
        List<Map<String, String>> g = Golden.golden("transitions_" + kase + "_rates.csv");
        assertThat(list).hasSize(g.size());
        for (int i = 0; i < g.size(); i++) {
            Map<String, String> r = g.get(i);
            TransitionRate q = list.get(i);
            String at = kase + " " + r.get("from") + "->" + r.get("to");
            assertThat(q.from() + "->" + q.to()).isEqualTo(r.get("from") + "->" + r.get("to"));
            close(at + " transitions", r.get("transitions"), (double) q.transitions(), 0);
            close(at + " exposure", r.get("exposure"), q.exposure(), CLOSED_FORM);
            close(at + " rate", r.get("rate"), q.rate().estimate(), CLOSED_FORM);
            close(at + " lower", r.get("lower"), q.rate().lower(), CLOSED_FORM);
            close(at + " upper", r.get("upper"), q.rate().upper(), CLOSED_FORM);
        }
        for (Map<String, String> r : Golden.golden("transitions_" + kase + "_expm.csv")) {
            double[][] p = rates.probabilities(Double.parseDouble(r.get("t")));
            close(kase + " exp(Qt) t=" + r.get("t") + " " + r.get("from") + "->" + r.get("to"), r.get("probability"),
                    p[idx(rates.states(), r.get("from"))][idx(rates.states(), r.get("to"))], CLOSED_FORM);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"histories", "cav"})
    void aalenJohansenMatrixMatchesEtm(String kase) {
        AalenJohansenMatrix aj = AalenJohansenMatrix.fit(histories(kase), 0);
        List<String> states = aj.states();
        List<Map<String, String>> g = Golden.golden("transitions_" + kase + "_etm.csv");
        assertThat(aj.steps().size() * states.size() * states.size()).isEqualTo(g.size());
        int i = 0;
        for (Map<String, String> r : g) {
            TransitionProbabilities step = aj.steps().get(i++ / (states.size() * states.size()));
            String at = kase + " t=" + r.get("time") + " " + r.get("from") + "->" + r.get("to");
            close(at + " time", r.get("time"), step.time(), 0);
            int a = idx(states, r.get("from"));
            int b = idx(states, r.get("to"));
            close(at + " P", r.get("probability"), step.probability()[a][b], CLOSED_FORM);
            close(at + " var", r.get("variance"), step.variance()[a][b], CLOSED_FORM);
        }
    }
}
