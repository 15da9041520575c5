package se.stegvis.charts;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/**
 * An XChart XY chart in the seminar theme, painted into part of a {@link SeminarChart}; the title,
 * n and footnote are ours, so XChart's own title is off. Also maps data to screen coordinates for
 * what XChart cannot draw (bands, asymmetric interval bars, labels beside lines).
 */
final class XYPlot {
    private final XYChart chart;
    private final SeminarTheme theme;

    XYPlot(SeminarTheme theme, String xTitle, String yTitle) {
        this.theme = theme;
        this.chart = new XYChart(theme.width(), theme.height());
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        XYStyler s = chart.getStyler();
        s.setChartTitleVisible(false);
        s.setBaseFont(theme.tickFont());
        s.setChartFontColor(Palette.TEXT);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(Palette.GRID);
        s.setPlotGridLinesStroke(new BasicStroke((float) Math.max(1, theme.px(1.5))));
        s.setPlotGridVerticalLinesVisible(false);
        s.setAxisTitleFont(theme.axisTitleFont());
        s.setAxisTickLabelsFont(theme.tickFont());
        s.setAxisTickLabelsColor(Palette.TEXT);
        s.setAxisTitlePadding(theme.px(14));
        s.setAxisTickPadding(theme.px(8));
        s.setAxisTickMarkLength(theme.px(8));
        s.setLegendVisible(false); // drawn by Legend above the plot, which keeps entries apart
        s.setChartPadding(theme.px(6));
        s.setLocale(theme.lang().locale());
        s.setSeriesColors(Palette.SERIES.toArray(new Color[0]));
        s.setMarkerSize(theme.px(14));
        s.setXAxisTickMarkSpacingHint(theme.px(120));
        s.setYAxisTickMarkSpacingHint(theme.px(90));
        s.setyAxisTickLabelsFormattingFunction(y -> theme.formats().decimal(y, fractionDigits(y)));
        s.setxAxisTickLabelsFormattingFunction(x -> theme.formats().decimal(x, fractionDigits(x)));
    }

    private static int fractionDigits(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? 0 : Math.abs(v * 10 - Math.rint(v * 10)) < 1e-9 ? 1 : 2;
    }

    XYChart chart() {
        return chart;
    }

    XYStyler styler() {
        return chart.getStyler();
    }

    /** A line series in the given colour, thick enough for a projector. */
    XYSeries line(String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setLineColor(color);
        series.setLineStyle(new BasicStroke((float) Math.max(2, theme.px(5)), BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND));
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    /** A filled polygon (x and y already closed), not in the legend: confidence bands. */
    XYSeries band(String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        series.setFillColor(Palette.translucent(color, 60));
        series.setLineColor(Palette.translucent(color, 0));
        series.setMarker(SeriesMarkers.NONE);
        series.setShowInLegend(false);
        return series;
    }

    /** Paints the chart into area and records the texts XChart drew (series names, axis titles). */
    void paint(Canvas c, Rectangle2D area) {
        Graphics2D g = (Graphics2D) c.g().create();
        g.translate(area.getX(), area.getY());
        chart.paint(g, (int) area.getWidth(), (int) area.getHeight());
        g.dispose();
        c.record(chart.getXAxisTitle());
        c.record(chart.getYAxisTitle());
    }

    /** Screen position of a data point, valid after {@link #paint}. */
    Point2D screen(Rectangle2D area, double x, double y) {
        return new Point2D.Double(area.getX() + chart.getScreenXFromChart(x),
                area.getY() + chart.getScreenYFromChart(y));
    }
}
