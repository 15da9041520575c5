package se.stegvis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code stegvis stats ...} on small CSV files, output compared cell by cell with R's golden files. */
class StatsCommandTest {
    private static final Path IN = Path.of("src/test/resources/stats");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    record Run(int exit, String out, String err) {
        List<String> csvLines() {
            return Arrays.stream(out.split("\n")).filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new StatsCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Every golden column present in the output must match (numbers within 1e-9, NA and NaN as NA, text exactly). */
    static void matchesGolden(Run run, String golden) throws IOException {
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> got = run.csvLines();
        List<String> want = Files.readAllLines(GOLDEN.resolve(golden));
        List<String> gotHeader = List.of(got.get(0).split(","));
        String[] wantHeader = want.get(0).split(",");
        assertThat(got).hasSameSizeAs(want);
        for (int i = 1; i < want.size(); i++) {
            String[] w = want.get(i).split(",", -1);
            String[] g = got.get(i).split(",", -1);
            for (int j = 0; j < wantHeader.length; j++) {
                int k = gotHeader.indexOf(wantHeader[j]);
                if (k < 0) {
                    continue;
                }
                String at = golden + " row " + i + " " + wantHeader[j];
                if (w[j].equals("NaN")) { // R's NaN std.err once S = 0; we print NA for every undefined number
                    assertThat(g[k]).as(at).isEqualTo("NA");
                } else if (w[j].equals("NA") || !w[j].matches("-?[0-9.eE+-]+|Inf")) {
                    assertThat(g[k]).as(at).isEqualTo(w[j]);
                } else {
                    assertThat(Double.parseDouble(g[k].replace("Inf", "Infinity")))
                            .as(at).isCloseTo(Double.parseDouble(w[j].replace("Inf", "Infinity")), within(1e-9));
                }
            }
        }
    }

    @Test
    void kmPrintsEverySummarySurvfitRowWithLogLogIntervals() throws IOException {
        Run r = run("km", "--input", IN.resolve("aml.csv").toString());
        assertThat(r.out()).startsWith("# Kaplan-Meier").contains("events come before censorings");
        assertThat(r.csvLines().get(0)).isEqualTo("group,time,n_risk,n_event,n_censor,surv,std_err,lower,upper");
        matchesGolden(r, "km_aml_loglog.csv");
    }

    @Test
    void kmConfTypeLogMatchesRsDefault() throws IOException {
        matchesGolden(run("km", "--input", IN.resolve("lung.csv").toString(), "--conf-type", "log"), "km_lung_log.csv");
    }

    @Test
    void kmSummaryGivesMedianAsPrintSurvfit() throws IOException {
        Run r = run("km", "--summary", "--no-comments", "--input", IN.resolve("half_at_end.csv").toString());
        assertThat(r.out()).doesNotContain("#");
        matchesGolden(r, "km_summary_half_at_end_loglog.csv");
    }

    @Test
    void kmQuantilesFollowQuantileSurvfit() throws IOException {
        matchesGolden(run("km", "--quantiles", "0.1,0.25,0.5,0.75,0.9", "--input", IN.resolve("ovarian.csv").toString()),
                "km_quantiles_ovarian_loglog.csv");
    }

    @Test
    void kmRestrictedMeanFollowsPrintSurvfit() throws IOException {
        Run r = run("km", "--rmean", "161", "--no-comments", "--input", IN.resolve("aml.csv").toString());
        List<String> golden = Files.readAllLines(GOLDEN.resolve("km_rmean_aml.csv")).stream()
                .filter(l -> l.contains(",161,")).toList();
        assertThat(r.csvLines()).hasSize(3);
        for (int i = 0; i < 2; i++) {
            String[] got = r.csvLines().get(i + 1).split(",");
            String[] want = golden.get(i).split(",");
            assertThat(got[0]).isEqualTo(want[0]);
            assertThat(Double.parseDouble(got[2])).isCloseTo(Double.parseDouble(want[2]), within(1e-9));
            assertThat(Double.parseDouble(got[3])).isCloseTo(Double.parseDouble(want[3]), within(1e-9));
        }
    }

    @Test
    void kmTakesLateEntryFromAnEntryColumn() throws IOException {
        Run r = run("km", "--input", IN.resolve("channing.csv").toString());
        assertThat(r.out()).contains("Surv(entry, time, status)");
        matchesGolden(r, "km_channing_loglog.csv");
    }

    @Test
    void cumincPrintsEveryCauseAndTime() throws IOException {
        matchesGolden(run("cuminc", "--input", IN.resolve("cr_ties.csv").toString()), "cuminc_cr_ties_log.csv");
    }

    @Test
    void cumincTakesLateEntryFromAnEntryColumn() throws IOException {
        // etm's abortion data; ignoring entry gave 0.532 for the exposed, cause 2, week 42 where R gives 0.353
        Run r = run("cuminc", "--input", IN.resolve("abortion.csv").toString());
        assertThat(r.out()).contains("Surv(entry, time, factor(status))");
        String week42 = r.csvLines().stream().filter(l -> l.startsWith("1,2,42,")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(week42.split(",")[3])).isCloseTo(0.35256510004978792, within(1e-9));
        matchesGolden(r, "cuminc_abortion_log.csv");
    }

    @Test
    void cumincAnswersForTheOtherGroupsWhenOneHasNoEvents() throws IOException {
        // R gives group b cumulative incidence 0 at every time for both causes
        Run r = run("cuminc", "--input", IN.resolve("cr_group_no_events.csv").toString());
        assertThat(r.csvLines()).contains("b,1,6,0,0,NA,NA", "b,2,6,0,0,NA,NA");
        matchesGolden(r, "cuminc_cr_group_no_events_log.csv");
    }

    @Test
    void logrankStratifiesWhenTheInputHasAStratumColumn() throws IOException {
        matchesGolden(run("logrank", "--input", IN.resolve("ovarian.csv").toString()), "logrank_strata_ovarian.csv");
    }

    @Test
    void logrankTakesLateEntryFromAnEntryColumnAsTheCoxScoreTest() {
        // R (untied event times; survdiff refuses late entry, and ignoring entry gives 4.4178):
        // d <- read.csv("logrank_late_entry.csv"); coxph(Surv(entry, time, status) ~ group, d)$score
        Run r = run("logrank", "--input", IN.resolve("logrank_late_entry.csv").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("late entry").contains("coxph(Surv(entry, time, status) ~ group)$score");
        String[] a = r.csvLines().get(1).split(",");
        assertThat(Double.parseDouble(a[4])).isCloseTo(3.7673913755166848, within(1e-9));
        assertThat(a[5]).isEqualTo("2");
        assertThat(Double.parseDouble(a[6])).isCloseTo(0.15202722113455946, within(1e-9));
    }

    @Test
    void proportionGivesWilsonClopperPearsonAndNewcombe() throws IOException {
        Run r = run("proportion", "--successes", "56", "--trials", "70", "--successes2", "48", "--trials2", "80", "--no-comments");
        assertThat(r.csvLines()).hasSize(4);
        assertThat(r.csvLines().get(3)).startsWith("newcombe,");
        String[] newcombe = r.csvLines().get(3).split(",");
        String[] golden = Files.readAllLines(GOLDEN.resolve("newcombe.csv")).get(1).split(",");
        assertThat(Double.parseDouble(newcombe[4])).isCloseTo(Double.parseDouble(golden[5]), within(1e-9));
        assertThat(Double.parseDouble(newcombe[5])).isCloseTo(Double.parseDouble(golden[6]), within(1e-9));
    }

    @Test
    void fisherReadsATableFileAndWarnsOnSmallExpectedCounts(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("t.csv");
        Files.writeString(table, "arm,yes,no\ntreated,3,1\ncontrol,1,3\n");
        Run r = run("fisher", "--input", table.toString(), "--no-comments");
        assertThat(r.exit()).as(r.err()).isZero();
        String[] fisher = r.csvLines().get(1).split(",");
        assertThat(Double.parseDouble(fisher[3])).isCloseTo(34.0 / 70, within(1e-12));
        assertThat(r.csvLines().get(2)).startsWith("chisq,0.5,1,").endsWith("Chi-squared approximation may be incorrect");
    }

    @Test
    void fisherNoCorrectDropsYatesAndCorrectKeepsIt() {
        // R: chisq.test(matrix(c(3, 1, 1, 3), 2))$statistic = 0.5; with correct = FALSE, 2
        assertThat(run("fisher", "--table", "3,1;1,3", "--no-comments").csvLines().get(2)).startsWith("chisq,0.5,1,");
        assertThat(run("fisher", "--table", "3,1;1,3", "--correct", "--no-comments").csvLines().get(2)).startsWith("chisq,0.5,1,");
        Run off = run("fisher", "--table", "3,1;1,3", "--no-correct");
        assertThat(off.out()).contains("correct = FALSE").doesNotContain("Yates-corrected");
        assertThat(off.csvLines().get(2)).startsWith("chisq,2,1,");
    }

    @Test
    void fisherRefusesARaggedTableInWords() {
        Run r = run("fisher", "--table", "1,2;3");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--table row 2 has 1 cells, row 1 has 2").doesNotContain("Exception");
    }

    @Test
    void refusesAHeaderOnlyFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("empty.csv");
        Files.writeString(f, "time,status,group\n");
        Run r = run("logrank", "--input", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no data rows");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void refusesNumbersWithJavaTypeSuffixesNamingRowAndColumn(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("suffix.csv");
        Files.writeString(f, "time,status,group\n5,1,a\n12d,0,a\n7,1,b\n9,0,b\n");
        Run time = run("km", "--input", f.toString());
        assertThat(time.exit()).isEqualTo(1);
        assertThat(time.err()).contains("row 2, column time: not a number: '12d'");
        Files.writeString(f, "time,status,group\n5,1,a\n12,0,a\n7,1f,b\n9,0,b\n");
        assertThat(run("km", "--input", f.toString()).err()).contains("row 3, column status: not a number: '1f'");
    }

    @Test
    void logrankDropsRowsWhoseGroupIsNaAsR(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("aml_na.csv");
        Files.writeString(f, Files.readString(IN.resolve("aml.csv")) + "4,1,NA\n30,0,NA\n61,1,NA\n");
        Run r = run("logrank", "--input", f.toString(), "--no-comments");
        assertThat(r.err()).contains("dropped 3 rows whose group is NA");
        // R: survdiff(Surv(time, status) ~ group, read.csv(f)) drops the NA rows: df 1, the aml golden
        assertThat(r.csvLines()).hasSize(3);
        matchesGolden(r, "logrank_aml.csv");
    }

    @Test
    void transitionsCellsMatchTableAndPropTest() throws IOException {
        matchesGolden(run("transitions", "--input", IN.resolve("histories.csv").toString()), "transitions_histories_cells.csv");
    }

    @Test
    void refusesWithAMessageAndExitCodeOne() {
        Run r = run("km", "--input", IN.resolve("histories.csv").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("stegvis stats km:").contains("no column 'status'");
        assertThat(r.out()).isEmpty();
        Run missing = run("logrank", "--input", "does-not-exist.csv");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("cannot read does-not-exist.csv");
    }

    @Test
    void coxDropsNaRowsAsRAndMatchesCoxph() throws IOException {
        Run r = run("cox", "--input", IN.resolve("cox_lung.csv").toString(), "--covariates", "age,sex,ph.ecog", "--factors", "ph.ecog");
        assertThat(r.err()).contains("dropped 1 of 228 rows with NA in ph.ecog (as R's na.omit)");
        assertThat(r.out()).contains("# Cox proportional hazards, efron ties").contains("n = 227, events = 164");
        assertThat(r.csvLines().get(0)).isEqualTo("term,coef,exp_coef,se,z,p,lower,upper");
        matchesGolden(r, "cox_lung_efron_terms.csv");
    }

    @Test
    void coxTakesLateEntryStrataClusterAndBreslow() throws IOException {
        Run heart = run("cox", "--input", IN.resolve("cox_heart.csv").toString(), "--covariates", "age,surgery",
                "--cluster", "id", "--ties", "breslow");
        assertThat(heart.csvLines().get(0)).isEqualTo("term,coef,exp_coef,se,robust_se,z,p,lower,upper");
        matchesGolden(heart, "cox_heart_cluster_breslow_terms.csv");
        // celltype is text, so categorical without --factors; prior is the stratum
        matchesGolden(run("cox", "--input", IN.resolve("cox_veteran.csv").toString(), "--covariates", "trt,celltype",
                "--strata", "prior"), "cox_veteran_strata_efron_terms.csv");
    }

    @Test
    void coxTestsRowsAreRsLikelihoodRatioWaldAndScore() throws IOException {
        Run r = run("cox", "--input", IN.resolve("cox_heart.csv").toString(), "--covariates", "age,surgery", "--cluster", "id",
                "--tests", "--no-comments");
        List<String> want = Files.readAllLines(GOLDEN.resolve("cox_heart_cluster_efron_tests.csv"));
        List<String> header = List.of(want.get(0).split(","));
        String[] values = want.get(1).split(",");
        assertThat(r.csvLines()).hasSize(5);
        for (String line : r.csvLines().subList(1, 5)) {
            String[] cells = line.split(",");
            String stat = switch (cells[0]) {
                case "likelihood_ratio" -> "lr";
                default -> cells[0];
            };
            assertThat(Double.parseDouble(cells[1])).as(stat)
                    .isCloseTo(Double.parseDouble(values[header.indexOf(stat)]), within(1e-9));
            assertThat(Double.parseDouble(cells[3])).as(stat + " p")
                    .isCloseTo(Double.parseDouble(values[header.indexOf(stat + "_p")]), within(1e-12));
        }
    }

    @Test
    void coxZphIsRsCoxZphTable() throws IOException {
        matchesGolden(run("cox", "--input", IN.resolve("cox_lung.csv").toString(), "--covariates", "age,sex,ph.ecog",
                "--factors", "ph.ecog", "--ties", "breslow", "--zph"), "cox_lung_breslow_zph.csv");
    }

    @Test
    void coxRefusesInWords(@TempDir Path dir) throws IOException {
        String lung = IN.resolve("cox_lung.csv").toString();
        assertThat(run("cox", "--input", lung, "--covariates", "age,weight").err())
                .contains("unknown covariate column 'weight'");
        Path f = dir.resolve("d.csv");
        Files.writeString(f, "time,status,x,y\n1,1,3,1\n2,0,3,2\n3,1,3,1\n4,0,3,2\n");
        Run constant = run("cox", "--input", f.toString(), "--covariates", "y,x");
        assertThat(constant.exit()).isEqualTo(1);
        assertThat(constant.err()).contains("covariate 'x' is constant");
        Files.writeString(f, "time,status,x\n1,0,1\n2,0,2\n3,0,1\n");
        assertThat(run("cox", "--input", f.toString(), "--covariates", "x").err()).contains("no events");
        assertThat(run("cox", "--input", lung, "--covariates", "age", "--ties", "exact").err()).contains("unknown --ties 'exact'");
    }

    @Test
    void glmMatchesRAndRefusesSeparation(@TempDir Path dir) throws IOException {
        Run r = run("glm", "--input", IN.resolve("cox_veteran.csv").toString(), "--outcome", "status", "--covariates", "trt,celltype");
        assertThat(r.csvLines().get(0)).isEqualTo("term,estimate,se,z,p,lower,upper");
        matchesGolden(r, "glm_veteran_terms.csv");
        Run lung = run("glm", "--input", IN.resolve("cox_lung.csv").toString(), "--outcome", "status", "--covariates", "age,sex");
        assertThat(lung.err()).isEmpty(); // the NA is in ph.ecog, which this model does not use
        matchesGolden(lung, "glm_lung_terms.csv");
        Path f = dir.resolve("sep.csv");
        Files.writeString(f, "y,x\n0,1\n0,2\n0,3\n1,4\n1,5\n1,6\n");
        Run sep = run("glm", "--input", f.toString(), "--outcome", "y", "--covariates", "x");
        assertThat(sep.exit()).isEqualTo(1);
        assertThat(sep.err()).contains("perfect separation").doesNotContain("Exception");
        assertThat(sep.out()).doesNotContain("(Intercept)");
    }
}
