package samlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import samlab.data.ImageDataset;
import samlab.train.TrainResult;
import samlab.train.Trainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code samlab sweep}: every (optimizer, ρ, seed) combination as its own resumable run in one
 * folder (RUN.csv, RUN-steps.csv, RUN.ckpt), then summary.csv with each run's final numbers. Runs
 * whose CSV exists are not repeated; interrupted runs continue from their checkpoint.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Grid of rho x optimizers x seeds; each run resumable; summary table at the end.")
final class SweepCommand implements Runnable {
    @Mixin
    TrainingOptions options;

    @Option(names = "--optimizers", split = ",", defaultValue = "sgd,sam", description = "Comma list (default: ${DEFAULT-VALUE}).")
    List<String> optimizers;

    @Option(names = "--rhos", split = ",", defaultValue = "0.01,0.05,0.1", description = "Comma list of rho (default: ${DEFAULT-VALUE}).")
    List<Double> rhos;

    @Option(names = "--seeds", split = ",", defaultValue = "1", description = "Comma list of seeds (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--dir", defaultValue = "sweep", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        boolean samUsed = false;
        for (String o : optimizers) { // validate names and options before any work
            samUsed |= options.optimizer(o, 0.05, spec) instanceof samlab.optim.Sam;
        }
        TrainingOptions.refuseSamOptions(spec, samUsed);
        StringColumn run = StringColumn.create("run");
        StringColumn opt = StringColumn.create("optimizer");
        DoubleColumn rhoCol = DoubleColumn.create("rho");
        LongColumn seedCol = LongColumn.create("seed");
        DoubleColumn trainLoss = DoubleColumn.create("train_loss");
        DoubleColumn trainAcc = DoubleColumn.create("train_accuracy");
        DoubleColumn testAcc = DoubleColumn.create("test_accuracy");
        DoubleColumn ratio = DoubleColumn.create("grad_ratio");
        DoubleColumn gNorm = DoubleColumn.create("grad_norm");
        for (String o : optimizers) {
            boolean plain = options.optimizer(o, 0.05, spec) instanceof samlab.optim.PlainOptimizer;
            for (double rho : plain ? List.of(0.0) : rhos) {
                for (long seed : seeds) {
                    String name = String.format(Locale.ROOT, "%s-rho%s-seed%d", o, rho, seed);
                    Path csv = dir.resolve(name + ".csv");
                    samlab.io.AtomicFiles.checkWritable(csv);
                    Table t;
                    if (Files.exists(csv)) {
                        t = Table.read().csv(csv.toFile());
                    } else {
                        ImageDataset[] data = options.datasets(seed);
                        Trainer trainer = new Trainer(options.trainConfig(seed, TrainCommand.checkpointFor(csv)),
                                options.optimizer(o, rho, spec), options.augmentation());
                        TrainResult r = trainer.train(data[0], data[1], true);
                        r.writeCsv(csv);
                        t = r.toTable();
                    }
                    int last = t.rowCount() - 1;
                    run.append(name);
                    opt.append(o);
                    rhoCol.append(rho);
                    seedCol.append(seed);
                    trainLoss.append(t.numberColumn("train_loss").getDouble(last));
                    trainAcc.append(t.numberColumn("train_accuracy").getDouble(last));
                    testAcc.append(t.numberColumn("test_accuracy").getDouble(last));
                    ratio.append(t.numberColumn("grad_ratio").getDouble(last));
                    gNorm.append(t.numberColumn("grad_norm").getDouble(last));
                }
            }
        }
        Table summary = Table.create("sweep summary", run, opt, rhoCol, seedCol, trainLoss, trainAcc, testAcc, gNorm, ratio);
        Path out = dir.resolve("summary.csv");
        samlab.io.AtomicFiles.write(out, s -> {
            var w = new java.io.OutputStreamWriter(s, java.nio.charset.StandardCharsets.UTF_8);
            summary.write().csv(w);
            w.flush();
        });
        spec.commandLine().getOut().println(summary.printAll());
        spec.commandLine().getOut().println("wrote " + out);
    }

}
