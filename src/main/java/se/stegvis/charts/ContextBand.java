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

    /** Shades each band from plot's top to bottom, x from the screen position of a period index; labels stagger down. */
    static void paint(Canvas c, List<ContextBand> bands, DoubleUnaryOperator screenX, Rectangle2D plot) {
        double top = plot.getY();
        double bottom = plot.getMaxY();
        SeminarTheme th = c.theme();
        Font font = th.tickFont();
        double lineH = c.lineHeight(font) + th.px(4);
        for (int k = 0; k < bands.size(); k++) {
            ContextBand b = bands.get(k);
            double x0 = screenX.applyAsDouble(b.first() - 0.5);
            double x1 = screenX.applyAsDouble(b.last() + 0.5);
            Color base = b.stopsIntake() ? Palette.VERMILLION : Palette.SKY_BLUE;
            c.g().setColor(Palette.translucent(base, 45));
            c.g().fill(new Rectangle2D.Double(x0, top, x1 - x0, bottom - top));
            // Labels of neighbouring events take turns on three rows so they do not overprint.
            double y = top + lineH * (0.6 + k % 3);
            String text = b.label();
            double w = c.width(text, font) + th.px(12);
            double centre = Math.max(plot.getX() + w / 2, Math.min((x0 + x1) / 2, plot.getMaxX() - w / 2));
            c.labelBox(text, centre, y, font, b.stopsIntake() ? Palette.VERMILLION.darker() : Palette.TEXT);
        }
    }
}
