package samlab.train;

import java.util.Locale;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import samlab.Tabular;
import samlab.data.ImageDataset;
import samlab.landscape.Perturbation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Is a trained network sitting at a hallucinated minimizer? Computes the full-batch gradient g at w
 * over a dataset (or a fixed seeded subset), the SAM point w⁺ = w + ρ g/(‖g‖ + ε) (the
 * {@link Perturbation} of the config; the training run's when called by the trainer, see
 * {@code samlab.optim.SamConfig#diagnosticPerturbation()}), and the gradient there.
 * Verdict: {@link Verdict#CRITICAL_POINT} when ‖g‖ ≤ {@code minGradientNorm} (w itself is near a
 * critical point), else {@link Verdict#HALLUCINATED} when ‖∇L(w⁺)‖/‖∇L(w)‖ ≤ {@code ratioThreshold}
 * (SAM is at rest although the loss gradient is not zero), else {@link Verdict#NOT_AT_REST}.
 * Gradients are taken in training mode (BatchNorm batch statistics over chunks of {@code chunk}).
 */
public final class HallucinationCheck {
    private HallucinationCheck() {}

    /**
     * Settings of the check. Defaults ({@link #of}): ratio threshold 0.1, minimum gradient norm 1e-3,
     * all examples, chunks of 128, {@link Perturbation#DEFAULT}.
     *
     * @param rho             the radius ρ &gt; 0 of w⁺
     * @param ratioThreshold  ‖∇L(w⁺)‖/‖∇L(w)‖ at or below which SAM counts as at rest, in (0, 1)
     * @param minGradientNorm ‖∇L(w)‖ at or below which w counts as a critical point, ≥ 0
     * @param samples         probe examples (a seeded subset), 0 = all
     * @param chunk           examples per forward/backward pass, ≥ 1
     * @param seed            seed of the probe subset
     * @param perturbation    the rule of w⁺ (normalised with the run's ε for SAM runs)
     */
    public record Config(double rho, double ratioThreshold, double minGradientNorm, int samples, int chunk, long seed,
                         Perturbation perturbation) {
        /**
         * @throws NullPointerException     if {@code perturbation} is null
         * @throws IllegalArgumentException if {@code rho} is not finite and &gt; 0, {@code ratioThreshold}
         *                                  not in (0, 1), {@code minGradientNorm} not ≥ 0, {@code samples} &lt; 0
         *                                  or {@code chunk} &lt; 1
         */
        public Config {
            Objects.requireNonNull(perturbation, "perturbation");
            if (!(rho > 0) || !Double.isFinite(rho)) throw new IllegalArgumentException("rho " + rho + " must be positive");
            if (!(ratioThreshold > 0 && ratioThreshold < 1)) {
                throw new IllegalArgumentException("ratio threshold " + ratioThreshold + " must be in (0, 1)");
            }
            if (!(minGradientNorm >= 0)) throw new IllegalArgumentException("minimum gradient norm " + minGradientNorm + " must be >= 0");
            if (samples < 0) throw new IllegalArgumentException("samples " + samples + " must be >= 0 (0 = all)");
            if (chunk < 1) throw new IllegalArgumentException("chunk " + chunk + " must be >= 1");
        }

        /** As the canonical constructor with {@link Perturbation#DEFAULT}. */
        public Config(double rho, double ratioThreshold, double minGradientNorm, int samples, int chunk, long seed) {
            this(rho, ratioThreshold, minGradientNorm, samples, chunk, seed, Perturbation.DEFAULT);
        }

        /**
         * The defaults at radius ρ.
         *
         * @throws IllegalArgumentException if {@code rho} is not finite and &gt; 0
         */
        public static Config of(double rho) {
            return new Config(rho, 0.1, 1e-3, 0, 128, 0);
        }

        /** This config with another perturbation rule (e.g. the training run's). */
        public Config withPerturbation(Perturbation p) {
            return new Config(rho, ratioThreshold, minGradientNorm, samples, chunk, seed, p);
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
        Diagnostics d = measure(objective, probe, config.perturbation(), config.rho());
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

    /**
     * The diagnostics at the objective's current parameters, with w⁺ = w + {@code perturbation}'s
     * e(ρ, g), restoring the parameters exactly. At g = 0, w⁺ = w (zero-gradient limit).
     */
    static Diagnostics measure(NetworkLoss objective, GradientProbe probe, Perturbation perturbation, double rho) {
        GradientProbe.Result at = probe.gradient();
        INDArray g = at.gradient();
        double norm = g.norm2Number().doubleValue();
        INDArray w = objective.parameters();
        INDArray saved = w.dup();
        w.addi(g.mul(perturbation.scale(rho, norm)));
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
