package samlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubsetsTest {
    /** 60 one-pixel images; image i has label i mod 3 (20 per class) and pixel value i. */
    static ImageDataset sixty() {
        float[] x = new float[60];
        int[] y = new int[60];
        for (int i = 0; i < 60; i++) {
            x[i] = i;
            y[i] = i % 3;
        }
        return new ImageDataset("toy", "hand-built", x, y, 1, 1, 1, List.of("a", "b", "c"));
    }

    @Test
    void takesExactlyNPerClassOfOriginalImagesInOriginalOrder() {
        ImageDataset s = Subsets.perClass(sixty(), 5, 11);
        assertEquals(15, s.size());
        assertArrayEquals(new int[] {5, 5, 5}, s.classCounts());
        Set<Float> seen = new HashSet<>();
        for (int i = 0; i < s.size(); i++) {
            float v = s.pixels()[i];
            assertEquals((int) v % 3, s.labels()[i]); // pixel and label still belong together
            if (i > 0) assertTrue(v > s.pixels()[i - 1]);
            seen.add(v);
        }
        assertEquals(15, seen.size());
        assertEquals("hand-built", s.source());
        assertTrue(s.name().contains("5 per class, seed 11"), s.name());
    }

    @Test
    void deterministicFromTheSeed() {
        assertArrayEquals(Subsets.perClass(sixty(), 4, 1).pixels(), Subsets.perClass(sixty(), 4, 1).pixels());
        assertFalse(java.util.Arrays.equals(Subsets.perClass(sixty(), 4, 1).pixels(),
                Subsets.perClass(sixty(), 4, 2).pixels()));
    }

    @Test
    void tooFewImagesNamesTheClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Subsets.perClass(sixty(), 21, 1));
        assertTrue(e.getMessage().contains("class 'a' of toy has 20 images, fewer than the 21"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Subsets.perClass(sixty(), 0, 1));
    }
}
