package samlab.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaletteTest {

    @Test
    void okabeItoColoursAreDistinctAndCycle() {
        Set<Color> seen = new HashSet<>();
        for (int i = 0; i < Palette.categoricalSize(); i++) seen.add(Palette.categorical(i));
        assertEquals(8, seen.size());
        assertEquals(new Color(0x0072B2), Palette.categorical(0));
        assertEquals(Palette.categorical(1), Palette.categorical(1 + Palette.categoricalSize()));
        assertThrows(IllegalArgumentException.class, () -> Palette.categorical(-1));
    }

    @Test
    void viridisRunsFromDarkPurpleToYellowAndGetsLighter() {
        assertEquals(new Color(0x440154), Palette.sequential(0.0));
        assertEquals(new Color(0xFDE725), Palette.sequential(1.0));
        // half-way between the anchors at 4/8 (0x21918C) and 5/8 (0x28AE80)
        Color mid = Palette.sequential(4.5 / 8);
        assertEquals(Math.round((0x21 + 0x28) / 2.0), mid.getRed(), 1);
        Color[] five = Palette.sequential(5);
        for (int i = 1; i < five.length; i++) assertTrue(luma(five[i]) > luma(five[i - 1]), "monotone lightness");
        assertThrows(IllegalArgumentException.class, () -> Palette.sequential(1.5));
    }

    @Test
    void logShadingSpreadsValuesNearTheMinimum() {
        // linear: 1% of the range is 1% grey; log with δ = 1e-3·span: log(11)/log(1001) ≈ 0.347
        assertEquals(0.01, PlaneFigure.shade(1, 0, 100, false), 1e-15);
        assertEquals(Math.log(11) / Math.log(1001), PlaneFigure.shade(1, 0, 100, true), 1e-12);
        assertEquals(1, PlaneFigure.shade(100, 0, 100, true), 1e-12);
    }

    private static double luma(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }
}
