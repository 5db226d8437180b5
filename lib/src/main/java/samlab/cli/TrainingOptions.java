package samlab.cli;

import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import samlab.data.Datasets;
import samlab.data.ImageDataset;
import samlab.data.KnownDataset;
import samlab.data.Split;
import samlab.data.Subsets;
import samlab.nn.Architecture;
import samlab.optim.Adam;
import samlab.optim.BaseOptimizer;
import samlab.optim.Optimizer;
import samlab.optim.PlainOptimizer;
import samlab.optim.RhoSchedule;
import samlab.optim.RunSchedule;
import samlab.optim.Sam;
import samlab.optim.SamConfig;
import samlab.optim.Sgd;
import samlab.optim.WarmStartSchedule;
import samlab.train.SyntheticImages;
import samlab.train.TrainConfig;

/** Options shared by {@code train} and {@code sweep}: data, model, base optimizer, SAM settings, schedule. */
final class TrainingOptions {
    @Option(names = "--dataset", defaultValue = "synthetic",
            description = "Dataset name (default: ${DEFAULT-VALUE}). 'synthetic' is built in; others come from samlab.data.")
    String dataset;

    @Option(names = "--synthetic-size", defaultValue = "2000", description = "Examples in the synthetic set (default: ${DEFAULT-VALUE}).")
    int syntheticSize;

    @Option(names = "--augment", defaultValue = "none",
            description = "Training augmentation: none, or cifar (pad 4, random crop, horizontal flip) (default: ${DEFAULT-VALUE}).")
    String augment;

    /** The training augmentation named by --augment, or null for none. */
    samlab.data.Augmentation augmentation() {
        return switch (augment) {
            case "none" -> null;
            case "cifar" -> samlab.data.Augmentation.CIFAR;
            default -> throw new IllegalArgumentException("--augment " + augment + " is unknown; allowed: none, cifar");
        };
    }

    @Option(names = "--model", defaultValue = "mlp", description = "mlp, resnet20, resnet18 or smallcnn (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "Batch size; 0 = full batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--base", defaultValue = "sgd", description = "Base optimizer: sgd or adam (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--lr", defaultValue = "0.1", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--lr-schedule", defaultValue = "constant",
            description = "Learning rate over the run: constant, cosine (from --lr to --lr-floor over all steps) "
                    + "or step (x --lr-gamma every --lr-step-epochs epochs) (default: ${DEFAULT-VALUE}).")
    String lrSchedule;

    @Option(names = "--lr-floor", defaultValue = "0", description = "Final learning rate of --lr-schedule cosine (default: ${DEFAULT-VALUE}).")
    double lrFloor;

    @Option(names = "--lr-gamma", defaultValue = "0.1", description = "Factor of --lr-schedule step (default: ${DEFAULT-VALUE}).")
    double lrGamma;

    @Option(names = "--lr-step-epochs", defaultValue = "0", description = "Epochs between the factors of --lr-schedule step (required with it).")
    int lrStepEpochs;

    /** The learning rate over the run from --lr and --lr-schedule; refuses parameters of another schedule. */
    RunSchedule learningRate(CommandSpec command) {
        if (!(lr > 0) || !Double.isFinite(lr)) throw new IllegalArgumentException("--lr " + lr + "; allowed: a finite number > 0");
        String kind = lrSchedule.toLowerCase(Locale.ROOT);
        if (!java.util.List.of("constant", "cosine", "step").contains(kind)) {
            throw new IllegalArgumentException("--lr-schedule " + lrSchedule + " is unknown; allowed: constant, cosine, step");
        }
        refuseUnless(command, kind.equals("cosine"), "--lr-schedule cosine", "--lr-floor");
        refuseUnless(command, kind.equals("step"), "--lr-schedule step", "--lr-gamma", "--lr-step-epochs");
        return switch (kind) {
            case "cosine" -> RunSchedule.cosine(lr, lrFloor);
            case "step" -> {
                if (lrStepEpochs < 1) throw new IllegalArgumentException("--lr-schedule step needs --lr-step-epochs K >= 1, not " + lrStepEpochs);
                yield RunSchedule.step(lr, lrGamma, lrStepEpochs);
            }
            default -> RunSchedule.constant(lr);
        };
    }

    /**
     * Refuses SAM-only options (ρ, its schedule, the warm start, ε) when no optimizer of the command
     * is a SAM variant: with --optimizer sgd they would be silently ignored.
     */
    static void refuseSamOptions(CommandSpec command, boolean samUsed) {
        refuseUnless(command, samUsed, "a SAM optimizer (sam, usam, asam); --optimizer sgd has no rho",
                "--rho", "--rhos", "--rho-final", "--warm-start", "--warm-start-epochs", "--epsilon");
    }

    /** Throws naming the first of {@code names} given on the command line unless {@code applies}. */
    private static void refuseUnless(CommandSpec command, boolean applies, String needs, String... names) {
        if (applies || command == null) return;
        picocli.CommandLine.ParseResult parsed = command.commandLine().getParseResult();
        if (parsed == null) return;
        for (String name : names) {
            if (parsed.hasMatchedOption(name)) throw new IllegalArgumentException(name + " applies only with " + needs);
        }
    }

    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--nesterov", description = "Nesterov momentum for SGD.")
    boolean nesterov;

    @Option(names = "--weight-decay", defaultValue = "5e-4",
            description = "Weight decay in the base optimizer: coupled L2 for SGD, decoupled for Adam (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--rho-final", description = "If set, rho moves linearly from --rho to this value over the run.")
    Double rhoFinal;

    @Option(names = "--epsilon", defaultValue = "" + samlab.landscape.Perturbation.DEFAULT_EPSILON, description = "SAM normalisation guard: e = rho g/(|g| + epsilon); "
            + "0 = exact normalisation, e = 0 at g = 0 (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--asam-eta", defaultValue = "0.01", description = "ASAM: T = |w| + eta on weights (default: ${DEFAULT-VALUE}).")
    double asamEta;

    @Option(names = "--m-sharpness", defaultValue = "1", description = "Shards with their own perturbation (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--bn-second-pass", description = "Let the second (perturbed) pass set the BatchNorm running statistics "
            + "(default: keep the first pass's).")
    boolean bnSecondPass;

    @Option(names = "--warm-start", defaultValue = "0",
            description = "Fraction of iterations with the plain base optimizer before SAM starts; the paper uses 0.1 (default: ${DEFAULT-VALUE}).")
    double warmStart;

    @Option(names = "--warm-start-epochs", defaultValue = "0", description = "Plain epochs before SAM (overrides --warm-start).")
    int warmStartEpochs;

    @Option(names = "--eval-samples", defaultValue = "2000",
            description = "Fixed training subset for train accuracy and gradient diagnostics; 0 = all (default: ${DEFAULT-VALUE}).")
    int evalSamples;

    @Option(names = "--diagnostics-every", defaultValue = "1", description = "Epochs between diagnostics; 0 = never (default: ${DEFAULT-VALUE}).")
    int diagnosticsEvery;

    @Option(names = "--probe-rho", defaultValue = "0.05", description = "rho of the diagnostics for non-SAM steps (default: ${DEFAULT-VALUE}).")
    double probeRho;

    @Option(names = "--hessian-every", defaultValue = "0",
            description = "Also estimate the top Hessian eigenvalue at w and w+ after the first epoch and every N epochs; 0 = never (default: ${DEFAULT-VALUE}).")
    int hessianEvery;

    @Option(names = "--hessian-iterations", defaultValue = "20",
            description = "Power iterations per top-eigenvalue estimate, 2 probe gradients each (default: ${DEFAULT-VALUE}).")
    int hessianIterations;

    @Option(names = "--checkpoint-every", defaultValue = "1", description = "Epochs between checkpoints (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    Architecture architecture() {
        return Architecture.parse(model);
    }

    @Option(names = "--train-per-class", defaultValue = "0",
            description = "Training images per class, a seeded subset; 0 = all (default: ${DEFAULT-VALUE}).")
    int trainPerClass;

    @Option(names = "--test-per-class", defaultValue = "0",
            description = "Test images per class, a seeded subset; 0 = all (default: ${DEFAULT-VALUE}).")
    int testPerClass;

    /**
     * The training and test sets: 'synthetic' is built in; other names are the datasets of
     * samlab.data (mnist, fashion-mnist, cifar10, ...) loaded from the configured data directory.
     */
    ImageDataset[] datasets(long seed) {
        if (trainPerClass < 0 || testPerClass < 0) {
            throw new IllegalArgumentException("images per class must be >= 0 (0 = all), not "
                    + (trainPerClass < 0 ? trainPerClass : testPerClass));
        }
        if (dataset.equalsIgnoreCase("synthetic")) {
            Architecture a = architecture();
            int c = a == Architecture.MLP ? 1 : 3;
            int hw = a == Architecture.MLP ? 28 : 32;
            return new ImageDataset[] {SyntheticImages.create(syntheticSize, 10, c, hw, hw, 0.5, 1000 + seed),
                    SyntheticImages.create(Math.max(10, syntheticSize / 5), 10, c, hw, hw, 0.5, 1000 + seed)};
        }
        KnownDataset known;
        try {
            known = KnownDataset.byId(dataset);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dataset '" + dataset + "' is unknown; allowed: synthetic, " + KnownDataset.ids());
        }
        ImageDataset train = Datasets.load(known, Split.TRAIN);
        ImageDataset test = Datasets.load(known, Split.TEST);
        // The subset seed is fixed (not the run seed) so that every run of a sweep sees the same images.
        if (trainPerClass > 0) train = Subsets.perClass(train, trainPerClass, 0);
        if (testPerClass > 0) test = Subsets.perClass(test, testPerClass, 1);
        return new ImageDataset[] {train, test};
    }

    BaseOptimizer baseOptimizer(CommandSpec command) {
        RunSchedule rate = learningRate(command);
        return switch (base.toLowerCase(Locale.ROOT)) {
            case "sgd" -> new Sgd(rate, momentum, nesterov && momentum > 0, weightDecay);
            case "adam" -> new Adam(rate, 0.9, 0.999, 1e-8, weightDecay);
            default -> throw new IllegalArgumentException("base optimizer '" + base + "' is unknown; allowed: sgd, adam");
        };
    }

    /**
     * "sgd" (the base alone), or "sam", "usam", "asam" wrapping it; {@code command} (may be null) is
     * the parsed command, for the options that apply only to some choices.
     */
    Optimizer optimizer(String kind, double rho, CommandSpec command) {
        String k = kind.toLowerCase(Locale.ROOT);
        if (k.equals("sgd") || k.equals("base") || k.equals("plain")) return new PlainOptimizer(baseOptimizer(command));
        SamConfig.Variant v = switch (k) {
            case "sam" -> SamConfig.Variant.SAM;
            case "usam" -> SamConfig.Variant.USAM;
            case "asam" -> SamConfig.Variant.ASAM;
            default -> throw new IllegalArgumentException("optimizer '" + kind + "' is unknown; allowed: sgd, sam, usam, asam");
        };
        RunSchedule schedule = rhoFinal == null ? RhoSchedule.constant(rho) : RhoSchedule.linear(rho, rhoFinal);
        SamConfig c = new SamConfig(v, schedule, epsilon, asamEta, false, shards, bnSecondPass);
        WarmStartSchedule w = warmStartEpochs > 0 ? WarmStartSchedule.epochs(warmStartEpochs) : WarmStartSchedule.fraction(warmStart);
        return new Sam(baseOptimizer(command), c, w);
    }

    TrainConfig trainConfig(long seed, java.nio.file.Path checkpoint) {
        return new TrainConfig(architecture(), epochs, batch, seed, evalSamples, diagnosticsEvery, probeRho,
                checkpointEvery, checkpoint, hessianEvery, hessianIterations);
    }
}
