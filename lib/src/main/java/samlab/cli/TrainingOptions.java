package samlab.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import samlab.data.DataDirectory;
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
import samlab.progress.ProgressSink;
import samlab.train.SyntheticImages;
import samlab.train.TrainConfig;

/** Options shared by {@code train} and {@code sweep}: data, model, base optimizer, SAM settings, schedule. */
final class TrainingOptions {
    static final String AUTO = "auto";
    static final String WITH_EVALUATION = "eval";
    /**
     * Options that do not shape a run's numbers (where files go, how often to checkpoint, the grid of a
     * sweep, which is replaced by one run's values): left out of the run's configuration.
     */
    private static final Set<String> NOT_IDENTITY = Set.of("--out", "--checkpoint", "--resume", "--checkpoint-every",
            "--dir", "--redo-changed", "--data-dir", "--optimizers", "--rhos", "--seeds");

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

    @Option(names = "--batch", defaultValue = "" + TrainConfig.DEFAULT_BATCH, description = "Batch size; 0 = full batch (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--asam-eta", defaultValue = "" + SamConfig.DEFAULT_ASAM_ETA, description = "ASAM: T = |w| + eta on weights (default: ${DEFAULT-VALUE}).")
    double asamEta;

    @Option(names = "--m-sharpness", defaultValue = "1", description = "Shards with their own perturbation (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--bn-second-pass", description = "Let the second (perturbed) pass set the BatchNorm running statistics "
            + "(default: keep the first pass's).")
    boolean bnSecondPass;

    @Option(names = "--warm-start", defaultValue = "0",
            description = "Fraction of iterations with the plain base optimizer before SAM starts; the paper uses 0.1 (default: ${DEFAULT-VALUE}).")
    double warmStart;

    @Option(names = "--warm-start-epochs", defaultValue = "0", description = "Plain epochs before SAM (instead of --warm-start; fewer than --epochs).")
    int warmStartEpochs;

    @Option(names = "--eval-samples", defaultValue = "" + TrainConfig.DEFAULT_EVAL_SAMPLES,
            description = "Fixed seeded training subset for train loss/accuracy and gradient diagnostics; 0 = all (default: ${DEFAULT-VALUE}).")
    int evalSamples;

    @Option(names = "--test-samples", defaultValue = "" + TrainConfig.DEFAULT_TEST_SAMPLES,
            description = "Fixed seeded test subset for test loss/accuracy; 0 = all (default: ${DEFAULT-VALUE}).")
    int testSamples;

    @Option(names = "--eval-every", defaultValue = AUTO, paramLabel = "EPOCHS|auto",
            description = "Epochs between evaluations (train/test loss and accuracy; full batch: an epoch is one step); "
                    + "the last epoch is always evaluated; 'auto' keeps evaluation and diagnostics near 10%% of the run's work "
                    + "(default: ${DEFAULT-VALUE}).")
    String evalEvery;

    @Option(names = "--diagnostics-every", defaultValue = WITH_EVALUATION, paramLabel = "EPOCHS|eval",
            description = "Epochs between diagnostics; 0 = never; 'eval' = with every evaluation (default: ${DEFAULT-VALUE}).")
    String diagnosticsEvery;

    @Option(names = "--probe-rho", defaultValue = "" + TrainConfig.DEFAULT_PROBE_RHO,
            description = "rho of the diagnostics for non-SAM steps (default: ${DEFAULT-VALUE}).")
    double probeRho;

    @Option(names = "--hessian-every", defaultValue = "0",
            description = "Also estimate the top Hessian eigenvalue at w and w+ after the first epoch and every N epochs; 0 = never (default: ${DEFAULT-VALUE}).")
    int hessianEvery;

    @Option(names = "--hessian-iterations", defaultValue = "" + TrainConfig.DEFAULT_HESSIAN_ITERATIONS,
            description = "Power iterations per top-eigenvalue estimate, 2 probe gradients each (default: ${DEFAULT-VALUE}).")
    int hessianIterations;

    @Mixin
    DataCommand.DirOptionMixin dataDir;

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
    ImageDataset[] datasets(long seed, ProgressSink progress) {
        validate();
        if (synthetic()) {
            Architecture a = architecture();
            int c = a == Architecture.MLP ? 1 : 3;
            int hw = a == Architecture.MLP ? 28 : 32;
            SyntheticImages.Split s = SyntheticImages.split(syntheticSize, Math.max(10, syntheticSize / 5), 10, c, hw, hw,
                    0.5, 1000 + seed);
            return new ImageDataset[] {s.train(), s.test()};
        }
        KnownDataset known;
        try {
            known = KnownDataset.byId(dataset);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dataset '" + dataset + "' is unknown; allowed: synthetic, " + KnownDataset.ids());
        }
        DataDirectory dir = dataDir.resolve();
        ImageDataset train = Datasets.load(known, Split.TRAIN, dir, progress);
        ImageDataset test = Datasets.load(known, Split.TEST, dir, progress);
        // The subset seed is fixed (not the run seed) so that every run of a sweep sees the same images.
        if (trainPerClass > 0) train = Subsets.perClass(train, trainPerClass, 0);
        if (testPerClass > 0) test = Subsets.perClass(test, testPerClass, 1);
        return new ImageDataset[] {train, test};
    }

    BaseOptimizer baseOptimizer(CommandSpec command) {
        RunSchedule rate = learningRate(command);
        return switch (base.toLowerCase(Locale.ROOT)) {
            case "sgd" -> new Sgd(rate, momentum, nesterov, weightDecay);
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

    /** The settings of one run; {@code options} is the run's description by option name (see {@link #identity}). */
    TrainConfig trainConfig(long seed, java.nio.file.Path checkpoint, Map<String, String> options) {
        return TrainConfig.builder(architecture(), epochs, seed).batchSize(batch).evalSamples(evalSamples)
                .testSamples(testSamples).evalEvery(evalEvery()).diagnosticsEvery(diagnosticsEvery()).probeRho(probeRho)
                .hessian(hessianEvery, hessianIterations).checkpoint(checkpoint, checkpointEvery).options(options).build();
    }

    boolean synthetic() {
        return dataset.equalsIgnoreCase("synthetic");
    }

    /** Whether {@link #datasets} depends on the seed (the synthetic set does; loaded datasets do not). */
    boolean datasetsDependOnSeed() {
        return synthetic();
    }

    private int evalEvery() {
        if (evalEvery.equalsIgnoreCase(AUTO)) return TrainConfig.AUTO;
        int k = parseCount("--eval-every", evalEvery, "an integer >= 1 or 'auto'");
        if (k < 1) throw new IllegalArgumentException("--eval-every " + evalEvery + "; allowed: an integer >= 1 or 'auto'");
        return k;
    }

    private int diagnosticsEvery() {
        if (diagnosticsEvery.equalsIgnoreCase(WITH_EVALUATION)) return TrainConfig.WITH_EVALUATION;
        int k = parseCount("--diagnostics-every", diagnosticsEvery, "an integer >= 0 or 'eval'");
        if (k < 0) throw new IllegalArgumentException("--diagnostics-every " + diagnosticsEvery + "; allowed: an integer >= 0 or 'eval'");
        return k;
    }

    private static int parseCount(String option, String value, String allowed) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + value + "; allowed: " + allowed);
        }
    }

    /**
     * Refuses options that cannot apply to the others, before any work: each message names the option
     * and what is allowed.
     */
    void validate() {
        if (trainPerClass < 0 || testPerClass < 0) {
            throw new IllegalArgumentException("images per class must be >= 0 (0 = all), not "
                    + (trainPerClass < 0 ? trainPerClass : testPerClass));
        }
        if (synthetic() && (trainPerClass > 0 || testPerClass > 0)) {
            throw new IllegalArgumentException((trainPerClass > 0 ? "--train-per-class" : "--test-per-class")
                    + " applies to datasets loaded from the data directory, not to --dataset synthetic; "
                    + "allowed with synthetic: --synthetic-size");
        }
        if (nesterov && !base.equalsIgnoreCase("sgd")) {
            throw new IllegalArgumentException("--nesterov applies to --base sgd only, not --base " + base);
        }
        if (nesterov && !(momentum > 0)) {
            throw new IllegalArgumentException("--nesterov needs --momentum > 0 (got --momentum " + momentum + ")");
        }
        if (warmStartEpochs > 0 && warmStart > 0) {
            throw new IllegalArgumentException("--warm-start " + warmStart + " and --warm-start-epochs " + warmStartEpochs
                    + " both set; allowed: one of them");
        }
        if (warmStartEpochs >= epochs && warmStartEpochs > 0) {
            // every epoch would be plain: a SAM run that never takes a SAM step
            throw new IllegalArgumentException("--warm-start-epochs " + warmStartEpochs + " leaves no SAM epoch in --epochs "
                    + epochs + "; allowed: 0 to " + (epochs - 1));
        }
        if (warmStart >= 1) {
            throw new IllegalArgumentException("--warm-start " + warmStart + " leaves no SAM step; allowed: 0 <= fraction < 1");
        }
        augmentation();
        architecture();
        evalEvery();
        diagnosticsEvery();
    }

    /**
     * The run's description for its configuration: every option of {@code spec} that shapes the
     * numbers, by its long name, with its value as text, then {@code overrides} (a sweep's one
     * optimizer, ρ and seed); sorted by name.
     */
    static Map<String, String> identity(CommandSpec spec, Map<String, String> overrides) {
        Map<String, String> m = new TreeMap<>();
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp() || NOT_IDENTITY.contains(o.longestName())) continue;
            Object v = o.getValue();
            m.put(o.longestName(), v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                    : String.valueOf(v));
        }
        m.putAll(overrides);
        return m;
    }


    /**
     * Refuses a blank path option: an empty path would mean the working folder.
     *
     * @throws IllegalArgumentException if {@code path} is blank
     */
    static void requireNonBlank(String flag, java.nio.file.Path path) {
        if (path.toString().isBlank()) {
            throw new IllegalArgumentException(flag + " is blank; allowed: a path (an empty one would write into the working folder)");
        }
    }
    /**
     * Refuses a value given twice in a list option ({@code --seeds 1,1} would train and report the
     * same run twice).
     */
    static <T> void requireDistinct(String option, List<T> values) {
        Set<T> seen = new LinkedHashSet<>();
        for (T v : values) {
            if (!seen.add(v)) throw new IllegalArgumentException(option + " lists " + v + " twice; allowed: each value once");
        }
    }
}
