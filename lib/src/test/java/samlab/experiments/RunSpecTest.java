package samlab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import samlab.data.ImageDataset;
import samlab.nn.Architecture;
import samlab.train.NetworkLoss;
import samlab.train.SyntheticImages;
import samlab.train.TrainResult;

class RunSpecTest {
    private static final ImageDataset DATA = SyntheticImages.create(30, 3, 1, 4, 4, 0.3, 7);

    @Test
    void oneFullBatchEpochOfSgdIsOneGradientStep() {
        RunSpec spec = RunSpec.fullBatch("sgd", 0.05, 1, 0.3);
        TrainResult r = spec.train(DATA, DATA);
        // independent: same seeded network, one step w - 0.3 grad L(w) on all 30 examples
        ComputationGraph g = Architecture.MLP.build(1, 4, 4, 3, spec.seed());
        NetworkLoss f = new NetworkLoss(g);
        f.setBatch(new samlab.train.Batches(DATA, true).fill(samlab.train.Batches.identity(30), 0, 30));
        f.computeGradient(0, 1);
        INDArray expected = g.params().sub(f.gradient().mul(0.3));
        INDArray actual = r.network().params();
        assertEquals(0.0, expected.sub(actual).norm2Number().doubleValue(), 1e-5 * expected.norm2Number().doubleValue());
        assertEquals(1, r.epochs().size());
    }

    @Test
    void namesMatchTheSweepAndWarmStartDelaysSam() {
        assertEquals("sam-rho2.0-seed1", RunSpec.fullBatch("SAM", 2, 5, 0.5).name());
        assertEquals("sgd-rho0.0-seed1", RunSpec.fullBatch("sgd", 2, 5, 0.5).name());
        TrainResult r = RunSpec.fullBatch("sam", 0.5, 10, 0.1).withWarmStart(0.3).train(DATA, DATA);
        long plain = r.epochs().stream().filter(e -> !e.sam()).count();
        assertEquals(3, plain);
        assertTrue(r.epochs().get(9).diagnostics().gradientNorm() > 0);
    }

    @Test
    void rejectsBadSettings() {
        var e = assertThrows(IllegalArgumentException.class, () -> RunSpec.fullBatch("adamw", 1, 5, 0.1));
        assertTrue(e.getMessage().contains("adamw"));
        assertThrows(IllegalArgumentException.class, () -> RunSpec.fullBatch("sam", 0, 5, 0.1));
        assertThrows(IllegalArgumentException.class, () -> RunSpec.fullBatch("sam", 1, 5, 0.1).withWarmStart(1.0));
        assertThrows(IllegalArgumentException.class, () -> RunSpec.fullBatch("sam", 1, 0, 0.1));
    }
}
