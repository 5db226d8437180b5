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
 * Copies rows of an {@link ImageDataset} into reusable network inputs: one features array and one
 * one-hot label array per batch size, refilled in place (no per-step allocation, no full copy of
 * the dataset off-heap). Shuffling is a seeded permutation per epoch, so a resumed run sees the
 * same batches as an uninterrupted one.
 */
public final class NetworkInputs {
    private final ImageDataset data;
    private final boolean flat;
    private final Map<Integer, INDArray[]> buffers = new HashMap<>();
    private float[] scratch = new float[0];

    public NetworkInputs(ImageDataset data, boolean flat) {
        this.data = Objects.requireNonNull(data, "data");
        this.flat = flat;
    }

    public ImageDataset data() {
        return data;
    }


    /**
     * Fills and returns {features, labels} for rows {@code order[from..to)}. The arrays are reused
     * by the next call with the same size: use them before asking again.
     */
    public INDArray[] fill(int[] order, int from, int to) {
        return fill(order, from, to, null, null);
    }

    /**
     * As {@link #fill(int[], int, int)}, each image passed through {@code augmentation} (crop, flip)
     * with choices drawn from {@code rng}; a null augmentation copies the images unchanged.
     */
    public INDArray[] fill(int[] order, int from, int to, Augmentation augmentation, SeededRandom rng) {
        int b = to - from;
        int size = data.imageSize();
        int classes = data.classes().size();
        INDArray[] arrays = buffers.computeIfAbsent(b, k -> new INDArray[] {
                flat ? Nd4j.create(DataType.FLOAT, k, size)
                        : Nd4j.create(DataType.FLOAT, k, data.channels(), data.height(), data.width()),
                Nd4j.create(DataType.FLOAT, k, classes)});
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
        arrays[0].data().setData(scratch);
        INDArray labels = arrays[1];
        labels.assign(0);
        for (int i = 0; i < b; i++) labels.putScalar(i, data.labels()[order[from + i]], 1f);
        return arrays;
    }

    /** Identity order 0..n-1. */
    public static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }
}
