package samlab.plot;

import java.awt.Color;

/**
 * Colour-blind-safe colours: the Okabe–Ito set for categories (outcomes, kinds, trajectories) and
 * viridis for ordered values (contour levels, heat maps). Both stay distinguishable under the common
 * colour-vision deficiencies and in greyscale print (viridis is monotone in lightness).
 */
public final class Palette {
    private Palette() {}

    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    public static final Color BLACK = new Color(0x000000);
    /** A light grey for regions drawn faintly (e.g. the diverged starts of a basin map). */
    public static final Color FAINT = new Color(0xE6E6E6);

    /** Okabe–Ito order, yellow last: it is the hardest to see on white. */
    private static final Color[] CATEGORICAL = {
        BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, ORANGE, SKY_BLUE, BLACK, YELLOW
    };

    /** Viridis anchors at t = 0, 1/8, …, 1 (interpolated linearly in RGB between them). */
    private static final int[] VIRIDIS = {
        0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725
    };

    /** The number of distinct categorical colours before they repeat. */
    public static int categoricalSize() {
        return CATEGORICAL.length;
    }

    /**
     * The i-th categorical colour (cycles after {@link #categoricalSize()}).
     *
     * @throws IllegalArgumentException if {@code i < 0}
     */
    public static Color categorical(int i) {
        if (i < 0) throw new IllegalArgumentException("colour index " + i + " must be >= 0");
        return CATEGORICAL[i % CATEGORICAL.length];
    }

    /**
     * Viridis at t in [0, 1]: 0 dark purple (low values), 1 yellow (high values), linear between
     * 9 stops.
     *
     * @throws IllegalArgumentException if {@code t} is not in [0, 1] (NaN included)
     */
    public static Color sequential(double t) {
        if (!(t >= 0 && t <= 1)) throw new IllegalArgumentException("t = " + t + " must be in [0, 1]");
        double s = t * (VIRIDIS.length - 1);
        int i = Math.min((int) s, VIRIDIS.length - 2);
        double w = s - i;
        Color a = new Color(VIRIDIS[i]);
        Color b = new Color(VIRIDIS[i + 1]);
        return new Color(mix(a.getRed(), b.getRed(), w), mix(a.getGreen(), b.getGreen(), w),
                mix(a.getBlue(), b.getBlue(), w));
    }

    /**
     * n evenly spaced viridis colours from dark to light (n = 1 gives the middle).
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static Color[] sequential(int n) {
        if (n < 1) throw new IllegalArgumentException("colour count " + n + " must be >= 1");
        Color[] out = new Color[n];
        for (int i = 0; i < n; i++) out[i] = sequential(n == 1 ? 0.5 : (double) i / (n - 1));
        return out;
    }

    private static int mix(int a, int b, double w) {
        return (int) Math.round(a + (b - a) * w);
    }
}
