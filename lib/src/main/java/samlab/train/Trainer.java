package samlab.train;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import samlab.data.Augmentation;
import samlab.data.ImageDataset;
import samlab.data.SeededRandom;
import samlab.landscape.Perturbation;
import samlab.optim.Optimizer;
import samlab.optim.RunLength;
import samlab.optim.Sam;
import samlab.progress.Progress;
import samlab.progress.ProgressSink;

/**
 * Trains a network with an {@link Optimizer} on an {@link ImageDataset}: seeded initialisation and
 * shuffling, per-step and per-epoch records with the hallucination diagnostics, checkpoints, and
 * resume that ends with the same numbers as an uninterrupted run.
 *
 * <p>The loop is {@link #train(ImageDataset, ImageDataset, boolean, int)}: the steps of an epoch
 * (each checked for a non-finite loss or parameters), then the epoch's measurements on fixed
 * subsets (train/test loss and accuracy every {@code evalEvery} epochs, the hallucination
 * diagnostics), with progress, native-memory collection and checkpoints as listeners. The first step
 * whose loss or resulting parameters are not finite ends the run ({@link TrainResult#divergence()});
 * nothing turns a NaN into a finite number. Every run records its complete {@link RunConfig}.
 */
public final class Trainer {
    /** Names of the trainer's own settings in a {@link RunConfig} (the caller's options come first). */
    static final String MODEL = "model", OPTIMIZER = "optimizer", SEED = "seed", BATCH = "batch", EPOCHS = "epochs",
            TRAIN_DATA = "train-data", TEST_DATA = "test-data", AUGMENTATION = "augmentation",
            RHO = "rho-schedule", EVAL_EVERY = "eval-every", EVAL_ROWS = "eval-samples", TEST_ROWS = "test-samples",
            DIAGNOSTICS_EVERY = "diagnostics-every", PROBE_RHO = "probe-rho",
            HESSIAN_EVERY = "hessian-every", HESSIAN_ITERATIONS = "hessian-iterations";
    /** Evaluation and diagnostics are kept to at most this share of a run's work by the automatic interval. */
    public static final double EVALUATION_SHARE = 0.1;
    /**
     * Cost of evaluating one example (inference forward pass, loss and accuracy) in forward-backward
     * passes, and of the diagnostics per evaluated example (two gradients, nominally 2): calibrated so
     * that the automatic interval keeps the share at or below {@link #EVALUATION_SHARE} on the
     * committed full-batch MNIST setting, where a 200-step run measured evaluation plus diagnostics at
     * about 4.7 plain steps of 1,000 examples (EvaluationCostBench, see the README).
     */
    public static final double FORWARD_COST = 0.75;
    /** See {@link #FORWARD_COST}. */
    public static final double DIAGNOSTICS_COST = 4;

    private final TrainConfig config;
    private final Optimizer optimizer;
    private final Augmentation augmentation;
    private final ProgressSink progress;
    /** Keeps the augmentation choices of step t apart from the shuffling of epoch t (same seed). */
    private static final long AUGMENTATION_STREAM = 0x5a4d_a06dL;

    /**
     * A trainer without augmentation that reports no progress ({@link #withProgress}).
     *
     * @throws NullPointerException if {@code config} or {@code optimizer} is null
     */
    public Trainer(TrainConfig config, Optimizer optimizer) {
        this(config, optimizer, null);
    }

    /**
     * A trainer that augments each training batch (e.g. {@link Augmentation#CIFAR}: pad 4, crop,
     * flip). The random choices of step t come from a seeded stream indexed by t, so a
     * resumed run sees the same augmented batches; diagnostics and evaluation use the plain images.
     * A null augmentation trains on the images as they are. Reports no progress ({@link #withProgress}).
     *
     * @throws NullPointerException if {@code config} or {@code optimizer} is null
     */
    public Trainer(TrainConfig config, Optimizer optimizer, Augmentation augmentation) {
        this(config, optimizer, augmentation, ProgressSink.silent());
    }

    private Trainer(TrainConfig config, Optimizer optimizer, Augmentation augmentation, ProgressSink progress) {
        this.config = Objects.requireNonNull(config, "config");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.augmentation = augmentation;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * This trainer reporting to {@code progress}: one bar per epoch ("epoch 3/30", one unit per
     * step, the last step's loss as its status).
     *
     * @throws NullPointerException if {@code progress} is null
     */
    public Trainer withProgress(ProgressSink progress) {
        return new Trainer(config, optimizer, augmentation, progress);
    }

    /**
     * The epoch (counted from 0, as in the run's tables) that a resumed run would start with, read from
     * the checkpoint's header without loading its arrays.
     *
     * @param checkpoint a checkpoint file written by a run
     * @return the next epoch, or empty if the file does not exist or is not a readable checkpoint
     */
    public static java.util.OptionalInt resumesAtEpoch(java.nio.file.Path checkpoint) {
        return Checkpoint.nextEpoch(checkpoint);
    }

    /**
     * Trains all epochs; with {@code resume}, continues from the checkpoint if there is one.
     *
     * @throws IllegalArgumentException if the training set is empty, the test set's shape differs,
     *         the m-sharpness shards outnumber the examples of the smallest batch, the checkpoint
     *         file is not writable, or the checkpoint to resume from belongs to a run with another
     *         configuration or is unreadable
     */
    public TrainResult train(ImageDataset train, ImageDataset test, boolean resume) {
        return train(train, test, resume, config.epochs());
    }

    /**
     * Trains up to (not including) epoch {@code stopBefore} and writes a checkpoint if the run is not
     * finished, so that a later call with {@code resume} continues it (training in sessions).
     *
     * @throws IllegalArgumentException if the training set is empty, the test set's shape differs,
     *         {@code stopBefore} is outside [1, epochs], the m-sharpness shards outnumber the
     *         examples of the smallest batch, the checkpoint file is not writable, or the checkpoint to resume from belongs to a run with
     *         another configuration (the message names the first differing setting) or is unreadable
     * @throws NullPointerException if {@code train} is null
     */
    public TrainResult train(ImageDataset train, ImageDataset test, boolean resume, int stopBefore) {
        Objects.requireNonNull(train, "train");
        if (train.size() == 0) throw new IllegalArgumentException("training set " + train.name() + " is empty");
        if (stopBefore < 1 || stopBefore > config.epochs()) {
            throw new IllegalArgumentException("stop epoch " + stopBefore + " must be in [1, " + config.epochs() + "]");
        }
        if (test != null && (test.imageSize() != train.imageSize() || test.classes().size() != train.classes().size())) {
            throw new IllegalArgumentException("test set " + test.name() + " does not match the training set's shape/classes");
        }
        Plan plan = plan(train, test);
        checkShards(optimizer, train.size(), plan.batch);
        if (config.checkpoint() != null) samlab.io.AtomicFiles.checkWritable(config.checkpoint());
        optimizer.start(RunLength.ofEpochs(config.epochs(), plan.stepsPerEpoch));
        RunState run = new RunState(train, test, plan);
        if (resume && config.checkpoint() != null && Files.exists(config.checkpoint())) run.resume(Checkpoint.read(config.checkpoint()));
        List<TrainingListener> listeners = List.of(new ProgressListener(), new NativeMemory(), new Checkpoints(stopBefore));
        for (int epoch = run.nextEpoch; epoch < stopBefore && run.divergence == null; epoch++) {
            long t0 = System.nanoTime();
            int from = run.steps.size();
            for (TrainingListener l : listeners) l.onEpochStart(epoch, plan.stepsPerEpoch);
            try {
                run.divergence = runEpoch(run, epoch, listeners);
            } finally {
                for (TrainingListener l : listeners) l.onStepsEnd(epoch);
            }
            List<StepRecord> epochSteps = run.steps.subList(from, run.steps.size());
            StepRecord last = epochSteps.get(epochSteps.size() - 1);
            double lossSum = 0;
            for (StepRecord s : epochSteps) lossSum += s.loss();
            // a diverged epoch keeps its (non-finite) mean step loss; nothing is measured on the broken network
            Evaluation.Measured m = run.divergence == null ? run.evaluation.measure(epoch, last) : Evaluation.Measured.NONE;
            long steps = run.divergence == null ? plan.stepsPerEpoch : epochSteps.size();
            run.epochs.add(new EpochRecord(epoch, run.iteration, lossSum / steps, m.train()[0], m.train()[1],
                    m.test()[0], m.test()[1], optimizer.base().learningRate(last.iteration()), last.rho(), last.sam(), m.diagnostics(),
                    (System.nanoTime() - t0) / 1e9));
            for (TrainingListener l : listeners) l.onEpochEnd(run, epoch);
        }
        return new TrainResult(run.epochs, run.steps, run.provenance, run.graph, run.config, run.divergence);
    }

    /** Everything one call of {@link #train} works on: the network, its inputs, the records so far, the position. */
    final class RunState {
        final ComputationGraph graph;
        final NetworkLoss objective;
        final Batches batches;
        final Evaluation evaluation;
        final Plan plan;
        final RunConfig config;
        final Provenance provenance;
        final List<EpochRecord> epochs = new ArrayList<>();
        final List<StepRecord> steps = new ArrayList<>();
        int nextEpoch;
        long iteration;
        Divergence divergence;

        RunState(ImageDataset train, ImageDataset test, Plan plan) {
            boolean flat = Trainer.this.config.model().flatInput();
            graph = Trainer.this.config.model().build(train.channels(), train.height(), train.width(),
                    train.classes().size(), Trainer.this.config.seed());
            objective = new NetworkLoss(graph);
            batches = new Batches(train, flat);
            this.plan = plan;
            evaluation = new Evaluation(graph, objective, train, test, flat, plan);
            config = runConfig(train, test);
            provenance = Provenance.capture(train.name(), train.source(), Trainer.this.config.model().id(),
                    optimizer.describe(), Trainer.this.config.seed());
        }

        /** Continues from {@code c} if it is a checkpoint of this very run (same configuration). */
        void resume(Checkpoint c) {
            c.config().firstDifference(config).ifPresent(d -> {
                throw new IllegalArgumentException("checkpoint " + Trainer.this.config.checkpoint() + " belongs to another run: "
                        + d.describe("checkpoint", "this run"));
            });
            objective.parameters().assign(c.params());
            optimizer.base().loadState(c.optimizerState());
            nextEpoch = c.nextEpoch();
            iteration = c.iteration();
            epochs.addAll(c.epochs());
            steps.addAll(c.steps());
        }
    }

    /**
     * The steps of one epoch; appends a {@link StepRecord} per step and advances the iteration.
     * Returns the divergence if a step's loss or the parameters after it are not finite (that step is
     * the last one recorded), else null.
     */
    private Divergence runEpoch(RunState run, int epoch, List<TrainingListener> listeners) {
        int n = run.batches.data().size();
        int batch = run.plan.batch;
        int[] order = batch == n ? Batches.identity(n) : SeededRandom.epochOrder(n, config.seed(), epoch);
        for (int from = 0; from < n; from += batch) {
            long t = run.iteration;
            Batch b = augmentation == null ? run.batches.fill(order, from, Math.min(n, from + batch))
                    : run.batches.fill(order, from, Math.min(n, from + batch), augmentation,
                            SeededRandom.derived(config.seed() ^ AUGMENTATION_STREAM, t));
            run.objective.setBatch(b);
            Optimizer.StepReport report = optimizer.step(run.objective, t);
            StepRecord step = new StepRecord(t, epoch, report.loss(), report.rho(), report.sam());
            run.steps.add(step);
            run.iteration++;
            String bad = !Double.isFinite(report.loss()) ? "loss " + report.loss()
                    : !Double.isFinite(run.objective.parameters().sumNumber().doubleValue()) ? "parameters not finite after the step"
                    : null;
            if (bad != null) return new Divergence(t, epoch, bad);
            for (TrainingListener l : listeners) l.onStep(step);
        }
        return null;
    }

    /** A progress bar per epoch with the last step loss. */
    private final class ProgressListener implements TrainingListener {
        private Progress bar;

        @Override
        public void onEpochStart(int epoch, long steps) {
            bar = progress.start(String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, config.epochs()), steps);
        }

        @Override
        public void onStep(StepRecord step) {
            bar.advance(1);
            bar.status(String.format(Locale.ROOT, "loss %.4f", step.loss()));
        }

        @Override
        public void onStepsEnd(int epoch) {
            bar.close();
        }
    }

    /** Every {@code checkpointEvery} epochs, and when pausing before the last, unless the run diverged. */
    private final class Checkpoints implements TrainingListener {
        private final int stopBefore;

        Checkpoints(int stopBefore) {
            this.stopBefore = stopBefore;
        }

        @Override
        public void onEpochEnd(RunState run, int epoch) {
            boolean due = config.checkpointEvery() > 0 && (epoch + 1) % config.checkpointEvery() == 0;
            boolean pausing = epoch + 1 == stopBefore && stopBefore < config.epochs();
            if (config.checkpoint() != null && run.divergence == null && (due || pausing)) {
                new Checkpoint(run.config, epoch + 1, run.iteration, run.objective.parameters().dup(), optimizer.base().state(),
                        run.epochs, run.steps).write(config.checkpoint());
            }
        }
    }

    /**
     * The configuration stored in a checkpoint (to decide whether it belongs to a run before resuming it).
     *
     * @throws IllegalArgumentException if the file is missing, truncated, corrupt or not a checkpoint
     */
    public static RunConfig checkpointConfig(java.nio.file.Path checkpoint) {
        return Checkpoint.read(checkpoint).config();
    }

    /** The m-sharpness shards must each get an example of every batch, the last (partial) one included. */
    /**
     * @throws IllegalArgumentException if {@code optimizer} is SAM with more m-sharpness shards than the
     *         smallest batch (the last, partial one included) has examples: a shard would be empty
     */
    public static void checkShards(Optimizer optimizer, int n, int batchSize) {
        int batch = batchSize == 0 ? n : Math.min(batchSize, n);
        if (!(optimizer instanceof Sam s)) return;
        int shards = s.config().shards();
        int smallest = n % batch == 0 ? batch : n % batch;
        if (shards > smallest) {
            throw new IllegalArgumentException("--m-sharpness " + shards + " is larger than the smallest batch ("
                    + smallest + (smallest == batch ? " examples" : " examples: the last batch of " + n + " with batch size " + batch)
                    + "); allowed: at most " + smallest);
        }
    }

    /**
     * The automatic evaluation interval (epochs): the smallest k for which evaluating once every k
     * epochs costs at most {@link #EVALUATION_SHARE} of the work, counted in example passes — an
     * epoch of plain steps is {@code n} forward-backward passes (SAM's are twice that, so its share
     * is about half), an evaluation is a forward pass over the evaluation and test rows, counted as
     * {@link #FORWARD_COST} of a forward-backward pass, and diagnostics add two gradients over the
     * evaluation rows, counted as {@link #DIAGNOSTICS_COST} passes per row.
     *
     * @param n           training examples, ≥ 1
     * @param evalRows    training rows evaluated
     * @param testRows    test rows evaluated (0 without a test set)
     * @param diagnostics whether each evaluation also computes the diagnostics
     * @return k ≥ 1
     */
    public static int evaluationInterval(int n, int evalRows, int testRows, boolean diagnostics) {
        double work = FORWARD_COST * (evalRows + testRows) + (diagnostics ? DIAGNOSTICS_COST * evalRows : 0);
        double k = (1 - EVALUATION_SHARE) / EVALUATION_SHARE * work / n;
        return (int) Math.max(1, Math.ceil(k - 1e-9));
    }

    /**
     * The complete configuration this trainer records for a run on {@code train}/{@code test} (and
     * compares with a checkpoint's on resume): the caller's {@link TrainConfig#options()}, then the
     * model, optimizer, ρ schedule, seed, batch, epochs, data, augmentation and the evaluation plan.
     *
     * @throws IllegalArgumentException if the training set is empty
     */
    public RunConfig runConfig(ImageDataset train, ImageDataset test) {
        Plan p = plan(train, test);
        Map<String, String> m = new LinkedHashMap<>(config.options());
        m.put(MODEL, config.model().id());
        m.put(OPTIMIZER, optimizer.describe());
        if (optimizer instanceof Sam s) {
            long total = p.stepsPerEpoch * config.epochs();
            samlab.optim.Schedule rho = s.config().rho().forRun(RunLength.ofEpochs(config.epochs(), p.stepsPerEpoch));
            m.put(RHO, rho.at(0) + ".." + rho.at(total - 1));
        }
        m.put(SEED, Long.toString(config.seed()));
        m.put(BATCH, Integer.toString(config.batchSize()));
        m.put(EPOCHS, Integer.toString(config.epochs()));
        m.put(TRAIN_DATA, train.name() + ":" + train.size() + ":" + train.source());
        m.put(TEST_DATA, test == null ? "none" : test.name() + ":" + test.size() + ":" + test.source());
        m.put(AUGMENTATION, String.valueOf(augmentation));
        m.put(EVAL_EVERY, Integer.toString(p.every));
        m.put(EVAL_ROWS, Integer.toString(p.trainRows.length));
        m.put(TEST_ROWS, Integer.toString(p.testRows == null ? 0 : p.testRows.length));
        m.put(DIAGNOSTICS_EVERY, p.withEvaluation ? "with evaluation" : Integer.toString(config.diagnosticsEvery()));
        m.put(PROBE_RHO, Double.toString(config.probeRho()));
        m.put(HESSIAN_EVERY, Integer.toString(config.hessianEvery()));
        if (config.hessianEvery() > 0) m.put(HESSIAN_ITERATIONS, Integer.toString(config.hessianIterations()));
        return new RunConfig(m);
    }

    /**
     * Which rows are evaluated and when: fixed seeded subsets of the training and test sets, the
     * evaluation interval (resolved if automatic) and whether diagnostics go with each evaluation.
     */
    private record Plan(int batch, long stepsPerEpoch, int[] trainRows, int[] testRows, int every, boolean withEvaluation) {}

    private Plan plan(ImageDataset train, ImageDataset test) {
        int n = train.size();
        if (n == 0) throw new IllegalArgumentException("training set " + train.name() + " is empty");
        int batch = config.batchSize() == 0 ? n : Math.min(config.batchSize(), n);
        int[] trainRows = HallucinationCheck.probeRows(n, config.evalSamples(), config.seed());
        // the test subset has its own stream: the same seed would pick the same positions
        int[] testRows = test == null ? null : HallucinationCheck.probeRows(test.size(), config.testSamples(), config.seed() + 1);
        boolean withEvaluation = config.diagnosticsEvery() == TrainConfig.WITH_EVALUATION;
        int every = config.evalEvery() != TrainConfig.AUTO ? config.evalEvery()
                : evaluationInterval(n, trainRows.length, testRows == null ? 0 : testRows.length, withEvaluation);
        return new Plan(batch, (n + batch - 1) / batch, trainRows, testRows, every, withEvaluation);
    }

    /**
     * The end-of-epoch measurements on fixed, seeded subsets: train and test loss/accuracy (inference
     * mode) at the evaluation epochs (every {@code every} and the last), and the hallucination
     * diagnostics at the diagnostics epochs; NaN (an empty CSV cell) where not measured.
     */
    private final class Evaluation {
        final ComputationGraph graph;
        final NetworkLoss objective;
        final Batches trainInputs;
        final Batches testInputs;
        final Plan plan;
        final GradientProbe probe;
        final Perturbation diagnosticRule;

        Evaluation(ComputationGraph graph, NetworkLoss objective, ImageDataset train, ImageDataset test, boolean flat, Plan plan) {
            this.graph = graph;
            this.objective = objective;
            this.plan = plan;
            trainInputs = new Batches(train, flat);
            probe = new GradientProbe(objective, trainInputs, plan.trainRows, plan.batch);
            // diagnostics measure at the run's own w⁺ rule (its ε)
            diagnosticRule = optimizer instanceof Sam s ? s.config().diagnosticPerturbation() : Perturbation.DEFAULT;
            testInputs = test == null ? null : new Batches(test, flat);
        }

        record Measured(double[] train, double[] test, Diagnostics diagnostics) {
            static final Measured NONE = new Measured(new double[] {Double.NaN, Double.NaN},
                    new double[] {Double.NaN, Double.NaN}, Diagnostics.NONE);
        }

        Measured measure(int epoch, StepRecord last) {
            double[] none = {Double.NaN, Double.NaN};
            boolean evaluate = (epoch + 1) % plan.every == 0 || epoch + 1 == config.epochs();
            double[] trainEval = evaluate ? evaluate(graph, trainInputs, plan.trainRows, plan.batch) : none;
            double[] testEval = evaluate && testInputs != null
                    ? evaluate(graph, testInputs, plan.testRows, Math.max(plan.batch, 256)) : none;
            int d = config.diagnosticsEvery();
            // a λ_max estimate always comes with the diagnostics (TrainConfig#hessianDue)
            boolean hessian = config.hessianDue(epoch);
            boolean diagnose = (plan.withEvaluation ? evaluate : d > 0 && (epoch + 1) % d == 0) || hessian;
            Diagnostics diagnostics = Diagnostics.NONE;
            if (diagnose) {
                double rho = last.sam() && last.rho() > 0 ? last.rho() : config.probeRho();
                diagnostics = HallucinationCheck.measureAll(objective, probe, diagnosticRule, rho,
                        hessian ? config.hessianIterations() : 0).diagnostics();
            }
            return new Measured(trainEval, testEval, diagnostics);
        }
    }

    /**
     * {mean cross-entropy, accuracy} in inference mode over {@code rows}; both NaN if the network's
     * outputs are not finite (a probability of exactly 0 for the true class counts as 1e-30).
     */
    static double[] evaluate(ComputationGraph graph, Batches batches, int[] rows, int chunk) {
        double loss = 0;
        long correct = 0;
        for (int from = 0; from < rows.length; from += chunk) {
            int to = Math.min(rows.length, from + chunk);
            Batch b = batches.fill(rows, from, to);
            INDArray probs = graph.output(false, b.features())[0];
            INDArray picked = probs.mul(b.labels()).sum(1);
            // NaN * 0 is NaN: any non-finite output of a row shows in its picked sum
            if (!Double.isFinite(picked.sumNumber().doubleValue())) return new double[] {Double.NaN, Double.NaN};
            loss -= Transforms.log(Transforms.max(picked, 1e-30, false), false).sumNumber().doubleValue();
            INDArray predicted = probs.argMax(1);
            INDArray truth = b.labels().argMax(1);
            correct += predicted.eq(truth).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
        }
        return new double[] {loss / rows.length, (double) correct / rows.length};
    }
}
