package samlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchesTest {
    /** 7 images of 1x1x2; image i = {i, 10 + i}, label i mod 2. */
    static ImageDataset seven() {
        float[] x = new float[14];
        int[] y = new int[7];
        for (int i = 0; i < 7; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 10 + i;
            y[i] = i % 2;
        }
        return new ImageDataset("t", "s", x, y, 1, 1, 2, List.of("even", "odd"));
    }

    @Test
    void visitsTheGivenOrderWithAShortLastBatch() {
        int[] order = {6, 0, 5, 1, 4, 2, 3};
        Batches b = Batches.of(seven(), 3).order(order);
        assertEquals(3, b.count());
        List<float[]> firstValues = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Batches.Batch batch : b) {
            sizes.add(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                firstValues.add(new float[] {batch.pixels()[2 * i], batch.pixels()[2 * i + 1]});
                labels.add(batch.labels()[i]);
            }
        }
        assertEquals(List.of(3, 3, 1), sizes);
        for (int i = 0; i < 7; i++) {
            assertArrayEquals(new float[] {order[i], 10 + order[i]}, firstValues.get(i));
            assertEquals(order[i] % 2, labels.get(i));
        }
    }

    @Test
    void dropLastAndBufferReuse() {
        Batches b = Batches.of(seven(), 3).dropLast(true);
        assertEquals(2, b.count());
        Iterator<Batches.Batch> it = b.iterator();
        Batches.Batch first = it.next();
        float[] buffer = first.pixels();
        assertEquals(0f, buffer[0], 0f);
        Batches.Batch second = it.next();
        assertSame(first, second);
        assertSame(buffer, second.pixels());
        assertEquals(3f, buffer[0], 0f);
        assertFalse(it.hasNext());
    }

    @Test
    void normalisationIsAppliedToTheBatchNotTheDataset() {
        ImageDataset d = seven();
        Normalization n = new Normalization(new float[] {1f}, new float[] {2f});
        Batches.Batch batch = Batches.of(d, 7).normalize(n).iterator().next();
        for (int i = 0; i < 7; i++) {
            assertEquals((i - 1f) / 2f, batch.pixels()[2 * i], 1e-7f);
            assertEquals((10 + i - 1f) / 2f, batch.pixels()[2 * i + 1], 1e-7f);
        }
        assertEquals(6f, d.pixels()[12], 0f);
    }

    @Test
    void augmentationIsReproducibleFromTheSeedAndDiffersBetweenPasses() {
        ImageDataset rows = seven();
        Batches a = Batches.of(rows, 7).augment(new Augmentation(1, true), 5);
        Batches b = Batches.of(rows, 7).augment(new Augmentation(1, true), 5);
        float[] a1 = a.iterator().next().pixels().clone();
        float[] a2 = a.iterator().next().pixels().clone();
        float[] b1 = b.iterator().next().pixels().clone();
        assertArrayEquals(a1, b1);
        assertFalse(Arrays.equals(a1, a2));
        // explicit pass numbers reproduce the implicit ones (what a resumed run relies on)
        Batches c = Batches.of(rows, 7).augment(new Augmentation(1, true), 5);
        assertArrayEquals(a2, c.pass(1).next().pixels());
        assertArrayEquals(a1, c.pass(0).next().pixels());
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Batches.of(seven(), 0));
        assertThrows(IllegalArgumentException.class, () -> Batches.of(seven(), 2).order(new int[] {7}));
        assertThrows(IllegalArgumentException.class,
                () -> Batches.of(seven(), 2).normalize(new Normalization(new float[] {0, 0}, new float[] {1, 1})));
    }
}
