package se.stegvis.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A forest plot of group comparisons: one row per group with its estimate (square) and interval
 * (line, asymmetric allowed), a reference line (0 for differences, 1 for ratios), and the estimate
 * with interval written out on the right. A suppressed row says "&lt;5" instead. A row may carry a
 * target of its own (a black bar across the interval's line, e.g. a goal), and a row without an
 * estimate may say why in words. Long labels wrap onto a second line.
 */
public final class ForestPlotBuilder extends ChartBuilder<ForestPlotBuilder> {

    /**
     * One row; estimate and bounds are ignored when hidden or when {@code remark} is set (no estimate,
     * and the remark says why); {@code target} is NaN when the row has none.
     */
    public record Row(String label, double estimate, double lower, double upper, Long n, Hidden hidden,
                      double target, String remark) {
    }

    private final List<Row> rows = new ArrayList<>();
    private double reference = 0;
    private String axisTitle;
    private boolean percent;
    private int decimals = 1;

    public ForestPlotBuilder row(String label, double estimate, double lower, double upper, long n) {
        rows.add(new Row(label, estimate, lower, upper, n, Hidden.SHOWN, Double.NaN, null));
        return this;
    }

    /** Gives the row added last a target of its own, drawn as a black bar (say what it means in a note). */
    public ForestPlotBuilder target(double value) {
        Row r = rows.remove(rows.size() - 1);
        rows.add(new Row(r.label(), r.estimate(), r.lower(), r.upper(), r.n(), r.hidden(), value, r.remark()));
        return this;
    }

    /** A row with no estimate to show, for a reason that is not disclosure control (e.g. "no data"). */
    public ForestPlotBuilder remarkRow(String label, String remark) {
        rows.add(new Row(label, Double.NaN, Double.NaN, Double.NaN, null, Hidden.SHOWN, Double.NaN, remark));
        return this;
    }

    /** A row that is shown only as suppressed ("&lt;5"). */
    public ForestPlotBuilder suppressedRow(String label) {
        return hiddenRow(label, Hidden.SMALL);
    }

    /** A row whose estimate is not published, for the given reason. */
    public ForestPlotBuilder hiddenRow(String label, Hidden why) {
        rows.add(new Row(label, Double.NaN, Double.NaN, Double.NaN, null, why, Double.NaN, null));
        return this;
    }

    /** The value of "no difference" (0 for differences, 1 for ratios). */
    public ForestPlotBuilder reference(double value) {
        this.reference = value;
        return this;
    }

    public ForestPlotBuilder axisTitle(String text) {
        this.axisTitle = text;
        return this;
    }

    /** Shows estimates given as proportions (0-1) as percent (percentage points for differences). */
    public ForestPlotBuilder percent(boolean asPercent) {
        this.percent = asPercent;
        return this;
    }

    public ForestPlotBuilder decimals(int digits) {
        this.decimals = digits;
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    @Override
    protected Stream<Hidden> hiddenCells() {
        return rows.stream().map(Row::hidden);
    }

    @Override
    protected SeminarChart.PlotPainter plot() {
        List<Row> data = List.copyOf(rows);
        double ref = reference;
        String title = axisTitle != null ? axisTitle : t("Skattning med 95 % konfidensintervall",
                "Estimate with 95% confidence interval");
        double scale = percent ? 100 : 1;
        int digits = decimals;
        return (c, area) -> paint(c, area, data, ref * scale, title, scale, digits);
    }

    private static void paint(Canvas c, Rectangle2D area, List<Row> data, double ref, String axisTitle,
                              double scale, int digits) {
        SeminarTheme th = c.theme();
        Formats f = th.formats();
        Font label = th.axisTitleFont();
        Font tick = th.tickFont();
        Font value = th.axisTitleFont();
        double min = ref;
        double max = ref;
        for (Row r : data) {
            if (!r.hidden().hidden() && r.remark() == null) {
                min = Math.min(min, r.lower() * scale);
                max = Math.max(max, r.upper() * scale);
            }
            if (!Double.isNaN(r.target())) {
                min = Math.min(min, r.target() * scale);
                max = Math.max(max, r.target() * scale);
            }
        }
        List<Double> ticks = Ticks.nice(min, max, 6);
        double lo = ticks.get(0);
        double hi = ticks.get(ticks.size() - 1);
        double labelW = Math.min(area.getWidth() * 0.3, data.stream().flatMap(r -> Stream.of(r.label().split("\n")))
                .mapToDouble(l -> c.width(l, label)).max().orElse(0) + th.px(24));
        double textW = c.width("-00,0 (-00,0 – -00,0)   n = 0 000", value) + th.px(24);
        double left = area.getX() + labelW;
        double right = area.getMaxX() - textW;
        double axisH = c.lineHeight(tick) + c.lineHeight(label) + th.px(20);
        double top = area.getY() + th.px(8);
        double bottom = area.getMaxY() - axisH;
        // Few rows keep a row height a reader can follow across; the block then sits under the top.
        double slot = Math.min((bottom - top) / Math.max(1, data.size()), th.px(110));
        bottom = top + slot * data.size();
        java.util.function.DoubleUnaryOperator x = v -> left + (v - lo) / (hi - lo) * (right - left);

        c.g().setStroke(new BasicStroke((float) Math.max(1, th.px(1.5))));
        for (double t : ticks) {
            c.g().setColor(Palette.GRID);
            c.g().draw(new Line2D.Double(x.applyAsDouble(t), top, x.applyAsDouble(t), bottom));
            c.text(f.decimal(t, Ticks.decimals(ticks)), x.applyAsDouble(t), bottom + th.px(8) + c.ascent(tick), tick,
                    Palette.TEXT, Canvas.Align.CENTER);
        }
        c.text(axisTitle, (left + right) / 2, bottom + th.px(16) + c.lineHeight(tick) + c.ascent(label), label,
                Palette.TEXT, Canvas.Align.CENTER);
        c.g().setColor(Palette.TEXT);
        c.g().setStroke(new BasicStroke((float) Math.max(1.5, th.px(3)), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[]{(float) th.px(12), (float) th.px(8)}, 0f));
        c.g().draw(new Line2D.Double(x.applyAsDouble(ref), top, x.applyAsDouble(ref), bottom));

        for (int i = 0; i < data.size(); i++) {
            Row r = data.get(i);
            double cy = top + slot * (i + 0.5);
            // Two lines where one would not fit (or where the label breaks with \n), a third and more
            // shortened: labels stay whole words.
            List<String> lines = new ArrayList<>();
            for (String part : r.label().split("\n")) {
                lines.addAll(c.wrap(part, label, labelW - th.px(24)));
            }
            if (lines.size() > 2) {
                lines = List.of(lines.get(0), c.fit(String.join(" ", lines.subList(1, lines.size())), label,
                        labelW - th.px(24)));
            }
            double lh = c.lineHeight(label);
            for (int k = 0; k < lines.size(); k++) {
                c.textCentredOn(c.fit(lines.get(k), label, labelW - th.px(24)), left - th.px(16),
                        cy + (k - (lines.size() - 1) / 2.0) * lh, label, Palette.TEXT, Canvas.Align.RIGHT);
            }
            if (!Double.isNaN(r.target())) {
                double tx = x.applyAsDouble(r.target() * scale);
                double th2 = Math.min(slot * 0.7, th.px(56));
                c.g().setColor(Palette.TEXT);
                c.g().setStroke(new BasicStroke((float) Math.max(2, th.px(5)), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
                c.g().draw(new Line2D.Double(tx, cy - th2 / 2, tx, cy + th2 / 2));
            }
            if (r.remark() != null) {
                c.textCentredOn(r.remark(), area.getMaxX(), cy, value, Palette.TEXT, Canvas.Align.RIGHT);
                continue;
            }
            if (r.hidden().hidden()) {
                // Nothing in the plot (a mark there would read as an estimate); the text column says why.
                double w = c.width(r.hidden().label(th), value) + th.px(40);
                double h = Math.min(slot * 0.6, c.lineHeight(value) * 1.4);
                c.suppressed(new Rectangle2D.Double(area.getMaxX() - w, cy - h / 2, w, h));
                c.labelBox(r.hidden().label(th), area.getMaxX() - w / 2, cy, value, Palette.TEXT);
                continue;
            }
            double e = r.estimate() * scale;
            double l = r.lower() * scale;
            double u = r.upper() * scale;
            c.g().setColor(Palette.BLUE);
            c.g().setStroke(new BasicStroke((float) Math.max(2, th.px(5)), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            c.g().draw(new Line2D.Double(x.applyAsDouble(l), cy, x.applyAsDouble(u), cy));
            double s = Math.min(slot * 0.5, th.px(26));
            c.g().fill(new Rectangle2D.Double(x.applyAsDouble(e) - s / 2, cy - s / 2, s, s));
            String text = f.decimal(e, digits) + " " + f.interval(l, u, digits);
            if (r.n() != null) {
                text += "   n = " + f.count(r.n());
            }
            c.textCentredOn(text, area.getMaxX(), cy, value, Palette.TEXT, Canvas.Align.RIGHT);
        }
    }
}
