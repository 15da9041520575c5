package se.stegvis.notebook;

import se.stegvis.charts.AlluvialChartBuilder;
import se.stegvis.charts.ChartBuilder;
import se.stegvis.charts.ContextBand;
import se.stegvis.charts.FlowQualityScatterBuilder;
import se.stegvis.charts.FlowRunChartBuilder;
import se.stegvis.charts.ForestPlotBuilder;
import se.stegvis.charts.FunnelChartBuilder;
import se.stegvis.charts.FunnelPlotBuilder;
import se.stegvis.charts.ProcessMapChartBuilder;
import se.stegvis.charts.Hidden;
import se.stegvis.charts.Lang;
import se.stegvis.charts.StepMovementChartBuilder;
import se.stegvis.charts.SurvivalChartBuilder;
import se.stegvis.charts.TransitionHeatmapBuilder;
import se.stegvis.metrics.Basis;
import se.stegvis.metrics.CompareResult;
import se.stegvis.metrics.ContextEvent;
import se.stegvis.metrics.FlowQualityResult;
import se.stegvis.metrics.FlowResult;
import se.stegvis.metrics.FunnelResult;
import se.stegvis.metrics.LeadTimeResult;
import se.stegvis.metrics.ProcessMapResult;
import se.stegvis.metrics.MetricTable;
import se.stegvis.metrics.Period;
import se.stegvis.metrics.StepResult;
import se.stegvis.metrics.TransitionResult;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Thin adapters from metric results to chart builders: they fill in the data, n, the definition
 * and a default title in the session's language; the notebook may change any of it before
 * {@code build()}.
 */
public final class MetricCharts {
    private MetricCharts() {
    }

    private static final List<String> FUNNEL_PATH = List.of("referred", "decision_accepted", "first_meeting",
            "mapping_done", "plan_established", "activity_start", "exit", "positive_exit");

    /** Header and footnote from the result's basis: n (when publishable), definition, as-of date. */
    static <B extends ChartBuilder<B>> B basis(B builder, Basis b, String group) {
        Lang lang = Stegvis.lang();
        builder.theme(Stegvis.theme()).definition(b.definition().text(lang.locale()));
        String when = lang.pick("mätdag ", "as of ") + b.asOf();
        boolean whole = group == null || "all".equals(group);
        builder.subtitle(whole ? when : Labels.code(group, lang) + " · " + when);
        if (b.nShown().matches("\\d+") && whole) {
            builder.n(b.n());
        }
        return builder;
    }

    /** The funnel's main path (referred to positive exit) for one group. */
    public static FunnelChartBuilder funnel(FunnelResult r, String group) {
        Lang lang = Stegvis.lang();
        MetricTable t = r.stages();
        FunnelChartBuilder b = basis(new FunnelChartBuilder(), r.basis(), group)
                .title(lang.pick("Tratten: från remiss till avslut", "The funnel: from referral to exit"));
        for (String stage : FUNNEL_PATH) {
            for (int row : Cells.rowsOf(t, group)) {
                if (stage.equals(t.key(row, "stage"))) {
                    b.stage(Labels.code(stage, lang), Cells.count(t, row, "n"), Cells.hidden(t, row, "n"));
                    if ("referred".equals(stage) && !t.isHidden(row, "n")) {
                        b.n(Cells.count(t, row, "n"));
                    }
                }
            }
        }
        return b;
    }

    /** Up, same and down from entry to latest step, one bar per group. */
    public static StepMovementChartBuilder stepMovement(StepResult r) {
        Lang lang = Stegvis.lang();
        MetricTable t = r.summary();
        StepMovementChartBuilder b = basis(new StepMovementChartBuilder(), r.basis(), null)
                .title(lang.pick("Stegförflyttning: första mot senaste bedömning",
                        "Step movement: first against latest assessment"));
        for (int row = 0; row < t.rowCount(); row++) {
            b.group(Labels.code(t.key(row, "group"), lang), Cells.count(t, row, "n_two_plus"),
                    Cells.count(t, row, "n_up"), Cells.count(t, row, "n_same"), Cells.count(t, row, "n_down"),
                    new Hidden[]{Cells.hidden(t, row, "n_up"), Cells.hidden(t, row, "n_same"),
                            Cells.hidden(t, row, "n_down")});
        }
        return b;
    }

    /** A transition matrix as a heat map: consecutive assessments, or entry to exit step. */
    public static TransitionHeatmapBuilder transitions(TransitionResult r, String group, boolean entryToExit) {
        Lang lang = Stegvis.lang();
        MetricTable t = entryToExit ? r.entryExit() : r.consecutive();
        Cells.Matrix x = Cells.Matrix.of(t, Cells.rowsOf(t, group), "from_step", "to_step");
        TransitionHeatmapBuilder b = basis(new TransitionHeatmapBuilder(), r.basis(), group)
                .title(entryToExit ? lang.pick("Steg vid start och vid avslut", "Step at entry and at exit")
                        : lang.pick("Från en bedömning till nästa", "From one assessment to the next"))
                .axisTitles(entryToExit ? lang.pick("Steg vid start", "Step at entry")
                                : lang.pick("Steg vid en bedömning", "Step at an assessment"),
                        entryToExit ? lang.pick("Steg vid avslut", "Step at exit")
                                : lang.pick("Steg vid nästa bedömning", "Step at the next assessment"))
                .matrix(x.rows().stream().map(s -> Labels.step(s, lang)).toList(),
                        x.columns().stream().map(s -> Labels.step(s, lang)).toList(),
                        x.counts(), x.shares(), x.hidden(), x.rowSizes())
                .nIfKnown(x.total()); // the matrix's own: transitions, or exited episodes; not the selection's
        return noteMergedSteps(b, r, lang);
    }

    /** Says on the chart that adjacent steps were merged, and why, when they were. */
    private static <B extends ChartBuilder<B>> B noteMergedSteps(B b, TransitionResult r, Lang lang) {
        if (!r.coarsened()) {
            return b;
        }
        String share = Stegvis.theme().formats().percent(r.finerHiddenShare(), 0);
        return b.note(lang.pick("Intilliggande steg sammanslagna: steg för steg hade " + share
                        + " av de icke-tomma cellerna dolts för att antalen är små.",
                "Adjacent steps merged: step by step, " + share + " of the non-empty cells would have been hidden as small."));
    }

    /** Entry step to exit step as an alluvial diagram for one group. */
    public static AlluvialChartBuilder alluvial(TransitionResult r, String group) {
        Lang lang = Stegvis.lang();
        MetricTable t = r.entryExit();
        AlluvialChartBuilder b = basis(new AlluvialChartBuilder(), r.basis(), group)
                .title(lang.pick("Från steg vid start till steg vid avslut", "From step at entry to step at exit"))
                .columnTitles(lang.pick("Steg vid start", "Step at entry"), lang.pick("Steg vid avslut", "Step at exit"));
        List<String> steps = new ArrayList<>();
        for (int row : Cells.rowsOf(t, group)) {
            String s = Labels.step(t.key(row, "from_step"), lang);
            if (!steps.contains(s)) {
                steps.add(s);
            }
        }
        b.nodes(steps, steps).nIfKnown(Cells.Matrix.of(t, Cells.rowsOf(t, group), "from_step", "to_step").total());
        for (int row : Cells.rowsOf(t, group)) {
            b.flow(Labels.step(t.key(row, "from_step"), lang), Labels.step(t.key(row, "to_step"), lang),
                    Cells.count(t, row, "n"), Cells.hidden(t, row, "n"));
        }
        return noteMergedSteps(b, r, lang);
    }

    /**
     * Lead-time curves as the cumulative share who reached the end milestone (1 - Kaplan-Meier),
     * one per group, with their 95 % bands and the numbers at risk under the time axis.
     */
    public static SurvivalChartBuilder leadTime(LeadTimeResult r, AtRisk atRisk) {
        Lang lang = Stegvis.lang();
        MetricTable t = r.curve();
        String from = Labels.milestone(r.spec().from().code(), lang);
        String to = Labels.milestone(r.spec().to().code(), lang);
        SurvivalChartBuilder b = basis(new SurvivalChartBuilder(), r.basis(), null)
                .kind(SurvivalChartBuilder.Kind.CUMULATIVE_INCIDENCE)
                .title(lang.pick("Tid från " + from + " till " + to, "Time from " + from + " to " + to))
                .xAxisTitle(lang.pick("Dagar från " + from, "Days from " + from))
                .yAxisTitle(lang.pick("Andel som nått " + to + " (%)", "Share reached " + to + " (%)"));
        for (String group : Cells.groups(t)) {
            double[][] c = cumulative(t, group);
            b.curve(Labels.code(group, lang), c[0], c[1], c[2], c[3]);
            if (atRisk != null && atRisk.counts().containsKey(group)) {
                b.atRisk(Labels.code(group, lang), atRisk.times(), atRisk.counts().get(group), atRisk.hidden().get(group));
            }
        }
        if (atRisk != null) {
            b.maxTime(atRisk.times()[atRisk.times().length - 1]);
        }
        return b;
    }

    /**
     * A Kaplan-Meier curve table ({@code group,time,surv,lower,upper}) of one group as the cumulative
     * share with the event (1 - S) and its band: {time, estimate, lower, upper}, starting at time 0
     * with nobody there yet (the table lists the steps after it).
     */
    static double[][] cumulative(MetricTable t, String group) {
        List<Integer> rows = Cells.rowsOf(t, group);
        double[][] c = new double[4][rows.size() + 1];
        for (int i = 0; i < rows.size(); i++) {
            int row = rows.get(i);
            c[0][i + 1] = Double.parseDouble(t.shown(row, t.column("time")));
            c[1][i + 1] = 1 - Cells.number(t, row, "surv");
            c[2][i + 1] = 1 - Cells.number(t, row, "upper");
            c[3][i + 1] = 1 - Cells.number(t, row, "lower");
        }
        return c;
    }

    /**
     * Exit destinations as competing risks: the cumulative share who had left for each destination
     * by {@code days} after the start milestone, with 95 % intervals (Aalen-Johansen), for one group.
     */
    public static ForestPlotBuilder exitDestinations(LeadTimeResult r, String group, int days) {
        Lang lang = Stegvis.lang();
        MetricTable t = r.destinations();
        ForestPlotBuilder b = basis(new ForestPlotBuilder(), r.basis(), group)
                .title(lang.pick("Avslutsorsak inom " + days + " dagar", "Exit destination within " + days + " days"))
                .axisTitle(lang.pick("Kumulativ andel (%), konkurrerande risker", "Cumulative share (%), competing risks"))
                .percent(true).reference(0).decimals(1);
        for (int row : Cells.rowsOf(t, group)) {
            if (Double.parseDouble(t.shown(row, t.column("days"))) != days) {
                continue;
            }
            String label = Labels.destination(t.key(row, "destination"), lang);
            Hidden h = Cells.hidden(t, row, "events");
            double cif = Cells.number(t, row, "cif");
            if (h.hidden() || Double.isNaN(cif)) {
                b.hiddenRow(label, h.hidden() ? h : Hidden.SMALL);
            } else {
                double lo = Cells.number(t, row, "lower");
                double hi = Cells.number(t, row, "upper");
                b.row(label, cif, Double.isNaN(lo) ? cif : lo, Double.isNaN(hi) ? cif : hi, Cells.count(t, row, "events"));
            }
        }
        return b;
    }

    /**
     * As {@link #flow(FlowResult, String, YearMonth)} with dated context events shaded; periods of
     * an intake stop are left out of the inflow's median, and the footnote says so.
     */
    public static FlowRunChartBuilder flow(FlowResult r, String group, YearMonth fromMonth, List<ContextEvent> events) {
        return flow(r, group, fromMonth).context(bands(flowPeriods(r, group, fromMonth), events));
    }

    /** The periods of a group's flow (labels as 2024-03, 2024-Q1, 2024-H1, 2024) that end in or after {@code fromMonth}. */
    private static List<Integer> flowRows(FlowResult r, String group, YearMonth fromMonth) {
        return Cells.rowsOf(r.periods(), group).stream()
                .filter(row -> !Period.lastMonth(r.periods().key(row, "period")).isBefore(fromMonth)).toList();
    }

    private static List<String> flowPeriods(FlowResult r, String group, YearMonth fromMonth) {
        return flowRows(r, group, fromMonth).stream().map(row -> r.periods().key(row, "period")).toList();
    }

    /** Context events as bands over the periods they touch (labelled as in {@link Period}, in order); others left out. */
    public static List<ContextBand> bands(List<String> periods, List<ContextEvent> events) {
        List<ContextBand> out = new ArrayList<>();
        for (ContextEvent e : events) {
            YearMonth from = YearMonth.from(e.startsOn());
            YearMonth to = YearMonth.from(e.lastDay());
            int i = -1;
            int j = -1;
            for (int k = 0; k < periods.size(); k++) {
                boolean touches = !Period.lastMonth(periods.get(k)).isBefore(from)
                        && !Period.firstMonth(periods.get(k)).isAfter(to);
                if (touches) {
                    i = i < 0 ? k : i;
                    j = k;
                }
            }
            if (i >= 0) {
                out.add(new ContextBand(i, j, e.label(Stegvis.lang().locale()), e.stopsIntake()));
            }
        }
        return out;
    }

    /**
     * Inflow, exits and people in programme per period for one group, from the period holding
     * {@code fromMonth} on; a coarsened result says why it is not by month.
     */
    public static FlowRunChartBuilder flow(FlowResult r, String group, YearMonth fromMonth) {
        Lang lang = Stegvis.lang();
        MetricTable t = r.periods();
        List<Integer> rows = flowRows(r, group, fromMonth);
        long[][] values = new long[3][rows.size()];
        Hidden[][] hidden = new Hidden[3][rows.size()];
        String[] columns = {"inflow", "exits", "wip"};
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < rows.size(); i++) {
                values[k][i] = Cells.count(t, rows.get(i), columns[k]);
                hidden[k][i] = Cells.hidden(t, rows.get(i), columns[k]);
            }
        }
        String per = r.period().noun(lang.locale());
        FlowRunChartBuilder b = basis(new FlowRunChartBuilder(), r.basis(), group)
                .title(lang.pick("Inflöde, avslut och pågående per " + per, "Inflow, exits and in programme per " + per))
                .periods(flowPeriods(r, group, fromMonth))
                .inflow(values[0], hidden[0])
                .exits(values[1], hidden[1])
                .workInProgress(values[2], hidden[2]);
        if (r.coarsened()) {
            String share = Stegvis.theme().formats().percent(r.finerHiddenShare(), 0);
            b.note(lang.pick("Per " + per + " i stället för per månad: per månad hade " + share
                            + " av antalen dolts för att de är små eller kunde räknas fram.",
                    "Per " + per + " rather than per month: by month " + share
                            + " of the counts would have been hidden as small or recomputable."));
        }
        return b;
    }

    /**
     * Flow (exits per FTE) against quality per unit and quarter, from {@code fromQuarter} (e.g.
     * "2023-Q1") on. quality is {@code positive} (exits to work or studies) or {@code step_up}.
     */
    public static FlowQualityScatterBuilder flowQuality(FlowQualityResult r, String quality, String fromQuarter) {
        Lang lang = Stegvis.lang();
        MetricTable t = r.quarterly();
        boolean positive = "positive".equals(quality);
        String rate = positive ? "positive_rate" : "step_up_rate";
        String lower = positive ? "lower" : "step_lower";
        String upper = positive ? "upper" : "step_upper";
        FlowQualityScatterBuilder b = basis(new FlowQualityScatterBuilder(), r.basis(), null)
                .title(lang.pick("Flöde mot kvalitet per kvartal", "Flow versus quality per quarter"))
                .axisTitles(lang.pick("Avslut per årsarbetare och kvartal", "Exits per FTE and quarter"),
                        positive ? lang.pick("Till arbete/studier (%)", "To work/studies (%)")
                                : lang.pick("Minst ett steg upp (%)", "Up at least one step (%)"));
        for (int row = 0; row < t.rowCount(); row++) {
            String quarter = t.key(row, "quarter");
            if (quarter.compareTo(fromQuarter) < 0) {
                continue;
            }
            String unit = Labels.code(t.key(row, "group"), lang);
            double flow = Cells.number(t, row, "exits_per_fte");
            double q = Cells.number(t, row, rate);
            if (Double.isNaN(flow) || Double.isNaN(q)) {
                Hidden h = Cells.hidden(t, row, positive ? "positive" : "step_up");
                b.hiddenPoint(unit, quarter, h.hidden() ? h : Cells.hidden(t, row, "exits"));
            } else {
                b.point(unit, quarter, flow, Double.NaN, Double.NaN, q, Cells.number(t, row, lower),
                        Cells.number(t, row, upper));
            }
        }
        return b;
    }

    /** Says on the chart which groups are in "Övriga", when some were folded. */
    private static <B extends ChartBuilder<B>> B noteFolded(B b, CompareResult r, Lang lang) {
        if (r.folded().isEmpty()) {
            return b;
        }
        String names = String.join(", ", r.folded().stream().map(g -> Labels.code(g, lang)).toList());
        return b.note(lang.pick("Övriga: " + names + " (för små för att visas var för sig).",
                "Others: " + names + " (too small to show one by one)."));
    }

    /** Each group's rate with its 95 % interval, the whole selection's rate as the reference line. */
    public static ForestPlotBuilder compareRates(CompareResult r) {
        Lang lang = Stegvis.lang();
        MetricTable t = r.groups();
        ForestPlotBuilder b = basis(new ForestPlotBuilder(), r.basis(), null)
                .title(Labels.rate(r.rate().key(), lang))
                .axisTitle(lang.pick("Andel (%) med 95 % konfidensintervall (Wilson)", "Share (%) with 95% CI (Wilson)"))
                .percent(true);
        for (int row = 0; row < t.rowCount(); row++) {
            String group = t.key(row, "group");
            if ("all".equals(group)) {
                b.reference(Cells.number(t, row, "rate"));
                b.note(lang.pick("Streckad linje: hela urvalet, ", "Dashed line: whole selection, ")
                        + Stegvis.theme().formats().percent(Cells.number(t, row, "rate"), 1) + ".");
                continue;
            }
            Hidden h = Cells.hidden(t, row, "events");
            if (h.hidden() || Double.isNaN(Cells.number(t, row, "rate"))) {
                b.hiddenRow(Labels.code(group, lang), h.hidden() ? h : Cells.hidden(t, row, "n"));
            } else {
                b.row(Labels.code(group, lang), Cells.number(t, row, "rate"), Cells.number(t, row, "lower"),
                        Cells.number(t, row, "upper"), Cells.count(t, row, "n"));
            }
        }
        return noteFolded(b, r, lang);
    }

    /** Each group against the others: difference in rate with Newcombe's interval, 0 = no difference. */
    public static ForestPlotBuilder compareDifferences(CompareResult r) {
        Lang lang = Stegvis.lang();
        MetricTable t = r.groups();
        ForestPlotBuilder b = basis(new ForestPlotBuilder(), r.basis(), null)
                .title(Labels.rate(r.rate().key(), lang) + lang.pick(": skillnad mot övriga", ": difference from the rest"))
                .axisTitle(lang.pick("Skillnad i procentenheter (Newcombe 95 %)", "Difference in percentage points (Newcombe 95%)"))
                .percent(true).reference(0);
        for (int row = 0; row < t.rowCount(); row++) {
            String group = t.key(row, "group");
            if ("all".equals(group)) {
                continue;
            }
            double d = Cells.number(t, row, "difference");
            Hidden h = Cells.hidden(t, row, "events");
            if (h.hidden() || Double.isNaN(d)) {
                b.hiddenRow(Labels.code(group, lang), h.hidden() ? h : Hidden.SMALL);
            } else {
                b.row(Labels.code(group, lang), d, Cells.number(t, row, "diff_lower"), Cells.number(t, row, "diff_upper"),
                        Cells.count(t, row, "n"));
            }
        }
        return noteFolded(b, r, lang);
    }

    /** The groups on a funnel plot around the whole selection's rate, with 95 % and 99.8 % limits. */
    public static FunnelPlotBuilder funnelPlot(CompareResult r) {
        Lang lang = Stegvis.lang();
        MetricTable t = r.groups();
        FunnelPlotBuilder b = basis(new FunnelPlotBuilder(), r.basis(), null)
                .title(Labels.rate(r.rate().key(), lang) + lang.pick(": trattdiagram", ": funnel plot"));
        for (int row = 0; row < t.rowCount(); row++) {
            String group = t.key(row, "group");
            if ("all".equals(group)) {
                b.target(Cells.number(t, row, "rate"));
                continue;
            }
            Hidden events = Cells.hidden(t, row, "events");
            b.unit(Labels.code(group, lang), Cells.count(t, row, "events"), Cells.count(t, row, "n"),
                    events.hidden() ? events : Cells.hidden(t, row, "n"));
        }
        return noteFolded(b, r, lang);
    }

    /** The process map of one group (a programme): milestones, directly-follows edges, the bottleneck. */
    public static ProcessMapChartBuilder processMap(ProcessMapResult r, String group) {
        Lang lang = Stegvis.lang();
        MetricTable nodes = r.nodes();
        MetricTable edges = r.edges();
        ProcessMapChartBuilder b = basis(new ProcessMapChartBuilder(), r.basis(), group)
                .title(lang.pick("Processkarta: vägen från remiss till avslut", "Process map: from referral to exit"));
        if (group != null && !"all".equals(group)) {
            b.subtitle(Labels.programme(group) + " · " + lang.pick("mätdag ", "as of ") + r.basis().asOf());
        }
        for (int row : Cells.rowsOf(nodes, group)) {
            String e = nodes.key(row, "event");
            b.node(e, Labels.event(e, lang), Cells.count(nodes, row, "n"), Cells.hidden(nodes, row, "n"));
        }
        for (int row : Cells.rowsOf(edges, group)) {
            b.edge(edges.key(row, "from_event"), edges.key(row, "to_event"), Cells.count(edges, row, "n"),
                    Cells.number(edges, row, "median_days"), Cells.number(edges, row, "p75_days"),
                    Cells.hidden(edges, row, "n"), "true".equals(edges.key(row, "bottleneck")));
        }
        return b;
    }
}
