package samlab.data;

import java.util.Arrays;

/** Smaller datasets for CPU-sized runs, chosen deterministically from a seed. */
public final class Subsets {
    private Subsets() {}

    /**
     * {@code perClass} images of every class, picked uniformly at random from a seed and kept in
     * their original order. Fails, naming the class, when a class has fewer images.
     *
     * @param data     the full dataset
     * @param perClass images per class, &gt; 0
     * @param seed     seed of the choice (class c uses {@link SeededRandom#derived}(seed, c))
     * @return a dataset of perClass · classes images, in their order in {@code data}
     * @throws IllegalArgumentException if {@code perClass <= 0} or some class has fewer than
     *     {@code perClass} images
     */
    public static ImageDataset perClass(ImageDataset data, int perClass, long seed) {
        if (perClass <= 0) throw new IllegalArgumentException("images per class must be positive, not " + perClass);
        int classes = data.classes().size();
        int[] counts = data.classCounts();
        int[][] byClass = new int[classes][];
        int[] fill = new int[classes];
        for (int c = 0; c < classes; c++) {
            if (counts[c] < perClass) {
                throw new IllegalArgumentException("class '" + data.classes().get(c) + "' of " + data.name() + " has "
                        + counts[c] + " images, fewer than the " + perClass + " per class asked for");
            }
            byClass[c] = new int[counts[c]];
        }
        for (int i = 0; i < data.size(); i++) {
            int c = data.labels()[i];
            byClass[c][fill[c]++] = i;
        }
        int[] chosen = new int[perClass * classes];
        int k = 0;
        for (int c = 0; c < classes; c++) {
            int[] order = SeededRandom.derived(seed, c).permutation(counts[c]);
            for (int j = 0; j < perClass; j++) chosen[k++] = byClass[c][order[j]];
        }
        Arrays.sort(chosen);
        return data.select(chosen, data.name() + " (" + perClass + " per class, seed " + seed + ")");
    }
}
