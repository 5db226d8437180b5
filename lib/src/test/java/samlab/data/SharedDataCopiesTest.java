package samlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real offline copies CI uses: the 10k MNIST digits under SAMLAB_DATA and Debian's
 * Fashion-MNIST (each skipped where it is not installed).
 */
class SharedDataCopiesTest {
    private static float[] range(ImageDataset d) {
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        for (float v : d.pixels()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new float[] {min, max};
    }

    @Test
    void readsTheTenThousandDigitMnistCopy() {
        String env = System.getenv(DataDirectory.ENV);
        assumeTrue(env != null && !env.isBlank(), "SAMLAB_DATA is not set");
        DatasetCopy copy = Datasets.locate(KnownDataset.MNIST, DataDirectory.fromEnvironment());
        assumeTrue(copy.source().equals("MNIST (10k subset copy)"), "the full MNIST is installed instead");
        ImageDataset train = copy.load(Split.TRAIN);
        ImageDataset test = copy.load(Split.TEST);
        assertEquals(8000, train.size());
        assertEquals(2000, test.size());
        for (ImageDataset d : List.of(train, test)) {
            assertEquals(28, d.height());
            assertEquals(28, d.width());
            assertArrayEquals(new float[] {0f, 1f}, range(d));
            for (int c : d.classCounts()) assertTrue(c > 0.05 * d.size(), "every digit is present");
        }
        // labels in 0..9 are checked by ImageDataset; the mean pixel of MNIST is about 0.13
        double mean = 0;
        for (float v : train.pixels()) mean += v;
        assertEquals(0.13, mean / train.pixels().length, 0.01);
    }

    @Test
    void readsDebiansFashionMnist() {
        Path debian = Path.of(Datasets.DEBIAN_FASHION_MNIST);
        assumeTrue(Files.isRegularFile(debian.resolve("t10k-labels-idx1-ubyte.gz")), "dataset-fashion-mnist not installed");
        DataDirectory empty = new DataDirectory(Path.of("/nonexistent-samlab-data"), Path.of("/tmp"), "test");
        DatasetCopy copy = Datasets.candidates(KnownDataset.FASHION_MNIST, empty, debian).get(0);
        assertEquals("Fashion-MNIST (Debian package copy)", copy.source());
        ImageDataset train = copy.load(Split.TRAIN);
        ImageDataset test = copy.load(Split.TEST);
        // Fashion-MNIST is balanced: 6,000 training and 1,000 test images per class
        int[] sixThousand = new int[10];
        int[] oneThousand = new int[10];
        java.util.Arrays.fill(sixThousand, 6000);
        java.util.Arrays.fill(oneThousand, 1000);
        assertArrayEquals(sixThousand, train.classCounts());
        assertArrayEquals(oneThousand, test.classCounts());
        assertArrayEquals(new float[] {0f, 1f}, range(test));
    }
}
