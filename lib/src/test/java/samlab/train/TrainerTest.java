package samlab.train;

import static java.lang.Double.NaN;
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
import tech.tablesaw.api.Table;

class TrainerTest {
    private static final SyntheticImages.Split DATA = SyntheticImages.split(96, 30, 3, 1, 4, 4, 0.3, 1);
    private static final ImageDataset TRAIN = DATA.train();
    /** Held out: none of these images is a training image (see SyntheticImagesTest). */
    private static final ImageDataset TEST = DATA.test();

    private static Optimizer sam() {
        return new Sam(new Sgd(0.05, 0.9, false, 1e-4), SamConfig.sam(0.05), WarmStartSchedule.fraction(0.25));
    }

    private static TrainConfig config(int epochs) {
        return TrainConfig.builder(Architecture.MLP, epochs, 7).batchSize(16).evalSamples(64).evalEvery(1).diagnosticsEvery(1).build();
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
            assertEquals(3, files.count()); // the two tables and the configuration, no temporary leftovers
        }
        RunConfig written = RunConfig.read(dir.resolve("out/result.config"));
        assertEquals(r.config(), written);
        assertEquals("64", written.values().get("eval-samples"));
        assertEquals("1", written.values().get("eval-every"));
        Table t = TrainResult.readCsv(csv);
        assertEquals("ok", t.stringColumn("status").get(0));
        assertEquals(1, t.intColumn("eval_every").get(0));
        assertEquals(64, t.intColumn("eval_samples").get(0));
        assertEquals(30, t.intColumn("test_samples").get(0));
    }

    @Test
    void rejectsBadSettings() {
        var e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.builder(Architecture.MLP, 0, 1).build());
        assertTrue(e.getMessage().contains("epochs 0"));
        e = assertThrows(IllegalArgumentException.class, () -> config(2).withBatchSize(-3));
        assertTrue(e.getMessage().contains("-3"));
        ImageDataset other = SyntheticImages.create(10, 4, 1, 4, 4, 0.3, 1);
        e = assertThrows(IllegalArgumentException.class, () -> new Trainer(config(1), sam()).train(TRAIN, other, false));
        assertTrue(e.getMessage().contains("test set"));
    }

    @Test
    void aNonFiniteLossStopsTheRunAndMarksItDiverged(@TempDir Path dir) {
        // lr 1e6 with the CLI defaults (momentum 0.9, weight decay 5e-4), the issue's `train --lr 1e6`
        TrainResult r = new Trainer(config(3), new PlainOptimizer(new Sgd(1e6, 0.9, false, 5e-4))).train(TRAIN, TEST, false);
        assertTrue(r.diverged(), r.steps().toString());
        Divergence d = r.divergence();
        StepRecord last = r.steps().get(r.steps().size() - 1);
        assertEquals(d.iteration(), last.iteration(), "the run stops at the step that diverged");
        for (StepRecord s : r.steps().subList(0, r.steps().size() - 1)) assertTrue(Double.isFinite(s.loss()));
        assertTrue(r.steps().size() < 3 * 6, "stopped early: " + r.steps().size() + " steps");
        assertEquals(d.epoch(), r.last().epoch());
        // no clamp turns NaN into a finite value: the diverged epoch has no finite train or test loss
        assertTrue(Double.isNaN(r.last().trainLoss()) && Double.isNaN(r.last().testLoss()), r.last().toString());
        Path csv = dir.resolve("div.csv");
        r.writeCsv(csv);
        Table steps = TrainResult.readCsv(new RunFiles(csv).steps());
        assertEquals("diverged", steps.stringColumn("status").get(steps.rowCount() - 1));
        assertEquals(steps.rowCount() - 1, steps.stringColumn("status").isEqualTo("ok").size());
        Table epochs = TrainResult.readCsv(csv);
        assertEquals("diverged", epochs.stringColumn("status").get(epochs.rowCount() - 1));
    }

    @Test
    void evaluationOfANetworkWithNaNOutputsIsNaNNotTheClampedLog() {
        TrainResult r = new Trainer(config(1), sam()).train(TRAIN, null, false);
        var graph = r.network();
        graph.params().assign(Double.NaN);
        double[] e = Trainer.evaluate(graph, new Batches(TRAIN, true), Batches.identity(TRAIN.size()), 16);
        assertTrue(Double.isNaN(e[0]), "loss " + e[0] + " (the old clamp gave -log(1e-30) = 69.0776)");
        assertTrue(Double.isNaN(e[1]));
    }

    @Test
    void resumeNamesTheFirstDifferingSetting(@TempDir Path dir) {
        Path ck = dir.resolve("run.ckpt");
        TrainConfig c = config(2).toBuilder().checkpoint(ck, 1).options(java.util.Map.of("--rho", "0.05", "--x", "1")).build();
        new Trainer(c, sam()).train(TRAIN, TEST, false, 1);
        TrainConfig changed = c.toBuilder().options(java.util.Map.of("--rho", "0.1", "--x", "1")).build();
        var e = assertThrows(IllegalArgumentException.class, () -> new Trainer(changed, sam()).train(TRAIN, TEST, true));
        assertTrue(e.getMessage().contains("--rho 0.05 (checkpoint), 0.1 (this run)"), e.getMessage());
        // settings the caller does not name are compared too: the evaluation subset, the test set
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(c.toBuilder().evalSamples(32).build(), sam()).train(TRAIN, TEST, true));
        assertTrue(e2.getMessage().contains("eval-samples 64 (checkpoint), 32 (this run)"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> new Trainer(c, sam()).train(TRAIN, null, true));
        assertTrue(e3.getMessage().contains("test-data"), e3.getMessage());
        // the Hessian estimates change the records, so they are part of the configuration
        var e4 = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(c.toBuilder().hessian(2, 5).build(), sam()).train(TRAIN, TEST, true));
        assertTrue(e4.getMessage().contains("hessian-every 0 (checkpoint), 2 (this run)"), e4.getMessage());
    }

    @Test
    void aResumedRunWithHessianEstimatesKeepsTheMechanismDiagnostics(@TempDir Path dir) {
        TrainConfig plain = config(3).withHessian(2, 4);
        TrainResult whole = new Trainer(plain, sam()).train(TRAIN, TEST, false);
        Path ck = dir.resolve("run.ckpt");
        TrainConfig c = plain.withCheckpoint(ck, 1);
        new Trainer(c, sam()).train(TRAIN, TEST, false, 1);
        TrainResult resumed = new Trainer(c, sam()).train(TRAIN, TEST, true);
        // λ_max after the first epoch (read back from the checkpoint) and after the second
        assertTrue(Double.isFinite(resumed.epochs().get(0).diagnostics().topEigenvalue()));
        assertTrue(Double.isFinite(resumed.epochs().get(1).diagnostics().perturbedTopEigenvalue()));
        assertTrue(Double.isNaN(resumed.epochs().get(2).diagnostics().topEigenvalue()));
        assertEquals("2", resumed.config().values().get(Trainer.HESSIAN_EVERY));
        assertEquals("4", resumed.config().values().get(Trainer.HESSIAN_ITERATIONS));
        for (int i = 0; i < 3; i++) assertEquals(whole.epochs().get(i).diagnostics(), resumed.epochs().get(i).diagnostics(), "epoch " + i);
    }

    @Test
    void aTruncatedOrForeignCheckpointIsOneClearLine(@TempDir Path dir) throws Exception {
        Path ck = dir.resolve("run.ckpt");
        TrainConfig c = config(2).withCheckpoint(ck, 1);
        new Trainer(c, sam()).train(TRAIN, TEST, false, 1);
        byte[] all = Files.readAllBytes(ck);
        for (int keep : new int[] {all.length / 2, 10, 0}) {
            Files.write(ck, java.util.Arrays.copyOf(all, keep));
            var e = assertThrows(IllegalArgumentException.class, () -> new Trainer(c, sam()).train(TRAIN, TEST, true));
            assertTrue(e.getMessage().startsWith("checkpoint " + ck) && e.getMessage().contains("truncated")
                    && !e.getMessage().contains("\n"), keep + " bytes: " + e.getMessage());
        }
        Files.writeString(ck, "not a checkpoint at all");
        var e = assertThrows(IllegalArgumentException.class, () -> new Trainer(c, sam()).train(TRAIN, TEST, true));
        assertTrue(e.getMessage().contains("not a samlab checkpoint"), e.getMessage());
    }

    @Test
    void checkpointRecordsAreNamedFieldsThatReadBackExactly() {
        List<EpochRecord> epochs = List.of(new EpochRecord(3, 40, 0.1 + 0.2, Double.NaN, 1.0 / 3, Double.POSITIVE_INFINITY,
                -0.0, 0.05, 0.2, true, new Diagnostics(0.2, Math.PI, 1e-300, 4.9e-324, 7, -1, NaN, NaN, NaN, NaN, NaN, NaN, false, false), 12.5));
        String text = Checkpoint.RecordTable.write(EpochRecord.class, epochs);
        assertTrue(text.startsWith("epoch\titeration\tmeanStepLoss\t"), text);
        assertTrue(text.contains("diagnostics.gradientNorm"), text);
        assertEquals(epochs, Checkpoint.RecordTable.read(EpochRecord.class, text, "test"));
        // the mechanism diagnostics (w⁺ loss, |w|, active units, λ_max at w and w⁺) travel too
        List<EpochRecord> study = List.of(new EpochRecord(0, 1, 2, 3, 0.5, 4, 0.25, 0.1, 2.0, true,
                new Diagnostics(2.0, 1.5, 0.3, 0.01, 0.01 / 0.3, 0.9, 1.25, 24.5, 0.75, 0.0625, 17.0, Double.NaN, true, false), 1.0));
        String studyText = Checkpoint.RecordTable.write(EpochRecord.class, study);
        for (String f : List.of("diagnostics.perturbedLoss", "diagnostics.weightNorm", "diagnostics.activeFraction",
                "diagnostics.perturbedActiveFraction", "diagnostics.topEigenvalue", "diagnostics.perturbedTopEigenvalue",
                "diagnostics.topEigenvalueConverged", "diagnostics.perturbedTopEigenvalueConverged")) {
            assertTrue(studyText.contains(f), f + " in " + studyText);
        }
        assertEquals(study, Checkpoint.RecordTable.read(EpochRecord.class, studyText, "test"));
    }

    @Test
    void automaticEvaluationIntervalKeepsEvaluationNearTenPercentOfTheWork() {
        // committed full-batch MNIST: 1,000 images, all evaluated, 1,000 test images, diagnostics with
        // each evaluation: (0.75 * 2000 + 4 * 1000) / 1000 * 9 = 49.5 -> 50 epochs
        assertEquals(50, Trainer.evaluationInterval(1000, 1000, 1000, true));
        // without diagnostics: 0.75 * 2000 / 1000 * 9 = 13.5 -> 14
        assertEquals(14, Trainer.evaluationInterval(1000, 1000, 1000, false));
        // mini-batch MNIST 60k with the defaults (2,000 evaluated, 10,000 test): 17000 * 9 / 60000 = 2.55 -> 3
        assertEquals(3, Trainer.evaluationInterval(60000, 2000, 10000, true));
        assertEquals(1, Trainer.evaluationInterval(60000, 300, 0, false));
        // the share it keeps, by the same count: work / (k * n + work) <= 0.1, and k is the smallest such
        int k = Trainer.evaluationInterval(777, 500, 300, true);
        double work = 0.75 * 800 + 4 * 500;
        assertTrue(work / (k * 777 + work) <= 0.1 && work / ((k - 1) * 777 + work) > 0.1, "k = " + k);
        // evaluated rows: every k-th epoch and the last; the others are empty
        TrainConfig c = config(5).toBuilder().evalEvery(2).diagnosticsEvery(TrainConfig.WITH_EVALUATION).build();
        TrainResult r = new Trainer(c, sam()).train(TRAIN, TEST, false);
        boolean[] expected = {false, true, false, true, true};
        for (int i = 0; i < 5; i++) {
            EpochRecord e = r.epochs().get(i);
            assertEquals(expected[i], Double.isFinite(e.trainLoss()), "epoch " + i);
            assertEquals(expected[i], Double.isFinite(e.testAccuracy()), "epoch " + i);
            assertEquals(expected[i], Double.isFinite(e.diagnostics().gradientNorm()), "epoch " + i);
            assertTrue(Double.isFinite(e.meanStepLoss()));
        }
        // the same steps as a run evaluated every epoch (evaluation does not change the training)
        assertEquals(new Trainer(config(5), sam()).train(TRAIN, TEST, false).steps(), r.steps());
    }

    @Test
    void mSharpnessLargerThanTheLastBatchIsRefusedBeforeTraining() {
        // 96 examples in batches of 40: 40, 40, 16
        Optimizer m17 = new Sam(Sgd.plain(0.1), SamConfig.sam(0.05).withShards(17));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(config(1).withBatchSize(40), m17).train(TRAIN, null, false));
        assertTrue(e.getMessage().contains("--m-sharpness 17") && e.getMessage().contains("the last batch of 96 with batch size 40")
                && e.getMessage().contains("at most 16"), e.getMessage());
        Optimizer m16 = new Sam(Sgd.plain(0.1), SamConfig.sam(0.05).withShards(16));
        assertEquals(3, new Trainer(config(1).withBatchSize(40), m16).train(TRAIN, null, false).steps().size());
    }

    @Test
    void lambdaMaxColumnsSayWhetherTheEstimateConverged() {
        // one power iteration cannot meet the tolerance: the number is a lower bound, flagged false;
        // epochs without an estimate leave the flag empty, like lambda_max itself
        TrainConfig c = config(3).toBuilder().hessian(2, 1).build();
        tech.tablesaw.api.Table t = new Trainer(c, sam()).train(TRAIN, TEST, true).toTable();
        var flag = t.booleanColumn("lambda_max_converged");
        var flagPlus = t.booleanColumn("lambda_max_perturbed_converged");
        for (int e = 0; e < t.rowCount(); e++) {
            boolean estimated = !Double.isNaN(t.doubleColumn("lambda_max").getDouble(e));
            assertEquals(estimated, c.hessianDue(e), "epoch " + e);
            assertEquals(!estimated, flag.isMissing(e), "epoch " + e);
            if (estimated) {
                assertFalse(flag.get(e), "epoch " + e);
                assertFalse(flagPlus.get(e), "epoch " + e);
            }
        }
        assertTrue(t.rowCount() - flag.countMissing() >= 2, "estimates: " + (t.rowCount() - flag.countMissing()));
    }
}
