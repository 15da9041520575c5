package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.stegvis.stats.CoxGoldenTest.relative;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Logistic regression against R's glm(family = binomial) (r/golden_models.R), within 1e-6 relative. */
class LogisticGoldenTest {

    @org.junit.jupiter.api.AfterAll
    static void report() {
        CoxGoldenTest.report();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lung", "lung_ecog012", "veteran"})
    void matchesGlm(String name) {
        LogisticFit fit = fit(name);
        List<Map<String, String>> g = Golden.golden("glm_" + name + "_terms.csv");
        assertThat(fit.terms()).extracting(GlmTerm::term).containsExactlyElementsOf(List.of(Golden.strings(g, "term")));
        for (int i = 0; i < g.size(); i++) {
            Map<String, String> r = g.get(i);
            GlmTerm t = fit.terms().get(i);
            relative(name + " " + t.term() + " estimate", r.get("estimate"), t.estimate());
            relative(name + " " + t.term() + " se", r.get("se"), t.se());
            relative(name + " " + t.term() + " z", r.get("z"), t.z());
            relative(name + " " + t.term() + " p", r.get("p"), t.p());
            relative(name + " " + t.term() + " lower", r.get("lower"), t.wald(0.95).lower());
            relative(name + " " + t.term() + " upper", r.get("upper"), t.wald(0.95).upper());
        }
        Map<String, String> s = Golden.golden("glm_" + name + "_fit.csv").get(0);
        assertThat(fit.n()).isEqualTo(Integer.parseInt(s.get("n")));
        assertThat(fit.iterations()).as("iterations as R").isEqualTo(Integer.parseInt(s.get("iter")));
        assertThat(fit.dfResidual()).isEqualTo(Integer.parseInt(s.get("df_residual")));
        assertThat(fit.dfNull()).isEqualTo(Integer.parseInt(s.get("df_null")));
        relative(name + " deviance", s.get("deviance"), fit.deviance());
        relative(name + " null deviance", s.get("null_deviance"), fit.nullDeviance());
        relative(name + " aic", s.get("aic"), fit.aic());
    }

    static LogisticFit fit(String name) {
        if (name.equals("veteran")) {
            List<Map<String, String>> in = Golden.input("cox_veteran.csv");
            return LogisticRegression.fit(Golden.doubles(in, "status"), Design.builder(in.size())
                    .numeric("trt", Golden.doubles(in, "trt")).factor("celltype", Golden.strings(in, "celltype")).build());
        }
        // "lung" uses all 228 rows (its one NA is in ph.ecog, which that model leaves out)
        List<Map<String, String>> in = name.equals("lung") ? Golden.input("cox_lung.csv")
                : CoxGoldenTest.complete(Golden.input("cox_lung.csv"));
        if (name.equals("lung_ecog012")) {
            in = in.stream().filter(r -> !r.get("ph.ecog").equals("3")).toList();
        }
        Design.Builder b = Design.builder(in.size()).numeric("age", Golden.doubles(in, "age")).numeric("sex", Golden.doubles(in, "sex"));
        if (name.startsWith("lung_ecog")) {
            b.factor("ph.ecog", Golden.strings(in, "ph.ecog"));
        }
        return LogisticRegression.fit(Golden.doubles(in, "status"), b.build());
    }

    @Test
    void refusesTheLungFactorWhereOneLevelIsOnePersonWhoDied() {
        // R: glm(status ~ age + sex + factor(ph.ecog)) gives ph.ecog3 = 13.5 with se 883 and no warning
        assertThatThrownBy(() -> fit("lung_ecog")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("perfect separation");
    }

    @Test
    void refusesPerfectSeparation() {
        double[] y = {0, 0, 0, 0, 1, 1, 1, 1};
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        assertThatThrownBy(() -> LogisticRegression.fit(y, Design.builder(8).numeric("x", x).build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("perfect separation");
    }

    @Test
    void refusesQuasiCompleteSeparationByAFactorLevel() {
        // level "c" has only 1s: its coefficient goes to infinity (R warns "fitted probabilities numerically 0 or 1")
        double[] y = {0, 1, 0, 1, 0, 1, 1, 1, 1, 0};
        String[] g = {"a", "a", "a", "b", "b", "b", "c", "c", "c", "a"};
        assertThatThrownBy(() -> LogisticRegression.fit(y, Design.builder(10).factor("g", g).build()))
                .hasMessageContaining("separation");
    }

    @Test
    void refusesAnOutcomeThatIsNotZeroOrOne() {
        assertThatThrownBy(() -> LogisticRegression.fit(new double[] {0, 2, 1}, Design.builder(3).numeric("x", new double[] {1, 2, 3}).build()))
                .hasMessageContaining("0 or 1");
    }
}
