package samlab.data;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Mini-batches of a dataset as plain arrays, for the trainer to wrap into tensors. One pass of
 * {@link #iterator()} visits the images in the given order (all of them, or the full batches only
 * with {@code dropLast}); each {@link Batch} reuses the same buffers, so copy what must outlive
 * the next call to {@code next()}. Augmentation (random choices from a seed, one stream per pass)
 * comes before normalisation, so padding is black in pixel space as in the usual pipelines.
 */
public final class Batches implements Iterable<Batches.Batch> {
    private final ImageDataset data;
    private final int batchSize;
    private int[] order;
    private Augmentation augmentation;
    private long augmentationSeed;
    private Normalization normalization;
    private boolean dropLast;
    private int passes;

    private Batches(ImageDataset data, int batchSize) {
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be positive, not " + batchSize);
        this.data = data;
        this.batchSize = batchSize;
    }

    /** Batches of {@code batchSize} images of {@code data}, in dataset order until configured otherwise. */
    public static Batches of(ImageDataset data, int batchSize) {
        return new Batches(data, batchSize);
    }

    /** Visits images in this order (a permutation or any list of indices, e.g. {@link SeededRandom#epochOrder}). */
    public Batches order(int[] indices) {
        for (int k : indices) {
            if (k < 0 || k >= data.size()) {
                throw new IllegalArgumentException("index " + k + " is out of range [0, " + data.size() + ")");
            }
        }
        this.order = indices.clone();
        return this;
    }

    /** Augments every image; pass {@code p} draws its random choices from stream {@code p} of {@code seed}. */
    public Batches augment(Augmentation augmentation, long seed) {
        this.augmentation = augmentation;
        this.augmentationSeed = seed;
        return this;
    }

    /** Standardises every image after augmentation. */
    public Batches normalize(Normalization normalization) {
        if (normalization != null && normalization.mean().length != data.channels()) {
            throw new IllegalArgumentException("normalisation has " + normalization.mean().length
                    + " channels; " + data.name() + " has " + data.channels());
        }
        this.normalization = normalization;
        return this;
    }

    /** Skips the last batch when it would be smaller than the batch size. */
    public Batches dropLast(boolean dropLast) {
        this.dropLast = dropLast;
        return this;
    }

    /** The number of batches in one pass. */
    public int count() {
        int n = order == null ? data.size() : order.length;
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** One batch: the first {@link #size()} images of {@link #pixels()} (N×C×H×W) and {@link #labels()} are valid. */
    public static final class Batch {
        private final float[] pixels;
        private final int[] labels;
        private int size;

        Batch(int capacity, int imageSize) {
            this.pixels = new float[Math.multiplyExact(capacity, imageSize)];
            this.labels = new int[capacity];
        }

        /** The buffer of pixels; only the first {@code size()·C·H·W} values belong to this batch. */
        public float[] pixels() {
            return pixels;
        }

        /** The buffer of labels; only the first {@code size()} belong to this batch. */
        public int[] labels() {
            return labels;
        }

        public int size() {
            return size;
        }
    }

    /** The next pass: pass k (counting from 0 for this object) draws augmentation stream k. */
    @Override
    public Iterator<Batch> iterator() {
        return pass(passes++);
    }

    /**
     * Pass number {@code index} explicitly, e.g. the epoch number, so that a resumed run sees the
     * same augmentations as an uninterrupted one.
     */
    public Iterator<Batch> pass(int index) {
        final int n = order == null ? data.size() : order.length;
        final int[] visit = order;
        final SeededRandom rng = augmentation == null ? null : SeededRandom.derived(augmentationSeed, index);
        final Batch batch = new Batch(batchSize, data.imageSize());
        final int total = count();
        return new Iterator<>() {
            private int produced;

            @Override
            public boolean hasNext() {
                return produced < total;
            }

            @Override
            public Batch next() {
                if (!hasNext()) throw new NoSuchElementException();
                int start = produced * batchSize;
                int size = Math.min(batchSize, n - start);
                int per = data.imageSize();
                float[] src = data.pixels();
                for (int i = 0; i < size; i++) {
                    int k = visit == null ? start + i : visit[start + i];
                    if (rng != null) {
                        augmentation.apply(src, k * per, batch.pixels, i * per, data.channels(), data.height(),
                                data.width(), rng);
                    } else {
                        System.arraycopy(src, k * per, batch.pixels, i * per, per);
                    }
                    batch.labels[i] = data.labels()[k];
                }
                if (normalization != null) {
                    normalization.applyInPlace(batch.pixels, size, data.channels(), data.height() * data.width());
                }
                batch.size = size;
                produced++;
                return batch;
            }
        };
    }
}
