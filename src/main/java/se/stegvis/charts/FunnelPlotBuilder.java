package se.stegvis.charts;

import org.knowm.xchart.XYSeries;
import se.stegvis.stats.FunnelLimits;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A funnel plot for comparing units on a proportion: each unit's rate against its size, with the
 * target line and 95 % and 99.8 % control limits that narrow as n grows (exact binomial limits
 * with Spiegelhalter's interpolation, from {@link FunnelLimits}). Units outside the limits
 * are coloured. A suppressed unit is not plotted (its rate would reveal the count) and is named in
 * a footnote.
 */
public final class FunnelPlotBuilder extends ChartBuilder<FunnelPlotBuilder> {

    /** One unit; events and n are ignored when hidden. */
    public record Unit(String label, long events, long n, Hidden hidden) {
        boolean suppressed() {
            return hidden.hidden();
        }
    }

    private final List<Unit> units = new ArrayList<>();
    private Double target;
    private String yAxisTitle;

    public FunnelPlotBuilder unit(String label, long events, long n) {
        return unit(label, events, n, false);
    }

    public FunnelPlotBuilder unit(String label, long events, long n, boolean suppressed) {
        return unit(label, events, n, Hidden.of(suppressed));
    }

    /** A unit with the disclosure state of its event count. */
    public FunnelPlotBuilder unit(String label, long events, long n, Hidden hidden) {
        if (!hidden.hidden() && (n <= 0 || events < 0 || events > n)) {
            throw new IllegalArgumentException(label + ": need 0 <= events <= n and n > 0, got " + events + " of " + n);
        }
        units.add(hidden.hidden() ? new Unit(label, -1, -1, hidden) : new Unit(label, events, n, hidden));
        return this;
    }

    /** The target proportion (0-1); defaults to the pooled proportion of the shown units. */
    public FunnelPlotBuilder target(double proportion) {
        this.target = proportion;
        return this;
    }

    public FunnelPlotBuilder yAxisTitle(String text) {
        this.yAxisTitle = text;
        return this;
    }

    public List<Unit> units() {
        return List.copyOf(units);
    }

    @Override
    protected Stream<Hidden> hiddenCells() {
        return units.stream().map(Unit::hidden);
    }

    @Override
    public SeminarChart build() {
        List<String> hidden = units.stream().filter(Unit::suppressed).map(Unit::label).toList();
        if (!hidden.isEmpty()) {
            note(t("Visas inte (dolda antal): ", "Not shown (hidden counts): ") + String.join(", ", hidden) + ".");
        }
        return super.build();
    }

    /** The limit as a proportion; at a target of 0 or 1 there is no spread, so the limit is the target. */
    private static double limit(double p0, int n, double tailProbability) {
        return p0 > 0 && p0 < 1 ? FunnelLimits.limit(p0, n, tailProbability) : p0;
    }

    @Override
    protected SeminarChart.PlotPainter plot() {
        List<Unit> shown = units.stream().filter(u -> !u.suppressed()).toList();
        long events = shown.stream().mapToLong(Unit::events).sum();
        long people = shown.stream().mapToLong(Unit::n).sum();
        double p0 = target != null ? target : people == 0 ? 0 : events / (double) people;
        String yTitle = yAxisTitle != null ? yAxisTitle : t("Andel (%)", "Share (%)");
        return (c, area) -> paint(c, area, shown, p0, yTitle);
    }

    private void paint(Canvas c, Rectangle2D area, List<Unit> shown, double p0, String yTitle) {
        SeminarTheme th = c.theme();
        XYPlot xy = new XYPlot(th, t("Antal personer (n)", "Number of people (n)"), yTitle);
        long maxN = Math.max(10, shown.stream().mapToLong(Unit::n).max().orElse(10));
        int nMax = (int) Math.ceil(maxN * 1.1);
        int nMin = Math.max(1, (int) Math.floor(shown.stream().mapToLong(Unit::n).min().orElse(1) * 0.5));
        int points = 120;
        double[] grid = new double[points];
        double[][] lim = new double[4][points];
        double[] tails = {0.001, 0.025, 0.975, 0.999};
        for (int i = 0; i < points; i++) {
            int n = (int) Math.round(nMin + (nMax - nMin) * i / (double) (points - 1));
            grid[i] = n;
            for (int k = 0; k < 4; k++) {
                lim[k][i] = limit(p0, n, tails[k]) * 100;
            }
        }
        double yMin = 100;
        double yMax = 0;
        for (Unit u : shown) {
            double p = 100.0 * u.events() / u.n();
            yMin = Math.min(yMin, p);
            yMax = Math.max(yMax, p);
        }
        for (int i = points / 10; i < points; i++) { // the limits beyond the smallest units need not be in range
            yMin = Math.min(yMin, lim[0][i]);
            yMax = Math.max(yMax, lim[3][i]);
        }
        xy.styler().setYAxisMin(Math.max(0, Math.floor(yMin / 10) * 10)).setYAxisMax(Math.min(100, Math.ceil(yMax / 10) * 10));
        xy.styler().setXAxisMin(0.0).setXAxisMax((double) nMax);
        XYSeries targetLine = xy.line(t("Mål/genomsnitt ", "Target/average ") + th.formats().percent(p0, 1),
                new double[]{0, nMax}, new double[]{p0 * 100, p0 * 100}, Palette.TEXT);
        targetLine.setLineStyle(new BasicStroke((float) Math.max(1.5, th.px(3))));
        String[] names = {t("95 % gränser", "95% limits"), t("99,8 % gränser", "99.8% limits")};
        Color[] colours = {Palette.ORANGE, Palette.VERMILLION};
        for (int k = 0; k < 2; k++) {
            XYSeries lower = xy.line(names[k], grid, k == 0 ? lim[1] : lim[0], colours[k]);
            XYSeries upper = xy.line(names[k] + " ", grid, k == 0 ? lim[2] : lim[3], colours[k]);
            BasicStroke dashed = new BasicStroke((float) Math.max(1.5, th.px(3.5)), BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_ROUND, 10f, k == 0 ? new float[]{(float) th.px(14), (float) th.px(8)}
                    : new float[]{(float) th.px(4), (float) th.px(6)}, 0f);
            lower.setLineStyle(dashed);
            upper.setLineStyle(dashed);
        }
        Rectangle2D plotArea = new Legend()
                .add(targetLine.getName(), Palette.TEXT, Legend.Key.LINE)
                .add(names[0], colours[0], Legend.Key.DASHED)
                .add(names[1], colours[1], Legend.Key.DOTTED)
                .add(t("Inom gränserna", "Within limits"), Palette.BLUE, Legend.Key.DOT)
                .add(t("Utanför 95 %", "Outside 95%"), Palette.ORANGE, Legend.Key.DOT)
                .add(t("Utanför 99,8 %", "Outside 99.8%"), Palette.VERMILLION, Legend.Key.DOT)
                .draw(c, area);
        xy.paint(c, plotArea);
        double r = th.px(11);
        for (Unit u : shown) {
            double p = u.events() / (double) u.n();
            int n = (int) u.n();
            boolean out998 = p < limit(p0, n, 0.001) || p > limit(p0, n, 0.999);
            boolean out95 = p < limit(p0, n, 0.025) || p > limit(p0, n, 0.975);
            Point2D s = xy.screen(plotArea, u.n(), p * 100);
            c.g().setColor(out998 ? Palette.VERMILLION : out95 ? Palette.ORANGE : Palette.BLUE);
            c.g().fill(new Ellipse2D.Double(s.getX() - r, s.getY() - r, 2 * r, 2 * r));
            c.g().setColor(Color.WHITE);
            c.g().setStroke(new BasicStroke((float) Math.max(1, th.px(2))));
            c.g().draw(new Ellipse2D.Double(s.getX() - r, s.getY() - r, 2 * r, 2 * r));
            c.text(u.label(), s.getX() + r + th.px(6), s.getY() + c.ascent(th.tickFont()) / 2.5, th.tickFont(),
                    Palette.TEXT, Canvas.Align.LEFT);
        }
    }
}
