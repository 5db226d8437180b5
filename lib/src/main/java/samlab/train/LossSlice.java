package samlab.train;

import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import samlab.Tabular;
import samlab.data.ImageDataset;
import samlab.landscape.Perturbation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The loss of a network along the SAM direction: L(w + t·e) for a grid of t, where e = ρ g/(‖g‖ + ε)
 * is the SAM perturbation ({@link Perturbation}, ε = {@link Perturbation#DEFAULT_EPSILON} unless
 * given) of the full-batch gradient g at w over {@code data}. t = 0 is the network as trained, t = 1 is the SAM
 * point w⁺; the network-sized version of the 1-D pictures of the theory notebooks. A hallucinated
 * minimizer shows as a loss that still falls from t = 0 (slope −ρ‖g‖) while t = 1 sits at the
 * bottom of a flat stretch (∇L(w⁺) ≈ 0).
 */
public final class LossSlice {
    private LossSlice() {}

    /**
     * The slice and its context.
     *
     * @param rho              the radius ρ
     * @param gradientNorm     ‖g‖ at w
     * @param perturbationNorm ‖e‖ (ρ‖g‖/(‖g‖ + ε); 0 at g = 0, where the slice is flat)
     * @param t                the grid (copied)
     * @param loss             L(w + t·e) for each t (copied)
     */
    public record Result(double rho, double gradientNorm, double perturbationNorm, double[] t, double[] loss) implements Tabular {
        public Result {
            t = t.clone();
            loss = loss.clone();
        }

        /** d/dt L(w + t e) at t = 0: g·e = ‖e‖‖g‖ (≈ ρ‖g‖) because e points along g, uphill. */
        public double slopeAtZero() {
            return perturbationNorm * gradientNorm;
        }

        @Override
        public Table toTable() {
            return Table.create("loss along w + t rho g/|g|", DoubleColumn.create("t", t), DoubleColumn.create("loss", loss));
        }
    }

    /**
     * As {@link #through(ComputationGraph, boolean, ImageDataset, Perturbation, double, double[], int)}
     * with {@link Perturbation#DEFAULT}, the training default.
     *
     * @throws NullPointerException     if {@code graph} or {@code data} is null
     * @throws IllegalArgumentException if {@code rho} is not finite and &gt; 0, {@code t} is null or
     *                                  empty or holds a non-finite value, or {@code chunk} &lt; 1
     */
    public static Result through(ComputationGraph graph, boolean flatInput, ImageDataset data, double rho, double[] t, int chunk) {
        return through(graph, flatInput, data, Perturbation.DEFAULT, rho, t, chunk);
    }

    /**
     * Measures the slice on all of {@code data} (gradients in training mode, chunks of {@code chunk});
     * the network's parameters are restored exactly afterwards. The loss rises along +e, so the SAM
     * point w⁺ (t = 1) lies uphill of w. At g = 0 the perturbation is 0 and every entry is L(w).
     *
     * @param graph        the trained network (parameters restored exactly afterwards)
     * @param flatInput    whether the network takes flattened images ({@code Architecture.flatInput()})
     * @param data         the examples of the full-batch gradient and of every loss value
     * @param perturbation the rule of e (a run's {@code SamConfig.diagnosticPerturbation()} gives its w⁺)
     * @param rho          the radius ρ &gt; 0
     * @param t            the grid of t (t = 1 is w⁺), finite values
     * @param chunk        examples per forward/backward pass, ≥ 1
     * @return ρ, ‖g‖, ‖e‖ and the loss at each t
     * @throws NullPointerException     if {@code graph}, {@code data} or {@code perturbation} is null
     * @throws IllegalArgumentException if {@code rho} is not finite and &gt; 0, {@code t} is null or
     *                                  empty or holds a non-finite value, or {@code chunk} &lt; 1
     */
    public static Result through(ComputationGraph graph, boolean flatInput, ImageDataset data, Perturbation perturbation,
                                 double rho, double[] t, int chunk) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(perturbation, "perturbation");
        Objects.requireNonNull(data, "data");
        if (!(rho > 0) || !Double.isFinite(rho)) throw new IllegalArgumentException("rho " + rho + " must be positive and finite");
        if (t == null || t.length == 0) throw new IllegalArgumentException("the slice needs at least one t value");
        for (double v : t) if (!Double.isFinite(v)) throw new IllegalArgumentException("t value " + v + " must be finite");
        NetworkLoss objective = new NetworkLoss(graph);
        GradientProbe probe = new GradientProbe(objective, new Batches(data, flatInput), Batches.identity(data.size()), chunk);
        INDArray g = probe.gradient().gradient();
        double norm = g.norm2Number().doubleValue();
        INDArray step = g.muli(perturbation.scale(rho, norm));
        double stepNorm = step.norm2Number().doubleValue();
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
        return new Result(rho, norm, stepNorm, t, loss);
    }
}
