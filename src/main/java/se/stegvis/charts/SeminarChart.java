package se.stegvis.charts;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished chart: a title and a subtitle with n on top, the plot, and a footnote with the
 * metric's definition and, when anything is suppressed, how suppressed cells are drawn. Exports to
 * PNG and SVG; the same painting code serves both.
 */
public final class SeminarChart {

    /** Paints the plot itself into the area left between header and footnote. */
    @FunctionalInterface
    public interface PlotPainter {
        void paint(Canvas canvas, Rectangle2D area);
    }

    private final SeminarTheme theme;
    private final String title;
    private final String subtitle;
    private final Long n;
    private final String definition;
    private final List<String> notes;
    private final PlotPainter plot;

    SeminarChart(SeminarTheme theme, String title, String subtitle, Long n, String definition,
                 List<String> notes, PlotPainter plot) {
        this.theme = theme;
        this.title = title;
        this.subtitle = subtitle;
        this.n = n;
        this.definition = definition;
        this.notes = List.copyOf(notes);
        this.plot = plot;
    }

    public String title() {
        return title;
    }

    public int width() {
        return theme.width();
    }

    public int height() {
        return theme.height();
    }

    public SeminarTheme theme() {
        return theme;
    }

    /** The chart as an image of {@link #width()} x {@link #height()} pixels. */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        paint(g, new ArrayList<>());
        g.dispose();
        return image;
    }

    /** PNG bytes of {@link #toImage()}. */
    public byte[] toPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(toImage(), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The chart as an SVG document (text drawn as text, so it stays searchable and sharp). */
    public String toSvg() {
        VectorGraphics2D g = new VectorGraphics2D();
        paint(g, new ArrayList<>());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Processors.get("svg").getDocument(g.getCommands(), new PageSize(width(), height())).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes name.png and name.svg into dir; returns the PNG path. */
    public Path save(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path png = dir.resolve(name + ".png");
            Files.write(png, toPng());
            Files.writeString(dir.resolve(name + ".svg"), toSvg(), StandardCharsets.UTF_8);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every text the chart draws, in drawing order (for checks such as "no suppressed count shows"). */
    public List<String> drawnTexts() {
        List<String> texts = new ArrayList<>();
        BufferedImage scratch = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        paint(g, texts);
        g.dispose();
        return texts;
    }

    private void paint(Graphics2D g, List<String> texts) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        Canvas c = new Canvas(g, theme, texts);
        int m = theme.margin();
        double textWidth = width() - 2.0 * m;

        double y = m + c.ascent(theme.titleFont());
        c.text(c.fit(title, theme.titleFont(), textWidth), m, y, theme.titleFont(), Palette.TEXT, Canvas.Align.LEFT);
        String sub = subtitleLine();
        if (!sub.isEmpty()) {
            y += c.lineHeight(theme.subtitleFont()) + theme.px(4);
            c.text(c.fit(sub, theme.subtitleFont(), textWidth), m, y, theme.subtitleFont(), Palette.MUTED_TEXT,
                    Canvas.Align.LEFT);
        }
        double plotTop = y + c.lineHeight(theme.subtitleFont()) * 0.6 + theme.px(8);

        List<String> footLines = new ArrayList<>();
        if (definition != null && !definition.isBlank()) {
            footLines.addAll(c.wrap(theme.lang().pick("Definition: ", "Definition: ") + definition,
                    theme.footnoteFont(), textWidth));
        }
        for (String note : notes) {
            footLines.addAll(c.wrap(note, theme.footnoteFont(), textWidth));
        }
        double lineH = c.lineHeight(theme.footnoteFont());
        double footTop = height() - m * 0.6 - footLines.size() * lineH;
        if (!footLines.isEmpty()) {
            g.setColor(Palette.GRID);
            g.setStroke(new BasicStroke((float) Math.max(1, theme.px(2))));
            g.draw(new Line2D.Double(m, footTop - theme.px(10), width() - m, footTop - theme.px(10)));
            double fy = footTop + c.ascent(theme.footnoteFont());
            for (String line : footLines) {
                c.text(line, m, fy, theme.footnoteFont(), Palette.MUTED_TEXT, Canvas.Align.LEFT);
                fy += lineH;
            }
        }
        double plotBottom = footLines.isEmpty() ? height() - m : footTop - theme.px(24);
        plot.paint(c, new Rectangle2D.Double(m, plotTop, textWidth, plotBottom - plotTop));
    }

    private String subtitleLine() {
        List<String> parts = new ArrayList<>();
        if (subtitle != null && !subtitle.isBlank()) {
            parts.add(subtitle);
        }
        if (n != null) {
            parts.add("n = " + theme.formats().count(n));
        }
        return String.join(" · ", parts);
    }

    @Override
    public String toString() {
        return "SeminarChart[" + title + ", " + width() + "x" + height() + "]";
    }
}
