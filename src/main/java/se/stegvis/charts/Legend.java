package se.stegvis.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-line legend drawn above the plot (XChart's own legend crowds its entries at projector font
 * sizes). Items wrap onto further lines when the row is full.
 */
final class Legend {
    /** How an item's key is drawn. */
    enum Key { LINE, DASHED, DOTTED, DOT, BOX, HATCHED }

    record Item(String name, Color colour, Key key) {
    }

    private final List<Item> items = new ArrayList<>();

    Legend add(String name, Color colour, Key key) {
        items.add(new Item(name, colour, key));
        return this;
    }

    /** Draws the legend at the top of area; returns the area left below it. */
    Rectangle2D draw(Canvas c, Rectangle2D area) {
        if (items.isEmpty()) {
            return area;
        }
        SeminarTheme th = c.theme();
        Font font = th.tickFont();
        double lineH = c.lineHeight(font) + th.px(6);
        double keyW = th.px(48);
        double x = area.getX();
        double centre = area.getY() + lineH / 2;
        for (Item item : items) {
            double w = keyW + th.px(10) + c.width(item.name(), font) + th.px(36);
            if (x + w > area.getMaxX() && x > area.getX()) {
                x = area.getX();
                centre += lineH;
            }
            drawKey(c, item, x, centre, keyW);
            c.textCentredOn(item.name(), x + keyW + th.px(10), centre, font, Palette.TEXT, Canvas.Align.LEFT);
            x += w;
        }
        double used = centre + lineH / 2 - area.getY() + th.px(8);
        return new Rectangle2D.Double(area.getX(), area.getY() + used, area.getWidth(), area.getHeight() - used);
    }

    private static void drawKey(Canvas c, Item item, double x, double centre, double keyW) {
        SeminarTheme th = c.theme();
        float width = (float) Math.max(2, th.px(5));
        c.g().setColor(item.colour());
        switch (item.key()) {
            case LINE -> {
                c.g().setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                c.g().draw(new Line2D.Double(x, centre, x + keyW, centre));
            }
            case DASHED, DOTTED -> {
                float[] dash = item.key() == Key.DASHED ? new float[]{(float) th.px(14), (float) th.px(8)}
                        : new float[]{(float) th.px(4), (float) th.px(6)};
                c.g().setStroke(new BasicStroke(width * 0.75f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
                c.g().draw(new Line2D.Double(x, centre, x + keyW, centre));
            }
            case DOT -> {
                double r = th.px(11);
                c.g().fill(new Ellipse2D.Double(x + keyW / 2 - r, centre - r, 2 * r, 2 * r));
            }
            case BOX -> {
                double s = th.px(24);
                c.g().fill(new Rectangle2D.Double(x + keyW / 2 - s / 2, centre - s / 2, s, s));
            }
            case HATCHED -> {
                double s = th.px(24);
                c.suppressed(new Rectangle2D.Double(x + keyW / 2 - s, centre - s / 2, 2 * s, s));
            }
        }
    }
}
