package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cox regression against R's coxph (r/golden_models.R): coefficients, standard errors, p and tests within 1e-6 relative. */
class CoxGoldenTest {
    /** Iterative estimates: R and we stop at the same iteration, so agreement is far below this. */
    static final double RELATIVE = 1e-6;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"lung,efron", "lung,breslow", "veteran,efron", "veteran,breslow", "veteran_strata,efron",
        "veteran_strata,breslow", "heart_cluster,efron", "heart_cluster,breslow", "heart_strata_cluster,efron",
        "heart_strata_cluster,breslow", "demo_exit,efron", "demo_exit,breslow",
        "demo_first_meeting,efron", "demo_first_meeting,breslow"})
    void matchesCoxph(String dataset, String ties) {
        CoxFit fit = fit(dataset, CoxRegression.Ties.valueOf(ties.toUpperCase()));
        String name = "cox_" + dataset + "_" + ties;
        List<Map<String, String>> g = Golden.golden(name + "_terms.csv");
        assertThat(fit.terms()).extracting(CoxTerm::term).containsExactlyElementsOf(List.of(Golden.strings(g, "term")));
        for (int i = 0; i < g.size(); i++) {
            Map<String, String> r = g.get(i);
            CoxTerm t = fit.terms().get(i);
            relative(name + " " + t.term() + " coef", r.get("coef"), t.coef());
            relative(name + " " + t.term() + " exp_coef", r.get("exp_coef"), t.expCoef());
            relative(name + " " + t.term() + " se", r.get("se"), t.se());
            relative(name + " " + t.term() + " robust_se", r.get("robust_se"), t.robustSe());
            relative(name + " " + t.term() + " z", r.get("z"), t.z());
            relative(name + " " + t.term() + " p", r.get("p"), t.p());
            relative(name + " " + t.term() + " lower", r.get("lower"), t.hazardRatio(0.95).lower());
            relative(name + " " + t.term() + " upper", r.get("upper"), t.hazardRatio(0.95).upper());
        }
        Map<String, String> s = Golden.golden(name + "_tests.csv").get(0);
        assertThat(fit.n()).isEqualTo(Integer.parseInt(s.get("n")));
        assertThat(fit.events()).isEqualTo(Integer.parseInt(s.get("events")));
        assertThat(fit.iterations()).as("iterations as R").isEqualTo(Integer.parseInt(s.get("iter")));
        relative(name + " loglik_null", s.get("loglik_null"), fit.loglikNull());
        relative(name + " loglik", s.get("loglik"), fit.loglik());
        relative(name + " lr", s.get("lr"), fit.likelihoodRatio().statistic());
        relative(name + " lr_p", s.get("lr_p"), fit.likelihoodRatio().p());
        relative(name + " wald", s.get("wald"), fit.wald().statistic());
        relative(name + " wald_p", s.get("wald_p"), fit.wald().p());
        relative(name + " score", s.get("score"), fit.score().statistic());
        relative(name + " score_p", s.get("score_p"), fit.score().p());
        relative(name + " robust_score", s.get("robust_score"), fit.robustScore() == null ? null : fit.robustScore().statistic());
        relative(name + " robust_score_p", s.get("robust_score_p"), fit.robustScore() == null ? null : fit.robustScore().p());
        assertThat(fit.wald().df()).isEqualTo(Integer.parseInt(s.get("df")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"lung,efron", "lung,breslow", "veteran,efron", "veteran,breslow", "veteran_strata,efron",
        "veteran_strata,breslow", "heart_cluster,efron", "heart_cluster,breslow", "heart_strata_cluster,efron",
        "heart_strata_cluster,breslow", "demo_exit,efron", "demo_exit,breslow",
        "demo_first_meeting,efron", "demo_first_meeting,breslow"})
    void matchesCoxZph(String dataset, String ties) {
        CoxZph zph = zph(dataset, CoxRegression.Ties.valueOf(ties.toUpperCase()));
        String name = "cox_" + dataset + "_" + ties + "_zph";
        List<Map<String, String>> g = Golden.golden(name + ".csv");
        assertThat(zph.rows()).extracting(CoxZph.Row::term).containsExactlyElementsOf(List.of(Golden.strings(g, "term")));
        for (int i = 0; i < g.size(); i++) {
            CoxZph.Row r = zph.rows().get(i);
            assertThat(r.df()).isEqualTo(Integer.parseInt(g.get(i).get("df")));
            relative(name + " " + r.term() + " chisq", g.get(i).get("chisq"), r.chisq());
            relative(name + " " + r.term() + " p", g.get(i).get("p"), r.p());
        }
    }

    static CoxFit fit(String dataset, CoxRegression.Ties ties) {
        return (CoxFit) model(dataset, ties, false);
    }

    static CoxZph zph(String dataset, CoxRegression.Ties ties) {
        return (CoxZph) model(dataset, ties, true);
    }

    /** The dataset's fit, or its cox.zph. */
    private static Object model(String dataset, CoxRegression.Ties ties, boolean zph) {
        CoxRegression.Options o = CoxRegression.options().withTies(ties);
        return switch (dataset) {
            case "lung" -> {
                List<Map<String, String>> in = complete(Golden.input("cox_lung.csv"));
                Design d = Design.builder(in.size()).numeric("age", Golden.doubles(in, "age"))
                        .numeric("sex", Golden.doubles(in, "sex")).factor("ph.ecog", Golden.strings(in, "ph.ecog")).build();
                yield zph ? o.proportionalHazards(null, Golden.doubles(in, "time"), Golden.events(in), d)
                        : o.fit(null, Golden.doubles(in, "time"), Golden.events(in), d);
            }
            case "veteran", "veteran_strata" -> {
                List<Map<String, String>> in = Golden.input("cox_veteran.csv");
                Design d = Design.builder(in.size()).numeric("trt", Golden.doubles(in, "trt"))
                        .factor("celltype", Golden.strings(in, "celltype")).build();
                if (dataset.equals("veteran_strata")) {
                    o = o.withStrata(Golden.strings(in, "prior"));
                }
                yield zph ? o.proportionalHazards(null, Golden.doubles(in, "time"), Golden.events(in), d)
                        : o.fit(null, Golden.doubles(in, "time"), Golden.events(in), d);
            }
            case "heart_cluster" -> {
                List<Map<String, String>> in = Golden.input("cox_heart.csv");
                Design d = Design.builder(in.size()).numeric("age", Golden.doubles(in, "age"))
                        .numeric("surgery", Golden.doubles(in, "surgery")).build();
                o = o.withCluster(Golden.strings(in, "id"));
                yield zph ? o.proportionalHazards(Golden.doubles(in, "entry"), Golden.doubles(in, "time"), Golden.events(in), d)
                        : o.fit(Golden.doubles(in, "entry"), Golden.doubles(in, "time"), Golden.events(in), d);
            }
            case "heart_strata_cluster" -> {
                List<Map<String, String>> in = Golden.input("cox_heart.csv");
                Design d = Design.builder(in.size()).numeric("age", Golden.doubles(in, "age"))
                        .numeric("transplant", Golden.doubles(in, "transplant")).build();
                o = o.withCluster(Golden.strings(in, "id")).withStrata(Golden.strings(in, "surgery"));
                yield zph ? o.proportionalHazards(Golden.doubles(in, "entry"), Golden.doubles(in, "time"), Golden.events(in), d)
                        : o.fit(Golden.doubles(in, "entry"), Golden.doubles(in, "time"), Golden.events(in), d);
            }
            case "demo_exit", "demo_first_meeting" -> {
                List<Map<String, String>> in = Golden.input("demo_leadtime_" + dataset.substring(5) + ".csv");
                Design d = Design.builder(in.size()).factor("group", Golden.strings(in, "group")).build();
                yield zph ? o.proportionalHazards(null, Golden.doubles(in, "time"), Golden.events(in), d)
                        : o.fit(null, Golden.doubles(in, "time"), Golden.events(in), d);
            }
            default -> throw new IllegalArgumentException(dataset);
        };
    }

    /** The rows without NA, as R's na.omit. */
    static List<Map<String, String>> complete(List<Map<String, String>> rows) {
        return rows.stream().filter(r -> !r.containsValue("NA")).toList();
    }

    /** Largest relative difference per method (coxph, cox.zph, glm), printed after each class for the record. */
    static final Map<String, Map.Entry<String, Double>> WORST = new java.util.TreeMap<>();

    @AfterAll
    static void report() {
        WORST.forEach((m, w) -> System.out.println("largest relative difference against R, " + m + ": " + w.getValue()
                + " (" + w.getKey() + ")"));
    }

    static void relative(String what, String expected, Double actual) {
        if (expected.equals("NA")) {
            assertThat(actual == null || actual.isNaN()).as(what + ": R says NA, got " + actual).isTrue();
            return;
        }
        double e = Golden.parse(expected);
        double diff = Math.abs(actual - e) / Math.max(Math.abs(e), 1e-300);
        String method = !what.startsWith("cox_") ? "glm" : what.contains("_zph") ? "cox.zph" : "coxph";
        if (!WORST.containsKey(method) || diff > WORST.get(method).getValue()) {
            WORST.put(method, Map.entry(what, diff));
        }
        assertThat(diff).as(what + ": R " + e + ", got " + actual).isLessThanOrEqualTo(RELATIVE);
    }
}
