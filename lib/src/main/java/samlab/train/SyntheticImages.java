package samlab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import samlab.data.ImageDataset;

/**
 * A learnable synthetic image set for tests, benchmarks and the CLI's {@code --dataset synthetic}:
 * each class has a fixed random mean image in [0.25, 0.75]; an example is its class mean plus
 * uniform noise of half-width {@code noise}, clipped to [0, 1]. Same arguments, same data.
 */
public final class SyntheticImages {
    private SyntheticImages() {}

    /** Keeps the held-out examples' noise apart from the training examples' (same class means). */
    private static final long TEST_STREAM = 0x7e57_5e7L;

    /** A training set and a held-out set of the same task (same class means, independent examples). */
    public record Split(ImageDataset train, ImageDataset test) {}

    /**
     * {@code n} examples (example k has class k mod {@code classes}).
     *
     * @param n        number of examples, ≥ 1
     * @param classes  number of classes, ≥ 2
     * @param channels image channels C
     * @param height   image height H in pixels
     * @param width    image width W in pixels
     * @param noise    half-width of the uniform noise around the class mean, ≥ 0 (pixels in [0, 1])
     * @param seed     seed of means and noise (same arguments, same data)
     * @return the dataset
     * @throws IllegalArgumentException if {@code n < 1}, {@code classes < 2} or {@code noise} is not ≥ 0
     */
    public static ImageDataset create(int n, int classes, int channels, int height, int width, double noise, long seed) {
        Random r = new Random(seed);
        float[][] means = means(n, classes, channels * height * width, noise, r);
        return examples(n, means, channels, height, width, noise, r, seed, "");
    }

    /**
     * A training set of {@code trainSize} examples, identical to {@link #create} with the same
     * arguments, and a test set of {@code testSize} examples of the same classes drawn from an
     * independent random stream, so no test example is a training example.
     *
     * @return the two sets; {@code train} equals {@code create(trainSize, classes, ..., seed)}
     * @throws IllegalArgumentException if a size is {@code < 1}, {@code classes < 2} or {@code noise} is not ≥ 0
     */
    public static Split split(int trainSize, int testSize, int classes, int channels, int height, int width,
                              double noise, long seed) {
        if (testSize < 1) throw new IllegalArgumentException("synthetic test set needs n >= 1 (got n=" + testSize + ")");
        ImageDataset train = create(trainSize, classes, channels, height, width, noise, seed);
        float[][] means = means(trainSize, classes, channels * height * width, noise, new Random(seed));
        ImageDataset test = examples(testSize, means, channels, height, width, noise, new Random(seed ^ TEST_STREAM),
                seed, ",test");
        return new Split(train, test);
    }

    private static float[][] means(int n, int classes, int size, double noise, Random r) {
        if (n < 1 || classes < 2) {
            throw new IllegalArgumentException("synthetic set needs n >= 1 and >= 2 classes (got n=" + n + ", classes=" + classes + ")");
        }
        if (!(noise >= 0)) throw new IllegalArgumentException("noise " + noise + " must be >= 0");
        float[][] means = new float[classes][size];
        for (float[] m : means) for (int i = 0; i < size; i++) m[i] = 0.25f + 0.5f * r.nextFloat();
        return means;
    }

    private static ImageDataset examples(int n, float[][] means, int channels, int height, int width, double noise,
                                         Random r, long seed, String tag) {
        int classes = means.length;
        int size = channels * height * width;
        float[] pixels = new float[n * size];
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) {
            labels[k] = k % classes;
            for (int i = 0; i < size; i++) {
                double v = means[labels[k]][i] + noise * (2 * r.nextDouble() - 1);
                pixels[k * size + i] = (float) Math.max(0, Math.min(1, v));
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) names.add("class" + c);
        return new ImageDataset("synthetic", "samlab.train.SyntheticImages(n=" + n + ",noise=" + noise + ",seed=" + seed
                + tag + ")", pixels, labels, channels, height, width, names);
    }
}
