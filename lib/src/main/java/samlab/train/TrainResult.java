package samlab.train;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import samlab.Tabular;
import samlab.io.AtomicFiles;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A finished, paused or diverged run: per-epoch and per-step records, provenance, the trained
 * network, the run's complete configuration and, if it diverged, where.
 *
 * @param config     the run's configuration (empty for results built by hand)
 * @param divergence the first non-finite loss or parameters, or null if the run stayed finite
 */
public record TrainResult(List<EpochRecord> epochs, List<StepRecord> steps, Provenance provenance,
                          ComputationGraph network, RunConfig config, Divergence divergence) implements Tabular {
    /** Column of both tables: {@link Divergence#OK}, or {@link Divergence#STATUS} on the step (and its epoch) that diverged. */
    public static final String STATUS_COLUMN = "status";

    /**
     * Copies the record lists.
     *
     * @throws NullPointerException if {@code epochs}, {@code steps}, {@code config} or an element of a list is null
     */
    public TrainResult {
        epochs = List.copyOf(epochs);
        steps = List.copyOf(steps);
        java.util.Objects.requireNonNull(config, "config");
    }

    /**
     * A result without configuration (empty) and without divergence.
     *
     * @throws NullPointerException if {@code epochs}, {@code steps} or an element of a list is null
     */
    public TrainResult(List<EpochRecord> epochs, List<StepRecord> steps, Provenance provenance, ComputationGraph network) {
        this(epochs, steps, provenance, network, new RunConfig(java.util.Map.of()), null);
    }

    /** True if the run stopped at a non-finite loss or parameters. */
    public boolean diverged() {
        return divergence != null;
    }

    private String status(long iteration, int epoch, boolean epochRow) {
        if (divergence == null) return Divergence.OK;
        boolean hit = epochRow ? epoch == divergence.epoch() : iteration == divergence.iteration();
        return hit ? Divergence.STATUS : Divergence.OK;
    }

    /** One row per epoch with the diagnostics and the provenance columns. */
    @Override
    public Table toTable() {
        IntColumn epoch = IntColumn.create("epoch");
        LongColumn iteration = LongColumn.create("iteration");
        DoubleColumn stepLoss = DoubleColumn.create("mean_step_loss");
        DoubleColumn trainLoss = DoubleColumn.create("train_loss");
        DoubleColumn trainAcc = DoubleColumn.create("train_accuracy");
        DoubleColumn testLoss = DoubleColumn.create("test_loss");
        DoubleColumn testAcc = DoubleColumn.create("test_accuracy");
        DoubleColumn lr = DoubleColumn.create("lr");
        DoubleColumn rho = DoubleColumn.create("rho");
        BooleanColumn sam = BooleanColumn.create("sam_active");
        DoubleColumn probeRho = DoubleColumn.create("probe_rho");
        DoubleColumn gNorm = DoubleColumn.create("grad_norm");
        DoubleColumn gpNorm = DoubleColumn.create("grad_norm_perturbed");
        DoubleColumn ratio = DoubleColumn.create("grad_ratio");
        DoubleColumn cosine = DoubleColumn.create("grad_cosine");
        DoubleColumn lossPlus = DoubleColumn.create("loss_perturbed");
        DoubleColumn wNorm = DoubleColumn.create("weight_norm");
        DoubleColumn active = DoubleColumn.create("active_fraction");
        DoubleColumn activePlus = DoubleColumn.create("active_fraction_perturbed");
        DoubleColumn lambda = DoubleColumn.create("lambda_max");
        DoubleColumn lambdaPlus = DoubleColumn.create("lambda_max_perturbed");
        // an unconverged estimate is a lower bound (TopEigenvalue); empty where λ_max was not estimated
        BooleanColumn lambdaConverged = BooleanColumn.create("lambda_max_converged");
        BooleanColumn lambdaPlusConverged = BooleanColumn.create("lambda_max_perturbed_converged");
        DoubleColumn seconds = DoubleColumn.create("seconds");
        StringColumn status = StringColumn.create(STATUS_COLUMN);
        IntColumn evalEvery = IntColumn.create("eval_every");
        IntColumn evalSamples = IntColumn.create("eval_samples");
        IntColumn testSamples = IntColumn.create("test_samples");
        for (EpochRecord e : epochs) {
            epoch.append(e.epoch());
            iteration.append(e.iteration());
            stepLoss.append(e.meanStepLoss());
            trainLoss.append(e.trainLoss());
            trainAcc.append(e.trainAccuracy());
            testLoss.append(e.testLoss());
            testAcc.append(e.testAccuracy());
            lr.append(e.learningRate());
            rho.append(e.rho());
            sam.append(e.sam());
            probeRho.append(e.diagnostics().rho());
            gNorm.append(e.diagnostics().gradientNorm());
            gpNorm.append(e.diagnostics().perturbedGradientNorm());
            ratio.append(e.diagnostics().ratio());
            cosine.append(e.diagnostics().cosine());
            lossPlus.append(e.diagnostics().perturbedLoss());
            wNorm.append(e.diagnostics().weightNorm());
            active.append(e.diagnostics().activeFraction());
            activePlus.append(e.diagnostics().perturbedActiveFraction());
            lambda.append(e.diagnostics().topEigenvalue());
            lambdaPlus.append(e.diagnostics().perturbedTopEigenvalue());
            appendConverged(lambdaConverged, e.diagnostics().topEigenvalue(), e.diagnostics().topEigenvalueConverged());
            appendConverged(lambdaPlusConverged, e.diagnostics().perturbedTopEigenvalue(), e.diagnostics().perturbedTopEigenvalueConverged());
            seconds.append(e.seconds());
            status.append(status(e.iteration(), e.epoch(), true));
            appendSetting(evalEvery, Trainer.EVAL_EVERY);
            appendSetting(evalSamples, Trainer.EVAL_ROWS);
            appendSetting(testSamples, Trainer.TEST_ROWS);
        }
        Table t = Table.create("training", epoch, iteration, stepLoss, trainLoss, trainAcc, testLoss, testAcc, lr, rho,
                sam, probeRho, gNorm, gpNorm, ratio, cosine, lossPlus, wNorm, active, activePlus, lambda, lambdaPlus,
                lambdaConverged, lambdaPlusConverged, seconds, status,
                evalEvery, evalSamples, testSamples);
        return provenance.appendTo(t);
    }

    private static void appendConverged(BooleanColumn c, double lambda, boolean converged) {
        if (Double.isNaN(lambda)) c.appendMissing();
        else c.append(converged);
    }

    /** One row per step with the provenance columns. */
    public Table stepTable() {
        LongColumn iteration = LongColumn.create("iteration");
        IntColumn epoch = IntColumn.create("epoch");
        DoubleColumn loss = DoubleColumn.create("loss");
        DoubleColumn rho = DoubleColumn.create("rho");
        BooleanColumn sam = BooleanColumn.create("sam_active");
        StringColumn status = StringColumn.create(STATUS_COLUMN);
        for (StepRecord s : steps) {
            iteration.append(s.iteration());
            epoch.append(s.epoch());
            loss.append(s.loss());
            rho.append(s.rho());
            sam.append(s.sam());
            status.append(status(s.iteration(), s.epoch(), false));
        }
        return provenance.appendTo(Table.create("steps", iteration, epoch, loss, rho, sam, status));
    }

    /**
     * The last epoch's record.
     *
     * @return the last element of {@link #epochs()}
     * @throws IndexOutOfBoundsException if there are no epochs
     */
    public EpochRecord last() {
        return epochs.get(epochs.size() - 1);
    }

    private void appendSetting(IntColumn column, String name) {
        String v = config.values().get(name);
        if (v == null) column.appendMissing();
        else column.append(Integer.parseInt(v));
    }

    /**
     * Writes the epoch table to {@code file}, the step table beside it ({@code NAME-steps.csv}) and
     * then, last, the configuration ({@code NAME.config}; see {@link RunFiles}), each atomically: a
     * run whose configuration file exists is complete.
     *
     * @param file the epoch table {@code NAME.csv}
     * @throws java.io.UncheckedIOException if a file cannot be written (files written before it stay)
     */
    public void writeCsv(Path file) {
        RunFiles files = new RunFiles(file);
        writeTable(toTable(), file);
        writeTable(stepTable(), files.steps());
        config.write(files.config());
    }

    /**
     * Reads an epoch or step table written by {@link #writeCsv} with the column types it was written
     * with: an empty cell (or "NaN") is a missing value, also in a column that is empty in every row
     * (which a type-guessing reader would turn into 0). Columns this version does not write are
     * read with detected types.
     *
     * @param file an epoch table or a step table
     * @return the table (Tablesaw's unchecked exception if the file cannot be read or parsed)
     */
    public static Table readCsv(Path file) {
        Map<String, ColumnType> types = new HashMap<>();
        TrainResult empty = new TrainResult(List.of(), List.of(), Provenance.EMPTY, null);
        for (Table t : List.of(empty.toTable(), empty.stepTable())) {
            for (var c : t.columns()) types.putIfAbsent(c.name(), c.type());
        }
        return Table.read().csv(CsvReadOptions.builder(file.toFile()).missingValueIndicator("", "NaN")
                .columnTypesPartial(types).build());
    }

    static void writeTable(Table table, Path file) {
        AtomicFiles.write(file, out -> {
            var w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            table.write().csv(w);
            w.flush();
        });
    }
}
