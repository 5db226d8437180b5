package samlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AugmentationTest {
    /** A 2-channel 3x4 image: channel c, row y, column x holds 100c + 10y + x + 1 (never 0). */
    static float[] image() {
        float[] x = new float[2 * 3 * 4];
        for (int c = 0; c < 2; c++) for (int y = 0; y < 3; y++) for (int col = 0; col < 4; col++) {
            x[c * 12 + y * 4 + col] = 100 * c + 10 * y + col + 1;
        }
        return x;
    }

    @Test
    void centredCropWithoutFlipIsIdentity() {
        float[] src = image();
        float[] dst = new float[src.length];
        Augmentation.cropAndFlip(src, 0, dst, 0, 2, 3, 4, 2, 2, 2, false);
        assertArrayEquals(src, dst);
    }

    @Test
    void shiftedCropMatchesHandComputedPositions() {
        // pad 1, dy = 0, dx = 2: output(y, x) = src(y - 1, x + 1); row 0 and column 3 fall in the padding.
        float[] dst = new float[24];
        Augmentation.cropAndFlip(image(), 0, dst, 0, 2, 3, 4, 1, 0, 2, false);
        float[] expectedChannel0 = {
                0, 0, 0, 0,
                2, 3, 4, 0,
                12, 13, 14, 0};
        for (int i = 0; i < 12; i++) assertEquals(expectedChannel0[i], dst[i], 0f, "channel 0 index " + i);
        assertEquals(102, dst[12 + 4], 0f); // channel 1, (1, 0) = src(0, 1) = 100 + 0 + 1 + 1
        assertEquals(0, dst[12 + 4 + 3], 0f);
    }

    @Test
    void flipMirrorsColumnsAfterTheCrop() {
        // pad 1, dy = 2, dx = 1, mirrored: output(y, x) = src(y + 1, (3 - x)); last row is padding.
        float[] dst = new float[24];
        Augmentation.cropAndFlip(image(), 0, dst, 0, 2, 3, 4, 1, 2, 1, true);
        float[] expectedChannel0 = {
                14, 13, 12, 11,
                24, 23, 22, 21,
                0, 0, 0, 0};
        for (int i = 0; i < 12; i++) assertEquals(expectedChannel0[i], dst[i], 0f, "channel 0 index " + i);
    }

    @Test
    void randomChoicesCoverAllOffsetsAndBothFlips() {
        // 9x9 image with src(y, x) = 10y + x + 1. With pad 4 the centre output pixel is
        // padded(4 + dy, 4 + dx) = src(dy, dx) in both orientations, so it reveals (dy, dx);
        // its right-hand neighbour is src(dy, dx + 1) unflipped and src(dy, dx - 1) flipped.
        float[] src = new float[81];
        for (int y = 0; y < 9; y++) for (int x = 0; x < 9; x++) src[y * 9 + x] = 10 * y + x + 1;
        Augmentation aug = new Augmentation(4, true);
        SeededRandom rng = new SeededRandom(3);
        boolean[][] seen = new boolean[9][9];
        int flips = 0, unflipped = 0;
        float[] dst = new float[81];
        for (int t = 0; t < 4000; t++) {
            aug.apply(src, 0, dst, 0, 1, 9, 9, rng);
            int centre = (int) dst[4 * 9 + 4] - 1;
            int dy = centre / 10, dx = centre % 10;
            seen[dy][dx] = true;
            float right = dst[4 * 9 + 5];
            if (dx >= 1 && dx <= 7) {
                if (right == centre + 1 - 1) flips++;
                else if (right == centre + 1 + 1) unflipped++;
                else throw new AssertionError("neighbour " + right + " fits neither orientation at " + dy + "," + dx);
            }
        }
        for (int dy = 0; dy < 9; dy++) for (int dx = 0; dx < 9; dx++) assertTrue(seen[dy][dx], "offset " + dy + "," + dx);
        int n = flips + unflipped;
        assertTrue(Math.abs(flips - n / 2.0) < 4 * Math.sqrt(n / 4.0), flips + " flips of " + n);
    }

    @Test
    void noPaddingNoFlipIsIdentityAndNegativePaddingIsRefused() {
        float[] src = image();
        float[] dst = new float[24];
        new Augmentation(0, false).apply(src, 0, dst, 0, 2, 3, 4, new SeededRandom(1));
        assertArrayEquals(src, dst);
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(-1, false));
    }
}
