package se.stegvis.notebook;

import se.stegvis.charts.FlowQualityScatterBuilder;
import se.stegvis.charts.ForestPlotBuilder;
import se.stegvis.charts.Hidden;
import se.stegvis.charts.Lang;
import se.stegvis.charts.SurvivalChartBuilder;
import se.stegvis.charts.TransitionHeatmapBuilder;
import se.stegvis.dictionary.CodeList;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.disclosure.Coarsening;
import se.stegvis.metrics.CyclingResult;
import se.stegvis.metrics.GoalsResult;
import se.stegvis.metrics.IntensityResult;
import se.stegvis.metrics.MetricTable;
import se.stegvis.metrics.Metrics;
import se.stegvis.metrics.PartnerInputResult;
import se.stegvis.metrics.RatingsResult;
import se.stegvis.metrics.RightSupportResult;

import java.util.Arrays;
import java.util.List;

/**
 * Adapters from the metrics beyond the ladder (right support, cycling, intensity, partner input,
 * goals, ratings) to chart builders, in the manner of {@link MetricCharts}: data, n, definition and
 * a Swedish title filled in; change anything before {@code build()}.
 */
public final class BeyondCharts {
    private BeyondCharts() {
    }

    private static final CodeList INCOME = DataDictionary.load().codeList("income_source").orElseThrow();

    /** An income source, or several joined with '+', as labels: "Försörjningsstöd + Sjukpenning". */
    public static String income(String code, Lang lang) {
        return String.join(" + ", Arrays.stream(code.split("\\+"))
                .map(c -> INCOME.code(c).map(x -> lang.pick(x.sv(), x.en())).orElse(c)).toList());
    }

    private static String at(String at, Lang lang) {
        if (at.startsWith("follow_up_")) {
            return lang.pick("uppföljning efter " + at.substring(10) + " dagar", "follow-up after " + at.substring(10) + " days");
        }
        return lang.pick("vid avslut", "at exit");
    }

    /**
     * Income source at entry (rows) against at {@code at} (columns) for one group, row shares in the
     * cells; with a result folded by the metric ({@code m.rightSupport(cohort, asOf, keep)}), the
     * less common sources are in "Övriga", and the chart says how many.
     */
    public static TransitionHeatmapBuilder rightSupportMatrix(RightSupportResult r, String group, String at) {
        Lang lang = Stegvis.lang();
        MetricTable t = r.matrix();
        List<Integer> rows = Cells.rowsOf(t, group).stream().filter(row -> at.equals(t.key(row, "at"))).toList();
        Cells.Matrix x = Cells.Matrix.of(t, rows, "from_source", "to_source");
        TransitionHeatmapBuilder b = MetricCharts.basis(new TransitionHeatmapBuilder(), r.basis(), group)
                .title(lang.pick("Försörjning vid start och " + at(at, lang), "Income source at entry and " + at(at, lang)))
                .axisTitles(lang.pick("Försörjning vid start", "Income source at entry"),
                        lang.pick("Försörjning " + at(at, lang), "Income source " + at(at, lang)))
                .matrix(x.rows().stream().map(s -> sourceLabel(s, lang)).toList(),
                        x.columns().stream().map(s -> sourceLabel(s, lang)).toList(),
                        x.counts(), x.shares(), x.hidden(), x.rowSizes());
        b.nIfKnown(x.total()); // the matrix's own (the people at that time point), not the selection's
        if (!r.folded().isEmpty()) {
            b.note(lang.pick("Övriga: " + r.folded().size() + " mindre vanliga försörjningar och kombinationer.",
                    "Others: " + r.folded().size() + " less common income sources and combinations."));
        }
        return b;
    }

    private static String sourceLabel(String code, Lang lang) {
        return code.equals(Coarsening.OTHERS_SV) ? lang.pick("Övriga", "Others") : income(code, lang);
    }

    /** Share with a right-support move, per group and time after exit, with Wilson intervals. */
    public static ForestPlotBuilder rightSupportShares(RightSupportResult r) {
        Lang lang = Stegvis.lang();
        MetricTable t = r.rightSupport();
        ForestPlotBuilder b = MetricCharts.basis(new ForestPlotBuilder(), r.basis(), null)
                .title(lang.pick("Rätt stöd: andel med en bra förändring av försörjningen",
                        "Right support: share with a good change of income source"))
                .axisTitle(lang.pick("Andel (%) med 95 % konfidensintervall (Wilson)", "Share (%) with 95% CI (Wilson)"))
                .percent(true).decimals(0)
                .note(lang.pick("Vilka förändringar som räknas står i ordlistans klassificering ", "The moves that count are in the dictionary's classification ")
                        + r.classification() + ".");
        for (int row = 0; row < t.rowCount(); row++) {
            String label = (("all".equals(t.key(row, "group")) ? "" : Labels.code(t.key(row, "group"), lang) + ", "))
                    + at(t.key(row, "at"), lang);
            forestRow(b, t, row, label, "share", "lower", "upper", "n", "denominator");
        }
        return b;
    }

    /** Adds a row of share with interval, or a hidden row. */
    static void forestRow(ForestPlotBuilder b, MetricTable t, int row, String label, String est, String lo, String hi,
                          String count, String n) {
        Hidden h = Cells.hidden(t, row, count);
        double e = Cells.number(t, row, est);
        if (h.hidden() || Double.isNaN(e)) {
            b.hiddenRow(label, h.hidden() ? h : Cells.hidden(t, row, n).hidden() ? Cells.hidden(t, row, n) : Hidden.SMALL);
        } else {
            double l = Cells.number(t, row, lo);
            double u = Cells.number(t, row, hi);
            b.row(label, e, Double.isNaN(l) ? e : l, Double.isNaN(u) ? e : u, Cells.count(t, row, n));
        }
    }

    /** The cumulative share back in a programme after an episode ended (1 - Kaplan-Meier), per group. */
    public static SurvivalChartBuilder cycling(CyclingResult r) {
        Lang lang = Stegvis.lang();
        MetricTable t = r.curve();
        SurvivalChartBuilder b = MetricCharts.basis(new SurvivalChartBuilder(), r.basis(), null)
                .kind(SurvivalChartBuilder.Kind.CUMULATIVE_INCIDENCE)
                .title(lang.pick("Återkomst: tid från avslut till ny remiss", "Re-entry: time from exit to a new referral"))
                .xAxisTitle(lang.pick("Dagar från avslut", "Days from exit"))
                .yAxisTitle(lang.pick("Andel som kommit tillbaka (%)", "Share back (%)"));
        for (String group : Cells.groups(t)) {
            double[][] c = MetricCharts.cumulative(t, group);
            b.curve(Labels.code(group, lang), c[0], c[1], c[2], c[3]);
        }
        return b.maxTime(730);
    }

    /** Held contacts per person-month per group, with Poisson intervals. */
    public static ForestPlotBuilder contactRate(IntensityResult r) {
        Lang lang = Stegvis.lang();
        MetricTable t = r.summary();
        ForestPlotBuilder b = MetricCharts.basis(new ForestPlotBuilder(), r.basis(), null)
                .title(lang.pick("Kontakter per person och månad", "Contacts per person-month"))
                .axisTitle(lang.pick("Hållna kontakter per personmånad, 95 % intervall (Poisson)",
                        "Held contacts per person-month, 95% interval (Poisson)"))
                .decimals(2);
        for (int row = 0; row < t.rowCount(); row++) {
            forestRow(b, t, row, Labels.code(t.key(row, "group"), lang), "contacts_per_person_month", "rate_lower",
                    "rate_upper", "held", "episodes");
        }
        return b;
    }

    /** Share of open episodes without a contact for the idle period, per group. */
    public static ForestPlotBuilder idle(IntensityResult r) {
        Lang lang = Stegvis.lang();
        MetricTable t = r.summary();
        ForestPlotBuilder b = MetricCharts.basis(new ForestPlotBuilder(), r.basis(), null)
                .title(lang.pick("Pågående ärenden utan kontakt på " + r.idleDays() + " dagar",
                        "Open cases without contact for " + r.idleDays() + " days"))
                .axisTitle(lang.pick("Andel (%) av pågående på mätdagen, 95 % KI (Wilson)",
                        "Share (%) of open cases on the as-of date, 95% CI (Wilson)"))
                .percent(true).decimals(0);
        for (int row = 0; row < t.rowCount(); row++) {
            forestRow(b, t, row, Labels.code(t.key(row, "group"), lang), "idle_share", "idle_lower", "idle_upper", "idle",
                    "open");
        }
        return b;
    }

    /**
     * Partners at the table against step movement: per unit and year, partners present per held
     * meeting (x) against the share with a step up (y, Wilson interval).
     */
    public static FlowQualityScatterBuilder partnersAndSteps(PartnerInputResult r) {
        Lang lang = Stegvis.lang();
        MetricTable t = r.summary();
        FlowQualityScatterBuilder b = MetricCharts.basis(new FlowQualityScatterBuilder(), r.basis(), null)
                .title(lang.pick("Fler parter vid bordet, fler steg upp?", "More partners at the table, more steps up?"))
                .axisTitles(lang.pick("Parter närvarande per hållet möte", "Partners present per held meeting"),
                        lang.pick("Minst ett steg upp (%)", "Up at least one step (%)"));
        for (int row = 0; row < t.rowCount(); row++) {
            String unit = Labels.code(t.key(row, "unit"), lang);
            String period = t.key(row, "period");
            double x = Cells.number(t, row, "partners_per_meeting");
            double y = Cells.number(t, row, "step_up_share");
            if (Double.isNaN(x) || Double.isNaN(y)) {
                Hidden h = Cells.hidden(t, row, "step_up");
                b.hiddenPoint(unit, period, h.hidden() ? h : Cells.hidden(t, row, "assessed_twice"));
            } else {
                b.point(unit, period, x, Double.NaN, Double.NaN, y, Cells.number(t, row, "step_up_lower"),
                        Cells.number(t, row, "step_up_upper"));
            }
        }
        return b;
    }

    /** Each goal's share with its interval; the label says the target and whether it is met. */
    public static ForestPlotBuilder goals(GoalsResult r) {
        Lang lang = Stegvis.lang();
        MetricTable t = r.table();
        var f = Stegvis.theme().formats();
        ForestPlotBuilder b = MetricCharts.basis(new ForestPlotBuilder(), r.basis(), null)
                .title(lang.pick("Mål och måluppfyllelse", "Goals and how far they are met"))
                .axisTitle(lang.pick("Andel (%) med 95 % konfidensintervall", "Share (%) with 95% CI"))
                .percent(true).decimals(0);
        for (int row = 0; row < t.rowCount(); row++) {
            String statusCode = t.key(row, "status");
            String status = switch (statusCode) {
                case "met" -> lang.pick("uppnått", "met");
                case "not_met" -> lang.pick("ej uppnått", "not met");
                case "cannot_tell" -> lang.pick("kan inte avgöras", "cannot tell");
                default -> lang.pick("kan inte mätas", "not measurable");
            };
            double target = Cells.number(t, row, "target");
            String label = t.key(row, "label") + "\n" + lang.pick("mål ", "target ")
                    + ("at_most".equals(t.key(row, "direction")) ? "≤ " : "≥ ") + f.percent(target, 0) + ": " + status;
            if ("not_measurable".equals(statusCode)) {
                b.remarkRow(label, lang.pick("inga data", "no data"));
                continue;
            }
            forestRow(b, t, row, label, "share", "lower", "upper", "n", "denominator");
            b.target(target);
        }
        return b.note(lang.pick("Svart streck: målet.", "Black bar: the target."));
    }

    /** Share who rated themselves better after than before, per instrument and group. */
    public static ForestPlotBuilder ratingsImproved(RatingsResult r) {
        Lang lang = Stegvis.lang();
        MetricTable t = r.summary();
        ForestPlotBuilder b = MetricCharts.basis(new ForestPlotBuilder(), r.basis(), null)
                .title(lang.pick("Självskattning: andel som skattar sig bättre efter", "Self-rating: share rating themselves better after"))
                .axisTitle(lang.pick("Andel (%) av parade skattningar, 95 % KI (Wilson)", "Share (%) of paired ratings, 95% CI (Wilson)"))
                .percent(true).decimals(0);
        for (int row = 0; row < t.rowCount(); row++) {
            String group = t.key(row, "group");
            String label = ("all".equals(group) ? "" : Labels.code(group, lang) + ", ") + t.key(row, "instrument");
            forestRow(b, t, row, label, "share_improved", "improved_lower", "improved_upper", "improved", "paired");
        }
        return b;
    }
}
