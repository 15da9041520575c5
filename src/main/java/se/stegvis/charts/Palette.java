package se.stegvis.charts;

import java.awt.Color;
import java.util.List;

/**
 * The Okabe-Ito palette (Okabe and Ito 2008, "Color Universal Design"), distinguishable with the
 * common forms of colour blindness, plus the greys used for suppressed cells and grid lines.
 */
public final class Palette {
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    public static final Color BLACK = Color.BLACK;

    /** Neutral grey for "no change" categories. */
    public static final Color NEUTRAL = new Color(0xB8B8B8);
    /** Background and hatch colours of suppressed cells. */
    public static final Color SUPPRESSED_FILL = new Color(0xE4E4E4);
    public static final Color SUPPRESSED_HATCH = new Color(0x8C8C8C);
    public static final Color TEXT = new Color(0x1A1A1A);
    public static final Color MUTED_TEXT = new Color(0x4D4D4D);
    public static final Color GRID = new Color(0xDDDDDD);

    /** Series colours in the order they are handed out; yellow last because it is weak on white. */
    public static final List<Color> SERIES =
            List.of(BLUE, ORANGE, BLUISH_GREEN, VERMILLION, REDDISH_PURPLE, SKY_BLUE, BLACK, YELLOW);

    private Palette() {
    }

    /** The i-th series colour, cycling. */
    public static Color series(int i) {
        return SERIES.get(Math.floorMod(i, SERIES.size()));
    }

    /** The colour with the given alpha (0-255), for bands behind a line. */
    public static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
