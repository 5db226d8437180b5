package samlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** The real 10k MNIST copy CI points at with SAMLAB_DATA (skipped when the variable is not set). */
class SharedMnistCopyTest {
    @Test
    void readsTheTenThousandDigitCopy() {
        String env = System.getenv(DataDirectory.ENV);
        assumeTrue(env != null && !env.isBlank(), "SAMLAB_DATA is not set");
        DataDirectory dir = DataDirectory.fromEnvironment();
        DatasetCopy copy = Datasets.locate(KnownDataset.MNIST, dir);
        assumeTrue(copy.source().equals("MNIST (10k subset copy)"), "the full MNIST is installed instead");
        ImageDataset train = copy.load(Split.TRAIN);
        ImageDataset test = copy.load(Split.TEST);
        assertEquals(8000, train.size());
        assertEquals(2000, test.size());
        for (ImageDataset d : new ImageDataset[] {train, test}) {
            assertEquals(28, d.height());
            assertEquals(28, d.width());
            float min = 1, max = 0;
            for (float v : d.pixels()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertEquals(0f, min, 0f);
            assertEquals(1f, max, 0f);
            for (int c : d.classCounts()) assertTrue(c > 0.05 * d.size(), "every digit is present");
        }
        // labels in 0..9 are checked by ImageDataset; the mean pixel of MNIST is about 0.13
        double mean = 0;
        for (float v : train.pixels()) mean += v;
        mean /= train.pixels().length;
        assertEquals(0.13, mean, 0.01);
    }
}
