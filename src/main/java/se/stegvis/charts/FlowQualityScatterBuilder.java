package se.stegvis.charts;

import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Flow against quality per unit and period: throughput (x, e.g. exits per FTE) against a quality
 * rate (y, e.g. share exiting to work or studies), each point with explicit interval bars (which may
 * be asymmetric), and each unit's points joined in time order so its trajectory shows; the latest
 * point is larger and labelled. A suppressed point is left out and named in a footnote.
 */
public final class FlowQualityScatterBuilder extends ChartBuilder<FlowQualityScatterBuilder> {

    /** One unit in one period; bounds may be NaN (no bar). Values are ignored when suppressed. */
    public record Point(String unit, String period, double flow, double flowLower, double flowUpper,
                        double quality, double qualityLower, double qualityUpper, Hidden hidden) {
        boolean suppressed() {
            return hidden.hidden();
        }
    }

    private final List<Point> points = new ArrayList<>();
    private String xAxisTitle;
    private String yAxisTitle;

    /** A point; quality and its bounds are proportions (0-1), shown as percent. Add in time order. */
    public FlowQualityScatterBuilder point(String unit, String period, double flow, double flowLower, double flowUpper,
                                           double quality, double qualityLower, double qualityUpper) {
        points.add(new Point(unit, period, flow, flowLower, flowUpper, quality, qualityLower, qualityUpper,
                Hidden.SHOWN));
        return this;
    }

    public FlowQualityScatterBuilder suppressedPoint(String unit, String period) {
        return hiddenPoint(unit, period, Hidden.SMALL);
    }

    /** A point that is not published, for the given reason. */
    public FlowQualityScatterBuilder hiddenPoint(String unit, String period, Hidden why) {
        double nan = Double.NaN;
        points.add(new Point(unit, period, nan, nan, nan, nan, nan, nan, why));
        return this;
    }

    public FlowQualityScatterBuilder axisTitles(String x, String y) {
        this.xAxisTitle = x;
        this.yAxisTitle = y;
        return this;
    }

    public List<Point> points() {
        return List.copyOf(points);
    }

    @Override
    protected Stream<Hidden> hiddenCells() {
        return points.stream().map(Point::hidden);
    }

    @Override
    public SeminarChart build() {
        List<String> hidden = points.stream().filter(Point::suppressed).map(p -> p.unit() + " " + p.period()).toList();
        if (!hidden.isEmpty()) {
            note(t("Visas inte (dolda antal): ", "Not shown (hidden counts): ") + String.join(", ", hidden) + ".");
        }
        return super.build();
    }

    @Override
    protected SeminarChart.PlotPainter plot() {
        Map<String, List<Point>> byUnit = new LinkedHashMap<>();
        for (Point p : points) {
            byUnit.computeIfAbsent(p.unit(), u -> new ArrayList<>());
            if (!p.suppressed()) {
                byUnit.get(p.unit()).add(p);
            }
        }
        String xt = xAxisTitle != null ? xAxisTitle : t("Avslut per årsarbetare", "Exits per FTE");
        String yt = yAxisTitle != null ? yAxisTitle : t("Andel till arbete eller studier (%)",
                "Share to work or studies (%)");
        return (c, area) -> paint(c, area, byUnit, xt, yt);
    }

    private static double lowest(double value, double bound) {
        return Double.isNaN(bound) ? value : Math.min(value, bound);
    }

    private static double highest(double value, double bound) {
        return Double.isNaN(bound) ? value : Math.max(value, bound);
    }

    private void paint(Canvas c, Rectangle2D whole, Map<String, List<Point>> byUnit, String xt, String yt) {
        SeminarTheme th = c.theme();
        XYPlot xy = new XYPlot(th, xt, yt);
        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        double yMin = Double.MAX_VALUE;
        double yMax = -Double.MAX_VALUE;
        for (List<Point> ps : byUnit.values()) {
            for (Point p : ps) {
                xMin = Math.min(xMin, lowest(p.flow(), p.flowLower()));
                xMax = Math.max(xMax, highest(p.flow(), p.flowUpper()));
                yMin = Math.min(yMin, lowest(p.quality(), p.qualityLower()) * 100);
                yMax = Math.max(yMax, highest(p.quality(), p.qualityUpper()) * 100);
            }
        }
        if (xMin > xMax) {
            xMin = 0;
            xMax = 1;
            yMin = 0;
            yMax = 100;
        }
        double xPad = (xMax - xMin) * 0.08 + 1e-9;
        xy.styler().setXAxisMin(Math.max(0, xMin - xPad)).setXAxisMax(xMax + xPad * 2.5);
        xy.styler().setYAxisMin(Math.max(0, Math.floor(yMin / 10) * 10)).setYAxisMax(Math.min(100, Math.ceil(yMax / 10) * 10));
        xy.styler().setPlotGridVerticalLinesVisible(true);
        // XChart draws only the axes (from an invisible corner series); the marks are ours, so the
        // interval bars can be asymmetric and the trajectories joined.
        XYSeries frame = xy.chart().addSeries("frame", new double[]{xMin, xMax}, new double[]{yMin, yMax});
        frame.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        frame.setMarker(SeriesMarkers.NONE);
        Legend legend = new Legend();
        int k = 0;
        for (String unit : byUnit.keySet()) {
            legend.add(unit, Palette.series(k++), Legend.Key.DOT);
        }
        Rectangle2D area = legend.draw(c, whole);
        xy.paint(c, area);
        Rectangle2D clip = c.g().getClipBounds();
        c.g().setClip(area);
        float thin = (float) Math.max(1.5, th.px(3));
        k = 0;
        for (Map.Entry<String, List<Point>> e : byUnit.entrySet()) {
            Color colour = Palette.series(k++);
            List<Point> ps = e.getValue();
            Path2D trail = new Path2D.Double();
            for (int i = 0; i < ps.size(); i++) {
                Point p = ps.get(i);
                Point2D s = xy.screen(area, p.flow(), p.quality() * 100);
                if (i == 0) {
                    trail.moveTo(s.getX(), s.getY());
                } else {
                    trail.lineTo(s.getX(), s.getY());
                }
            }
            c.g().setColor(Palette.translucent(colour, 150));
            c.g().setStroke(new BasicStroke(thin, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            c.g().draw(trail);
            for (int i = 0; i < ps.size(); i++) {
                Point p = ps.get(i);
                boolean latest = i == ps.size() - 1;
                Point2D s = xy.screen(area, p.flow(), p.quality() * 100);
                c.g().setColor(latest ? colour : Palette.translucent(colour, 170));
                c.g().setStroke(new BasicStroke(latest ? thin * 1.3f : thin));
                if (!Double.isNaN(p.qualityLower())) {
                    c.g().draw(new Line2D.Double(s.getX(), xy.screen(area, p.flow(), p.qualityLower() * 100).getY(),
                            s.getX(), xy.screen(area, p.flow(), p.qualityUpper() * 100).getY()));
                }
                if (!Double.isNaN(p.flowLower())) {
                    c.g().draw(new Line2D.Double(xy.screen(area, p.flowLower(), 0).getX(), s.getY(),
                            xy.screen(area, p.flowUpper(), 0).getX(), s.getY()));
                }
                double r = latest ? th.px(14) : th.px(8);
                c.g().fill(new Ellipse2D.Double(s.getX() - r, s.getY() - r, 2 * r, 2 * r));
                if (latest) {
                    c.g().setColor(Color.WHITE);
                    c.g().setStroke(new BasicStroke((float) Math.max(1, th.px(3))));
                    c.g().draw(new Ellipse2D.Double(s.getX() - r, s.getY() - r, 2 * r, 2 * r));
                    c.labelBox(e.getKey() + " " + p.period(), s.getX() + r + th.px(8)
                                    + c.width(e.getKey() + " " + p.period(), th.tickFont()) / 2, s.getY() - r - th.px(8),
                            th.tickFont(), Palette.TEXT);
                }
            }
        }
        c.g().setClip(clip);
    }
}
