package samlab.train;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 */
public final class Trainer {
    private final TrainConfig config;
    private final Optimizer optimizer;
    private final Augmentation augmentation;
    /** Keeps the augmentation choices of step t apart from the shuffling of epoch t (same seed). */
    private static final long AUGMENTATION_STREAM = 0x5a4d_a06dL;

    public Trainer(TrainConfig config, Optimizer optimizer) {
        this(config, optimizer, null);
    }

    /**
     * A trainer that augments each training batch (e.g. {@link Augmentation#CIFAR}: pad 4, crop,
     * flip). The random choices of step t come from a seeded stream indexed by t, so a
     * resumed run sees the same augmented batches; diagnostics and evaluation use the plain images.
     * A null augmentation trains on the images as they are.
     */
    public Trainer(TrainConfig config, Optimizer optimizer, Augmentation augmentation) {
        this.config = Objects.requireNonNull(config, "config");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.augmentation = augmentation;
    }

    /** Trains all epochs; with {@code resume}, continues from the checkpoint if there is one. */
    public TrainResult train(ImageDataset train, ImageDataset test, boolean resume) {
        return train(train, test, resume, config.epochs());
    }

    /**
     * Trains up to (not including) epoch {@code stopBefore} and writes a checkpoint if the run is not
     * finished, so that a later call with {@code resume} continues it (training in sessions).
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
        if (config.checkpoint() != null) samlab.io.AtomicFiles.checkWritable(config.checkpoint());
        boolean flat = config.model().flatInput();
        ComputationGraph graph = config.model().build(train.channels(), train.height(), train.width(),
                train.classes().size(), config.seed());
        NetworkLoss objective = new NetworkLoss(graph);
        int n = train.size();
        int batch = config.batchSize() == 0 ? n : Math.min(config.batchSize(), n);
        long stepsPerEpoch = (n + batch - 1) / batch;
        optimizer.start(RunLength.ofEpochs(config.epochs(), stepsPerEpoch));
        // diagnostics measure at the run's own w⁺ rule (its ε)
        Perturbation diagnosticRule = optimizer instanceof Sam s ? s.config().diagnosticPerturbation() : Perturbation.DEFAULT;
        NetworkInputs batches = new NetworkInputs(train, flat);
        int[] evalRows = HallucinationCheck.probeRows(n, config.evalSamples(), config.seed());
        NetworkInputs probeBatches = new NetworkInputs(train, flat);
        GradientProbe probe = new GradientProbe(objective, probeBatches, evalRows, batch);
        String key = runKey(train);
        Provenance provenance = Provenance.capture(train.name(), train.source(), config.model().id(),
                optimizer.describe(), config.seed());

        List<EpochRecord> epochs = new ArrayList<>();
        List<StepRecord> steps = new ArrayList<>();
        int startEpoch = 0;
        long iteration = 0;
        if (resume && config.checkpoint() != null && Files.exists(config.checkpoint())) {
            Checkpoint c = Checkpoint.read(config.checkpoint());
            if (!c.runKey().equals(key)) {
                throw new IllegalArgumentException("checkpoint " + config.checkpoint() + " belongs to another run ("
                        + c.runKey() + "); this run is " + key);
            }
            objective.parameters().assign(c.params());
            optimizer.base().loadState(c.optimizerState());
            startEpoch = c.nextEpoch();
            iteration = c.iteration();
            epochs.addAll(c.epochs());
            steps.addAll(c.steps());
        }
        NativeMemory memory = new NativeMemory();
        for (int epoch = startEpoch; epoch < stopBefore; epoch++) {
            long t0 = System.nanoTime();
            int[] order = batch == n ? NetworkInputs.identity(n) : SeededRandom.epochOrder(n, config.seed(), epoch);
            double lossSum = 0;
            Optimizer.StepReport last = null;
            try (Progress p = ProgressSink.current().start(String.format(Locale.ROOT, "epoch %d/%d", epoch + 1,
                    config.epochs()), stepsPerEpoch)) {
                for (int from = 0; from < n; from += batch) {
                    INDArray[] b = augmentation == null ? batches.fill(order, from, Math.min(n, from + batch))
                            : batches.fill(order, from, Math.min(n, from + batch), augmentation,
                                    SeededRandom.derived(config.seed() ^ AUGMENTATION_STREAM, iteration));
                    objective.setBatch(b[0], b[1]);
                    last = optimizer.step(objective, iteration);
                    steps.add(new StepRecord(iteration, epoch, last.loss(), last.rho(), last.sam()));
                    lossSum += last.loss();
                    iteration++;
                    memory.collectIfDue();
                    p.advance(1);
                    p.status(String.format(Locale.ROOT, "loss %.4f", last.loss()));
                }
            }
            double[] trainEval = evaluate(graph, probeBatches, evalRows, batch);
            double[] testEval = test == null ? new double[] {Double.NaN, Double.NaN}
                    : evaluate(graph, new NetworkInputs(test, flat), NetworkInputs.identity(test.size()), Math.max(batch, 256));
            Diagnostics d = Diagnostics.NONE;
            if (config.diagnosticsDue(epoch)) {
                double rho = last.sam() && last.rho() > 0 ? last.rho() : config.probeRho();
                d = HallucinationCheck.measureAll(objective, probe, diagnosticRule, rho,
                        config.hessianDue(epoch) ? config.hessianIterations() : 0).diagnostics();
            }
            epochs.add(new EpochRecord(epoch, iteration, lossSum / stepsPerEpoch, trainEval[0], trainEval[1],
                    testEval[0], testEval[1], optimizer.base().learningRate(iteration - 1), last.rho(), last.sam(), d,
                    (System.nanoTime() - t0) / 1e9));
            boolean due = config.checkpointEvery() > 0 && (epoch + 1) % config.checkpointEvery() == 0;
            boolean pausing = epoch + 1 == stopBefore && stopBefore < config.epochs();
            if (config.checkpoint() != null && (due || pausing)) {
                new Checkpoint(key, epoch + 1, iteration, objective.parameters().dup(), optimizer.base().state(),
                        epochs, steps).write(config.checkpoint());
            }
        }
        return new TrainResult(epochs, steps, provenance, graph);
    }

    /** Identifies a run for checkpoint matching. */
    private String runKey(ImageDataset train) {
        return config.model().id() + "|" + optimizer.describe() + "|seed=" + config.seed() + "|batch=" + config.batchSize()
                + "|epochs=" + config.epochs() + "|data=" + train.name() + ":" + train.size()
                + (optimizer instanceof Sam s ? "|warm=" + s.warmStart() : "")
                + (augmentation == null ? "" : "|augment=" + augmentation);
    }

    /** {mean cross-entropy, accuracy} in inference mode over {@code rows}. */
    static double[] evaluate(ComputationGraph graph, NetworkInputs batches, int[] rows, int chunk) {
        double loss = 0;
        long correct = 0;
        for (int from = 0; from < rows.length; from += chunk) {
            int to = Math.min(rows.length, from + chunk);
            INDArray[] b = batches.fill(rows, from, to);
            INDArray probs = graph.output(false, b[0])[0];
            INDArray picked = probs.mul(b[1]).sum(1);
            loss -= Transforms.log(Transforms.max(picked, 1e-30, false), false).sumNumber().doubleValue();
            INDArray predicted = probs.argMax(1);
            INDArray truth = b[1].argMax(1);
            correct += predicted.eq(truth).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
        }
        return new double[] {loss / rows.length, (double) correct / rows.length};
    }
}
