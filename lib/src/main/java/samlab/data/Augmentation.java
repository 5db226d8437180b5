package samlab.data;

/**
 * The standard CIFAR training augmentation: pad by {@code padding} zero pixels on every side,
 * crop a random H×W window, and flip horizontally with probability ½ when {@code flip}. Padding
 * 0 and no flip is the identity.
 */
public record Augmentation(int padding, boolean flip) {
    /** Pad 4, crop, flip: the usual choice for CIFAR (He et al. 2016). */
    public static final Augmentation CIFAR = new Augmentation(4, true);

    /** @throws IllegalArgumentException if {@code padding < 0} */
    public Augmentation {
        if (padding < 0) throw new IllegalArgumentException("padding must be non-negative, not " + padding);
    }

    /**
     * Augments one C×H×W image from {@code src[srcOff..]} into {@code dst[dstOff..]} with random
     * choices from {@code rng}: offsets dy, dx uniform in [0, 2·padding] (none drawn when padding is
     * 0), then a coin for the flip when {@code flip}.
     *
     * @param src      images, row-major C×H×W each, values in any range (padding is 0)
     * @param srcOff   start of the image in {@code src}
     * @param dst      where the augmented image goes (C·H·W values from {@code dstOff})
     * @param dstOff   start of the output in {@code dst}
     * @param channels C
     * @param height   H in pixels
     * @param width    W in pixels
     * @param rng      the source of the random choices
     */
    public void apply(float[] src, int srcOff, float[] dst, int dstOff, int channels, int height, int width,
                      SeededRandom rng) {
        int dy = padding == 0 ? padding : rng.nextInt(2 * padding + 1);
        int dx = padding == 0 ? padding : rng.nextInt(2 * padding + 1);
        boolean mirror = flip && rng.nextBoolean();
        cropAndFlip(src, srcOff, dst, dstOff, channels, height, width, padding, dy, dx, mirror);
    }

    /**
     * The deterministic core: output(y, x) = padded(y + dy, x' + dx) with x' = W-1-x when
     * {@code mirror}, else x; padded(i, j) = src(i - pad, j - pad), or 0 outside the image.
     * {@code dy, dx} lie in [0, 2·pad].
     */
    static void cropAndFlip(float[] src, int srcOff, float[] dst, int dstOff, int channels, int height, int width,
                            int pad, int dy, int dx, boolean mirror) {
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            int s = srcOff + c * plane;
            int d = dstOff + c * plane;
            for (int y = 0; y < height; y++) {
                int sy = y + dy - pad;
                boolean rowInside = sy >= 0 && sy < height;
                for (int x = 0; x < width; x++) {
                    int xx = mirror ? width - 1 - x : x;
                    int sx = xx + dx - pad;
                    dst[d + y * width + x] = rowInside && sx >= 0 && sx < width ? src[s + sy * width + sx] : 0f;
                }
            }
        }
    }
}
