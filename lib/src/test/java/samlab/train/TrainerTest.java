package samlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samlab.data.Augmentation;
import samlab.data.ImageDataset;
import samlab.nn.Architecture;
import samlab.optim.Optimizer;
import samlab.optim.PlainOptimizer;
import samlab.optim.Sam;
import samlab.optim.SamConfig;
import samlab.optim.Sgd;
import samlab.optim.WarmStartSchedule;
import samlab.progress.ProgressSink;

class TrainerTest {
    static {
        ProgressSink.install(ProgressSink.silent());
    }

    private static final SyntheticImages.Split DATA = SyntheticImages.split(96, 30, 3, 1, 4, 4, 0.3, 1);
    private static final ImageDataset TRAIN = DATA.train();
    /** Held out: none of these images is a training image (see SyntheticImagesTest). */
    private static final ImageDataset TEST = DATA.test();

    private static Optimizer sam() {
        return new Sam(new Sgd(0.05, 0.9, false, 1e-4), SamConfig.sam(0.05), WarmStartSchedule.fraction(0.25));
    }

    private static TrainConfig config(int epochs) {
        return new TrainConfig(Architecture.MLP, epochs, 16, 7, 64, 1, 0.05, 0, null);
    }

    @Test
    void samTrainingLowersTheLossAndRecordsFiniteDiagnostics() {
        TrainResult r = new Trainer(config(4), sam()).train(TRAIN, TEST, false);
        assertEquals(4, r.epochs().size());
        assertEquals(4 * 6, r.steps().size());
        assertTrue(r.last().trainLoss() < r.epochs().get(0).meanStepLoss(), r.epochs().toString());
        assertTrue(r.last().testAccuracy() > 0.5, "test accuracy " + r.last().testAccuracy());
        // warm start: plain for the first 25% of 24 steps
        assertFalse(r.steps().get(5).sam());
        assertTrue(r.steps().get(6).sam());
        for (EpochRecord e : r.epochs()) {
            Diagnostics d = e.diagnostics();
            assertTrue(Double.isFinite(d.gradientNorm()) && d.gradientNorm() > 0);
            assertTrue(Double.isFinite(d.perturbedGradientNorm()));
            assertEquals(d.perturbedGradientNorm() / d.gradientNorm(), d.ratio(), 1e-12);
            assertTrue(Math.abs(d.cosine()) <= 1 + 1e-9);
        }
    }

    @Test
    void fullBatchModeTakesOneStepPerEpoch() {
        TrainResult r = new Trainer(config(3).withBatchSize(0), new PlainOptimizer(Sgd.plain(0.1))).train(TRAIN, null, false);
        assertEquals(3, r.steps().size());
        assertTrue(Double.isNaN(r.last().testAccuracy()));
        assertTrue(r.steps().get(2).loss() < r.steps().get(0).loss());
    }

    @Test
    void resumedRunEndsWithTheSameNumbersAsAnUninterruptedOne(@TempDir Path dir) {
        TrainResult whole = new Trainer(config(4), sam()).train(TRAIN, TEST, false);
        Path ck = dir.resolve("run.ckpt");
        TrainConfig c = config(4).withCheckpoint(ck, 1);
        new Trainer(c, sam()).train(TRAIN, TEST, false, 2); // "killed" after 2 epochs
        assertTrue(Files.exists(ck));
        TrainResult resumed = new Trainer(c, sam()).train(TRAIN, TEST, true); // fresh optimizer and network
        assertArrayEquals(whole.network().params().toFloatVector(), resumed.network().params().toFloatVector());
        assertEquals(whole.steps(), resumed.steps());
        for (int i = 0; i < 4; i++) {
            EpochRecord a = whole.epochs().get(i);
            EpochRecord b = resumed.epochs().get(i);
            assertEquals(a.trainLoss(), b.trainLoss(), 0);
            assertEquals(a.testAccuracy(), b.testAccuracy(), 0);
            assertEquals(a.diagnostics(), b.diagnostics());
        }
    }

    @Test
    void augmentationIsSeededResumableAndTheIdentityAugmentationChangesNothing(@TempDir Path dir) {
        float[] plain = new Trainer(config(2), sam()).train(TRAIN, TEST, false).network().params().toFloatVector();
        float[] identity = new Trainer(config(2), sam(), new Augmentation(0, false)).train(TRAIN, TEST, false)
                .network().params().toFloatVector();
        assertArrayEquals(plain, identity);

        TrainResult a = new Trainer(config(4), sam(), Augmentation.CIFAR).train(TRAIN, TEST, false);
        TrainResult b = new Trainer(config(4), sam(), Augmentation.CIFAR).train(TRAIN, TEST, false);
        assertEquals(a.steps(), b.steps());
        assertFalse(java.util.Arrays.equals(plain,
                new Trainer(config(2), sam(), Augmentation.CIFAR).train(TRAIN, TEST, false).network().params().toFloatVector()),
                "crops and flips must change what the network sees");

        Path ck = dir.resolve("aug.ckpt");
        TrainConfig c = config(4).withCheckpoint(ck, 1);
        new Trainer(c, sam(), Augmentation.CIFAR).train(TRAIN, TEST, false, 2);
        TrainResult resumed = new Trainer(c, sam(), Augmentation.CIFAR).train(TRAIN, TEST, true);
        assertArrayEquals(a.network().params().toFloatVector(), resumed.network().params().toFloatVector());
        // a checkpoint of the augmented run does not resume a plain one
        assertThrows(IllegalArgumentException.class, () -> new Trainer(c, sam()).train(TRAIN, TEST, true));
    }

    @Test
    void resumeRefusesAnotherRunsCheckpoint(@TempDir Path dir) {
        Path ck = dir.resolve("run.ckpt");
        new Trainer(config(2).withCheckpoint(ck, 1), sam()).train(TRAIN, null, false, 1);
        Trainer other = new Trainer(config(2).withCheckpoint(ck, 1), new PlainOptimizer(Sgd.plain(0.1)));
        var e = assertThrows(IllegalArgumentException.class, () -> other.train(TRAIN, null, true));
        assertTrue(e.getMessage().contains("another run"), e.getMessage());
    }

    @Test
    void csvHasMetricsAndProvenanceColumns(@TempDir Path dir) throws Exception {
        TrainResult r = new Trainer(config(1), sam()).train(TRAIN, TEST, false);
        Path csv = dir.resolve("out/result.csv");
        r.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(2, lines.size());
        for (String col : List.of("train_accuracy", "test_accuracy", "grad_norm", "grad_norm_perturbed", "grad_ratio",
                "grad_cosine", "lr", "rho", "dataset", "dataset_source", "model", "optimizer", "seed", "samlab_version",
                "git_commit", "jdk", "backend", "date")) {
            assertTrue(lines.get(0).contains(col), col + " missing in " + lines.get(0));
        }
        assertEquals(1 + 6, Files.readAllLines(dir.resolve("out/result-steps.csv")).size());
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(2, files.count()); // no temporary leftovers
        }
    }

    @Test
    void rejectsBadSettings() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TrainConfig(Architecture.MLP, 0, 16, 1, 0, 1, 0.05, 0, null));
        assertTrue(e.getMessage().contains("epochs 0"));
        e = assertThrows(IllegalArgumentException.class, () -> config(2).withBatchSize(-3));
        assertTrue(e.getMessage().contains("-3"));
        ImageDataset other = SyntheticImages.create(10, 4, 1, 4, 4, 0.3, 1);
        e = assertThrows(IllegalArgumentException.class, () -> new Trainer(config(1), sam()).train(TRAIN, other, false));
        assertTrue(e.getMessage().contains("test set"));
    }
}
