package samlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import samlab.data.Augmentation;
import samlab.data.ImageDataset;
import samlab.data.SeededRandom;

class BatchesTest {
    /** 7 images of 1x2x2; image i = {i, 10+i, 20+i, 30+i}, label i mod 3. */
    static ImageDataset seven() {
        float[] x = new float[28];
        int[] y = new int[7];
        for (int i = 0; i < 7; i++) {
            for (int p = 0; p < 4; p++) x[4 * i + p] = 10 * p + i;
            y[i] = i % 3;
        }
        return new ImageDataset("t", "s", x, y, 1, 2, 2, List.of("a", "b", "c"));
    }

    @Test
    void fillsTheGivenRowsWithOneHotLabels() {
        int[] order = {6, 0, 5, 1, 4, 2, 3};
        Batch b = new Batches(seven(), true).fill(order, 2, 5); // rows 5, 1, 4
        assertEquals(3, b.size());
        assertArrayEquals(new long[] {3, 4}, b.features().shape());
        assertArrayEquals(new float[] {5, 15, 25, 35}, b.features().getRow(0).toFloatVector());
        assertArrayEquals(new float[] {1, 11, 21, 31}, b.features().getRow(1).toFloatVector());
        assertArrayEquals(new float[] {4, 14, 24, 34}, b.features().getRow(2).toFloatVector());
        // labels 5 % 3 = 2, 1 % 3 = 1, 4 % 3 = 1
        assertArrayEquals(new float[] {0, 0, 1, 0, 1, 0, 0, 1, 0}, b.labels().reshape(9).toFloatVector());
    }

    @Test
    void imageShapeWhenNotFlatAndBuffersReusedPerSize() {
        Batches batches = new Batches(seven(), false);
        Batch first = batches.fill(Batches.identity(7), 0, 2);
        assertArrayEquals(new long[] {2, 1, 2, 2}, first.features().shape());
        Batch again = batches.fill(Batches.identity(7), 2, 4);
        assertSame(first.features(), again.features());
        assertArrayEquals(new float[] {2, 12, 22, 32}, again.features().reshape(2, 4).getRow(0).toFloatVector());
    }

    @Test
    void augmentationFollowsTheGivenStream() {
        Batches batches = new Batches(seven(), true);
        Augmentation flip = new Augmentation(0, true);
        float[] a = batches.fill(Batches.identity(7), 0, 7, flip, SeededRandom.derived(3, 9)).features().reshape(28).toFloatVector();
        // the same choices by hand: one coin per image, in row order, mirror swaps the two columns
        SeededRandom rng = SeededRandom.derived(3, 9);
        for (int i = 0; i < 7; i++) {
            boolean mirror = rng.nextBoolean();
            float[] want = mirror ? new float[] {10 + i, i, 30 + i, 20 + i} : new float[] {i, 10 + i, 20 + i, 30 + i};
            assertArrayEquals(want, java.util.Arrays.copyOfRange(a, 4 * i, 4 * i + 4), "image " + i);
        }
    }
}
