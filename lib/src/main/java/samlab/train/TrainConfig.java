package samlab.train;

import java.nio.file.Path;
import java.util.Objects;
import samlab.nn.Architecture;

/**
 * A training run's settings.
 *
 * @param batchSize         examples per step; 0 means full batch (gradient descent on the whole set)
 * @param evalSamples       size of the fixed, seeded training subset on which train loss/accuracy
 *                          and the hallucination diagnostics are computed (0 = the whole set)
 * @param diagnosticsEvery  compute ‖∇L(w)‖, ‖∇L(w⁺)‖, ratio, cosine every this many epochs (0 = never)
 * @param probeRho          ρ for the diagnostics while the optimizer is not perturbing (plain runs,
 *                          warm-start phase); SAM runs use their current ρ
 * @param checkpointEvery   write a checkpoint every this many epochs (0 = only when a run stops early)
 * @param checkpoint        checkpoint file, or null for none
 * @param hessianEvery      also estimate the top Hessian eigenvalue at w and w⁺ (and the diagnostics
 *                          with it) after the first epoch and every this many epochs (0 = never)
 * @param hessianIterations power iterations per eigenvalue estimate (2 probe gradients each)
 */
public record TrainConfig(Architecture model, int epochs, int batchSize, long seed, int evalSamples,
                          int diagnosticsEvery, double probeRho, int checkpointEvery, Path checkpoint,
                          int hessianEvery, int hessianIterations) {
    /** Power iterations per λ_max estimate unless set: enough for 1e-3 relative change on the MNIST MLP. */
    public static final int DEFAULT_HESSIAN_ITERATIONS = 20;

    /** Without Hessian estimates. */
    public TrainConfig(Architecture model, int epochs, int batchSize, long seed, int evalSamples,
                       int diagnosticsEvery, double probeRho, int checkpointEvery, Path checkpoint) {
        this(model, epochs, batchSize, seed, evalSamples, diagnosticsEvery, probeRho, checkpointEvery, checkpoint, 0,
                DEFAULT_HESSIAN_ITERATIONS);
    }

    public TrainConfig {
        Objects.requireNonNull(model, "model");
        if (epochs < 1) throw new IllegalArgumentException("epochs " + epochs + " must be >= 1");
        if (batchSize < 0) throw new IllegalArgumentException("batch size " + batchSize + " must be >= 1, or 0 for full batch");
        if (evalSamples < 0) throw new IllegalArgumentException("eval samples " + evalSamples + " must be >= 0 (0 = all)");
        if (diagnosticsEvery < 0) throw new IllegalArgumentException("diagnostics interval " + diagnosticsEvery + " must be >= 0");
        if (!(probeRho > 0) || !Double.isFinite(probeRho)) {
            throw new IllegalArgumentException("probe rho " + probeRho + " must be positive and finite");
        }
        if (checkpointEvery < 0) throw new IllegalArgumentException("checkpoint interval " + checkpointEvery + " must be >= 0");
        if (hessianEvery < 0) throw new IllegalArgumentException("Hessian interval " + hessianEvery + " must be >= 0 (0 = never)");
        if (hessianIterations < 1) throw new IllegalArgumentException("Hessian iterations " + hessianIterations + " must be >= 1");
    }

    /** Whether epoch {@code epoch} (0-based) gets a λ_max estimate: the first epoch and every {@code hessianEvery}-th. */
    public boolean hessianDue(int epoch) {
        return hessianEvery > 0 && (epoch == 0 || (epoch + 1) % hessianEvery == 0);
    }

    /** Whether epoch {@code epoch} (0-based) gets the gradient diagnostics (always with a λ_max estimate). */
    public boolean diagnosticsDue(int epoch) {
        return (diagnosticsEvery > 0 && (epoch + 1) % diagnosticsEvery == 0) || hessianDue(epoch);
    }

    public TrainConfig withHessian(int every, int iterations) {
        return new TrainConfig(model, epochs, batchSize, seed, evalSamples, diagnosticsEvery, probeRho, checkpointEvery,
                checkpoint, every, iterations);
    }

    /** Defaults for quick runs: batch 128, diagnostics every epoch on 2,000 examples, ρ probe 0.05, no checkpoints. */
    public static TrainConfig of(Architecture model, int epochs, long seed) {
        return new TrainConfig(model, epochs, 128, seed, 2000, 1, 0.05, 0, null);
    }

    public TrainConfig withBatchSize(int batch) {
        return new TrainConfig(model, epochs, batch, seed, evalSamples, diagnosticsEvery, probeRho, checkpointEvery, checkpoint, hessianEvery, hessianIterations);
    }

    public TrainConfig withEvalSamples(int samples) {
        return new TrainConfig(model, epochs, batchSize, seed, samples, diagnosticsEvery, probeRho, checkpointEvery, checkpoint, hessianEvery, hessianIterations);
    }

    public TrainConfig withCheckpoint(Path file, int every) {
        return new TrainConfig(model, epochs, batchSize, seed, evalSamples, diagnosticsEvery, probeRho, every, file, hessianEvery, hessianIterations);
    }

    public TrainConfig withDiagnosticsEvery(int every) {
        return new TrainConfig(model, epochs, batchSize, seed, evalSamples, every, probeRho, checkpointEvery, checkpoint, hessianEvery, hessianIterations);
    }
}
