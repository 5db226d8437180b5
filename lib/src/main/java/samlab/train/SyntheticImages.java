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

    public static ImageDataset create(int n, int classes, int channels, int height, int width, double noise, long seed) {
        if (n < 1 || classes < 2) {
            throw new IllegalArgumentException("synthetic set needs n >= 1 and >= 2 classes (got n=" + n + ", classes=" + classes + ")");
        }
        if (!(noise >= 0)) throw new IllegalArgumentException("noise " + noise + " must be >= 0");
        int size = channels * height * width;
        Random r = new Random(seed);
        float[][] means = new float[classes][size];
        for (float[] m : means) for (int i = 0; i < size; i++) m[i] = 0.25f + 0.5f * r.nextFloat();
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
        return new ImageDataset("synthetic", "samlab.train.SyntheticImages(n=" + n + ",noise=" + noise + ",seed=" + seed + ")",
                pixels, labels, channels, height, width, names);
    }
}
