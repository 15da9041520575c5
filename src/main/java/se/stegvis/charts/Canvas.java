package se.stegvis.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A Graphics2D with the theme at hand that remembers every text it draws, so tests can check what a
 * reader sees (for example that a suppressed count never appears).
 */
public final class Canvas {
    /** Horizontal alignment of a text relative to its anchor. */
    public enum Align { LEFT, CENTER, RIGHT }

    private final Graphics2D g;
    private final SeminarTheme theme;
    private final List<String> texts;

    Canvas(Graphics2D g, SeminarTheme theme, List<String> texts) {
        this.g = g;
        this.theme = theme;
        this.texts = texts;
    }

    public Graphics2D g() {
        return g;
    }

    public SeminarTheme theme() {
        return theme;
    }

    /**
     * The same canvas moved by (dx, dy) and scaled by factor (text included), for drawings laid
     * out in their own coordinates; texts drawn on it are recorded here too.
     */
    public Canvas transformed(double dx, double dy, double factor) {
        Graphics2D t = (Graphics2D) g.create();
        t.translate(dx, dy);
        t.scale(factor, factor);
        return new Canvas(t, theme, texts);
    }

    /** Draws text with its baseline at y; returns its width. */
    public double text(String s, double x, double baselineY, Font font, Color color, Align align) {
        g.setFont(font);
        g.setColor(color);
        double w = width(s, font);
        double left = switch (align) {
            case LEFT -> x;
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
        };
        g.drawString(s, (float) left, (float) baselineY);
        texts.add(s);
        return w;
    }

    /** Draws text vertically centred on y. */
    public double textCentredOn(String s, double x, double centreY, Font font, Color color, Align align) {
        FontMetrics fm = g.getFontMetrics(font);
        return text(s, x, centreY + (fm.getAscent() - fm.getDescent()) / 2.0, font, color, align);
    }

    /** Draws text rotated a quarter turn anticlockwise, centred on (x, y) (y-axis titles). */
    public void verticalText(String s, double x, double y, Font font, Color color) {
        // Transform and restore on this Graphics2D: the SVG writer does not undo a disposed copy's transform.
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        textCentredOn(s, 0, 0, font, color, Align.CENTER);
        g.setTransform(saved);
    }

    /** Notes a text drawn by someone else (XChart), so it is part of {@link SeminarChart#drawnTexts()}. */
    public void record(String s) {
        texts.add(s);
    }

    public double width(String s, Font font) {
        return g.getFontMetrics(font).getStringBounds(s, g).getWidth();
    }

    public double lineHeight(Font font) {
        return g.getFontMetrics(font).getHeight();
    }

    public double ascent(Font font) {
        return g.getFontMetrics(font).getAscent();
    }

    /** Breaks text into lines no wider than maxWidth, at spaces. */
    public List<String> wrap(String text, Font font, double maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font) > maxWidth && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Shortens text with an ellipsis so it fits maxWidth. */
    public String fit(String text, Font font, double maxWidth) {
        if (width(text, font) <= maxWidth) {
            return text;
        }
        String s = text;
        while (s.length() > 1 && width(s + "…", font) > maxWidth) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    /**
     * Fills a shape the way every suppressed cell is drawn: light grey with dark diagonal hatching
     * and an outline, never as an empty or zero-sized mark.
     */
    public void suppressed(Shape shape) {
        g.setColor(Palette.SUPPRESSED_FILL);
        g.fill(shape);
        Shape savedClip = g.getClip();
        g.clip(shape);
        g.setColor(Palette.SUPPRESSED_HATCH);
        g.setStroke(new BasicStroke((float) Math.max(1.5, theme.px(2.5))));
        Rectangle2D b = shape.getBounds2D();
        double step = Math.max(6, theme.px(14));
        for (double x = b.getMinX() - b.getHeight(); x < b.getMaxX(); x += step) {
            g.draw(new Line2D.Double(x, b.getMaxY(), x + b.getHeight(), b.getMinY()));
        }
        g.setClip(savedClip);
        g.setColor(Palette.SUPPRESSED_HATCH);
        g.setStroke(new BasicStroke((float) Math.max(1, theme.px(2))));
        g.draw(shape);
    }

    /** A white rounded box behind a label so it stays readable on any fill. */
    public void labelBox(String s, double centreX, double centreY, Font font, Color color) {
        double w = width(s, font) + theme.px(12);
        double h = lineHeight(font);
        g.setColor(new Color(255, 255, 255, 220));
        g.fill(new java.awt.geom.RoundRectangle2D.Double(centreX - w / 2, centreY - h / 2, w, h, h / 3, h / 3));
        textCentredOn(s, centreX, centreY, font, color, Align.CENTER);
    }
}
