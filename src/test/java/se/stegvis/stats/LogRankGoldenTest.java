package se.stegvis.stats;

import static se.stegvis.stats.Golden.CLOSED_FORM;
import static se.stegvis.stats.Golden.close;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Log-rank against R's survdiff, plain and stratified. */
class LogRankGoldenTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"lung.csv,logrank_lung.csv,false", "aml.csv,logrank_aml.csv,false",
        "ovarian.csv,logrank_ovarian.csv,false", "ties.csv,logrank_ties.csv,false",
        "lung_ecog.csv,logrank_lung_ecog.csv,false",
        "lung_strata.csv,logrank_strata_lung.csv,true", "ovarian.csv,logrank_strata_ovarian.csv,true"})
    void matchesSurvdiff(String input, String golden, boolean stratified) {
        List<Map<String, String>> in = Golden.input(input);
        double[] time = Golden.doubles(in, "time");
        boolean[] event = Golden.events(in);
        String[] group = Golden.strings(in, "group");
        LogRankResult res = stratified
                ? LogRank.test(time, event, group, Golden.strings(in, "stratum"))
                : LogRank.test(time, event, group);
        List<Map<String, String>> g = Golden.golden(golden);
        assertThat(res.groups()).hasSize(g.size());
        for (int i = 0; i < g.size(); i++) {
            Map<String, String> r = g.get(i);
            LogRankGroup lg = res.groups().get(i);
            assertThat(lg.group()).isEqualTo(r.get("group"));
            close(golden + " n", r.get("n"), (double) lg.n(), 0);
            close(golden + " observed", r.get("observed"), lg.observed(), CLOSED_FORM);
            close(golden + " expected", r.get("expected"), lg.expected(), CLOSED_FORM);
            close(golden + " chisq", r.get("chisq"), res.chiSquare(), CLOSED_FORM);
            close(golden + " df", r.get("df"), (double) res.df(), 0);
            close(golden + " p", r.get("p"), res.pValue(), CLOSED_FORM);
        }
    }
}
