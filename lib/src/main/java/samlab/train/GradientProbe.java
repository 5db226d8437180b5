package samlab.train;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import samlab.optim.ParameterLayout;

/**
 * The full-batch loss gradient of a network over a fixed set of examples, computed in chunks
 * (training mode, as the optimizer sees it) and averaged with chunk-size weights; running-statistics
 * entries are zeroed. Does not change the network's parameters. Also the active ReLU units and the
 * top Hessian eigenvalue on the same examples.
 */
final class GradientProbe {
    private final NetworkLoss objective;
    private final Batches batches;
    private final int[] rows;
    private final int chunk;

    GradientProbe(NetworkLoss objective, Batches batches, int[] rows, int chunk) {
        this.objective = Objects.requireNonNull(objective, "objective");
        this.batches = Objects.requireNonNull(batches, "batches");
        if (rows.length == 0) throw new IllegalArgumentException("no examples to probe the gradient on");
        if (chunk < 1) throw new IllegalArgumentException("chunk " + chunk + " must be >= 1");
        this.rows = rows;
        this.chunk = chunk;
    }

    /** Mean loss and gradient (a new array) at the current parameters. */
    Result gradient() {
        INDArray sum = null;
        double loss = 0;
        for (int from = 0; from < rows.length; from += chunk) {
            int to = Math.min(rows.length, from + chunk);
            objective.setBatch(batches.fill(rows, from, to));
            double w = (double) (to - from) / rows.length;
            loss += w * objective.computeGradient(0, 1);
            INDArray g = objective.gradient().mul(w);
            sum = sum == null ? g : sum.addi(g);
        }
        ParameterLayout layout = objective.layout();
        return new Result(loss, sum.muli(layout.trainable()));
    }

    /** Fraction of positive outputs per ReLU layer at the current parameters (see {@link ActiveUnits}). */
    Map<String, Double> activeUnits() {
        return ActiveUnits.perLayer(objective.graph(), batches, rows, chunk);
    }

    /** λ_max of the Hessian of the probe loss at the current parameters (trainable entries), restored exactly. */
    TopEigenvalue.Result topEigenvalue(int iterations) {
        return TopEigenvalue.estimate(objective.parameters(), objective.layout().trainable(), () -> gradient().gradient(),
                TopEigenvalue.Settings.of(iterations));
    }

    record Result(double loss, INDArray gradient) {}
}
