package samlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import samlab.data.ImageDataset;
import samlab.io.AtomicFiles;
import samlab.optim.Optimizer;
import samlab.train.RunFiles;
import samlab.train.TrainResult;
import samlab.train.Trainer;

/**
 * {@code samlab train}: one run with diagnostics, a CSV of epochs (and one of steps), its
 * configuration (OUT with .config, written last), checkpoints and resume. A run whose loss or
 * parameters stop being finite ends there, its CSVs mark it "diverged", and the exit code is
 * {@link Main#DIVERGED}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network with SGD/Adam, SAM, USAM or ASAM and record the hallucination diagnostics.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run finished", "2:bad input (one line on stderr)",
                "3:the run diverged (a non-finite loss or parameters); the CSVs mark the step 'diverged'"})
final class TrainCommand implements Callable<Integer> {
    @Mixin
    TrainingOptions options;

    @Option(names = "--optimizer", defaultValue = "sam", description = "sgd, sam, usam or asam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--rho", defaultValue = "0.05", description = "SAM radius (default: ${DEFAULT-VALUE}).")
    double rho;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for initialisation and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "train.csv",
            description = "Epoch table (CSV); steps go to NAME-steps.csv, the run's configuration to NAME.config (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--checkpoint", description = "Checkpoint file (default: OUT with .ckpt).")
    Path checkpoint;

    @Option(names = "--resume", description = "Continue from the checkpoint if it exists; its configuration must be this run's.")
    boolean resume;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        options.validate();
        TrainingOptions.requireNonBlank("--out", out);
        AtomicFiles.checkWritable(out);
        RunFiles files = new RunFiles(out);
        Path ck = checkpoint != null ? checkpoint : files.checkpoint();
        Optimizer opt = options.optimizer(optimizer, rho, spec);
        TrainingOptions.refuseSamOptions(spec, opt instanceof samlab.optim.Sam);
        Map<String, String> identity = TrainingOptions.identity(spec, Map.of());
        ImageDataset[] data = options.datasets(seed, Main.progress(spec));
        Trainer trainer = new Trainer(options.trainConfig(seed, ck, identity), opt, options.augmentation())
                .withProgress(Main.progress(spec));
        java.util.OptionalInt resumedAt = resume ? Trainer.resumesAtEpoch(ck) : java.util.OptionalInt.empty();
        if (resume && !java.nio.file.Files.exists(ck)) {
            spec.commandLine().getErr().println("samlab: --resume: no checkpoint at " + ck + "; starting from epoch 0");
        }
        TrainResult r = trainer.train(data[0], data[1], resume);
        // said once the checkpoint was accepted (a refused one is the only line on stderr)
        resumedAt.ifPresent(e -> spec.commandLine().getErr().println("samlab: --resume: continued from " + ck
                + " at epoch " + e + " (epochs count from 0, as in the table)"));
        r.writeCsv(out);
        PrintWriter w = spec.commandLine().getOut();
        // 6 significant digits on the console; the CSV keeps full precision
        w.print(TableOutput.text(r.toTable().selectColumns("epoch", "train_loss", "train_accuracy", "test_accuracy", "rho",
                "grad_norm", "grad_norm_perturbed", "grad_ratio", "grad_cosine")));
        w.println("wrote " + out);
        if (r.diverged()) {
            spec.commandLine().getErr().println("samlab: the run " + r.divergence() + "; " + out + " marks it 'diverged'");
            return Main.DIVERGED;
        }
        return 0;
    }
}
