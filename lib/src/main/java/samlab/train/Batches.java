package samlab.train;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import samlab.data.Augmentation;
import samlab.data.ImageDataset;
import samlab.data.SeededRandom;

/**
 * The input pipeline: copies rows of an {@link ImageDataset} into reusable network inputs, one
 * {@link Batch} (features and one-hot labels) per batch size, refilled in place (no per-step
 * allocation, no full copy of the dataset off-heap). The caller chooses the rows: the trainer
 * visits {@link SeededRandom#epochOrder} and draws step t's augmentation from its own stream, so a
 * resumed run sees the same batches as an uninterrupted one; evaluation and diagnostics visit
 * fixed rows without augmentation.
 */
public final class Batches {
    private final ImageDataset data;
    private final boolean flat;
    private final Map<Integer, Batch> buffers = new HashMap<>();
    private float[] scratch = new float[0];

    /**
     * Batches of {@code data}: features N×(C·H·W) when {@code flat} (MLPs), else N×C×H×W, FLOAT.
     */
    /**
     * @param data the dataset
     * @param flat whether features are flattened (MLPs)
     * @throws NullPointerException if {@code data} is null
     */
    public Batches(ImageDataset data, boolean flat) {
        this.data = Objects.requireNonNull(data, "data");
        this.flat = flat;
    }

    public ImageDataset data() {
        return data;
    }

    /**
     * Fills and returns the batch of rows {@code order[from..to)}. Its arrays are reused by the next
     * call with the same size: use them before asking again.
     *
     * @throws ArrayIndexOutOfBoundsException if {@code from..to} leaves {@code order} or a row leaves the dataset
     */
    public Batch fill(int[] order, int from, int to) {
        return fill(order, from, to, null, null);
    }

    /**
     * As {@link #fill(int[], int, int)}, each image passed through {@code augmentation} (crop, flip)
     * with choices drawn from {@code rng}; a null augmentation copies the images unchanged.
     */
    public Batch fill(int[] order, int from, int to, Augmentation augmentation, SeededRandom rng) {
        int b = to - from;
        int size = data.imageSize();
        int classes = data.classes().size();
        Batch batch = buffers.computeIfAbsent(b, k -> new Batch(
                flat ? Nd4j.create(DataType.FLOAT, k, size)
                        : Nd4j.create(DataType.FLOAT, k, data.channels(), data.height(), data.width()),
                Nd4j.create(DataType.FLOAT, k, classes)));
        if (scratch.length != b * size) scratch = new float[b * size];
        float[] pixels = data.pixels();
        for (int i = 0; i < b; i++) {
            if (augmentation == null) {
                System.arraycopy(pixels, order[from + i] * size, scratch, i * size, size);
            } else {
                augmentation.apply(pixels, order[from + i] * size, scratch, i * size,
                        data.channels(), data.height(), data.width(), rng);
            }
        }
        batch.features().data().setData(scratch);
        INDArray labels = batch.labels();
        labels.assign(0);
        for (int i = 0; i < b; i++) labels.putScalar(i, data.labels()[order[from + i]], 1f);
        return batch;
    }

    /** Identity order 0..n-1. */
    public static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }
}
