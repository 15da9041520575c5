package se.stegvis.charts;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The care funnel: one horizontal bar per stage (referred, accepted, first meeting, ...), its count
 * and its share of the first stage. A suppressed stage is a hatched stub labelled "&lt;5".
 */
public final class FunnelChartBuilder extends ChartBuilder<FunnelChartBuilder> {

    /** One stage; count is ignored when suppressed. */
    public record Stage(String label, long count, Hidden hidden) {
    }

    private final List<Stage> stages = new ArrayList<>();

    /** A stage with a shown count. */
    public FunnelChartBuilder stage(String label, long count) {
        return stage(label, count, false);
    }

    /** A stage whose count is shown only when not suppressed. */
    public FunnelChartBuilder stage(String label, long count, boolean suppressed) {
        return stage(label, count, Hidden.of(suppressed));
    }

    /** A stage whose count is shown only when {@code hidden} is SHOWN. */
    public FunnelChartBuilder stage(String label, long count, Hidden hidden) {
        stages.add(new Stage(label, hidden.hidden() ? -1 : count, hidden));
        return this;
    }

    public List<Stage> stages() {
        return List.copyOf(stages);
    }

    @Override
    protected Stream<Hidden> hiddenCells() {
        return stages.stream().map(Stage::hidden);
    }

    @Override
    protected SeminarChart.PlotPainter plot() {
        List<Stage> data = List.copyOf(stages);
        return (c, area) -> paint(c, area, data);
    }

    private static void paint(Canvas c, Rectangle2D area, List<Stage> data) {
        SeminarTheme th = c.theme();
        Formats f = th.formats();
        Font labelFont = th.axisTitleFont();
        Font valueFont = th.valueFont();
        double labelWidth = Math.min(area.getWidth() * 0.32,
                data.stream().mapToDouble(s -> c.width(s.label(), labelFont)).max().orElse(0) + th.px(20));
        long first = data.stream().filter(s -> !s.hidden().hidden()).mapToLong(Stage::count).findFirst().orElse(0);
        long max = Math.max(1, data.stream().mapToLong(Stage::count).max().orElse(1));
        double valueRoom = c.width("000 000 (100,0 %)", valueFont) + th.px(16);
        double barLeft = area.getX() + labelWidth;
        double barMaxWidth = area.getWidth() - labelWidth - valueRoom;
        double slot = area.getHeight() / Math.max(1, data.size());
        double barHeight = Math.min(slot * 0.72, th.px(90));
        for (int i = 0; i < data.size(); i++) {
            Stage s = data.get(i);
            double centre = area.getY() + slot * (i + 0.5);
            c.textCentredOn(c.fit(s.label(), labelFont, labelWidth - th.px(20)), barLeft - th.px(16), centre,
                    labelFont, Palette.TEXT, Canvas.Align.RIGHT);
            double top = centre - barHeight / 2;
            if (s.hidden().hidden()) {
                double w = th.px(70);
                c.suppressed(new Rectangle2D.Double(barLeft, top, w, barHeight));
                c.textCentredOn(s.hidden().label(th), barLeft + w + th.px(12), centre, valueFont, Palette.MUTED_TEXT,
                        Canvas.Align.LEFT);
                continue;
            }
            double w = Math.max(th.px(3), barMaxWidth * s.count() / (double) max);
            c.g().setColor(Palette.BLUE);
            c.g().fill(new Rectangle2D.Double(barLeft, top, w, barHeight));
            String value = f.count(s.count());
            if (first > 0 && i > 0) {
                value += " (" + f.percent(s.count() / (double) first, 0) + ")";
            }
            c.textCentredOn(value, barLeft + w + th.px(12), centre, valueFont, Palette.TEXT, Canvas.Align.LEFT);
        }
    }
}
