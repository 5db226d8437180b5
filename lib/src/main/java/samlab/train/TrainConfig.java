package samlab.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import samlab.nn.Architecture;

/**
 * A training run's settings; build one with {@link #builder(Architecture, int, long)} (the defaults
 * live there and in the {@code DEFAULT_*} constants the command line reads).
 *
 * @param epochs            passes over the training set, ≥ 1
 * @param batchSize         examples per step; 0 means full batch (gradient descent on the whole set)
 * @param evalSamples       size of the fixed, seeded training subset on which train loss/accuracy
 *                          and the hallucination diagnostics are computed (0 = the whole set)
 * @param testSamples       size of the fixed, seeded test subset for test loss/accuracy (0 = the whole set)
 * @param evalEvery         evaluate (train/test loss and accuracy) every this many epochs and at the
 *                          last epoch; {@link #AUTO} picks the interval that keeps evaluation and
 *                          diagnostics at about 10% of the run's work ({@link Trainer#evaluationInterval})
 * @param diagnosticsEvery  compute ‖∇L(w)‖, ‖∇L(w⁺)‖, ratio, cosine every this many epochs (0 = never,
 *                          {@link #WITH_EVALUATION} = at every evaluation)
 * @param probeRho          ρ for the diagnostics while the optimizer is not perturbing (plain runs,
 *                          warm-start phase); SAM runs use their current ρ
 * @param checkpointEvery   write a checkpoint every this many epochs (0 = only when a run stops early)
 * @param checkpoint        checkpoint file, or null for none
 * @param hessianEvery      also estimate the top Hessian eigenvalue at w and w⁺ (and the diagnostics
 *                          with it) after the first epoch and every this many epochs (0 = never)
 * @param hessianIterations power iterations per eigenvalue estimate (2 probe gradients each)
 * @param options           the caller's own description of the run (e.g. the command-line options
 *                          by name), stored in the run's configuration and compared on resume; may be
 *                          empty; kept sorted by name
 */
public record TrainConfig(Architecture model, int epochs, int batchSize, long seed, int evalSamples, int testSamples,
                          int evalEvery, int diagnosticsEvery, double probeRho, int checkpointEvery, Path checkpoint,
                          int hessianEvery, int hessianIterations, Map<String, String> options) {
    /** {@code evalEvery}: choose the interval from the run's sizes (about 10% of the work). */
    public static final int AUTO = 0;
    /** {@code diagnosticsEvery}: at every evaluation. */
    public static final int WITH_EVALUATION = -1;

    public static final int DEFAULT_BATCH = 128;
    public static final int DEFAULT_EVAL_SAMPLES = 2000;
    public static final int DEFAULT_TEST_SAMPLES = 0;
    public static final double DEFAULT_PROBE_RHO = 0.05;
    /** Power iterations per λ_max estimate unless set: enough for 1e-3 relative change on the MNIST MLP. */
    public static final int DEFAULT_HESSIAN_ITERATIONS = 20;

    /**
     * @throws NullPointerException     if {@code model} or {@code options} is null
     * @throws IllegalArgumentException if {@code epochs} is below 1; {@code batchSize}, {@code evalSamples},
     *         {@code testSamples}, {@code evalEvery}, {@code checkpointEvery} or {@code hessianEvery} is
     *         negative; {@code diagnosticsEvery} is below {@link #WITH_EVALUATION}; {@code probeRho} is
     *         not a finite number &gt; 0; or {@code hessianIterations} is below 1
     */
    public TrainConfig {
        Objects.requireNonNull(model, "model");
        if (epochs < 1) throw new IllegalArgumentException("epochs " + epochs + " must be >= 1");
        if (batchSize < 0) throw new IllegalArgumentException("batch size " + batchSize + " must be >= 1, or 0 for full batch");
        if (evalSamples < 0) throw new IllegalArgumentException("eval samples " + evalSamples + " must be >= 0 (0 = all)");
        if (testSamples < 0) throw new IllegalArgumentException("test samples " + testSamples + " must be >= 0 (0 = all)");
        if (evalEvery < 0) throw new IllegalArgumentException("evaluation interval " + evalEvery + " must be >= 1 (0 = auto)");
        if (diagnosticsEvery < WITH_EVALUATION) {
            throw new IllegalArgumentException("diagnostics interval " + diagnosticsEvery + " must be >= 0 (0 = never)");
        }
        if (!(probeRho > 0) || !Double.isFinite(probeRho)) {
            throw new IllegalArgumentException("probe rho " + probeRho + " must be positive and finite");
        }
        if (checkpointEvery < 0) throw new IllegalArgumentException("checkpoint interval " + checkpointEvery + " must be >= 0");
        if (hessianEvery < 0) throw new IllegalArgumentException("Hessian interval " + hessianEvery + " must be >= 0 (0 = never)");
        if (hessianIterations < 1) throw new IllegalArgumentException("Hessian iterations " + hessianIterations + " must be >= 1");
        options = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(Objects.requireNonNull(options, "options")));
    }

    /** Whether epoch {@code epoch} (0-based) gets a λ_max estimate: the first epoch and every {@code hessianEvery}-th. */
    public boolean hessianDue(int epoch) {
        return hessianEvery > 0 && (epoch == 0 || (epoch + 1) % hessianEvery == 0);
    }

    public TrainConfig withHessian(int every, int iterations) {
        return toBuilder().hessian(every, iterations).build();
    }

    /** Defaults for quick runs: batch 128, evaluation and diagnostics every epoch on 2,000 examples, ρ probe 0.05, no checkpoints. */
    public static TrainConfig of(Architecture model, int epochs, long seed) {
        return builder(model, epochs, seed).evalEvery(1).diagnosticsEvery(1).build();
    }

    /**
     * A builder with the defaults: batch {@value #DEFAULT_BATCH}, {@value #DEFAULT_EVAL_SAMPLES}
     * evaluation examples, the whole test set, automatic evaluation interval with diagnostics at each
     * evaluation, probe ρ {@value #DEFAULT_PROBE_RHO}, no checkpoints.
     */
    public static Builder builder(Architecture model, int epochs, long seed) {
        return new Builder(model, epochs, seed);
    }

    /** A builder holding this config's settings. */
    public Builder toBuilder() {
        Builder b = new Builder(model, epochs, seed);
        b.batchSize = batchSize;
        b.evalSamples = evalSamples;
        b.testSamples = testSamples;
        b.evalEvery = evalEvery;
        b.diagnosticsEvery = diagnosticsEvery;
        b.probeRho = probeRho;
        b.checkpointEvery = checkpointEvery;
        b.checkpoint = checkpoint;
        b.hessianEvery = hessianEvery;
        b.hessianIterations = hessianIterations;
        b.options = options;
        return b;
    }

    public TrainConfig withBatchSize(int batch) {
        return toBuilder().batchSize(batch).build();
    }

    public TrainConfig withEvalSamples(int samples) {
        return toBuilder().evalSamples(samples).build();
    }

    public TrainConfig withCheckpoint(Path file, int every) {
        return toBuilder().checkpoint(file, every).build();
    }

    public TrainConfig withDiagnosticsEvery(int every) {
        return toBuilder().diagnosticsEvery(every).build();
    }

    /** Mutable settings; {@link #build()} checks them (see the record's parameters). */
    public static final class Builder {
        private final Architecture model;
        private final int epochs;
        private final long seed;
        private int batchSize = DEFAULT_BATCH;
        private int evalSamples = DEFAULT_EVAL_SAMPLES;
        private int testSamples = DEFAULT_TEST_SAMPLES;
        private int evalEvery = AUTO;
        private int diagnosticsEvery = WITH_EVALUATION;
        private double probeRho = DEFAULT_PROBE_RHO;
        private int checkpointEvery;
        private Path checkpoint;
        private int hessianEvery;
        private int hessianIterations = DEFAULT_HESSIAN_ITERATIONS;
        private Map<String, String> options = Map.of();

        private Builder(Architecture model, int epochs, long seed) {
            this.model = model;
            this.epochs = epochs;
            this.seed = seed;
        }

        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder evalSamples(int v) { evalSamples = v; return this; }
        public Builder testSamples(int v) { testSamples = v; return this; }
        public Builder evalEvery(int v) { evalEvery = v; return this; }
        public Builder diagnosticsEvery(int v) { diagnosticsEvery = v; return this; }
        public Builder probeRho(double v) { probeRho = v; return this; }
        public Builder checkpoint(Path file, int every) { checkpoint = file; checkpointEvery = every; return this; }
        /** λ_max estimates (with the diagnostics) after the first epoch and every {@code every} epochs (0 = never), {@code iterations} power iterations each. */
        public Builder hessian(int every, int iterations) { hessianEvery = every; hessianIterations = iterations; return this; }
        public Builder options(Map<String, String> v) { options = v; return this; }

        /** @throws IllegalArgumentException if a setting is out of range (see the record's parameters) */
        public TrainConfig build() {
            return new TrainConfig(model, epochs, batchSize, seed, evalSamples, testSamples, evalEvery, diagnosticsEvery,
                    probeRho, checkpointEvery, checkpoint, hessianEvery, hessianIterations, options);
        }
    }
}
