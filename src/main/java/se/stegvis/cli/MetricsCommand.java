package se.stegvis.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.stegvis.charts.Lang;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.GroupBy;
import se.stegvis.disclosure.DisclosurePolicy;
import se.stegvis.metrics.Goal;
import se.stegvis.metrics.LeadTime;
import se.stegvis.metrics.MetricResult;
import se.stegvis.metrics.MetricTable;
import se.stegvis.metrics.Metrics;
import se.stegvis.metrics.Milestone;
import se.stegvis.metrics.SelectionException;
import se.stegvis.metrics.Suppression;
import se.stegvis.output.Provenance;
import se.stegvis.output.ResultWriter;
import se.stegvis.store.CohortStore;

/** {@code stegvis metrics NAME --db FILE ...}: one metric on the store, as CSV, JSON or a table. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Computes one metric on the cohort store, with disclosure control applied (counts below the"
                + " threshold shown as <5, others hidden as .. where they would reveal one).",
                "NAME: funnel, steps, transitions, leadtime, flow, outcomes, flow-quality, compare, data-quality,"
                        + " right-support, cycling, intensity, partner-input, goals, ratings, process-map, referrers (always per referral source).",
                "Columns are documented in docs/metrics.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the metric failed",
            "2:bad arguments, a selection that matches nothing, or the store could not be opened"})
final class MetricsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The metric.")
    String name;

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The DuckDB cohort store (opened read-only).")
    Path db;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Take the data as of this date (default: the latest date recorded in the store).")
    String asOf;

    @Option(names = "--by", paramLabel = "COLUMN", defaultValue = "none",
            description = "Break down by: none, programme, municipality, unit, gender, age_band, income_source_at_entry,"
                    + " referral_source, education, born_abroad, referral_year, referral_quarter, arm.")
    String by;

    @Option(names = "--from", paramLabel = "EVENT", defaultValue = "referral", description = "leadtime: start milestone.")
    String from;

    @Option(names = "--to", paramLabel = "EVENT", defaultValue = "first_meeting", description = "leadtime: end milestone.")
    String to;

    @Option(names = "--within", paramLabel = "DAYS", defaultValue = "30",
            description = "leadtime: share within DAYS; outcomes: joint plan within DAYS of referral.")
    int within;

    @Option(names = "--programme", split = ",", paramLabel = "CODE", description = "Only these programmes.")
    List<String> programmes;

    @Option(names = "--municipality", split = ",", paramLabel = "NAME", description = "Only these municipalities.")
    List<String> municipalities;

    @Option(names = "--referred-from", paramLabel = "DATE", description = "Only episodes referred on or after DATE.")
    String referredFrom;

    @Option(names = "--referred-to", paramLabel = "DATE", description = "Only episodes referred on or before DATE.")
    String referredTo;

    @Option(names = "--split-at", paramLabel = "DATE",
            description = "Baseline: referred before DATE; comparison: on or after it.")
    String splitAt;

    @Option(names = "--split-by", paramLabel = "COLUMN", description = "Unit split column (with --baseline and --comparison).")
    String splitBy;

    @Option(names = "--baseline", split = ",", paramLabel = "VALUE", description = "Unit split: baseline values.")
    List<String> baseline;

    @Option(names = "--comparison", split = ",", paramLabel = "VALUE", description = "Unit split: comparison values.")
    List<String> comparison;

    @Option(names = "--rate", paramLabel = "RATE", defaultValue = "exit_work_or_studies",
            description = "compare: the rate (exit_work_or_studies, step_up, dropout, plan_within).")
    String rate;

    @Option(names = "--part", paramLabel = "PART", defaultValue = "main",
            description = "Which table of the result: main (default), all, or a part name (see docs/metrics.md).")
    String part;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv (for programs: ',', '.', a <column>_flag beside each number), csv-sv (for Swedish Excel:"
                    + " ';', decimal comma, BOM), json, table, or xlsx (needs --out).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path outFile;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "sv", description = "Labels: sv or en.")
    String lang;

    @Option(names = "--threshold", paramLabel = "N",
            description = "Disclosure threshold (default 5 or the project's settings file; never below 3).")
    Integer threshold;

    @Option(names = "--idle-days", paramLabel = "DAYS", defaultValue = "60",
            description = "intensity: an open episode is idle after DAYS without a held contact.")
    int idleDays;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "0",
            description = "right-support: only the N most common income sources get a row and column of the matrix,"
                    + " the rest are folded into Övriga (default 0: none folded).")
    int keep;

    @Option(names = "--period", paramLabel = "PERIOD", defaultValue = "month",
            description = "flow: month, quarter, half-year, year, or auto (the finest that hides at most a third of the counts).")
    String period;

    @Option(names = "--coarsen",
            description = "Where suppression would hide more than a third of the cells: transitions merge adjacent steps,"
                    + " compare folds the smallest groups and referrers small reasons and statuses into Övriga.")
    boolean coarsen;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "Project settings file (disclosure.threshold; goals: goal.ID.rate, .target, ...);"
                    + " default: the .properties file named like the store, beside it, if there is one.")
    Path settings;

    @Option(names = "--unsuppressed",
            description = "Researcher's opt-out: show small counts. Warns, and marks the output. Never for release.")
    boolean unsuppressed;

    @Option(names = "--episodes-csv", paramLabel = "FILE",
            description = "leadtime: also write the per-episode time,status,group,arm (needs --unsuppressed).")
    Path episodesCsv;

    @Override
    public Integer call() {
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        MetricsRequest request;
        LocalDate given;
        try {
            request = request();
            given = date("--as-of", asOf);
        } catch (IllegalArgumentException | java.io.IOException e) {
            err.println("stegvis metrics: " + e.getMessage());
            return 2;
        }
        if (episodesCsv != null && !unsuppressed) {
            err.println("stegvis metrics: --episodes-csv writes per-episode microdata and needs --unsuppressed");
            return 2;
        }
        if (unsuppressed) {
            err.println("stegvis metrics: WARNING " + Suppression.UNSUPPRESSED_MARKER);
        }
        try (CohortStore store = CohortStore.openReadOnly(db)) {
            Metrics metrics = Metrics.on(store.connection()).withPolicy(request.policy());
            LocalDate date = given != null ? given : metrics.latestDate();
            MetricResult result = request.run(metrics, date);
            if (episodesCsv != null) {
                metrics.leadTimeEpisodes(request.cohort(), date, request.leadTime()).writeCsv(episodesCsv);
                err.println("stegvis metrics: per-episode lead times written to " + episodesCsv);
            }
            Provenance provenance = new Provenance(result.basis(), Main.version(), Provenance.snapshot(store.connection()));
            Lang language = "en".equals(lang) ? Lang.EN : Lang.SV;
            if (outFile == null) {
                ResultWriter.write(result, parts(result), request.format(), language, provenance, System.out);
                System.out.flush();
            } else {
                try (OutputStream out = java.nio.file.Files.newOutputStream(outFile)) {
                    ResultWriter.write(result, parts(result), request.format(), language, provenance, out);
                }
            }
            return 0;
        } catch (SelectionException e) {
            err.println("stegvis metrics: " + e.asOption());
            return 2;
        } catch (SQLException e) {
            err.println("stegvis metrics: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("stegvis metrics: " + e.getMessage());
            return 1;
        }
    }

    private List<MetricTable> parts(MetricResult result) {
        return switch (part) {
            case "main" -> List.of(result.table());
            case "all" -> result.parts();
            default -> List.of(result.part(part));
        };
    }

    private MetricsRequest request() throws java.io.IOException {
        Cohort cohort = Cohort.all();
        if (programmes != null) {
            cohort = cohort.programme(programmes.toArray(String[]::new));
        }
        if (municipalities != null) {
            cohort = cohort.municipality(municipalities.toArray(String[]::new));
        }
        if (referredFrom != null || referredTo != null) {
            cohort = cohort.referredBetween(date("--referred-from", referredFrom), date("--referred-to", referredTo));
        }
        if (splitAt != null && splitBy != null) {
            throw new IllegalArgumentException("give either --split-at or --split-by, not both");
        }
        if (splitAt != null) {
            cohort = cohort.splitAt(date("--split-at", splitAt));
        }
        if (splitBy != null) {
            if (baseline == null || comparison == null) {
                throw new IllegalArgumentException("--split-by needs --baseline and --comparison");
            }
            cohort = cohort.splitBy(GroupBy.parse(splitBy), baseline, comparison);
        }
        cohort = cohort.groupBy(GroupBy.parse(by));
        Path settingsFile = settings != null ? settings : CohortStore.settingsFile(db);
        boolean hasSettings = settings != null || java.nio.file.Files.isRegularFile(settingsFile);
        DisclosurePolicy policy = DisclosurePolicy.fromSettings(settingsFile);
        if (threshold != null) {
            policy = DisclosurePolicy.threshold(threshold);
        }
        if (unsuppressed) {
            policy = policy.unsuppressed();
        }
        LeadTime leadTime = LeadTime.between(Milestone.parse(from), Milestone.parse(to)).withinDays(within);
        ResultWriter.Format f = ResultWriter.Format.parse(format);
        if (f.binary() && outFile == null) {
            throw new IllegalArgumentException("--format " + format + " writes a file: give --out FILE");
        }
        if (!List.of("sv", "en").contains(lang)) {
            throw new IllegalArgumentException("--lang \"" + lang + "\" is not a language of the labels; sv or en");
        }
        MetricsRequest.Name metric = MetricsRequest.Name.parse(name);
        if (!List.of("month", "quarter", "half-year", "year", "auto").contains(period)) {
            throw new IllegalArgumentException("unknown period '" + period + "'; month, quarter, half-year, year or auto");
        }
        List<Goal> goals = List.of();
        if (metric == MetricsRequest.Name.GOALS) {
            if (!hasSettings) {
                throw new IllegalArgumentException("goals are read from the project settings file: put " + settingsFile
                        + " beside the store or give --settings FILE, with goal.ID.rate, goal.ID.target (see docs/metrics.md)");
            }
            goals = Goal.fromSettings(settingsFile);
        }
        return new MetricsRequest(metric, cohort, policy, leadTime, within, rate, f, idleDays, keep, period, coarsen, goals);
    }

    /**
     * The date {@code text} of {@code option} (null stays null). Dates are read here rather than by
     * picocli, whose message for a bad date is a Java exception followed by the whole usage.
     */
    private static LocalDate date(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(option + " \"" + text + "\" is not a date (expected YYYY-MM-DD)");
        }
    }
}
