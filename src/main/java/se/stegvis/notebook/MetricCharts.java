package se.stegvis.notebook;

import se.stegvis.charts.AlluvialChartBuilder;
import se.stegvis.charts.ChartBuilder;
import se.stegvis.charts.FunnelChartBuilder;
import se.stegvis.charts.Hidden;
import se.stegvis.charts.Lang;
import se.stegvis.charts.StepMovementChartBuilder;
import se.stegvis.charts.TransitionHeatmapBuilder;
import se.stegvis.metrics.Basis;
import se.stegvis.metrics.FunnelResult;
import se.stegvis.metrics.MetricTable;
import se.stegvis.metrics.StepResult;
import se.stegvis.metrics.TransitionResult;

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
        builder.subtitle(group == null ? when : Labels.code(group, lang) + " · " + when);
        if (b.nShown().matches("\\d+") && group == null) {
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
        List<String> steps = new ArrayList<>();
        for (int row : Cells.rowsOf(t, group)) {
            String s = t.key(row, "from_step");
            if (!steps.contains(s)) {
                steps.add(s);
            }
        }
        int k = steps.size();
        long[][] counts = new long[k][k];
        double[][] shares = new double[k][k];
        Hidden[][] hidden = new Hidden[k][k];
        long[] rowSizes = new long[k];
        java.util.Arrays.fill(rowSizes, -1);
        for (int row : Cells.rowsOf(t, group)) {
            int i = steps.indexOf(t.key(row, "from_step"));
            int j = steps.indexOf(t.key(row, "to_step"));
            counts[i][j] = Cells.count(t, row, "n");
            shares[i][j] = Cells.number(t, row, "share");
            hidden[i][j] = Cells.hidden(t, row, "n");
            if (counts[i][j] > 0 && shares[i][j] > 0) {
                rowSizes[i] = Math.round(counts[i][j] / shares[i][j]); // the published row size
            }
        }
        List<String> labels = steps.stream().map(s -> Labels.step(s, lang)).toList();
        return basis(new TransitionHeatmapBuilder(), r.basis(), group)
                .title(entryToExit ? lang.pick("Steg vid start och vid avslut", "Step at entry and at exit")
                        : lang.pick("Från en bedömning till nästa", "From one assessment to the next"))
                .axisTitles(entryToExit ? lang.pick("Steg vid start", "Step at entry")
                                : lang.pick("Steg vid en bedömning", "Step at an assessment"),
                        entryToExit ? lang.pick("Steg vid avslut", "Step at exit")
                                : lang.pick("Steg vid nästa bedömning", "Step at the next assessment"))
                .matrix(labels, labels, counts, shares, hidden, rowSizes);
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
        b.nodes(steps, steps);
        for (int row : Cells.rowsOf(t, group)) {
            b.flow(Labels.step(t.key(row, "from_step"), lang), Labels.step(t.key(row, "to_step"), lang),
                    Cells.count(t, row, "n"), Cells.hidden(t, row, "n"));
        }
        return b;
    }
}
