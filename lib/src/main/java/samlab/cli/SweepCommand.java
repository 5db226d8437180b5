package samlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import samlab.data.ImageDataset;
import samlab.experiments.RunName;
import samlab.optim.Optimizer;
import samlab.optim.PlainOptimizer;
import samlab.train.Divergence;
import samlab.train.RunConfig;
import samlab.train.RunFiles;
import samlab.train.TrainResult;
import samlab.train.Trainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code samlab sweep}: every (optimizer, ρ, seed) combination as its own resumable run in one
 * folder (RUN.csv, RUN-steps.csv, RUN.ckpt, and RUN.config written last), then summary.csv with
 * each run's final numbers and status. The whole grid is checked before the first run. A run whose
 * RUN.config exists is complete and is read back, not repeated, if its configuration is this
 * sweep's; if not, the sweep stops (exit 2) naming the first differing option, unless
 * {@code --redo-changed} is given, which reruns it. Interrupted runs continue from their checkpoint
 * (under the same rule). A diverged run is complete: its status in summary.csv is "diverged".
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Grid of rho x optimizers x seeds; each run resumable; summary table at the end.")
final class SweepCommand implements Callable<Integer> {
    @Mixin
    TrainingOptions options;

    @Option(names = "--optimizers", split = ",", defaultValue = "sgd,sam", description = "Comma list, each once (default: ${DEFAULT-VALUE}).")
    List<String> optimizers;

    @Option(names = "--rhos", split = ",", defaultValue = "0.01,0.05,0.1", description = "Comma list of rho, each once (default: ${DEFAULT-VALUE}).")
    List<Double> rhos;

    @Option(names = "--seeds", split = ",", defaultValue = "1", description = "Comma list of seeds, each once (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--dir", defaultValue = "sweep", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--redo-changed",
            description = "Rerun (from scratch) the runs in --dir whose stored configuration differs from this sweep's "
                    + "(or whose checkpoint is unreadable); without it such a run stops the sweep before any training, "
                    + "naming the first differing option.")
    boolean redoChanged;

    @Spec
    CommandSpec spec;

    /** One run of the grid, planned before any training. */
    private record Planned(RunName name, String optimizer, double rho, long seed, Optimizer built, RunFiles files,
                           Trainer trainer, ImageDataset[] data, boolean redo) {}

    @Override
    public Integer call() {
        options.validate();
        TrainingOptions.requireNonBlank("--dir", dir);
        TrainingOptions.requireDistinct("--optimizers", optimizers.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList());
        TrainingOptions.requireDistinct("--rhos", rhos);
        TrainingOptions.requireDistinct("--seeds", seeds);
        boolean samUsed = false;
        for (String o : optimizers) { // names and options checked before any work
            samUsed |= options.optimizer(o, 0.05, spec) instanceof samlab.optim.Sam;
        }
        TrainingOptions.refuseSamOptions(spec, samUsed);
        List<Planned> plan = plan();
        for (Planned p : plan) {
            if (p.redo) delete(p.files);
        }
        StringColumn run = StringColumn.create("run");
        StringColumn opt = StringColumn.create("optimizer");
        DoubleColumn rhoCol = DoubleColumn.create("rho");
        LongColumn seedCol = LongColumn.create("seed");
        DoubleColumn trainLoss = DoubleColumn.create("train_loss");
        DoubleColumn trainAcc = DoubleColumn.create("train_accuracy");
        DoubleColumn testAcc = DoubleColumn.create("test_accuracy");
        DoubleColumn ratio = DoubleColumn.create("grad_ratio");
        DoubleColumn gNorm = DoubleColumn.create("grad_norm");
        StringColumn status = StringColumn.create(TrainResult.STATUS_COLUMN);
        List<String> diverged = new ArrayList<>();
        for (Planned p : plan) {
            Table t;
            if (p.files.complete()) {
                t = TrainResult.readCsv(p.files.csv());
            } else {
                TrainResult r = p.trainer.train(p.data[0], p.data[1], true);
                r.writeCsv(p.files.csv());
                t = r.toTable();
            }
            int last = t.rowCount() - 1;
            String s = t.columnNames().contains(TrainResult.STATUS_COLUMN)
                    ? t.stringColumn(TrainResult.STATUS_COLUMN).get(last) : Divergence.OK;
            if (Divergence.STATUS.equals(s)) diverged.add(p.name.toString());
            run.append(p.name.toString());
            opt.append(p.optimizer);
            rhoCol.append(p.rho);
            seedCol.append(p.seed);
            trainLoss.append(t.numberColumn("train_loss").getDouble(last));
            trainAcc.append(t.numberColumn("train_accuracy").getDouble(last));
            testAcc.append(t.numberColumn("test_accuracy").getDouble(last));
            ratio.append(t.numberColumn("grad_ratio").getDouble(last));
            gNorm.append(t.numberColumn("grad_norm").getDouble(last));
            status.append(s);
        }
        Table summary = Table.create("sweep summary", run, opt, rhoCol, seedCol, trainLoss, trainAcc, testAcc, gNorm, ratio, status);
        Path out = dir.resolve("summary.csv");
        samlab.io.AtomicFiles.write(out, s -> {
            var w = new java.io.OutputStreamWriter(s, java.nio.charset.StandardCharsets.UTF_8);
            summary.write().csv(w);
            w.flush();
        });
        spec.commandLine().getOut().print(TableOutput.text(summary)); // 6 significant digits; summary.csv keeps all
        if (!diverged.isEmpty()) spec.commandLine().getOut().println("diverged: " + String.join(", ", diverged));
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }

    /**
     * Every run of the grid with its optimizer, trainer and data, checked before the first run: option
     * values (e.g. a negative ρ), m-sharpness against the batches, and the configuration stored by a
     * finished or interrupted run in {@code dir} against this sweep's.
     */
    private List<Planned> plan() {
        List<Planned> plan = new ArrayList<>();
        Map<Long, ImageDataset[]> data = new HashMap<>();
        ImageDataset[] shared = null;
        for (String o : optimizers) {
            String name = o.toLowerCase(Locale.ROOT);
            boolean plain = options.optimizer(name, 0.05, spec) instanceof PlainOptimizer;
            for (double rho : plain ? List.of(0.0) : rhos) {
                Optimizer check = options.optimizer(name, rho, spec);
                for (long seed : seeds) {
                    RunName run = new RunName(name, rho, seed);
                    RunFiles files = RunFiles.in(dir, run.toString());
                    samlab.io.AtomicFiles.checkWritable(files.csv());
                    ImageDataset[] d = options.datasetsDependOnSeed() ? data.computeIfAbsent(seed, s -> options.datasets(s, Main.progress(spec)))
                            : shared != null ? shared : (shared = options.datasets(seed, Main.progress(spec)));
                    Trainer.checkShards(check, d[0].size(), options.batch);
                    Map<String, String> identity = TrainingOptions.identity(spec, Map.of("--optimizer", name,
                            "--rho", Double.toString(rho), "--seed", Long.toString(seed)));
                    Trainer trainer = new Trainer(options.trainConfig(seed, files.checkpoint(), identity),
                            options.optimizer(name, rho, spec), options.augmentation()).withProgress(Main.progress(spec));
                    RunConfig expected = trainer.runConfig(d[0], d[1]);
                    boolean redo = false;
                    Optional<RunConfig.Difference> diff;
                    try {
                        diff = stored(files).flatMap(s -> s.firstDifference(expected));
                    } catch (IllegalArgumentException unreadable) {
                        // a truncated checkpoint, or one of an older format: --redo-changed starts the run over
                        if (!redoChanged) throw unreadable;
                        diff = Optional.of(new RunConfig.Difference("checkpoint", "unreadable", "this sweep"));
                    }
                    if (diff.isPresent()) {
                        if (!redoChanged) {
                            throw new IllegalArgumentException("run " + run + " in " + dir + " was made with another configuration: "
                                    + diff.get().describe("stored", "this sweep") + "; rerun it with --redo-changed, or use another --dir");
                        }
                        redo = true;
                    }
                    plan.add(new Planned(run, name, rho, seed, check, files, trainer, d, redo));
                }
            }
        }
        return plan;
    }

    /** The configuration a finished run (RUN.config) or an interrupted one (its checkpoint) was made with. */
    private static Optional<RunConfig> stored(RunFiles files) {
        if (files.complete()) return Optional.of(RunConfig.read(files.config()));
        if (Files.exists(files.checkpoint())) return Optional.of(Trainer.checkpointConfig(files.checkpoint()));
        return Optional.empty();
    }

    private static void delete(RunFiles files) {
        try {
            // the marker first: a sweep interrupted while deleting sees an incomplete run
            for (Path p : List.of(files.config(), files.csv(), files.steps(), files.checkpoint())) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the changed run " + files.stem() + ": " + e.getMessage(), e);
        }
    }
}
