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
 * @param optimizer         sgd, sam, usam or asam (case-insensitive; stored in lower case)
 * @param rho               the SAM radius ρ &gt; 0 (also the diagnostics' probe radius of an sgd run)
 * @param warmStart         plain fraction of the steps before SAM switches on, in [0, 1) (the
 *                          warm start of Park, Jang, Ryu and Yang, arXiv:2509.21818)
 * @param model             the network
 * @param epochs            epochs, ≥ 1
 * @param batch             examples per step, 0 = full batch (gradient descent)
 * @param learningRate      the step size η &gt; 0
 * @param seed              seed of initialisation and shuffling
 * @param diagnosticsEvery  epochs between the ‖∇L(w)‖, ‖∇L(w⁺)‖ measurements, ≥ 1
 * @param hessianEvery      epochs between λ_max estimates, ≥ 0 (0 = never)
 */
public record RunSpec(String optimizer, double rho, double warmStart, Architecture model, int epochs, int batch,
                      double learningRate, long seed, int diagnosticsEvery, int hessianEvery) {
    /**
     * Without Hessian estimates ({@code hessianEvery = 0}).
     *
     * @throws NullPointerException     if {@code optimizer} or {@code model} is null
     * @throws IllegalArgumentException as the canonical constructor
     */
    public RunSpec(String optimizer, double rho, double warmStart, Architecture model, int epochs, int batch,
                   double learningRate, long seed, int diagnosticsEvery) {
        this(optimizer, rho, warmStart, model, epochs, batch, learningRate, seed, diagnosticsEvery, 0);
    }

    /**
     * Checks the ranges given in the record's description.
     *
     * @throws NullPointerException     if {@code optimizer} or {@code model} is null
     * @throws IllegalArgumentException if {@code optimizer} is none of sgd, sam, usam, asam; {@code rho}
     *     or {@code learningRate} is not a finite number &gt; 0; {@code warmStart} is not in [0, 1);
     *     {@code diagnosticsEvery < 1}; {@code hessianEvery < 0}; {@code epochs < 1}; or {@code batch < 0}
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

    /**
     * Full-batch gradient descent (sgd) or SAM-family run of the MLP, no warm start, seed 1,
     * diagnostics every epoch.
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static RunSpec fullBatch(String optimizer, double rho, int epochs, double learningRate) {
        return new RunSpec(optimizer, rho, 0, Architecture.MLP, epochs, 0, learningRate, 1, 1);
    }

    /**
     * @param fraction plain share of the steps, in [0, 1)
     * @return this run with that warm start
     * @throws IllegalArgumentException if {@code fraction} is not in [0, 1)
     */
    public RunSpec withWarmStart(double fraction) {
        return new RunSpec(optimizer, rho, fraction, model, epochs, batch, learningRate, seed, diagnosticsEvery, hessianEvery);
    }

    /**
     * @param size examples per step, 0 = full batch
     * @return this run with that batch size
     * @throws IllegalArgumentException if {@code size < 0}
     */
    public RunSpec withBatch(int size) {
        return new RunSpec(optimizer, rho, warmStart, model, epochs, size, learningRate, seed, diagnosticsEvery, hessianEvery);
    }

    /**
     * @param every epochs between gradient-norm diagnostics, ≥ 1
     * @return this run with that interval
     * @throws IllegalArgumentException if {@code every < 1}
     */
    public RunSpec withDiagnosticsEvery(int every) {
        return new RunSpec(optimizer, rho, warmStart, model, epochs, batch, learningRate, seed, every, hessianEvery);
    }

    /**
     * This run with λ_max estimates after the first epoch and every {@code every} epochs (0 = none).
     *
     * @throws IllegalArgumentException if {@code every < 0}
     */
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
