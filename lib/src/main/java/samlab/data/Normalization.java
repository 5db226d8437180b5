package samlab.data;

import java.util.Arrays;

/**
 * Per-channel standardisation {@code (x - mean[c]) / std[c]}, applied to batches (the dataset
 * keeps its [0, 1] pixels). Either given (published constants) or computed from a training set.
 */
public record Normalization(float[] mean, float[] std) {
    public Normalization {
        mean = mean.clone();
        std = std.clone();
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std need one entry per channel; got " + mean.length
                    + " and " + std.length);
        }
        for (int c = 0; c < std.length; c++) {
            if (!(std[c] > 0) || !Float.isFinite(std[c])) {
                throw new IllegalArgumentException("std[" + c + "] must be positive and finite, not " + std[c]);
            }
            if (!Float.isFinite(mean[c])) throw new IllegalArgumentException("mean[" + c + "] must be finite, not " + mean[c]);
        }
    }

    /** The per-channel mean and (population) standard deviation of all pixels of {@code data}. */
    public static Normalization of(ImageDataset data) {
        int c = data.channels();
        int plane = data.height() * data.width();
        double[] sum = new double[c];
        double[] sumSq = new double[c];
        float[] x = data.pixels();
        for (int i = 0; i < data.size(); i++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (i * c + ch) * plane;
                double s = 0, s2 = 0;
                for (int p = 0; p < plane; p++) {
                    double v = x[base + p];
                    s += v;
                    s2 += v * v;
                }
                sum[ch] += s;
                sumSq[ch] += s2;
            }
        }
        double count = (double) data.size() * plane;
        float[] mean = new float[c];
        float[] std = new float[c];
        for (int ch = 0; ch < c; ch++) {
            double m = sum[ch] / count;
            mean[ch] = (float) m;
            std[ch] = (float) Math.sqrt(Math.max(sumSq[ch] / count - m * m, 0));
        }
        return new Normalization(mean, std);
    }

    /** Standardises {@code count} images of {@code channels}×{@code plane} values in {@code x}, in place. */
    public void applyInPlace(float[] x, int count, int channels, int plane) {
        if (channels != mean.length) {
            throw new IllegalArgumentException("images have " + channels + " channels; this normalisation has " + mean.length);
        }
        for (int i = 0; i < count; i++) {
            for (int ch = 0; ch < channels; ch++) {
                int base = (i * channels + ch) * plane;
                float m = mean[ch];
                float inv = 1f / std[ch];
                for (int p = 0; p < plane; p++) x[base + p] = (x[base + p] - m) * inv;
            }
        }
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
