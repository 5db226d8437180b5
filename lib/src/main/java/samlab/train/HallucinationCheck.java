package samlab.train;

import java.util.Locale;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import samlab.Tabular;
import samlab.data.ImageDataset;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Is a trained network sitting at a hallucinated minimizer? Computes the full-batch gradient g at w
 * over a dataset (or a fixed seeded subset), the SAM point w⁺ = w + ρ g/‖g‖, and the gradient there.
 * Verdict: {@link Verdict#CRITICAL_POINT} when ‖g‖ ≤ {@code minGradientNorm} (w itself is near a
 * critical point), else {@link Verdict#HALLUCINATED} when ‖∇L(w⁺)‖/‖∇L(w)‖ ≤ {@code ratioThreshold}
 * (SAM is at rest although the loss gradient is not zero), else {@link Verdict#NOT_AT_REST}.
 * Gradients are taken in training mode (BatchNorm batch statistics over chunks of {@code chunk}).
 */
public final class HallucinationCheck {
    private HallucinationCheck() {}

    /** Default verdict rule: hallucinated when ‖∇L(w⁺)‖/‖∇L(w)‖ is at most this... */
    public static final double RATIO_THRESHOLD = 0.1;
    /** ...while ‖∇L(w)‖ is above this (else w is near a true critical point). */
    public static final double MIN_GRADIENT_NORM = 1e-3;

    /** Defaults: ratio threshold 0.1, minimum gradient norm 1e-3, all examples, chunks of 128. */
    public record Config(double rho, double ratioThreshold, double minGradientNorm, int samples, int chunk, long seed) {
        public Config {
            if (!(rho > 0) || !Double.isFinite(rho)) throw new IllegalArgumentException("rho " + rho + " must be positive");
            if (!(ratioThreshold > 0 && ratioThreshold < 1)) {
                throw new IllegalArgumentException("ratio threshold " + ratioThreshold + " must be in (0, 1)");
            }
            if (!(minGradientNorm >= 0)) throw new IllegalArgumentException("minimum gradient norm " + minGradientNorm + " must be >= 0");
            if (samples < 0) throw new IllegalArgumentException("samples " + samples + " must be >= 0 (0 = all)");
            if (chunk < 1) throw new IllegalArgumentException("chunk " + chunk + " must be >= 1");
        }

        public static Config of(double rho) {
            return new Config(rho, RATIO_THRESHOLD, MIN_GRADIENT_NORM, 0, 128, 0);
        }
    }

    /** What the check found. */
    public enum Verdict { HALLUCINATED, CRITICAL_POINT, NOT_AT_REST }

    /** The diagnostics, the verdict and the thresholds that produced it. */
    public record Report(Diagnostics diagnostics, Verdict verdict, double ratioThreshold, double minGradientNorm,
                         int examples) implements Tabular {
        @Override
        public Table toTable() {
            Diagnostics d = diagnostics;
            return Table.create("hallucination check",
                    DoubleColumn.create("rho", d.rho()), DoubleColumn.create("loss", d.loss()),
                    DoubleColumn.create("grad_norm", d.gradientNorm()),
                    DoubleColumn.create("grad_norm_perturbed", d.perturbedGradientNorm()),
                    DoubleColumn.create("ratio", d.ratio()), DoubleColumn.create("cosine", d.cosine()),
                    DoubleColumn.create("ratio_threshold", ratioThreshold),
                    DoubleColumn.create("min_grad_norm", minGradientNorm),
                    DoubleColumn.create("examples", (double) examples),
                    StringColumn.create("verdict", verdict.name()));
        }

        @Override
        public String toString() {
            Diagnostics d = diagnostics;
            return String.format(Locale.ROOT, "%s: |grad L(w)| = %.4g, |grad L(w+)| = %.4g, ratio %.4g (threshold %.3g), "
                            + "cosine %.4f, rho %.4g, %d examples", verdict, d.gradientNorm(), d.perturbedGradientNorm(),
                    d.ratio(), ratioThreshold, d.cosine(), d.rho(), examples);
        }
    }

    /** Runs the check on {@code graph} (its parameters are left exactly as they were). */
    public static Report run(ComputationGraph graph, boolean flatInput, ImageDataset data, Config config) {
        Objects.requireNonNull(graph, "graph");
        NetworkLoss objective = new NetworkLoss(graph);
        int[] rows = probeRows(data.size(), config.samples(), config.seed());
        GradientProbe probe = new GradientProbe(objective, new NetworkInputs(data, flatInput), rows, config.chunk());
        Diagnostics d = measure(objective, probe, config.rho());
        Verdict v = classify(d, config.ratioThreshold(), config.minGradientNorm());
        return new Report(d, v, config.ratioThreshold(), config.minGradientNorm(), rows.length);
    }

    /** The verdict rule (see the class comment). */
    public static Verdict classify(Diagnostics d, double ratioThreshold, double minGradientNorm) {
        if (d.gradientNorm() <= minGradientNorm) return Verdict.CRITICAL_POINT;
        return d.ratio() <= ratioThreshold ? Verdict.HALLUCINATED : Verdict.NOT_AT_REST;
    }

    /** The first {@code samples} rows of a seeded permutation (all rows when 0 or ≥ n). */
    static int[] probeRows(int n, int samples, long seed) {
        if (samples <= 0 || samples >= n) return NetworkInputs.identity(n);
        int[] p = samlab.data.SeededRandom.epochOrder(n, seed, -1);
        int[] out = java.util.Arrays.copyOf(p, samples);
        java.util.Arrays.sort(out);
        return out;
    }

    /** The diagnostics at the objective's current parameters, restoring them exactly. */
    static Diagnostics measure(NetworkLoss objective, GradientProbe probe, double rho) {
        GradientProbe.Result at = probe.gradient();
        INDArray g = at.gradient();
        double norm = g.norm2Number().doubleValue();
        INDArray w = objective.parameters();
        INDArray saved = w.dup();
        w.addi(g.mul(rho / (norm + 1e-12)));
        INDArray gp;
        try {
            gp = probe.gradient().gradient();
        } finally {
            w.assign(saved);
        }
        double normPlus = gp.norm2Number().doubleValue();
        double dot = g.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
                .mul(gp.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)).sumNumber().doubleValue();
        return new Diagnostics(rho, at.loss(), norm, normPlus, normPlus / norm, dot / (norm * normPlus));
    }
}
