package samlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationTest {
    /** Two 2-channel 1x2 images: channel 0 values {0, 0.2, 0.4, 0.6}, channel 1 values {1, 1, 0, 0}. */
    static ImageDataset twoImages() {
        float[] x = {0f, 0.2f, 1f, 1f, 0.4f, 0.6f, 0f, 0f};
        return new ImageDataset("t", "s", x, new int[] {0, 0}, 2, 1, 2, List.of("only"));
    }

    @Test
    void computesPerChannelMeanAndPopulationStd() {
        Normalization n = Normalization.of(twoImages());
        // channel 0: mean 0.3, variance (0.09+0.01+0.01+0.09)/4 = 0.05; channel 1: mean 0.5, std 0.5
        assertArrayEquals(new float[] {0.3f, 0.5f}, n.mean(), 1e-6f);
        assertArrayEquals(new float[] {(float) Math.sqrt(0.05), 0.5f}, n.std(), 1e-6f);
    }

    @Test
    void applyStandardises() {
        ImageDataset d = twoImages();
        float[] x = d.pixels().clone();
        Normalization.of(d).applyInPlace(x, 2, 2, 2);
        double s = Math.sqrt(0.05);
        assertArrayEquals(new float[] {(float) (-0.3 / s), (float) (-0.1 / s), 1, 1,
                (float) (0.1 / s), (float) (0.3 / s), -1, -1}, x, 1e-5f);
    }

    @Test
    void givenConstantsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new Normalization(new float[] {0.5f}, new float[] {0f}));
        assertThrows(IllegalArgumentException.class, () -> new Normalization(new float[] {0.5f}, new float[] {1f, 1f}));
        Normalization n = new Normalization(new float[] {0.5f}, new float[] {0.25f});
        float[] x = {1f};
        n.applyInPlace(x, 1, 1, 1);
        assertEquals(2f, x[0], 0f);
        assertThrows(IllegalArgumentException.class, () -> n.applyInPlace(new float[2], 1, 2, 1));
    }
}
