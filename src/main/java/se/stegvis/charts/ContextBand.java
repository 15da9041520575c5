package se.stegvis.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A dated context event on a run chart: the periods it covers (indices into the chart's periods,
 * inclusive) shaded, with its label at the top. An intake stop is shaded in vermillion and its
 * periods are left out of the inflow's centre line; other events in sky blue.
 *
 * @param first first period index
 * @param last last period index
 * @param label what happened, e.g. "Intagsstopp"
 * @param stopsIntake true for an intake stop
 */
public record ContextBand(int first, int last, String label, boolean stopsIntake) {

    /** Whether period index i lies in the band. */
    public boolean covers(int i) {
        return i >= first && i <= last;
    }

    /**
     * Shades each band from plot's top to bottom, x from the screen position of a period index.
     * Labels go on the first of three rows where they overlap no other; a label already shown
     * (the summer every year) or one with no room left is not repeated: the shading says it.
     */
    static void paint(Canvas c, List<ContextBand> bands, DoubleUnaryOperator screenX, Rectangle2D plot) {
        SeminarTheme th = c.theme();
        Font font = th.tickFont();
        double lineH = c.lineHeight(font) + th.px(4);
        List<List<double[]>> rows = List.of(new java.util.ArrayList<>(), new java.util.ArrayList<>(),
                new java.util.ArrayList<>());
        java.util.Set<String> labelled = new java.util.HashSet<>();
        for (ContextBand b : bands) {
            double x0 = screenX.applyAsDouble(b.first() - 0.5);
            double x1 = screenX.applyAsDouble(b.last() + 0.5);
            Color base = b.stopsIntake() ? Palette.VERMILLION : Palette.SKY_BLUE;
            c.g().setColor(Palette.translucent(base, b.stopsIntake() ? 60 : 40));
            c.g().fill(new Rectangle2D.Double(x0, plot.getY(), x1 - x0, plot.getHeight()));
        }
        for (ContextBand b : bands) {
            if (!labelled.add(b.label())) {
                continue;
            }
            double x0 = screenX.applyAsDouble(b.first() - 0.5);
            double x1 = screenX.applyAsDouble(b.last() + 0.5);
            double w = c.width(b.label(), font) + th.px(12);
            double centre = Math.max(plot.getX() + w / 2, Math.min((x0 + x1) / 2, plot.getMaxX() - w / 2));
            double[] span = {centre - w / 2 - th.px(6), centre + w / 2 + th.px(6)};
            for (int r = 0; r < rows.size(); r++) {
                boolean free = rows.get(r).stream().noneMatch(o -> o[0] < span[1] && span[0] < o[1]);
                if (free) {
                    rows.get(r).add(span);
                    c.labelBox(b.label(), centre, plot.getY() + lineH * (0.6 + r), font,
                            b.stopsIntake() ? Palette.VERMILLION.darker() : Palette.TEXT);
                    break;
                }
            }
        }
    }
}
