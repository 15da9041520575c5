package se.stegvis.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A transition matrix as a heat map: rows are the step at the start (or an assessment), columns the
 * step at the end (or the next assessment); each cell shows the row percentage and the count, the
 * colour follows the row percentage, the diagonal (no change) is outlined. Suppressed cells are
 * hatched and say "&lt;5".
 */
public final class TransitionHeatmapBuilder extends ChartBuilder<TransitionHeatmapBuilder> {

    private List<String> from = List.of();
    private List<String> to = List.of();
    private long[][] counts = new long[0][0];
    private double[][] rowShares = new double[0][0];
    private Hidden[][] hidden = new Hidden[0][0];
    private long[] rowTotals = new long[0];
    private String rowTitle;
    private String columnTitle;

    /**
     * The matrix from true counts: counts[i][j] people went from from.get(i) to to.get(j); row
     * shares use the full row total; a cell flagged suppressed is never drawn with its count or share.
     */
    public TransitionHeatmapBuilder matrix(List<String> fromSteps, List<String> toSteps, long[][] cellCounts,
                                           boolean[][] cellSuppressed) {
        int r = fromSteps.size();
        int k = toSteps.size();
        double[][] shares = new double[r][k];
        Hidden[][] h = new Hidden[r][k];
        long[] totals = new long[r];
        for (int i = 0; i < r; i++) {
            totals[i] = Arrays.stream(cellCounts[i]).sum();
            for (int j = 0; j < k; j++) {
                h[i][j] = Hidden.of(cellSuppressed[i][j]);
                shares[i][j] = totals[i] == 0 ? Double.NaN : cellCounts[i][j] / (double) totals[i];
            }
        }
        return matrix(fromSteps, toSteps, cellCounts, shares, h, totals);
    }

    /**
     * The matrix as published: counts and row shares (hidden cells' values are ignored), each
     * cell's disclosure state, and each row's size (-1 when it is not published).
     */
    public TransitionHeatmapBuilder matrix(List<String> fromSteps, List<String> toSteps, long[][] cellCounts,
                                           double[][] cellShares, Hidden[][] cellHidden, long[] rowSizes) {
        int r = fromSteps.size();
        int k = toSteps.size();
        this.from = List.copyOf(fromSteps);
        this.to = List.copyOf(toSteps);
        this.counts = new long[r][k];
        this.rowShares = new double[r][k];
        this.hidden = new Hidden[r][k];
        this.rowTotals = rowSizes.clone();
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < k; j++) {
                hidden[i][j] = cellHidden[i][j];
                counts[i][j] = cellHidden[i][j].hidden() ? -1 : cellCounts[i][j];
                rowShares[i][j] = cellHidden[i][j].hidden() ? Double.NaN : cellShares[i][j];
            }
        }
        return this;
    }

    /** Axis titles, e.g. "Steg vid start" and "Steg vid avslut". */
    public TransitionHeatmapBuilder axisTitles(String rows, String columns) {
        this.rowTitle = rows;
        this.columnTitle = columns;
        return this;
    }

    @Override
    protected Stream<Hidden> hiddenCells() {
        return Arrays.stream(hidden).flatMap(Arrays::stream);
    }

    @Override
    protected SeminarChart.PlotPainter plot() {
        List<String> f = from;
        List<String> tt = to;
        long[][] cs = counts;
        double[][] shares = rowShares;
        Hidden[][] sup = hidden;
        long[] totals = rowTotals;
        String rTitle = rowTitle != null ? rowTitle : t("Steg vid start", "Step at start");
        String cTitle = columnTitle != null ? columnTitle : t("Steg vid senaste bedömning", "Step at latest assessment");
        return (c, area) -> paint(c, area, f, tt, cs, shares, sup, totals, rTitle, cTitle);
    }

    private static void paint(Canvas c, Rectangle2D area, List<String> from, List<String> to, long[][] counts,
                              double[][] shares, Hidden[][] sup, long[] totals, String rowTitle, String colTitle) {
        SeminarTheme th = c.theme();
        Formats fmt = th.formats();
        Font tick = th.tickFont();
        Font axis = th.axisTitleFont();
        Font value = th.valueFont();
        Font small = th.tickFont();
        double rowLabelW = from.stream().mapToDouble(s -> c.width(s, tick)).max().orElse(0) + th.px(16);
        double nColW = c.width("n = 0 000", tick) + th.px(16);
        double left = area.getX() + c.lineHeight(axis) + th.px(8) + rowLabelW;
        double gridW = area.getMaxX() - nColW - left;
        double cellW0 = gridW / Math.max(1, to.size());
        // Column labels too wide for their cell take two lines (broken at spaces and after slashes).
        List<List<String>> colLabels = to.stream().map(s -> twoLines(c, s, tick, cellW0 - th.px(6))).toList();
        int headerLines = colLabels.stream().mapToInt(List::size).max().orElse(1);
        double top = area.getY() + c.lineHeight(axis) + c.lineHeight(tick) * headerLines + th.px(10);
        double gridH = area.getMaxY() - top;
        double cellW = gridW / Math.max(1, to.size());
        double cellH = gridH / Math.max(1, from.size());

        c.text(colTitle, left + gridW / 2, area.getY() + c.ascent(axis), axis, Palette.TEXT, Canvas.Align.CENTER);
        c.verticalText(rowTitle, area.getX() + c.lineHeight(axis) / 2, top + gridH / 2, axis, Palette.TEXT);
        for (int j = 0; j < to.size(); j++) {
            List<String> lines = colLabels.get(j);
            for (int k = 0; k < lines.size(); k++) {
                c.text(lines.get(k), left + cellW * (j + 0.5), top - th.px(8) - c.lineHeight(tick) * (lines.size() - 1 - k),
                        tick, Palette.TEXT, Canvas.Align.CENTER);
            }
        }
        for (int i = 0; i < from.size(); i++) {
            double y = top + cellH * i;
            c.textCentredOn(from.get(i), left - th.px(12), y + cellH / 2, tick, Palette.TEXT, Canvas.Align.RIGHT);
            if (totals[i] >= 0) {
                c.textCentredOn("n = " + fmt.count(totals[i]), area.getMaxX(), y + cellH / 2, tick, Palette.MUTED_TEXT,
                        Canvas.Align.RIGHT);
            }
            for (int j = 0; j < to.size(); j++) {
                Rectangle2D cell = new Rectangle2D.Double(left + cellW * j, y, cellW, cellH);
                double cx = cell.getCenterX();
                double cy = cell.getCenterY();
                if (sup[i][j].hidden()) {
                    c.suppressed(cell);
                    c.labelBox(sup[i][j].label(th), cx, cy, value, Palette.TEXT);
                } else {
                    Color fill = shade(shares[i][j]);
                    c.g().setColor(fill);
                    c.g().fill(cell);
                    Color ink = luminance(fill) < 0.45 ? Color.WHITE : Palette.TEXT;
                    boolean twoLines = cellH > c.lineHeight(value) + c.lineHeight(small);
                    double shareY = twoLines ? cy - c.lineHeight(small) / 2 : cy;
                    c.textCentredOn(fmt.percent(shares[i][j], 0), cx, shareY, value, ink, Canvas.Align.CENTER);
                    if (twoLines) {
                        c.textCentredOn("(" + fmt.count(counts[i][j]) + ")", cx, cy + c.lineHeight(value) / 2, small,
                                ink, Canvas.Align.CENTER);
                    }
                }
                c.g().setColor(Color.WHITE);
                c.g().setStroke(new BasicStroke((float) Math.max(1, th.px(3))));
                c.g().draw(cell);
            }
        }
        // Outline the diagonal: staying on the same step.
        c.g().setColor(Palette.TEXT);
        c.g().setStroke(new BasicStroke((float) Math.max(1.5, th.px(4))));
        for (int i = 0; i < from.size(); i++) {
            int j = to.indexOf(from.get(i));
            if (j >= 0) {
                c.g().draw(new Rectangle2D.Double(left + cellW * j + th.px(2), top + cellH * i + th.px(2),
                        cellW - th.px(4), cellH - th.px(4)));
            }
        }
    }

    /** White to Okabe-Ito blue, by share; a share of NaN (empty row) stays white. */
    private static Color shade(double share) {
        double s = Double.isNaN(share) ? 0 : Math.max(0, Math.min(1, share));
        Color b = Palette.BLUE;
        double k = Math.sqrt(s); // spreads the small shares that dominate transition matrices
        return new Color((int) Math.round(255 + (b.getRed() - 255) * k), (int) Math.round(255 + (b.getGreen() - 255) * k),
                (int) Math.round(255 + (b.getBlue() - 255) * k));
    }

    private static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255.0;
    }

    /**
     * One long word on two lines with a hyphen, broken after an "s" near the end of what fits when
     * there is one (a Swedish compound joint: "Försörjnings-stöd"), else where it fills the line.
     */
    private static List<String> hyphenated(Canvas c, String word, Font font, double width) {
        int fits = word.length() - 1;
        while (fits > 1 && c.width(word.substring(0, fits) + "-", font) > width) {
            fits--;
        }
        int cut = fits;
        for (int i = fits; i > Math.max(1, fits - 5); i--) {
            if (word.charAt(i - 1) == 's') {
                // "ss": the joint s ends the first word and the second begins with s ("Försörjnings-stöd")
                cut = word.charAt(i - 2) == 's' ? i - 1 : i;
                break;
            }
        }
        return List.of(word.substring(0, cut) + "-", c.fit(word.substring(cut), font, width));
    }

    /** The label on one line if it fits, else on two (the second shortened with an ellipsis if need be). */
    private static List<String> twoLines(Canvas c, String label, Font font, double width) {
        if (c.width(label, font) <= width) {
            return List.of(label);
        }
        List<String> lines = c.wrap(label.replace("/", "/ "), font, width);
        if (lines.size() == 1) {
            return hyphenated(c, label, font, width);
        }
        String rest = String.join(" ", lines.subList(1, lines.size()));
        return List.of(c.fit(lines.get(0).trim(), font, width), c.fit(rest, font, width));
    }
}
