package samlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import samlab.data.ImageDataset;

class SyntheticImagesTest {
    private static Set<String> images(ImageDataset d) {
        int size = d.imageSize();
        Set<String> out = new HashSet<>();
        for (int k = 0; k < d.size(); k++) {
            out.add(Arrays.toString(Arrays.copyOfRange(d.pixels(), k * size, (k + 1) * size)));
        }
        return out;
    }

    @Test
    void theTestSetSharesNoImageWithTheTrainingSet() {
        // the CLI's setting (train 2,000, test 400, seed 1000 + run seed): before the fix the 400 test
        // images were the first 400 training images
        SyntheticImages.Split s = SyntheticImages.split(2000, 400, 10, 1, 28, 28, 0.5, 1001);
        Set<String> train = images(s.train());
        Set<String> test = images(s.test());
        assertEquals(2000, train.size());
        assertEquals(400, test.size());
        Set<String> both = new HashSet<>(train);
        both.retainAll(test);
        assertTrue(both.isEmpty(), both.size() + " test images are training images");
    }

    @Test
    void trainingSetIsUnchangedAndBothSetsShareTheClassMeans() {
        SyntheticImages.Split s = SyntheticImages.split(300, 300, 3, 1, 4, 4, 0.2, 5);
        assertArrayEquals(SyntheticImages.create(300, 3, 1, 4, 4, 0.2, 5).pixels(), s.train().pixels());
        assertFalse(Arrays.equals(s.train().pixels(), s.test().pixels()));
        // class means of the two sets agree to within the noise's standard error (0.2/sqrt(3)/sqrt(100)):
        // the test set is the same task, not another random one
        int size = 16;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < size; i++) {
                double a = 0, b = 0;
                for (int k = c; k < 300; k += 3) {
                    a += s.train().pixels()[k * size + i];
                    b += s.test().pixels()[k * size + i];
                }
                assertEquals(a / 100, b / 100, 5 * 0.2 / Math.sqrt(3) / Math.sqrt(100) * Math.sqrt(2));
            }
        }
    }
}
