package se.stegvis.charts;

import java.awt.Font;

/**
 * Sizes, fonts and language of a chart meant for a projector: at 1600x900 px the title is 40 px,
 * axis titles 26 px and tick labels and footnotes 22 px, readable from the back of a seminar room.
 *
 * @param width image width in pixels
 * @param height image height in pixels
 * @param lang label language
 * @param suppressionThreshold cells with fewer people than this are shown as suppressed ("&lt;5")
 * @param fontFamily font family (a logical family such as SansSerif works everywhere)
 */
public record SeminarTheme(int width, int height, Lang lang, int suppressionThreshold, String fontFamily) {

    /** The default: 1600x900, Swedish, suppression below 5, sans-serif. */
    public static SeminarTheme projector() {
        return new SeminarTheme(1600, 900, Lang.SV, 5, "SansSerif");
    }

    public SeminarTheme withSize(int newWidth, int newHeight) {
        return new SeminarTheme(newWidth, newHeight, lang, suppressionThreshold, fontFamily);
    }

    public SeminarTheme withLang(Lang newLang) {
        return new SeminarTheme(width, height, newLang, suppressionThreshold, fontFamily);
    }

    public SeminarTheme withSuppressionThreshold(int threshold) {
        return new SeminarTheme(width, height, lang, threshold, fontFamily);
    }

    /** Scale factor against the 1600 px reference width, so smaller images keep their proportions. */
    public double scale() {
        return Math.min(width / 1600.0, height / 900.0);
    }

    public Font titleFont() {
        return font(Font.BOLD, 40);
    }

    public Font subtitleFont() {
        return font(Font.PLAIN, 26);
    }

    public Font axisTitleFont() {
        return font(Font.PLAIN, 26);
    }

    public Font tickFont() {
        return font(Font.PLAIN, 22);
    }

    /** Value labels inside the plot (counts, percentages). */
    public Font valueFont() {
        return font(Font.BOLD, 24);
    }

    public Font footnoteFont() {
        return font(Font.PLAIN, 22);
    }

    /** Outer margin in pixels. */
    public int margin() {
        return px(40);
    }

    /** A reference-size pixel distance scaled to this theme's size. */
    public int px(double reference) {
        return (int) Math.round(reference * scale());
    }

    /** The label shown in place of a suppressed count, e.g. "&lt;5". */
    public String suppressedLabel() {
        return "<" + suppressionThreshold;
    }

    public Formats formats() {
        return Formats.of(lang);
    }

    private Font font(int style, int referencePx) {
        return new Font(fontFamily, style, Math.max(px(referencePx), 10));
    }
}
