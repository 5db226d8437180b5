package samlab.cli;

import java.util.Locale;
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

    @Option(names = "--model", defaultValue = "mlp", description = "mlp, resnet20 or resnet18 (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "Batch size; 0 = full batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--base", defaultValue = "sgd", description = "Base optimizer: sgd or adam (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--lr", defaultValue = "0.1", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--nesterov", description = "Nesterov momentum for SGD.")
    boolean nesterov;

    @Option(names = "--weight-decay", defaultValue = "5e-4",
            description = "Weight decay in the base optimizer: coupled L2 for SGD, decoupled for Adam (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--rho-final", description = "If set, rho moves linearly from --rho to this value over the run.")
    Double rhoFinal;

    @Option(names = "--epsilon", defaultValue = "1e-12", description = "SAM normalisation guard: e = rho g/(|g| + epsilon) (default: ${DEFAULT-VALUE}).")
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
        ImageDataset train = Datasets.load(known, Split.TRAIN);
        ImageDataset test = Datasets.load(known, Split.TEST);
        // The subset seed is fixed (not the run seed) so that every run of a sweep sees the same images.
        if (trainPerClass > 0) train = Subsets.perClass(train, trainPerClass, 0);
        if (testPerClass > 0) test = Subsets.perClass(test, testPerClass, 1);
        return new ImageDataset[] {train, test};
    }

    BaseOptimizer baseOptimizer() {
        return switch (base.toLowerCase(Locale.ROOT)) {
            case "sgd" -> new Sgd(lr, momentum, nesterov && momentum > 0, weightDecay);
            case "adam" -> new Adam(lr, 0.9, 0.999, 1e-8, weightDecay);
            default -> throw new IllegalArgumentException("base optimizer '" + base + "' is unknown; allowed: sgd, adam");
        };
    }

    /** "sgd" (the base alone), or "sam", "usam", "asam" wrapping it. */
    Optimizer optimizer(String kind, double rho) {
        String k = kind.toLowerCase(Locale.ROOT);
        if (k.equals("sgd") || k.equals("base") || k.equals("plain")) return new PlainOptimizer(baseOptimizer());
        SamConfig.Variant v = switch (k) {
            case "sam" -> SamConfig.Variant.SAM;
            case "usam" -> SamConfig.Variant.USAM;
            case "asam" -> SamConfig.Variant.ASAM;
            default -> throw new IllegalArgumentException("optimizer '" + kind + "' is unknown; allowed: sgd, sam, usam, asam");
        };
        RhoSchedule schedule = rhoFinal == null ? RhoSchedule.constant(rho) : RhoSchedule.linear(rho, rhoFinal);
        SamConfig c = new SamConfig(v, schedule, epsilon, asamEta, false, shards, bnSecondPass);
        WarmStartSchedule w = warmStartEpochs > 0 ? WarmStartSchedule.epochs(warmStartEpochs) : WarmStartSchedule.fraction(warmStart);
        return new Sam(baseOptimizer(), c, w);
    }

    TrainConfig trainConfig(long seed, java.nio.file.Path checkpoint) {
        return new TrainConfig(architecture(), epochs, batch, seed, evalSamples, diagnosticsEvery, probeRho,
                checkpointEvery, checkpoint);
    }
}
