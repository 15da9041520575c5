package se.stegvis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.stegvis.stats.AalenJohansen;
import se.stegvis.stats.AalenJohansenMatrix;
import se.stegvis.stats.ChiSquare;
import se.stegvis.stats.ChiSquareResult;
import se.stegvis.stats.ConfType;
import se.stegvis.stats.CumulativeIncidence;
import se.stegvis.stats.CumulativeIncidenceRow;
import se.stegvis.stats.FisherExact;
import se.stegvis.stats.FisherResult;
import se.stegvis.stats.FisherRxcResult;
import se.stegvis.stats.Interval;
import se.stegvis.stats.KaplanMeier;
import se.stegvis.stats.KaplanMeierFit;
import se.stegvis.stats.KaplanMeierRow;
import se.stegvis.stats.LogRank;
import se.stegvis.stats.LogRankGroup;
import se.stegvis.stats.LogRankResult;
import se.stegvis.stats.Proportions;
import se.stegvis.stats.Quantile;
import se.stegvis.stats.StateHistories;
import se.stegvis.stats.TransitionCell;
import se.stegvis.stats.TransitionMatrix;
import se.stegvis.stats.TransitionProbabilities;
import se.stegvis.stats.TransitionRate;
import se.stegvis.stats.TransitionRates;

/**
 * {@code stegvis stats}: the statistics engine on plain CSV, so anyone can check an estimate against
 * R without our database. Output is CSV with R's column names, preceded by '#' lines stating the
 * method and conventions (read it in R with {@code read.csv(f, comment.char = "#")}, or drop them
 * with {@code --no-comments}).
 */
@Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Statistics on plain CSV, column names as R's: km, cuminc, logrank, proportion, fisher, transitions, cox, glm.",
        subcommands = {StatsCommand.Km.class, StatsCommand.Cuminc.class, StatsCommand.Logrank.class,
            StatsCommand.Proportion.class, StatsCommand.Fisher.class, StatsCommand.Transitions.class,
            StatsModels.Cox.class, StatsModels.Glm.class})
final class StatsCommand implements Runnable {
    static final String EVENTS_FIRST = "At tied times events come before censorings (the censored are still at risk).";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every subcommand shares, and the refuse-with-a-message handling. */
    static final class Common {
        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE) CommandLine.Model.CommandSpec spec;

        @Option(names = "--level", defaultValue = "0.95", description = "Confidence level (default ${DEFAULT-VALUE}).")
        double level;

        @Option(names = "--no-comments", description = "Omit the leading '#' lines stating method and conventions.")
        boolean noComments;

        StatsCsv.Writer writer(String... comments) {
            return new StatsCsv.Writer(spec.commandLine().getOut(), !noComments, List.of(comments));
        }

        /**
         * Reads the input without the rows whose group (or stratum) is NA, as R's na.omit does, saying
         * on stderr how many were dropped so the counts can be reconciled.
         */
        StatsCsv readGrouped(Path input) {
            StatsCsv csv = StatsCsv.read(input);
            for (String column : List.of("group", "stratum")) {
                int dropped = csv.dropMissing(column);
                if (dropped > 0) {
                    spec.commandLine().getErr().println("stegvis stats " + spec.name() + ": dropped " + dropped
                            + " row" + (dropped == 1 ? "" : "s") + " whose " + column + " is NA (as R's na.omit)");
                    spec.commandLine().getErr().flush();
                }
            }
            return csv;
        }

        int fail(Exception e) {
            spec.commandLine().getErr().println("stegvis stats " + spec.name() + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    /** Groups for an input with an optional group column; "" when absent (one curve). */
    static String[] groups(StatsCsv csv) {
        if (csv.has("group")) {
            return csv.strings("group");
        }
        String[] g = new String[csv.size()];
        Arrays.fill(g, "");
        return g;
    }

    @Command(name = "km", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = "Kaplan-Meier (R: summary(survfit(Surv(time, status) ~ group), censored = TRUE)); input [entry,]time,status[,group].")
    static final class Km implements Callable<Integer> {
        @Mixin Common common;

        @Option(names = "--input", required = true, description = "CSV with columns [entry,]time,status[,group]; status 1 = event,"
                + " 0 = censored; an entry column means late entry (at risk when entry < t <= time); - for stdin.")
        Path input;

        @Option(names = "--conf-type", defaultValue = "log-log", description = "log-log (default), log (R's default) or plain.")
        String confType;

        @Option(names = "--summary", description = "One row per group: n, events, median and its interval, as print(survfit).")
        boolean summary;

        @Option(names = "--quantiles", split = ",", description = "Quantiles p (1 - S reaching p) with Brookmeyer-Crowley intervals,"
                + " as quantile(fit, p): e.g. 0.25,0.5,0.75.")
        List<Double> quantiles;

        @Option(names = "--rmean", description = "Restricted mean survival time up to TAU with its standard error, as print(fit, rmean = TAU).")
        Double rmean;

        @Override
        public Integer call() {
            try {
                StatsCsv csv = common.readGrouped(input);
                ConfType type = ConfType.fromR(confType);
                boolean late = csv.has("entry");
                Map<String, KaplanMeierFit> fits = KaplanMeier.options().confType(type).level(common.level)
                        .fitByGroup(late ? csv.doubles("entry") : null, csv.doubles("time"), csv.events("status"), groups(csv));
                StatsCsv.Writer w = common.writer(
                        "Kaplan-Meier, Greenwood standard errors, pointwise " + type.rName() + " intervals at level " + common.level + ".",
                        EVENTS_FIRST,
                        "Median: first time S(t) <= 0.5; where S is exactly 0.5 over an interval, its midpoint (as print(survfit)).",
                        "Median interval: Brookmeyer-Crowley, where the pointwise band crosses 0.5; NA = not reached.",
                        "R check: summary(survfit(Surv(" + (late ? "entry, " : "") + "time, status) ~ group, conf.type = \""
                                + type.rName() + "\"), censored = TRUE)" + (late ? "; n = records (R's print shows n.max)." : "."));
                if ((summary ? 1 : 0) + (quantiles != null ? 1 : 0) + (rmean != null ? 1 : 0) > 1) {
                    throw new IllegalArgumentException("choose one of --summary, --quantiles, --rmean");
                }
                if (quantiles != null) {
                    w.header("group", "p", "quantile", "lower", "upper");
                    fits.forEach((g, f) -> quantiles.forEach(p -> {
                        Quantile q = f.quantile(p);
                        w.row(g, p, q.estimate(), q.lower(), q.upper());
                    }));
                } else if (rmean != null) {
                    w.header("group", "tau", "rmean", "se");
                    fits.forEach((g, f) -> w.row(g, rmean, f.restrictedMean(rmean), f.restrictedMeanStdErr(rmean)));
                } else if (summary) {
                    w.header("group", "n", "events", "median", "median_lower", "median_upper");
                    fits.forEach((g, f) -> {
                        Quantile m = f.printedMedian();
                        w.row(g, f.n(), f.events(), m.estimate(), m.lower(), m.upper());
                    });
                } else {
                    w.header("group", "time", "n_risk", "n_event", "n_censor", "surv", "std_err", "lower", "upper");
                    fits.forEach((g, f) -> {
                        for (KaplanMeierRow r : f.rows()) {
                            w.row(g, r.time(), r.nRisk(), r.nEvent(), r.nCensor(), r.surv(), r.stdErr(), r.lower(), r.upper());
                        }
                    });
                }
                w.flush();
                return 0;
            } catch (IllegalArgumentException | IllegalStateException e) {
                return common.fail(e);
            }
        }
    }

    @Command(name = "cuminc", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = "Aalen-Johansen cumulative incidence per cause (R: survfit(Surv(time, factor(status)) ~ group)); input [entry,]time,status[,group].")
    static final class Cuminc implements Callable<Integer> {
        @Mixin Common common;

        @Option(names = "--input", required = true, description = "CSV with columns [entry,]time,status[,group]; status 0 = censored,"
                + " 1..k = cause; an entry column means late entry (at risk when entry < t <= time); - for stdin.")
        Path input;

        @Option(names = "--conf-type", defaultValue = "log", description = "log (default, as R's survfit), log-log or plain.")
        String confType;

        @Override
        public Integer call() {
            try {
                StatsCsv csv = common.readGrouped(input);
                ConfType type = ConfType.fromR(confType);
                boolean late = csv.has("entry");
                Map<String, CumulativeIncidence> fits = AalenJohansen.options().confType(type).level(common.level)
                        .fitByGroup(late ? csv.doubles("entry") : null, csv.doubles("time"), csv.codes("status"), groups(csv));
                StatsCsv.Writer w = common.writer(
                        "Aalen-Johansen cumulative incidence (never 1 - KM), infinitesimal-jackknife standard errors,",
                        "pointwise " + type.rName() + " intervals at level " + common.level + "; one row per cause and distinct time.",
                        EVENTS_FIRST,
                        "Every group has every cause of the data (0 throughout where it has none of it).",
                        "R check: summary(survfit(Surv(" + (late ? "entry, " : "") + "time, factor(status)) ~ 1, id = seq_along(time), conf.type = \""
                                + type.rName() + "\"), censored = TRUE), per group.");
                w.header("group", "cause", "time", "estimate", "std_err", "lower", "upper");
                fits.forEach((g, f) -> f.byCause().keySet().stream().sorted().forEach(c -> {
                    for (CumulativeIncidenceRow r : f.cause(c)) {
                        w.row(g, c, r.time(), r.estimate(), r.stdErr(), r.lower(), r.upper());
                    }
                }));
                w.flush();
                return 0;
            } catch (IllegalArgumentException | IllegalStateException e) {
                return common.fail(e);
            }
        }
    }

    @Command(name = "logrank", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = "Log-rank test (R: survdiff(Surv(time, status) ~ group [+ strata(stratum)])); input [entry,]time,status,group[,stratum].")
    static final class Logrank implements Callable<Integer> {
        @Mixin Common common;

        @Option(names = "--input", required = true, description = "CSV with columns [entry,]time,status,group[,stratum]; an entry"
                + " column means late entry (at risk when entry < t <= time); - for stdin.")
        Path input;

        @Override
        public Integer call() {
            try {
                StatsCsv csv = common.readGrouped(input);
                boolean late = csv.has("entry");
                boolean stratified = csv.has("stratum");
                double[] entry = late ? csv.doubles("entry") : null;
                double[] time = csv.doubles("time");
                boolean[] event = csv.events("status");
                String[] group = csv.strings("group");
                LogRankResult r = stratified ? LogRank.test(entry, time, event, group, csv.strings("stratum"))
                        : LogRank.test(entry, time, event, group);
                StatsCsv.Writer w = common.writer(
                        "Log-rank test" + (stratified ? ", stratified by 'stratum' (sums over strata)" : "")
                                + (late ? ", late entry (at risk when entry < t <= time)" : "")
                                + ", hypergeometric variance; chisq, df and p repeat on every row.",
                        EVENTS_FIRST,
                        late ? "R check: survdiff refuses late entry; on untied event times chisq is coxph(Surv(entry, time, status) ~ group"
                                + (stratified ? " + strata(stratum)" : "") + ")$score."
                                : "R check: survdiff(Surv(time, status) ~ group" + (stratified ? " + strata(stratum)" : "") + ").");
                w.header("group", "n", "observed", "expected", "chisq", "df", "p");
                for (LogRankGroup g : r.groups()) {
                    w.row(g.group(), g.n(), g.observed(), g.expected(), r.chiSquare(), r.df(), r.pValue());
                }
                w.flush();
                return 0;
            } catch (IllegalArgumentException | IllegalStateException e) {
                return common.fail(e);
            }
        }
    }

    @Command(name = "proportion", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = "Intervals for a proportion (Wilson, Clopper-Pearson) and, with a second sample, Newcombe's interval for the difference.")
    static final class Proportion implements Callable<Integer> {
        @Mixin Common common;

        @Option(names = "--successes", required = true, description = "Successes K.")
        long successes;

        @Option(names = "--trials", required = true, description = "Trials N.")
        long trials;

        @Option(names = "--successes2", description = "Successes in a second sample (for the difference p1 - p2).")
        Long successes2;

        @Option(names = "--trials2", description = "Trials in the second sample.")
        Long trials2;

        @Override
        public Integer call() {
            try {
                if ((successes2 == null) != (trials2 == null)) {
                    throw new IllegalArgumentException("give both --successes2 and --trials2, or neither");
                }
                StatsCsv.Writer w = common.writer(
                        "wilson: score interval without continuity correction (R: prop.test(K, N, correct = FALSE)$conf.int).",
                        "clopper-pearson: exact (R: binom.test(K, N)$conf.int).",
                        "newcombe: p1 - p2, hybrid score method 10 (Newcombe 1998) from the two Wilson intervals.");
                w.header("method", "successes", "trials", "estimate", "lower", "upper", "level");
                Interval wi = Proportions.wilson(successes, trials, common.level);
                Interval cp = Proportions.clopperPearson(successes, trials, common.level);
                w.row("wilson", successes, trials, wi.estimate(), wi.lower(), wi.upper(), wi.level());
                w.row("clopper-pearson", successes, trials, cp.estimate(), cp.lower(), cp.upper(), cp.level());
                if (successes2 != null) {
                    Interval d = Proportions.newcombeDifference(successes, trials, successes2, trials2, common.level);
                    w.row("newcombe", successes + "-" + successes2, trials + "-" + trials2, d.estimate(), d.lower(), d.upper(), d.level());
                }
                w.flush();
                return 0;
            } catch (IllegalArgumentException | IllegalStateException e) {
                return common.fail(e);
            }
        }
    }

    @Command(name = "fisher", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = "Fisher's exact test and the chi-square test on a 2x2 or r x c table.")
    static final class Fisher implements Callable<Integer> {
        @Mixin Common common;

        @Option(names = "--input", description = "CSV table: header of column labels, first column row labels, then counts; - for stdin.")
        Path input;

        @Option(names = "--table", description = "The table inline, rows separated by ';', cells by ',': e.g. 3,1;1,3.")
        String table;

        // picocli sets a negatable boolean to the opposite of its default unless fallbackValue says
        // what the plain form means: without it, --correct turned Yates off and --no-correct on.
        @Option(names = "--correct", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Yates' continuity correction for the 2x2 chi-square (default on, as R's chisq.test).")
        boolean correct;

        @Override
        public Integer call() {
            try {
                long[][] t = counts();
                boolean twoByTwo = t.length == 2 && t[0].length == 2;
                StatsCsv.Writer w = common.writer(
                        "fisher: two-sided exact p (R: fisher.test); 2x2 adds the conditional MLE odds ratio and its exact interval",
                        "(R solves those with uniroot's loose default tolerance; ours are exact, R's can differ in the 4th digit).",
                        "chisq: Pearson's chi-square (R: chisq.test" + (twoByTwo && correct ? ", Yates-corrected" : ", correct = FALSE")
                                + "); warning when an expected count is below 5.");
                w.header("test", "statistic", "df", "p_value", "odds_ratio", "lower", "upper", "level", "warning");
                if (twoByTwo) {
                    FisherResult f = FisherExact.test2x2((int) t[0][0], (int) t[0][1], (int) t[1][0], (int) t[1][1], common.level);
                    w.row("fisher", null, null, f.pValue(), f.oddsRatio(), f.lower(), f.upper(), f.level(), null);
                } else {
                    FisherRxcResult f = FisherExact.testRxc(t);
                    w.row("fisher", null, null, f.pValue(), null, null, null, null, f.exact() ? null
                            : "too large for the exact test: Monte Carlo p-value from " + f.replicates() + " tables (seed "
                            + FisherExact.SEED + "), standard error " + String.format(java.util.Locale.ROOT, "%.2g", f.monteCarloStdErr())
                            + " (R: fisher.test(x, simulate.p.value = TRUE, B = " + f.replicates() + "))");
                }
                ChiSquareResult c = ChiSquare.test(t, correct);
                w.row("chisq", c.statistic(), c.df(), c.pValue(), null, null, null, null, c.warning().orElse(null));
                w.flush();
                return 0;
            } catch (IllegalArgumentException | IllegalStateException e) {
                return common.fail(e);
            }
        }

        private long[][] counts() {
            if ((input == null) == (table == null)) {
                throw new IllegalArgumentException("give the table with --input FILE or --table 'a,b;c,d' (one of them)");
            }
            List<long[]> rows = new ArrayList<>();
            if (table != null) {
                for (String r : table.split(";", -1)) {
                    rows.add(parse(r.split(",", -1)));
                    if (rows.get(rows.size() - 1).length != rows.get(0).length) {
                        throw new IllegalArgumentException("--table row " + rows.size() + " has " + rows.get(rows.size() - 1).length
                                + " cells, row 1 has " + rows.get(0).length + ": a table needs rows of equal length");
                    }
                }
            } else {
                StatsCsv csv = StatsCsv.read(input);
                for (int i = 0; i < csv.size(); i++) {
                    String[] cells = csv.row(i);
                    rows.add(parse(Arrays.copyOfRange(cells, 1, cells.length)));
                }
            }
            return rows.toArray(long[][]::new);
        }

        private static long[] parse(String[] cells) {
            long[] out = new long[cells.length];
            for (int i = 0; i < cells.length; i++) {
                try {
                    out[i] = Long.parseLong(cells[i].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("table cells must be whole counts, got '" + cells[i] + "'");
                }
            }
            return out;
        }
    }

    @Command(name = "transitions", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = "Step transitions from dated assessments; input id,time,state.")
    static final class Transitions implements Callable<Integer> {
        @Mixin Common common;

        @Option(names = "--input", required = true, description = "CSV with columns id,time,state; - for stdin.")
        Path input;

        @Option(names = "--estimate", defaultValue = "cells",
                description = "cells (default: consecutive-assessment matrix with Wilson intervals), projection (P^n, --steps),"
                        + " rates (n_rs/T_r, Poisson intervals), expm (P(t) = exp(Qt), --at), aalen-johansen (P(s,t) as etm, --start).")
        String estimate;

        @Option(names = "--steps", defaultValue = "1", description = "Steps n for --estimate projection.")
        int steps;

        @Option(names = "--at", description = "Time t for --estimate expm.")
        Double at;

        @Option(names = "--start", defaultValue = "0", description = "Start time s for --estimate aalen-johansen.")
        double start;

        @Option(names = "--states", split = ",", description = "State order (e.g. the ladder's steps); default sorted labels.")
        List<String> states;

        @Override
        public Integer call() {
            try {
                StatsCsv csv = StatsCsv.read(input);
                String[] id = csv.strings("id");
                double[] time = csv.doubles("time");
                String[] state = csv.strings("state");
                StateHistories h = states == null ? StateHistories.of(id, time, state) : StateHistories.of(states, id, time, state);
                String model = "In a state from its assessment until the next; a change is a transition at the assessment that records it;"
                        + " follow-up ends at the last assessment.";
                switch (estimate) {
                    case "cells" -> cells(h, model);
                    case "projection" -> projection(h, model);
                    case "rates" -> rates(h, model);
                    case "expm" -> expm(h, model);
                    case "aalen-johansen" -> aalenJohansen(h, model);
                    default -> throw new IllegalArgumentException("unknown --estimate '" + estimate
                            + "' (cells, projection, rates, expm, aalen-johansen)");
                }
                return 0;
            } catch (IllegalArgumentException | IllegalStateException e) {
                return common.fail(e);
            }
        }

        private void cells(StateHistories h, String model) {
            StatsCsv.Writer w = common.writer("Consecutive assessments per id: counts and row proportions with Wilson intervals at level "
                    + common.level + " (R: table(from, to); prop.test(n_rs, n_r, correct = FALSE)).", model);
            w.header("from", "to", "count", "row_total", "proportion", "lower", "upper");
            for (TransitionCell c : h.consecutiveTransitions().cells(common.level)) {
                w.row(c.from(), c.to(), c.count(), c.rowTotal(), c.proportion().estimate(), c.proportion().lower(), c.proportion().upper());
            }
            w.flush();
        }

        private void projection(StateHistories h, String model) {
            TransitionMatrix m = h.consecutiveTransitions();
            StatsCsv.Writer w = common.writer("Discrete-time Markov chain: P^" + steps + " of the row proportions of consecutive assessments;"
                    + " a state never left is taken as absorbing.", model);
            w.header("steps", "from", "to", "probability");
            double[][] p = m.project(steps);
            for (int i = 0; i < p.length; i++) {
                for (int j = 0; j < p.length; j++) {
                    w.row(steps, m.states().get(i), m.states().get(j), p[i][j]);
                }
            }
            w.flush();
        }

        private void rates(StateHistories h, String model) {
            StatsCsv.Writer w = common.writer("Continuous-time rates n_rs / T_r (transitions per unit time in r) with exact Poisson intervals"
                    + " at level " + common.level + " (R: poisson.test(n_rs, T_r)).", model);
            w.header("from", "to", "transitions", "exposure", "rate", "lower", "upper");
            for (TransitionRate r : TransitionRates.of(h).rates(common.level)) {
                w.row(r.from(), r.to(), r.transitions(), r.exposure(), r.rate().estimate(), r.rate().lower(), r.rate().upper());
            }
            w.flush();
        }

        private void expm(StateHistories h, String model) {
            if (at == null) {
                throw new IllegalArgumentException("--estimate expm needs --at T");
            }
            TransitionRates r = TransitionRates.of(h);
            StatsCsv.Writer w = common.writer("P(t) = exp(Q t) with q_rs = n_rs / T_r (R: expm::expm(Q * t)).", model);
            w.header("t", "from", "to", "probability");
            double[][] p = r.probabilities(at);
            for (int i = 0; i < p.length; i++) {
                for (int j = 0; j < p.length; j++) {
                    w.row(at, r.states().get(i), r.states().get(j), p[i][j]);
                }
            }
            w.flush();
        }

        private void aalenJohansen(StateHistories h, String model) {
            AalenJohansenMatrix aj = AalenJohansenMatrix.fit(h, start);
            StatsCsv.Writer w = common.writer("Aalen-Johansen P(s, t) from s = " + start + " with Greenwood-type variances and linear intervals"
                    + " at level " + common.level + " (R: etm(..., s = " + start + "); summary(..., ci.fun = \"linear\")).", model);
            w.header("time", "from", "to", "probability", "variance", "lower", "upper");
            List<String> st = aj.states();
            for (TransitionProbabilities step : aj.steps()) {
                for (String from : st) {
                    for (String to : st) {
                        Interval ci = step.interval(st, from, to, common.level);
                        w.row(step.time(), from, to, ci.estimate(), step.variance()[st.indexOf(from)][st.indexOf(to)], ci.lower(), ci.upper());
                    }
                }
            }
            w.flush();
        }
    }
}
