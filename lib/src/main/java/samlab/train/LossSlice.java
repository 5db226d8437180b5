package samlab.train;

import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import samlab.Tabular;
import samlab.data.ImageDataset;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The loss of a network along the SAM direction: L(w + t·ρ·g/‖g‖) for a grid of t, where g is the
 * full-batch gradient at w over {@code data}. t = 0 is the network as trained, t = 1 is the SAM
 * point w⁺; the network-sized version of the 1-D pictures of the theory notebooks. A hallucinated
 * minimizer shows as a loss that still falls from t = 0 (slope −ρ‖g‖) while t = 1 sits at the
 * bottom of a flat stretch (∇L(w⁺) ≈ 0).
 */
public final class LossSlice {
    private LossSlice() {}

    /**
     * The slice and its context: {@code slope} is the directional derivative ρ‖g‖·(−1), i.e. the
     * derivative of the loss in t at t = 0 (always −ρ‖g‖, since the direction is the gradient's).
     */
    public record Result(double rho, double gradientNorm, double[] t, double[] loss) implements Tabular {
        public Result {
            t = t.clone();
            loss = loss.clone();
        }

        /** d/dt L(w + t ρ u) at t = 0, which is ρ‖g‖ because u = g/‖g‖ points uphill. */
        public double slopeAtZero() {
            return rho * gradientNorm;
        }

        @Override
        public Table toTable() {
            return Table.create("loss along w + t rho g/|g|", DoubleColumn.create("t", t), DoubleColumn.create("loss", loss));
        }
    }

    /**
     * Measures the slice on all of {@code data} (gradients in training mode, chunks of {@code chunk});
     * the network's parameters are restored exactly afterwards. The loss rises along +u, so the SAM
     * point w⁺ (t = 1) lies uphill of w.
     */
    public static Result through(ComputationGraph graph, boolean flatInput, ImageDataset data, double rho, double[] t, int chunk) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(data, "data");
        if (!(rho > 0) || !Double.isFinite(rho)) throw new IllegalArgumentException("rho " + rho + " must be positive and finite");
        if (t == null || t.length == 0) throw new IllegalArgumentException("the slice needs at least one t value");
        for (double v : t) if (!Double.isFinite(v)) throw new IllegalArgumentException("t value " + v + " must be finite");
        NetworkLoss objective = new NetworkLoss(graph);
        GradientProbe probe = new GradientProbe(objective, new NetworkInputs(data, flatInput), NetworkInputs.identity(data.size()), chunk);
        INDArray g = probe.gradient().gradient();
        double norm = g.norm2Number().doubleValue();
        if (!(norm > 0)) throw new IllegalArgumentException("the gradient is zero here: the SAM direction is undefined");
        INDArray step = g.muli(rho / norm);
        INDArray w = objective.parameters();
        INDArray saved = w.dup();
        double[] loss = new double[t.length];
        try {
            for (int i = 0; i < t.length; i++) {
                w.assign(saved).addi(step.mul(t[i]));
                loss[i] = probe.gradient().loss();
            }
        } finally {
            w.assign(saved);
        }
        return new Result(rho, norm, t, loss);
    }

    /** {@code n} equally spaced values from {@code from} to {@code to} (both included). */
    public static double[] grid(double from, double to, int n) {
        if (n < 2 || !(to > from)) throw new IllegalArgumentException("grid needs n >= 2 and from < to, not n=" + n + ", " + from + ".." + to);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = from + (to - from) * i / (n - 1);
        return t;
    }
}
