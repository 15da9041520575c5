package se.stegvis.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Step movement per group as 100 % stacked horizontal bars: moved up, stayed, moved down (entry step
 * against latest or exit step). Suppressed parts are hatched, labelled "&lt;5", and share the width
 * the shown parts leave.
 */
public final class StepMovementChartBuilder extends ChartBuilder<StepMovementChartBuilder> {

    /** One group's counts; a hidden part's count is stored as -1 and never drawn. */
    public record Group(String label, long total, long[] counts, Hidden[] hidden) {
    }

    private final List<Group> groups = new ArrayList<>();

    /** A group (e.g. a municipality) with its up, same and down counts and which of them are suppressed. */
    public StepMovementChartBuilder group(String label, long up, long same, long down,
                                          boolean upSuppressed, boolean sameSuppressed, boolean downSuppressed) {
        return group(label, up + same + down, up, same, down,
                new Hidden[]{Hidden.of(upSuppressed), Hidden.of(sameSuppressed), Hidden.of(downSuppressed)});
    }

    /**
     * A group as published: its size (people assessed twice or more), the up, same and down counts
     * and their disclosure states (up, same, down); hidden counts are ignored. Hidden parts share
     * the width the shown ones leave, so secondary suppression must already protect them.
     */
    public StepMovementChartBuilder group(String label, long total, long up, long same, long down, Hidden[] hidden) {
        long[] raw = {up, same, down};
        long[] kept = new long[3];
        for (int i = 0; i < 3; i++) {
            kept[i] = hidden[i].hidden() ? -1 : raw[i];
        }
        groups.add(new Group(label, total, kept, hidden.clone()));
        return this;
    }

    /** A group with nothing suppressed. */
    public StepMovementChartBuilder group(String label, long up, long same, long down) {
        return group(label, up, same, down, false, false, false);
    }

    public List<Group> groups() {
        return List.copyOf(groups);
    }

    @Override
    protected Stream<Hidden> hiddenCells() {
        return groups.stream().flatMap(g -> Arrays.stream(g.hidden()));
    }

    @Override
    protected SeminarChart.PlotPainter plot() {
        List<Group> data = List.copyOf(groups);
        List<String> names = List.of(t("Upp minst ett steg", "Up at least one step"), t("Samma steg", "Same step"),
                t("Ned minst ett steg", "Down at least one step"));
        return (c, area) -> paint(c, area, data, names);
    }

    private static final Color[] COLOURS = {Palette.BLUISH_GREEN, Palette.NEUTRAL, Palette.VERMILLION};

    private static void paint(Canvas c, Rectangle2D area, List<Group> data, List<String> names) {
        SeminarTheme th = c.theme();
        Formats f = th.formats();
        Font label = th.axisTitleFont();
        Font value = th.valueFont();
        Font tick = th.tickFont();

        Legend legend = new Legend();
        for (int k = 0; k < 3; k++) {
            legend.add(names.get(k), COLOURS[k], Legend.Key.BOX);
        }
        double top = legend.draw(c, area).getY() + th.px(8);
        double labelW = Math.min(area.getWidth() * 0.28,
                data.stream().mapToDouble(g -> c.width(g.label(), label)).max().orElse(0) + th.px(20));
        double nW = c.width("n = 00 000", tick) + th.px(16);
        double barLeft = area.getX() + labelW;
        double barW = area.getWidth() - labelW - nW;
        double slot = (area.getMaxY() - top) / Math.max(1, data.size());
        double barH = Math.min(slot * 0.7, th.px(90));
        for (int i = 0; i < data.size(); i++) {
            Group g = data.get(i);
            double centre = top + slot * (i + 0.5);
            double barTop = centre - barH / 2;
            c.textCentredOn(c.fit(g.label(), label, labelW - th.px(20)), barLeft - th.px(14), centre, label,
                    Palette.TEXT, Canvas.Align.RIGHT);
            c.textCentredOn("n = " + f.count(g.total()), area.getMaxX(), centre, tick, Palette.MUTED_TEXT,
                    Canvas.Align.RIGHT);
            long shown = 0;
            int hidden = 0;
            for (int k = 0; k < 3; k++) {
                if (g.hidden()[k].hidden()) {
                    hidden++;
                } else {
                    shown += g.counts()[k];
                }
            }
            double hiddenShare = g.total() == 0 || hidden == 0 ? 0 : (g.total() - shown) / (double) g.total() / hidden;
            double x = barLeft;
            for (int k = 0; k < 3; k++) {
                double share = g.hidden()[k].hidden() ? hiddenShare : g.total() == 0 ? 0 : g.counts()[k] / (double) g.total();
                double w = barW * share;
                Rectangle2D seg = new Rectangle2D.Double(x, barTop, w, barH);
                // A label that does not fit inside its segment goes under the bar.
                double below = barTop + barH + th.px(6) + c.ascent(tick);
                if (g.hidden()[k].hidden()) {
                    c.suppressed(seg);
                    String mark = g.hidden()[k].label(th);
                    if (w > c.width(mark, value) + th.px(8)) {
                        c.labelBox(mark, seg.getCenterX(), centre, value, Palette.TEXT);
                    } else {
                        c.text(mark, seg.getCenterX(), below, tick, Palette.TEXT, Canvas.Align.CENTER);
                    }
                } else if (w > 0) {
                    c.g().setColor(COLOURS[k]);
                    c.g().fill(seg);
                    String pct = f.percent(share, 0);
                    if (w > c.width(pct, value) + th.px(10)) {
                        c.textCentredOn(pct, seg.getCenterX(), centre, value, k == 1 ? Palette.TEXT : Color.WHITE,
                                Canvas.Align.CENTER);
                    } else {
                        c.text(pct, seg.getCenterX(), below, tick, Palette.TEXT, Canvas.Align.CENTER);
                    }
                }
                x += w;
            }
        }
    }
}
