package se.stegvis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.stegvis.stats.CoxFit;
import se.stegvis.stats.CoxRegression;
import se.stegvis.stats.CoxTerm;
import se.stegvis.stats.CoxZph;
import se.stegvis.stats.Design;
import se.stegvis.stats.GlmTerm;
import se.stegvis.stats.Interval;
import se.stegvis.stats.LogisticFit;
import se.stegvis.stats.LogisticRegression;
import se.stegvis.stats.ModelTest;

/**
 * {@code stegvis stats cox} and {@code stats glm}: case-mix-adjusted comparisons on plain CSV, one row
 * per term with R's column names. Rows with NA in any column the model uses are dropped, as R's
 * na.omit, and the count is said on stderr.
 */
final class StatsModels {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private StatsModels() {}

    /** The options both models take for their covariates. */
    static final class Covariates {
        @Option(names = "--covariates", required = true, split = ",", description = "Covariate columns, in term order.")
        List<String> names;

        @Option(names = "--factors", split = ",", description = "Covariate columns to treat as categorical although they hold"
                + " numbers (as R's factor(x)); a column with any non-number is categorical anyway.")
        List<String> factors = List.of();

        List<String> lower() {
            return names.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        }

        /** Numeric columns as one term; categorical ones as treatment dummies, the first sorted level the reference. */
        Design design(StatsCsv csv) {
            Set<String> asFactor = new LinkedHashSet<>(factors.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList());
            for (String f : asFactor) {
                if (!lower().contains(f)) {
                    throw new IllegalArgumentException("--factors names '" + f + "', which is not among --covariates " + lower());
                }
            }
            Design.Builder b = Design.builder(csv.size());
            for (String c : lower()) {
                String[] values = csv.strings(c);
                boolean numeric = !asFactor.contains(c) && List.of(values).stream().allMatch(v -> NUMBER.matcher(v).matches());
                if (numeric) {
                    b.numeric(c, csv.doubles(c));
                } else {
                    b.factor(c, values);
                }
            }
            return b.build();
        }
    }

    /**
     * Reads the input, refuses unknown columns by name, and drops the rows with NA in any of
     * {@code used} (R's na.omit), saying how many on stderr.
     */
    static StatsCsv read(StatsCommand.Common common, Path input, List<String> used, List<String> covariates) {
        StatsCsv csv = StatsCsv.read(input);
        for (String c : covariates) {
            if (!csv.has(c)) {
                throw new IllegalArgumentException("unknown covariate column '" + c + "' (columns: " + csv.header() + ")");
            }
        }
        int before = csv.size();
        List<String> withNa = new ArrayList<>();
        for (String c : used) {
            if (csv.has(c) && csv.dropMissing(c) > 0) {
                withNa.add(c);
            }
        }
        int dropped = before - csv.size();
        if (dropped > 0) {
            common.spec.commandLine().getErr().println("stegvis stats " + common.spec.name() + ": dropped " + dropped + " of "
                    + before + " row" + (before == 1 ? "" : "s") + " with NA in " + String.join(", ", withNa) + " (as R's na.omit)");
            common.spec.commandLine().getErr().flush();
        }
        return csv;
    }

    @Command(name = "cox", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = "Cox proportional-hazards regression (R: coxph(Surv([entry,] time, status) ~ covariates [+ strata(s)],"
                    + " ties = ..., cluster = id)); input [entry,]time,status plus covariate columns.")
    static final class Cox implements Callable<Integer> {
        @Mixin StatsCommand.Common common;
        @Mixin Covariates covariates;

        @Option(names = "--input", required = true, description = "CSV with columns [entry,]time,status and the covariates;"
                + " status 1 = event, 0 = censored; an entry column means late entry (at risk when entry < t <= time); - for stdin.")
        Path input;

        @Option(names = "--ties", defaultValue = "efron", description = "efron (default, as R) or breslow.")
        String ties;

        @Option(names = "--strata", description = "Column whose values get their own baseline hazard (R's strata()).")
        String strata;

        @Option(names = "--cluster", description = "Id column for the robust (sandwich) variance, e.g. a person with several episodes.")
        String cluster;

        @Option(names = "--tests", description = "Print the model's tests (likelihood ratio, Wald, score) instead of the terms.")
        boolean tests;

        @Option(names = "--zph", description = "Print the proportional-hazards test per term and GLOBAL instead of the terms"
                + " (R: cox.zph(fit), transform \"km\").")
        boolean zph;

        @Override
        public Integer call() {
            try {
                CoxRegression.Ties t = switch (ties.toLowerCase(Locale.ROOT)) {
                    case "efron" -> CoxRegression.Ties.EFRON;
                    case "breslow" -> CoxRegression.Ties.BRESLOW;
                    default -> throw new IllegalArgumentException("unknown --ties '" + ties + "' (efron, breslow)");
                };
                String s = strata == null ? null : strata.toLowerCase(Locale.ROOT);
                String c = cluster == null ? null : cluster.toLowerCase(Locale.ROOT);
                List<String> used = new ArrayList<>(List.of("entry", "time", "status"));
                used.addAll(covariates.lower());
                for (String extra : new String[] {s, c}) {
                    if (extra != null) {
                        used.add(extra);
                    }
                }
                if (tests && zph) {
                    throw new IllegalArgumentException("choose one of --tests, --zph");
                }
                StatsCsv csv = read(common, input, used, covariates.lower());
                boolean late = csv.has("entry");
                CoxRegression.Options o = CoxRegression.options().withTies(t)
                        .withStrata(s == null ? null : csv.strings(s)).withCluster(c == null ? null : csv.strings(c));
                double[] entry = late ? csv.doubles("entry") : null;
                Design design = covariates.design(csv);
                CoxFit fit = o.fit(entry, csv.doubles("time"), csv.events("status"), design);
                String formula = "Surv(" + (late ? "entry, " : "") + "time, status) ~ " + String.join(" + ", covariates.lower())
                        + (s == null ? "" : " + strata(" + s + ")");
                StatsCsv.Writer w = common.writer(
                        "Cox proportional hazards, " + t.name().toLowerCase(Locale.ROOT) + " ties, Newton-Raphson to a relative"
                                + " log-likelihood change of 1e-9 (" + fit.iterations() + " iterations).",
                        "n = " + fit.n() + ", events = " + fit.events() + ", log-likelihood " + fit.loglikNull() + " (null), "
                                + fit.loglik() + " (model).",
                        "Categorical covariates: treatment contrasts, the first sorted level the reference; exp_coef = hazard ratio,"
                                + " lower/upper its Wald interval at level " + common.level + " (R: summary(fit)$conf.int).",
                        c == null ? "Standard errors from the inverse information (independent rows)."
                                : "robust_se: sandwich variance clustered by '" + c + "'; z, p and the Wald test use it (as R).",
                        "R check: summary(coxph(" + formula + ", data = d" + (t == CoxRegression.Ties.BRESLOW ? ", ties = \"breslow\"" : "")
                                + (c == null ? "" : ", cluster = " + c) + "))");
                if (zph) {
                    w.header("term", "chisq", "df", "p");
                    for (CoxZph.Row r : o.proportionalHazards(entry, csv.doubles("time"), csv.events("status"), design).rows()) {
                        w.row(r.term(), r.chisq(), r.df(), r.p());
                    }
                } else if (tests) {
                    w.header("test", "statistic", "df", "p");
                    testRow(w, "likelihood_ratio", fit.likelihoodRatio());
                    testRow(w, "wald", fit.wald());
                    testRow(w, "score", fit.score());
                    if (fit.robustScore() != null) {
                        testRow(w, "robust_score", fit.robustScore());
                    }
                } else if (c == null) {
                    w.header("term", "coef", "exp_coef", "se", "z", "p", "lower", "upper");
                    for (CoxTerm r : fit.terms()) {
                        Interval hr = r.hazardRatio(common.level);
                        w.row(r.term(), r.coef(), r.expCoef(), r.se(), r.z(), r.p(), hr.lower(), hr.upper());
                    }
                } else {
                    w.header("term", "coef", "exp_coef", "se", "robust_se", "z", "p", "lower", "upper");
                    for (CoxTerm r : fit.terms()) {
                        Interval hr = r.hazardRatio(common.level);
                        w.row(r.term(), r.coef(), r.expCoef(), r.se(), r.robustSe(), r.z(), r.p(), hr.lower(), hr.upper());
                    }
                }
                w.flush();
                return 0;
            } catch (IllegalArgumentException | IllegalStateException e) {
                return common.fail(e);
            }
        }
    }

    private static void testRow(StatsCsv.Writer w, String name, ModelTest t) {
        w.row(name, t.statistic(), t.df(), t.p());
    }

    @Command(name = "glm", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = "Logistic regression (R: glm(outcome ~ covariates, family = binomial)); input the 0/1 outcome plus covariate columns.")
    static final class Glm implements Callable<Integer> {
        @Mixin StatsCommand.Common common;
        @Mixin Covariates covariates;

        @Option(names = "--input", required = true, description = "CSV with the outcome and covariate columns; - for stdin.")
        Path input;

        @Option(names = "--outcome", required = true, description = "The 0/1 outcome column.")
        String outcome;

        @Override
        public Integer call() {
            try {
                String y = outcome.toLowerCase(Locale.ROOT);
                List<String> used = new ArrayList<>(List.of(y));
                used.addAll(covariates.lower());
                StatsCsv csv = read(common, input, used, covariates.lower());
                LogisticFit fit = LogisticRegression.fit(csv.doubles(y), covariates.design(csv));
                StatsCsv.Writer w = common.writer(
                        "Logistic regression (binomial, logit link) by IRLS as glm.fit (" + fit.iterations() + " iterations);"
                                + " estimate = log odds (ratio), dispersion 1.",
                        "n = " + fit.n() + ", deviance " + fit.deviance() + " on " + fit.dfResidual() + " df, null deviance "
                                + fit.nullDeviance() + " on " + fit.dfNull() + " df, AIC " + fit.aic() + ".",
                        "Categorical covariates: treatment contrasts, the first sorted level the reference; lower/upper: Wald"
                                + " interval of the estimate at level " + common.level + " (R: confint.default, not the profiled confint).",
                        "R check: summary(glm(" + y + " ~ " + String.join(" + ", covariates.lower()) + ", family = binomial, data = d))");
                w.header("term", "estimate", "se", "z", "p", "lower", "upper");
                for (GlmTerm r : fit.terms()) {
                    Interval ci = r.wald(common.level);
                    w.row(r.term(), r.estimate(), r.se(), r.z(), r.p(), ci.lower(), ci.upper());
                }
                w.flush();
                return 0;
            } catch (IllegalArgumentException | IllegalStateException e) {
                return common.fail(e);
            }
        }
    }
}
