package samlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import samlab.data.ImageDataset;
import samlab.io.AtomicFiles;
import samlab.train.TrainResult;
import samlab.train.Trainer;

/** {@code samlab train}: one run with diagnostics, a CSV of epochs (and one of steps), checkpoints, resume. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network with SGD/Adam, SAM, USAM or ASAM and record the hallucination diagnostics.")
final class TrainCommand implements Runnable {
    @Mixin
    TrainingOptions options;

    @Option(names = "--optimizer", defaultValue = "sam", description = "sgd, sam, usam or asam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--rho", defaultValue = "0.05", description = "SAM radius (default: ${DEFAULT-VALUE}).")
    double rho;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for initialisation and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "train.csv", description = "Epoch table (CSV); steps go to NAME-steps.csv (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--checkpoint", description = "Checkpoint file (default: OUT with .ckpt).")
    Path checkpoint;

    @Option(names = "--resume", description = "Continue from the checkpoint if it exists.")
    boolean resume;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        AtomicFiles.checkWritable(out);
        Path ck = checkpoint != null ? checkpoint : checkpointFor(out);
        var opt = options.optimizer(optimizer, rho, spec);
        TrainingOptions.refuseSamOptions(spec, opt instanceof samlab.optim.Sam);
        ImageDataset[] data = options.datasets(seed);
        Trainer trainer = new Trainer(options.trainConfig(seed, ck), opt, options.augmentation());
        TrainResult r = trainer.train(data[0], data[1], resume);
        r.writeCsv(out);
        PrintWriter w = spec.commandLine().getOut();
        w.println(r.toTable().selectColumns("epoch", "train_loss", "train_accuracy", "test_accuracy", "rho",
                "grad_norm", "grad_norm_perturbed", "grad_ratio", "grad_cosine").printAll());
        w.println("wrote " + out);
    }

    static Path checkpointFor(Path csv) {
        String name = csv.getFileName().toString();
        String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(stem + ".ckpt");
    }
}
