package samlab.data;

import java.util.List;
import java.util.Objects;

/**
 * A labelled image dataset held in memory: {@code pixels} is N×C×H×W in row-major order with
 * values in [0, 1] (before normalisation), {@code labels} has N entries in [0, classes.size()).
 * {@code source} says where it came from, for provenance (e.g. "CIFAR-10 (JPEG copy)").
 */
public record ImageDataset(String name, String source, float[] pixels, int[] labels,
                           int channels, int height, int width, List<String> classes) {
    /**
     * Checks shapes and labels (the arrays are kept, not copied).
     *
     * @throws NullPointerException     if {@code name}, {@code source}, {@code pixels}, {@code labels},
     *     {@code classes} or a class name is null
     * @throws IllegalArgumentException if {@code channels}, {@code height} or {@code width} is not
     *     positive, {@code pixels.length != labels.length·C·H·W}, or a label is outside
     *     [0, classes.size())
     */
    public ImageDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        classes = List.copyOf(classes);
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image shape " + channels + "x" + height + "x" + width
                    + " must be positive");
        }
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException("pixels has " + pixels.length + " values; expected "
                    + expected + " for " + labels.length + " images of " + channels + "x" + height + "x" + width);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i
                        + " is out of range [0, " + classes.size() + ") in " + name);
            }
        }
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Values per image (C·H·W). */
    public int imageSize() {
        return channels * height * width;
    }

    /**
     * The images at {@code indices}, in that order (repeats allowed), as a new dataset called
     * {@code newName} with the same source and classes.
     *
     * @param indices image indices, each in [0, size())
     * @param newName the new dataset's name
     * @return a new dataset of {@code indices.length} images (copied)
     * @throws IllegalArgumentException if an index is outside [0, size())
     * @throws ArithmeticException      if the selection has more than {@link Integer#MAX_VALUE} values
     */
    public ImageDataset select(int[] indices, String newName) {
        int per = imageSize();
        float[] x = new float[Math.multiplyExact(indices.length, per)];
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int k = indices[i];
            if (k < 0 || k >= labels.length) {
                throw new IllegalArgumentException("index " + k + " is out of range [0, " + labels.length + ") in " + name);
            }
            System.arraycopy(pixels, k * per, x, i * per, per);
            y[i] = labels[k];
        }
        return new ImageDataset(newName, source, x, y, channels, height, width, classes);
    }

    /** How many images each class has, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (int label : labels) counts[label]++;
        return counts;
    }
}
