package se.stegvis.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Kaplan-Meier ("share still waiting") or cumulative incidence ("share who reached the milestone")
 * curves as steps, each with its pointwise confidence band, and a numbers-at-risk table under the
 * time axis. Estimates are proportions (0-1) shown as percent.
 */
public final class SurvivalChartBuilder extends ChartBuilder<SurvivalChartBuilder> {

    /** Which quantity the curves show; sets the y-axis title and the legend corner. */
    public enum Kind { KAPLAN_MEIER, CUMULATIVE_INCIDENCE }

    /**
     * A step function: estimate[i] holds from time[i] until time[i+1]; time[0] is usually 0.
     * lower and upper are the pointwise interval (they may be asymmetric, e.g. log-log).
     */
    public record Curve(String name, double[] time, double[] estimate, double[] lower, double[] upper) {
        public Curve {
            int k = time.length;
            if (estimate.length != k || lower.length != k || upper.length != k) {
                throw new IllegalArgumentException("curve " + name + ": time, estimate, lower, upper differ in length");
            }
        }
    }

    /** Numbers at risk of one curve at the given times; a hidden count is stored as -1 and drawn "&lt;5" or "..". */
    public record AtRisk(String curve, double[] time, long[] count, Hidden[] hidden) {
    }

    private Kind kind = Kind.KAPLAN_MEIER;
    private String xAxisTitle;
    private String yAxisTitle;
    private Double maxTime;
    private final List<Curve> curves = new ArrayList<>();
    private final List<AtRisk> atRisk = new ArrayList<>();

    public SurvivalChartBuilder kind(Kind newKind) {
        this.kind = newKind;
        return this;
    }

    /** The time axis title, e.g. "Dagar från anvisning till första möte". */
    public SurvivalChartBuilder xAxisTitle(String text) {
        this.xAxisTitle = text;
        return this;
    }

    /** The y-axis title, e.g. "Andel som haft första möte (%)"; the default names the kind. */
    public SurvivalChartBuilder yAxisTitle(String text) {
        this.yAxisTitle = text;
        return this;
    }

    /** Cuts the time axis here (curves are drawn up to it). */
    public SurvivalChartBuilder maxTime(double time) {
        this.maxTime = time;
        return this;
    }

    public SurvivalChartBuilder curve(String name, double[] time, double[] estimate, double[] lower, double[] upper) {
        curves.add(new Curve(name, time.clone(), estimate.clone(), lower.clone(), upper.clone()));
        return this;
    }

    /** Numbers at risk for a curve already added, at the times given (the table's columns). */
    public SurvivalChartBuilder atRisk(String curve, double[] time, long[] count, boolean[] suppressed) {
        Hidden[] hidden = new Hidden[suppressed.length];
        Arrays.setAll(hidden, i -> Hidden.of(suppressed[i]));
        return atRisk(curve, time, count, hidden);
    }

    /** Numbers at risk with each count's disclosure state. */
    public SurvivalChartBuilder atRisk(String curve, double[] time, long[] count, Hidden[] hidden) {
        long[] shown = count.clone();
        for (int i = 0; i < shown.length; i++) {
            if (hidden[i].hidden()) {
                shown[i] = -1; // never kept, so never drawn
            }
        }
        atRisk.add(new AtRisk(curve, time.clone(), shown, hidden.clone()));
        return this;
    }

    @Override
    protected Stream<Hidden> hiddenCells() {
        return atRisk.stream().flatMap(r -> Arrays.stream(r.hidden()));
    }

    @Override
    protected SeminarChart.PlotPainter plot() {
        List<Curve> cs = List.copyOf(curves);
        List<AtRisk> rs = List.copyOf(atRisk);
        Kind k = kind;
        String xTitle = xAxisTitle != null ? xAxisTitle : t("Dagar", "Days");
        String yTitle = yAxisTitle != null ? yAxisTitle : k == Kind.KAPLAN_MEIER ? t("Andel kvar (%)", "Share remaining (%)")
                : t("Kumulativ andel (%)", "Cumulative share (%)");
        double end = maxTime != null ? maxTime
                : cs.stream().mapToDouble(c -> c.time()[c.time().length - 1]).max().orElse(1);
        return (c, area) -> paint(c, area, cs, rs, xTitle, yTitle, end);
    }

    private void paint(Canvas c, Rectangle2D whole, List<Curve> cs, List<AtRisk> rs, String xTitle, String yTitle,
                       double end) {
        SeminarTheme th = c.theme();
        Legend legend = new Legend();
        for (int i = 0; i < cs.size(); i++) {
            legend.add(cs.get(i).name(), Palette.series(i), Legend.Key.LINE);
        }
        legend.add(t("95 % konfidensintervall (skuggat)", "95% confidence interval (shaded)"),
                Palette.translucent(Palette.TEXT, 60), Legend.Key.BOX);
        Rectangle2D area = legend.draw(c, whole);
        Font tableFont = th.tickFont();
        double rowH = c.lineHeight(tableFont) * 1.1;
        double tableH = rs.isEmpty() ? 0 : rowH * (rs.size() + 1) + th.px(12);
        double labelCol = rs.isEmpty() ? 0
                : rs.stream().mapToDouble(r -> c.width(r.curve(), tableFont)).max().orElse(0) + th.px(24);
        Rectangle2D plotArea = new Rectangle2D.Double(area.getX() + labelCol, area.getY(),
                area.getWidth() - labelCol, area.getHeight() - tableH);

        XYPlot xy = new XYPlot(th, xTitle, yTitle);
        xy.styler().setXAxisMin(0.0).setXAxisMax(end).setYAxisMin(0.0).setYAxisMax(100.0);
        for (int i = 0; i < cs.size(); i++) {
            Curve curve = cs.get(i);
            Color colour = Palette.series(i);
            List<double[][]> bands = bandPolygons(curve, end);
            for (int j = 0; j < bands.size(); j++) {
                xy.band(curve.name() + " KI " + j, bands.get(j)[0], bands.get(j)[1], colour);
            }
        }
        for (int i = 0; i < cs.size(); i++) {
            Curve curve = cs.get(i);
            double[][] steps = steps(curve.time(), curve.estimate(), end);
            xy.line(curve.name(), steps[0], steps[1], Palette.series(i));
        }
        xy.paint(c, plotArea);
        if (rs.isEmpty()) {
            return;
        }
        double y = plotArea.getMaxY() + th.px(12) + c.ascent(tableFont);
        c.text(t("Antal i risk", "Number at risk"), area.getX(), y, th.axisTitleFont(), Palette.TEXT, Canvas.Align.LEFT);
        for (AtRisk r : rs) {
            y += rowH;
            int curveIndex = indexOf(cs, r.curve());
            c.text(r.curve(), area.getX(), y, tableFont, Palette.series(curveIndex), Canvas.Align.LEFT);
            for (int j = 0; j < r.time().length; j++) {
                if (r.time()[j] > end) {
                    continue;
                }
                double x = xy.screen(plotArea, r.time()[j], 0).getX();
                if (r.hidden()[j].hidden()) {
                    c.text(r.hidden()[j].label(th), x, y, tableFont, Palette.MUTED_TEXT, Canvas.Align.CENTER);
                } else {
                    c.text(th.formats().count(r.count()[j]), x, y, tableFont, Palette.TEXT, Canvas.Align.CENTER);
                }
            }
        }
    }

    private static int indexOf(List<Curve> cs, String name) {
        for (int i = 0; i < cs.size(); i++) {
            if (cs.get(i).name().equals(name)) {
                return i;
            }
        }
        return 0;
    }

    /** Right-continuous steps in percent, cut at end. */
    static double[][] steps(double[] time, double[] value, double end) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < time.length && time[i] <= end; i++) {
            double next = i + 1 < time.length ? Math.min(time[i + 1], end) : end;
            points.add(new double[]{time[i], value[i] * 100});
            points.add(new double[]{next, value[i] * 100});
        }
        return new double[][]{
                points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray()};
    }

    /**
     * The band between the lower and upper steps as closed polygons (upper forward, lower back),
     * one per stretch where both bounds are defined: where a bound is missing (e.g. an estimate of
     * 0 under a log-log interval) the band stops rather than being drawn across the gap.
     */
    private static List<double[][]> bandPolygons(Curve curve, double end) {
        double[][] up = steps(curve.time(), curve.upper(), end);
        double[][] lo = steps(curve.time(), curve.lower(), end);
        List<double[][]> polygons = new ArrayList<>();
        int n = up[0].length;
        int from = 0;
        while (from < n) {
            while (from < n && !(Double.isFinite(up[1][from]) && Double.isFinite(lo[1][from]))) {
                from++;
            }
            int to = from;
            while (to < n && Double.isFinite(up[1][to]) && Double.isFinite(lo[1][to])) {
                to++;
            }
            int k = to - from;
            if (k >= 2) {
                double[] x = new double[2 * k];
                double[] y = new double[2 * k];
                for (int i = 0; i < k; i++) {
                    x[i] = up[0][from + i];
                    y[i] = up[1][from + i];
                    x[2 * k - 1 - i] = lo[0][from + i];
                    y[2 * k - 1 - i] = lo[1][from + i];
                }
                polygons.add(new double[][]{x, y});
            }
            from = to;
        }
        return polygons;
    }

    List<Curve> curves() {
        return List.copyOf(curves);
    }

    /** The at-risk rows as kept: a suppressed count is stored as -1. */
    List<AtRisk> atRiskRows() {
        return List.copyOf(atRisk);
    }
}
