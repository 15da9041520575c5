package se.stegvis.charts;

import org.knowm.xchart.XYSeries;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run chart of flow per period (month or quarter): inflow, exits and work in progress as lines,
 * with the median of each flow series dashed (the run chart's centre line) when none of its values
 * is hidden. A hidden value breaks its line and is marked "&lt;5" or ".." in a table of hidden
 * values under the time axis.
 */
public final class FlowRunChartBuilder extends ChartBuilder<FlowRunChartBuilder> {

    /** One line; a hidden value is stored as NaN. */
    public record Series(String name, double[] values, Hidden[] hidden, boolean withMedian) {
    }

    private List<String> periods = List.of();
    private final List<Series> series = new ArrayList<>();
    private final List<ContextBand> context = new ArrayList<>();
    private int inflowSeries = -1;
    private String yAxisTitle;

    /** The x-axis: period labels such as "2024-01" in time order. */
    public FlowRunChartBuilder periods(List<String> labels) {
        this.periods = List.copyOf(labels);
        return this;
    }

    /** Newly referred people per period. */
    public FlowRunChartBuilder inflow(long[] values, boolean[] suppressed) {
        inflowSeries = series.size();
        return series(t("Inflöde", "Inflow"), values, hidden(suppressed), true);
    }

    public FlowRunChartBuilder inflow(long[] values, Hidden[] hidden) {
        inflowSeries = series.size();
        return series(t("Inflöde", "Inflow"), values, hidden, true);
    }

    /** Exits per period. */
    public FlowRunChartBuilder exits(long[] values, boolean[] suppressed) {
        return series(t("Avslut", "Exits"), values, hidden(suppressed), true);
    }

    public FlowRunChartBuilder exits(long[] values, Hidden[] hidden) {
        return series(t("Avslut", "Exits"), values, hidden, true);
    }

    /** People in programme at the end of each period. */
    public FlowRunChartBuilder workInProgress(long[] values, boolean[] suppressed) {
        return series(t("Pågående", "In programme"), values, hidden(suppressed), false);
    }

    public FlowRunChartBuilder workInProgress(long[] values, Hidden[] hidden) {
        return series(t("Pågående", "In programme"), values, hidden, false);
    }

    private static Hidden[] hidden(boolean[] suppressed) {
        Hidden[] h = new Hidden[suppressed.length];
        Arrays.setAll(h, i -> Hidden.of(suppressed[i]));
        return h;
    }

    /** Any other series, optionally with its median as a centre line. */
    public FlowRunChartBuilder series(String name, long[] values, Hidden[] hidden, boolean withMedian) {
        double[] kept = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            kept[i] = hidden[i].hidden() ? Double.NaN : values[i];
        }
        series.add(new Series(name, kept, hidden.clone(), withMedian));
        return this;
    }

    /**
     * Dated context events as shaded periods with labels; the periods of an intake stop are left
     * out of the inflow's median (no referrals were taken), and the footnote says so.
     */
    public FlowRunChartBuilder context(List<ContextBand> bands) {
        context.addAll(bands);
        return this;
    }

    @Override
    protected List<String> derivedNotes() {
        if (context.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        out.add(t("Skuggat: händelser under perioden (intagsstopp i orangerött, övriga i blått).",
                "Shaded: events in the period (intake stops in vermillion, others in blue)."));
        List<String> stops = context.stream().filter(ContextBand::stopsIntake)
                .map(b -> periods.get(b.first()) + (b.last() > b.first() ? "–" + periods.get(b.last()) : "")).toList();
        // Only when the inflow's median is drawn, i.e. none of its values is hidden.
        boolean medianDrawn = inflowSeries >= 0 && Arrays.stream(series.get(inflowSeries).hidden()).noneMatch(Hidden::hidden);
        if (!stops.isEmpty() && medianDrawn) {
            out.add(t("Inflödets median räknas utan perioderna med intagsstopp (" + String.join(", ", stops) + ").",
                    "The inflow's median leaves out the periods of intake stops (" + String.join(", ", stops) + ")."));
        }
        return out;
    }

    public FlowRunChartBuilder yAxisTitle(String text) {
        this.yAxisTitle = text;
        return this;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    @Override
    protected Stream<Hidden> hiddenCells() {
        return series.stream().flatMap(s -> Arrays.stream(s.hidden()));
    }

    @Override
    protected SeminarChart.PlotPainter plot() {
        List<String> ps = periods;
        List<Series> ss = List.copyOf(series);
        List<ContextBand> bands = List.copyOf(context);
        int inflow = inflowSeries;
        String yTitle = yAxisTitle != null ? yAxisTitle : t("Antal personer", "Number of people");
        return (c, area) -> paint(c, area, ps, ss, yTitle, bands, inflow);
    }

    private void paint(Canvas c, Rectangle2D whole, List<String> ps, List<Series> ss, String yTitle,
                       List<ContextBand> bands, int inflow) {
        SeminarTheme th = c.theme();
        Legend legend = new Legend();
        for (int k = 0; k < ss.size(); k++) {
            legend.add(ss.get(k).name(), Palette.series(k), Legend.Key.LINE);
        }
        if (ss.stream().anyMatch(s -> s.withMedian() && Arrays.stream(s.hidden()).noneMatch(Hidden::hidden))) {
            legend.add(t("Median (streckad)", "Median (dashed)"), Palette.MUTED_TEXT, Legend.Key.DASHED);
        }
        Rectangle2D area = legend.draw(c, whole);
        XYPlot xy = new XYPlot(th, t("Period", "Period"), yTitle);
        double[] x = new double[ps.size()];
        Arrays.setAll(x, i -> i);
        int labelEvery = Math.max(1, (int) Math.ceil(ps.size() / 12.0));
        xy.styler().setxAxisTickLabelsFormattingFunction(v -> {
            int i = (int) Math.round(v);
            return Math.abs(v - i) < 1e-9 && i >= 0 && i < ps.size() && i % labelEvery == 0 ? ps.get(i) : " ";
        });
        xy.styler().setXAxisMaxLabelCount(ps.size());
        xy.styler().setYAxisMin(0.0);
        for (int k = 0; k < ss.size(); k++) {
            Series s = ss.get(k);
            Color colour = Palette.series(k);
            XYSeries line = xy.line(s.name(), x, s.values(), colour);
            line.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
            line.setMarkerColor(colour);
            // A median of the shown values alone would be biased where values are hidden.
            if (s.withMedian() && Arrays.stream(s.hidden()).noneMatch(Hidden::hidden)) {
                double median = median(k == inflow ? withoutIntakeStops(s.values(), bands) : s.values());
                if (!Double.isNaN(median)) {
                    XYSeries m = xy.line(s.name() + " " + t("median", "median"), new double[]{0, ps.size() - 1},
                            new double[]{median, median}, colour);
                    m.setLineStyle(new BasicStroke((float) Math.max(1.5, th.px(3)), BasicStroke.CAP_BUTT,
                            BasicStroke.JOIN_MITER, 10f, new float[]{(float) th.px(14), (float) th.px(10)}, 0f));
                }
            }
        }
        // Hidden values are listed under the time axis, one row per series, like numbers at risk:
        // marks inside the plot would sit where a value of about zero would be.
        List<Integer> withHidden = new ArrayList<>();
        for (int k = 0; k < ss.size(); k++) {
            if (Arrays.stream(ss.get(k).hidden()).anyMatch(Hidden::hidden)) {
                withHidden.add(k);
            }
        }
        Font font = th.tickFont();
        double rowH = c.lineHeight(font) * 1.1;
        double tableH = withHidden.isEmpty() ? 0 : rowH * (withHidden.size() + 1) + th.px(12);
        double labelCol = withHidden.stream().mapToDouble(k -> c.width(ss.get(k).name(), font)).max().orElse(0)
                + (withHidden.isEmpty() ? 0 : th.px(24));
        Rectangle2D plotArea = new Rectangle2D.Double(area.getX() + labelCol, area.getY(), area.getWidth() - labelCol,
                area.getHeight() - tableH);
        xy.paint(c, plotArea);
        if (!bands.isEmpty()) {
            double top = plotArea.getY() + th.px(8);
            double bottom = xy.screen(plotArea, 0, 0).getY();
            double left = xy.screen(plotArea, -0.5, 0).getX();
            double right = xy.screen(plotArea, ps.size() - 0.5, 0).getX();
            ContextBand.paint(c, bands, i -> xy.screen(plotArea, i, 0).getX(),
                    new Rectangle2D.Double(left, top, right - left, bottom - top));
        }
        if (withHidden.isEmpty()) {
            return;
        }
        double y = plotArea.getMaxY() + th.px(12) + c.ascent(font);
        c.text(t("Dolda värden", "Hidden values"), area.getX(), y, th.axisTitleFont(), Palette.TEXT, Canvas.Align.LEFT);
        for (int k : withHidden) {
            Series s = ss.get(k);
            y += rowH;
            c.text(s.name(), area.getX(), y, font, Palette.series(k), Canvas.Align.LEFT);
            for (int i = 0; i < s.values().length; i++) {
                if (s.hidden()[i].hidden()) {
                    c.text(s.hidden()[i].label(th), xy.screen(plotArea, i, 0).getX(), y, font, Palette.TEXT,
                            Canvas.Align.CENTER);
                }
            }
        }
    }

    /** The values with those of intake-stop periods set to NaN (left out of the median). */
    static double[] withoutIntakeStops(double[] values, List<ContextBand> bands) {
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            for (ContextBand b : bands) {
                if (b.stopsIntake() && b.covers(i)) {
                    v[i] = Double.NaN;
                }
            }
        }
        return v;
    }

    private static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
