package samlab.train;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import samlab.Tabular;
import samlab.io.AtomicFiles;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/** A finished (or paused) run: per-epoch and per-step records, provenance, and the trained network. */
public record TrainResult(List<EpochRecord> epochs, List<StepRecord> steps, Provenance provenance,
                          ComputationGraph network) implements Tabular {
    public TrainResult {
        epochs = List.copyOf(epochs);
        steps = List.copyOf(steps);
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
        DoubleColumn seconds = DoubleColumn.create("seconds");
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
            seconds.append(e.seconds());
        }
        Table t = Table.create("training", epoch, iteration, stepLoss, trainLoss, trainAcc, testLoss, testAcc, lr, rho,
                sam, probeRho, gNorm, gpNorm, ratio, cosine, lossPlus, wNorm, active, activePlus, lambda, lambdaPlus, seconds);
        return provenance.appendTo(t);
    }

    /** One row per step with the provenance columns. */
    public Table stepTable() {
        LongColumn iteration = LongColumn.create("iteration");
        IntColumn epoch = IntColumn.create("epoch");
        DoubleColumn loss = DoubleColumn.create("loss");
        DoubleColumn rho = DoubleColumn.create("rho");
        BooleanColumn sam = BooleanColumn.create("sam_active");
        for (StepRecord s : steps) {
            iteration.append(s.iteration());
            epoch.append(s.epoch());
            loss.append(s.loss());
            rho.append(s.rho());
            sam.append(s.sam());
        }
        return provenance.appendTo(Table.create("steps", iteration, epoch, loss, rho, sam));
    }

    /** The last epoch's record. */
    public EpochRecord last() {
        return epochs.get(epochs.size() - 1);
    }

    /** Writes the epoch table to {@code file} and the step table beside it ({@code NAME-steps.csv}), atomically. */
    public void writeCsv(Path file) {
        writeTable(toTable(), file);
        String name = file.getFileName().toString();
        String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        writeTable(stepTable(), file.resolveSibling(stem + "-steps.csv"));
    }

    static void writeTable(Table table, Path file) {
        AtomicFiles.write(file, out -> {
            var w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            table.write().csv(w);
            w.flush();
        });
    }
}
