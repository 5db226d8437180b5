package samlab.experiments;

import java.util.Locale;
import java.util.Objects;
import samlab.data.ImageDataset;
import samlab.nn.Architecture;
import samlab.optim.Optimizer;
import samlab.optim.PlainOptimizer;
import samlab.optim.Sam;
import samlab.optim.SamConfig;
import samlab.optim.Sgd;
import samlab.optim.WarmStartSchedule;
import samlab.progress.ProgressSink;
import samlab.train.TrainConfig;
import samlab.train.TrainResult;
import samlab.train.Trainer;

/**
 * One run of the empirical notebooks in one line: plain (momentum-free, no weight decay) gradient
 * steps as the base, optionally wrapped by SAM, USAM or ASAM with radius ρ after a plain warm-start
 * fraction; diagnostics on the whole training set. The same settings as the committed
 * {@code samlab sweep} runs (see each results README), so a notebook can recompute a small version.
 *
 * @param optimizer         sgd, sam, usam or asam
 * @param batch             examples per step, 0 = full batch (gradient descent)
 * @param diagnosticsEvery  epochs between the ‖∇L(w)‖, ‖∇L(w⁺)‖ measurements
 */
public record RunSpec(String optimizer, double rho, double warmStart, Architecture model, int epochs, int batch,
                      double learningRate, long seed, int diagnosticsEvery, int hessianEvery) {
    /**
     * Without Hessian estimates.
     *
     * @throws NullPointerException     if {@code optimizer} or {@code model} is null
     * @throws IllegalArgumentException as the canonical constructor
     */
    public RunSpec(String optimizer, double rho, double warmStart, Architecture model, int epochs, int batch,
                   double learningRate, long seed, int diagnosticsEvery) {
        this(optimizer, rho, warmStart, model, epochs, batch, learningRate, seed, diagnosticsEvery, 0);
    }

    /**
     * @throws NullPointerException     if {@code optimizer} or {@code model} is null
     * @throws IllegalArgumentException if {@code optimizer} is not sgd, sam, usam or asam (any case);
     *         {@code rho} or {@code learningRate} is not a finite number &gt; 0; {@code warmStart} is not
     *         in [0, 1); {@code diagnosticsEvery} is below 1; {@code hessianEvery} is negative; or
     *         {@code epochs} is below 1 or {@code batch} negative
     */
    public RunSpec {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(model, "model");
        optimizer = optimizer.toLowerCase(Locale.ROOT);
        if (!java.util.List.of("sgd", "sam", "usam", "asam").contains(optimizer)) {
            throw new IllegalArgumentException("optimizer '" + optimizer + "' is unknown; allowed: sgd, sam, usam, asam");
        }
        if (!(rho > 0) || !Double.isFinite(rho)) throw new IllegalArgumentException("rho " + rho + " must be positive and finite");
        if (!(warmStart >= 0 && warmStart < 1)) throw new IllegalArgumentException("warm-start fraction " + warmStart + " must be in [0, 1)");
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate " + learningRate + " must be positive and finite");
        }
        if (diagnosticsEvery < 1) throw new IllegalArgumentException("diagnostics interval " + diagnosticsEvery + " must be >= 1");
        if (hessianEvery < 0) throw new IllegalArgumentException("Hessian interval " + hessianEvery + " must be >= 0 (0 = never)");
        config(model, epochs, batch, seed, diagnosticsEvery, rho, hessianEvery); // checks epochs and batch
    }

    /** Full-batch gradient descent (sgd) or SAM-family run of the MLP, no warm start, diagnostics every epoch. */
    public static RunSpec fullBatch(String optimizer, double rho, int epochs, double learningRate) {
        return new RunSpec(optimizer, rho, 0, Architecture.MLP, epochs, 0, learningRate, 1, 1);
    }

    public RunSpec withWarmStart(double fraction) {
        return new RunSpec(optimizer, rho, fraction, model, epochs, batch, learningRate, seed, diagnosticsEvery, hessianEvery);
    }

    public RunSpec withBatch(int size) {
        return new RunSpec(optimizer, rho, warmStart, model, epochs, size, learningRate, seed, diagnosticsEvery, hessianEvery);
    }

    public RunSpec withDiagnosticsEvery(int every) {
        return new RunSpec(optimizer, rho, warmStart, model, epochs, batch, learningRate, seed, every, hessianEvery);
    }

    /** This run with λ_max estimates after the first epoch and every {@code every} epochs (0 = none). */
    public RunSpec withHessianEvery(int every) {
        return new RunSpec(optimizer, rho, warmStart, model, epochs, batch, learningRate, seed, diagnosticsEvery, every);
    }

    /** This run with another seed (initialisation and shuffling). */
    public RunSpec withSeed(long s) {
        return new RunSpec(optimizer, rho, warmStart, model, epochs, batch, learningRate, s, diagnosticsEvery, hessianEvery);
    }

    /** The run's name as {@code samlab sweep} writes it, e.g. {@code sam-rho2.0-seed1} (plain runs: rho0.0). */
    public String name() {
        return new RunName(optimizer, optimizer.equals("sgd") ? 0.0 : rho, seed).toString();
    }

    /** The optimizer: plain steps {@code w ← w − η∇L}, or SAM/USAM/ASAM around them. */
    public Optimizer build() {
        Sgd base = new Sgd(learningRate, 0, false, 0);
        if (optimizer.equals("sgd")) return new PlainOptimizer(base);
        SamConfig.Variant v = SamConfig.Variant.valueOf(optimizer.toUpperCase(Locale.ROOT));
        return new Sam(base, SamConfig.of(v, rho), WarmStartSchedule.fraction(warmStart));
    }

    /**
     * Trains from scratch, reporting no progress; diagnostics on the whole training set with probe radius ρ.
     *
     * @throws IllegalArgumentException as {@link #train(ImageDataset, ImageDataset, ProgressSink)}
     */
    public TrainResult train(ImageDataset train, ImageDataset test) {
        return train(train, test, ProgressSink.silent());
    }

    /**
     * Trains from scratch; diagnostics on the whole training set with probe radius ρ.
     *
     * @param progress receives one bar per epoch (e.g. {@code Course.progress()} in a notebook)
     * @throws IllegalArgumentException if the training set is empty, the test set's shape differs
     *         from it, or the m-sharpness shards outnumber the examples of the smallest batch
     */
    public TrainResult train(ImageDataset train, ImageDataset test, ProgressSink progress) {
        return new Trainer(config(model, epochs, batch, seed, diagnosticsEvery, rho, hessianEvery), build())
                .withProgress(progress).train(train, test, false);
    }

    /** Evaluation every epoch (the committed runs' schedule) on the whole training and test sets. */
    private static TrainConfig config(Architecture model, int epochs, int batch, long seed, int diagnosticsEvery, double rho,
                                      int hessianEvery) {
        return TrainConfig.builder(model, epochs, seed).batchSize(batch).evalSamples(0).evalEvery(1)
                .diagnosticsEvery(diagnosticsEvery).probeRho(rho)
                .hessian(hessianEvery, TrainConfig.DEFAULT_HESSIAN_ITERATIONS).build();
    }
}
