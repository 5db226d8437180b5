package samlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import samlab.data.ImageDataset;
import samlab.landscape.Perturbation;
import samlab.nn.Architecture;
import samlab.optim.RunSchedule;
import samlab.optim.Sam;
import samlab.optim.SamConfig;
import samlab.optim.Sgd;
import samlab.optim.WarmStartSchedule;

/** Training, its diagnostics and the loss slice share one perturbation rule (the run's ε), and the run's η schedule. */
class RunPerturbationTest {
    /** ρ 0.5, ratio threshold 0.1, minimum ‖∇L‖ 1e-3, all examples in chunks of 16, seed 7; no η, no Hessian. */
    private static HallucinationCheck.Config checkConfig() {
        return new HallucinationCheck.Config(0.5, HallucinationCheck.Thresholds.of(0.1, 1e-3), 0, 16, 7, Double.NaN, 0,
                Perturbation.DEFAULT);
    }


    private static final ImageDataset TRAIN = SyntheticImages.create(96, 3, 1, 4, 4, 0.3, 1);

    /**
     * A run with ε = 0.7 (large, so that it shows): the epoch diagnostics equal a separate check with
     * w⁺ = w + ρ g/(‖g‖ + 0.7) on the trained network, and differ from the default-ε check.
     */
    @Test
    void diagnosticsUseTheRunsEpsilon() {
        double eps = 0.7;
        Sam sam = new Sam(new Sgd(0.05, 0.9, false, 0), SamConfig.sam(0.5).withEpsilon(eps), WarmStartSchedule.none());
        TrainConfig config = TrainConfig.builder(Architecture.MLP, 2, 7).batchSize(16).evalSamples(0).evalEvery(1).diagnosticsEvery(1).build();
        TrainResult r = new Trainer(config, sam).train(TRAIN, null, false);
        Diagnostics d = r.last().diagnostics();
        assertEquals(0.5, d.rho(), 0);
        var check = HallucinationCheck.run(r.network(), true, TRAIN,
                checkConfig().withPerturbation(Perturbation.normalised(eps)));
        assertEquals(check.diagnostics().gradientNorm(), d.gradientNorm(), 1e-6 * d.gradientNorm());
        assertEquals(check.diagnostics().perturbedGradientNorm(), d.perturbedGradientNorm(), 1e-6 * d.perturbedGradientNorm());
        var exact = HallucinationCheck.run(r.network(), true, TRAIN, checkConfig());
        assertTrue(Math.abs(exact.diagnostics().perturbedGradientNorm() - d.perturbedGradientNorm()) > 1e-3 * d.perturbedGradientNorm(),
                exact.diagnostics() + " vs " + d);
    }

    /** The check's w⁺ is its perturbation's: set by hand, w + ρ g/(‖g‖ + ε). */
    @Test
    void checkAndSliceMeasureAtThePerturbationsPoint() {
        ComputationGraph g = Architecture.MLP.build(1, 4, 4, 3, 3);
        INDArray before = g.params().dup();
        NetworkLoss f = new NetworkLoss(g);
        f.setBatch(new Batches(TRAIN, true).fill(Batches.identity(96), 0, 96));
        f.computeGradient(0, 1);
        INDArray grad = f.gradient().dup();
        double norm = grad.norm2Number().doubleValue();
        double rho = 0.8, eps = norm; // ‖e‖ = ρ/2
        g.params().addi(grad.mul(rho / (norm + eps)));
        double lossPlus = f.computeGradient(0, 1);
        double normPlus = f.gradient().norm2Number().doubleValue();
        g.params().assign(before);

        Perturbation half = Perturbation.normalised(eps);
        var check = HallucinationCheck.run(g, true, TRAIN, HallucinationCheck.Config.of(rho).withPerturbation(half));
        assertEquals(normPlus, check.diagnostics().perturbedGradientNorm(), 1e-4 * normPlus);
        LossSlice.Result s = LossSlice.through(g, true, TRAIN, half, rho, new double[] {0, 1}, 96);
        assertEquals(lossPlus, s.loss()[1], 1e-5);
        assertEquals(rho / 2, s.perturbationNorm(), 1e-6);
        assertEquals(rho / 2 * norm, s.slopeAtZero(), 1e-6 * norm);
        assertEquals(before, g.params());
    }

    /**
     * Cosine η from 0.05 to 0 over 4 epochs of 6 steps: epoch e records η at its last step t = 6e + 5,
     * 0.025·(1 + cos(π t/24)); the schedule is part of the optimizer's description (the CSV's
     * optimizer column).
     */
    @Test
    void epochRecordsTheScheduledLearningRate() {
        var base = new Sgd(RunSchedule.cosine(0.05, 0), 0.9, false, 0);
        TrainConfig config = TrainConfig.builder(Architecture.MLP, 4, 7).batchSize(16).evalSamples(64).evalEvery(1).diagnosticsEvery(0).build();
        TrainResult r = new Trainer(config, new samlab.optim.PlainOptimizer(base)).train(TRAIN, null, false);
        for (int e = 0; e < 4; e++) {
            assertEquals(0.025 * (1 + Math.cos(Math.PI * (6 * e + 5) / 24)), r.epochs().get(e).learningRate(), 1e-15, "epoch " + e);
        }
        assertEquals("sgd(lr=cosine(0.05->0.0),momentum=0.9)", r.provenance().optimizer());
    }
}
