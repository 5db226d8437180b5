package samlab.train;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import samlab.Tabular;
import samlab.data.ImageDataset;
import samlab.landscape.Perturbation;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Why is SAM (not) moving? Computes, on a fixed probe set, the {@link Diagnostics} at w and at the
 * SAM point w⁺ = w + ρ g/(‖g‖ + ε) (the {@link Perturbation} of the config; the training run's when
 * called by the trainer, see {@code samlab.optim.SamConfig#diagnosticPerturbation()}) (gradient norms, their ratio and cosine, ‖w‖, the fraction of active
 * ReLU units, optionally the top Hessian eigenvalues) and names the mechanism with
 * {@link #classify}: a hallucinated minimizer in the paper's sense (∇L(w⁺) → 0 while ∇L(w) ≠ 0, in
 * a live network), a dead-unit plateau, a true critical point, a step size beyond the stability
 * limit, or none of these (not at rest). Gradients are taken in training mode (BatchNorm batch
 * statistics over chunks of {@code chunk}); the network's parameters are left exactly as they were.
 */
public final class HallucinationCheck {
    private HallucinationCheck() {}

    /** Default verdict rule: hallucinated when ‖∇L(w⁺)‖/‖∇L(w)‖ is at most this... */
    public static final double RATIO_THRESHOLD = 0.1;
    /** ...while ‖∇L(w)‖ is above this (else w is near a true critical point). */
    public static final double MIN_GRADIENT_NORM = 1e-3;

    /**
     * The thresholds of {@link #classify}, reported with every verdict.
     *
     * @param ratio           SAM is at rest when ‖∇L(w⁺)‖/‖∇L(w)‖ ≤ this (default 0.1)
     * @param minGradientNorm w is a critical point when ‖∇L(w)‖ ≤ this (default 1e-3)
     * @param deadFraction    a dead plateau when the active fraction at w⁺ (smallest over ReLU layers)
     *                        is ≤ this (default 0.05: fewer than 1 in 20 unit outputs fire)
     * @param stabilityLimit  a step is unstable when η·λ_max ≥ this (default 2, the limit of gradient
     *                        descent on a quadratic; Theorem 2's |1 − ηλ| &lt; 1)
     * @param maxDecayRate    ∇L(w⁺) still going to 0 when its geometric rate over the last
     *                        diagnostics (see {@link GeometricDecay}) is &lt; this (default 1); an unknown
     *                        (NaN) rate does not block the verdict
     */
    public record Thresholds(double ratio, double minGradientNorm, double deadFraction, double stabilityLimit,
                             double maxDecayRate) {
        public static final Thresholds DEFAULT = new Thresholds(RATIO_THRESHOLD, MIN_GRADIENT_NORM, 0.05, 2.0, 1.0);

        /**
         * @throws IllegalArgumentException if {@code ratio} is not in (0, 1), {@code minGradientNorm} is
         *         negative or NaN, {@code deadFraction} is not in [0, 1), or {@code stabilityLimit} or
         *         {@code maxDecayRate} is not positive
         */
        public Thresholds {
            if (!(ratio > 0 && ratio < 1)) throw new IllegalArgumentException("ratio threshold " + ratio + " must be in (0, 1)");
            if (!(minGradientNorm >= 0)) throw new IllegalArgumentException("minimum gradient norm " + minGradientNorm + " must be >= 0");
            if (!(deadFraction >= 0 && deadFraction < 1)) {
                throw new IllegalArgumentException("dead fraction " + deadFraction + " must be in [0, 1)");
            }
            if (!(stabilityLimit > 0)) throw new IllegalArgumentException("stability limit " + stabilityLimit + " must be positive");
            if (!(maxDecayRate > 0)) throw new IllegalArgumentException("maximum decay rate " + maxDecayRate + " must be positive");
        }

        /**
         * The defaults with another ratio threshold and minimum gradient norm.
         *
         * @throws IllegalArgumentException if {@code ratio} is not in (0, 1) or {@code minGradientNorm}
         *         is negative or NaN
         */
        public static Thresholds of(double ratio, double minGradientNorm) {
            return new Thresholds(ratio, minGradientNorm, DEFAULT.deadFraction, DEFAULT.stabilityLimit, DEFAULT.maxDecayRate);
        }
    }

    /**
     * @param rho               radius of w⁺
     * @param thresholds        the verdict rule's thresholds
     * @param samples           probe examples, a seeded subset (0 = all)
     * @param chunk             examples per forward/backward pass
     * @param learningRate      the step size η the network was trained with (NaN = unknown: no stability verdict)
     * @param hessianIterations power iterations for λ_max at w and w⁺ (0 = not estimated)
     * @param perturbation      the rule of w⁺ (normalised with the run's ε for SAM runs)
     */
    public record Config(double rho, Thresholds thresholds, int samples, int chunk, long seed, double learningRate,
                         int hessianIterations, Perturbation perturbation) {
        /**
         * @throws NullPointerException     if {@code thresholds} or {@code perturbation} is null
         * @throws IllegalArgumentException if {@code rho} is not a finite number &gt; 0, {@code samples}
         *         is negative, {@code chunk} is below 1, {@code learningRate} is neither &gt; 0 nor NaN,
         *         or {@code hessianIterations} is negative
         */
        public Config {
            Objects.requireNonNull(perturbation, "perturbation");
            if (!(rho > 0) || !Double.isFinite(rho)) throw new IllegalArgumentException("rho " + rho + " must be positive");
            Objects.requireNonNull(thresholds, "thresholds");
            if (samples < 0) throw new IllegalArgumentException("samples " + samples + " must be >= 0 (0 = all)");
            if (chunk < 1) throw new IllegalArgumentException("chunk " + chunk + " must be >= 1");
            if (!(learningRate > 0) && !Double.isNaN(learningRate)) {
                throw new IllegalArgumentException("learning rate " + learningRate + " must be positive (or NaN = unknown)");
            }
            if (hessianIterations < 0) throw new IllegalArgumentException("Hessian iterations " + hessianIterations + " must be >= 0");
        }

        /**
         * Default thresholds, all examples, chunks of 128, no η, no Hessian.
         *
         * @throws IllegalArgumentException if {@code rho} is not a finite number &gt; 0
         */
        public static Config of(double rho) {
            return new Config(rho, Thresholds.DEFAULT, 0, 128, 0, Double.NaN, 0, Perturbation.DEFAULT);
        }

        /** This config with the training step size (enables the stability verdict) and λ_max by {@code iterations} power iterations. */
        public Config withStability(double learningRate, int iterations) {
            return new Config(rho, thresholds, samples, chunk, seed, learningRate, iterations, perturbation);
        }

        /** This config with another perturbation rule (e.g. the training run's). */
        public Config withPerturbation(Perturbation p) {
            return new Config(rho, thresholds, samples, chunk, seed, learningRate, hessianIterations, p);
        }

        public double ratioThreshold() {
            return thresholds.ratio();
        }

        public double minGradientNorm() {
            return thresholds.minGradientNorm();
        }
    }

    /** The mechanism the check found (see {@link #classify} for the rule). */
    public enum Verdict {
        /** Live network, ∇L(w⁺) small (and not growing) while ∇L(w) is not: the paper's hallucinated minimizer. */
        HALLUCINATED,
        /** The ReLU units at w⁺ (some layer) essentially all off: SAM's step cannot move the layers before them. */
        DEAD_PLATEAU,
        /** ∇L(w) itself ≈ 0: an ordinary critical point, nothing hallucinated. */
        CRITICAL_POINT,
        /** η·λ_max at or past the stability limit (at w⁺ for a rest point, at w otherwise): the step overshoots. */
        UNSTABLE_STEP,
        /** None of the above: SAM is still moving. */
        NOT_AT_REST
    }

    /**
     * The diagnostics, per-layer activity, the verdict and the thresholds that produced it. An
     * unconverged λ_max estimate is a Rayleigh quotient, i.e. only a lower bound on λ_max (up to the
     * finite-difference error): the table keeps the number and says so in {@code lambda_max_converged},
     * the text prints it as "&gt;= x (not converged)".
     */
    public record Report(Diagnostics diagnostics, Verdict verdict, Thresholds thresholds, double learningRate,
                         Map<String, Double> activeAt, Map<String, Double> activePerturbed, int examples) implements Tabular {
        public Report {
            activeAt = Map.copyOf(activeAt);
            activePerturbed = Map.copyOf(activePerturbed);
        }

        /**
         * Whether the power iteration for λ_max(w) met its tolerance ({@link TopEigenvalue.Result#converged()});
         * false also when λ_max was not estimated (then it is NaN).
         *
         * @return {@link Diagnostics#topEigenvalueConverged()}
         */
        public boolean lambdaConverged() {
            return diagnostics.topEigenvalueConverged();
        }

        /**
         * The same for λ_max(w⁺).
         *
         * @return {@link Diagnostics#perturbedTopEigenvalueConverged()}
         */
        public boolean perturbedLambdaConverged() {
            return diagnostics.perturbedTopEigenvalueConverged();
        }

        public double ratioThreshold() {
            return thresholds.ratio();
        }

        public double minGradientNorm() {
            return thresholds.minGradientNorm();
        }

        @Override
        public Table toTable() {
            Diagnostics d = diagnostics;
            return Table.create("hallucination check",
                    DoubleColumn.create("rho", d.rho()), DoubleColumn.create("loss", d.loss()),
                    DoubleColumn.create("loss_perturbed", d.perturbedLoss()),
                    DoubleColumn.create("grad_norm", d.gradientNorm()),
                    DoubleColumn.create("grad_norm_perturbed", d.perturbedGradientNorm()),
                    DoubleColumn.create("ratio", d.ratio()), DoubleColumn.create("cosine", d.cosine()),
                    DoubleColumn.create("weight_norm", d.weightNorm()), DoubleColumn.create("rho_over_weight_norm", d.relativeRadius()),
                    DoubleColumn.create("active_fraction", d.activeFraction()),
                    DoubleColumn.create("active_fraction_perturbed", d.perturbedActiveFraction()),
                    DoubleColumn.create("lambda_max", d.topEigenvalue()),
                    DoubleColumn.create("lambda_max_perturbed", d.perturbedTopEigenvalue()),
                    BooleanColumn.create("lambda_max_converged", lambdaConverged()),
                    BooleanColumn.create("lambda_max_perturbed_converged", perturbedLambdaConverged()),
                    DoubleColumn.create("eta_lambda_max", learningRate * d.topEigenvalue()),
                    DoubleColumn.create("ratio_threshold", thresholds.ratio()),
                    DoubleColumn.create("min_grad_norm", thresholds.minGradientNorm()),
                    DoubleColumn.create("dead_fraction", thresholds.deadFraction()),
                    DoubleColumn.create("stability_limit", thresholds.stabilityLimit()),
                    DoubleColumn.create("examples", (double) examples),
                    StringColumn.create("verdict", verdict.name()));
        }

        @Override
        public String toString() {
            Diagnostics d = diagnostics;
            return String.format(Locale.ROOT, "%s: |grad L(w)| = %.4g, |grad L(w+)| = %.4g, ratio %.4g (threshold %.3g), "
                            + "cosine %.4f, active units %.3g -> %.3g (dead at <= %.3g), lambda_max %s -> %s, eta %.4g, "
                            + "|w| = %.4g, rho %.4g, %d examples", verdict, d.gradientNorm(), d.perturbedGradientNorm(),
                    d.ratio(), thresholds.ratio(), d.cosine(), d.activeFraction(), d.perturbedActiveFraction(),
                    thresholds.deadFraction(), eigenvalueText(d.topEigenvalue(), lambdaConverged()),
                    eigenvalueText(d.perturbedTopEigenvalue(), perturbedLambdaConverged()), learningRate, d.weightNorm(),
                    d.rho(), examples);
        }

        /** "x" for a converged (or unmeasured, NaN) estimate, "&gt;= x (not converged)" for a lower bound. */
        private static String eigenvalueText(double lambda, boolean converged) {
            String x = String.format(Locale.ROOT, "%.4g", lambda);
            return converged || Double.isNaN(lambda) ? x : ">= " + x + " (not converged)";
        }
    }

    /**
     * Runs the check on {@code graph} (its parameters are left exactly as they were).
     *
     * @param flatInput whether the network takes flat rows (the MLP) rather than C×H×W images
     * @throws NullPointerException if {@code graph} is null
     */
    public static Report run(ComputationGraph graph, boolean flatInput, ImageDataset data, Config config) {
        Objects.requireNonNull(graph, "graph");
        NetworkLoss objective = new NetworkLoss(graph);
        int[] rows = probeRows(data.size(), config.samples(), config.seed());
        GradientProbe probe = new GradientProbe(objective, new Batches(data, flatInput), rows, config.chunk());
        Measurement m = measureAll(objective, probe, config.perturbation(), config.rho(), config.hessianIterations());
        Verdict v = classify(m.diagnostics(), config.learningRate(), Double.NaN, config.thresholds());
        return new Report(m.diagnostics(), v, config.thresholds(), config.learningRate(), m.activeAt(), m.activePerturbed(),
                rows.length);
    }

    /** The ratio-only rule of earlier versions: {@link #classify(Diagnostics, double, double, Thresholds)} without η, activity or rate. */
    public static Verdict classify(Diagnostics d, double ratioThreshold, double minGradientNorm) {
        return classify(d, Double.NaN, Double.NaN, Thresholds.of(ratioThreshold, minGradientNorm));
    }

    /**
     * The mechanism, decided in this order (unknown quantities, NaN, never trigger a rule):
     * <ol>
     * <li>{@code CRITICAL_POINT} if ‖∇L(w)‖ ≤ minGradientNorm;</li>
     * <li>{@code DEAD_PLATEAU} if the active fraction at w⁺ ≤ deadFraction (SAM's gradient, taken at
     *     w⁺, then carries nothing to the layers before the dead one, whatever the ratio);</li>
     * <li>at rest, i.e. ratio ≤ ratio threshold and the decay rate of ‖∇L(w⁺)‖ (if known) &lt; maxDecayRate:
     *     {@code UNSTABLE_STEP} if η·λ_max(w⁺) ≥ stabilityLimit (the rest point repels: Theorem 2's
     *     factor 1 − ηλ leaves [−1, 1]), else {@code HALLUCINATED};</li>
     * <li>not at rest: {@code UNSTABLE_STEP} if η·λ_max(w) ≥ stabilityLimit, else {@code NOT_AT_REST}.</li>
     * </ol>
     * An unconverged λ_max estimate (see {@link Report#lambdaConverged()}) is used only as what it is, a
     * lower bound: η·(lower bound) ≥ stabilityLimit proves {@code UNSTABLE_STEP}; below the limit it
     * proves nothing, and the rule then reads it like an unknown λ_max (no instability verdict), never
     * as evidence of a stable step. Since both cases give the same verdict as this rule applied to the
     * number, {@code d} may carry unconverged estimates.
     *
     * @param learningRate the training step η (NaN = unknown)
     * @param decayRate    geometric rate of ‖∇L(w⁺)‖ over the last diagnostics (NaN = unknown)
     */
    public static Verdict classify(Diagnostics d, double learningRate, double decayRate, Thresholds t) {
        if (d.gradientNorm() <= t.minGradientNorm()) return Verdict.CRITICAL_POINT;
        if (d.perturbedActiveFraction() <= t.deadFraction()) return Verdict.DEAD_PLATEAU;
        boolean atRest = d.ratio() <= t.ratio() && !(decayRate >= t.maxDecayRate());
        if (atRest) {
            return learningRate * d.perturbedTopEigenvalue() >= t.stabilityLimit() ? Verdict.UNSTABLE_STEP : Verdict.HALLUCINATED;
        }
        return learningRate * d.topEigenvalue() >= t.stabilityLimit() ? Verdict.UNSTABLE_STEP : Verdict.NOT_AT_REST;
    }

    /** The first {@code samples} rows of a seeded permutation (all rows when 0 or ≥ n). */
    static int[] probeRows(int n, int samples, long seed) {
        if (samples <= 0 || samples >= n) return Batches.identity(n);
        int[] p = samlab.data.SeededRandom.epochOrder(n, seed, -1);
        int[] out = java.util.Arrays.copyOf(p, samples);
        java.util.Arrays.sort(out);
        return out;
    }

    /** The diagnostics and the per-layer activity at w and w⁺. */
    record Measurement(Diagnostics diagnostics, Map<String, Double> activeAt, Map<String, Double> activePerturbed) {}

    /**
     * The gradient diagnostics (and ‖w‖, active units) with w⁺ = w + {@code perturbation}'s e(ρ, g),
     * restoring the parameters exactly. At g = 0, w⁺ = w (zero-gradient limit).
     */
    static Diagnostics measure(NetworkLoss objective, GradientProbe probe, Perturbation perturbation, double rho) {
        return measureAll(objective, probe, perturbation, rho, 0).diagnostics();
    }

    /**
     * All diagnostics at the objective's current parameters: gradients, ‖w‖, active units at w and w⁺,
     * and with {@code hessianIterations} &gt; 0 the top Hessian eigenvalue at both points. The
     * parameters are restored exactly.
     */
    static Measurement measureAll(NetworkLoss objective, GradientProbe probe, Perturbation perturbation, double rho,
                                  int hessianIterations) {
        GradientProbe.Result at = probe.gradient();
        INDArray g = at.gradient();
        double norm = g.norm2Number().doubleValue();
        INDArray w = objective.parameters();
        INDArray trainable = objective.layout().trainable();
        double weightNorm = w.mul(trainable).norm2Number().doubleValue();
        Map<String, Double> activeAt = probe.activeUnits();
        INDArray saved = w.dup();
        INDArray gp;
        double lossPlus;
        Map<String, Double> activePlus;
        double lambdaPlus = Double.NaN;
        boolean convergedPlus = false;
        try {
            w.addi(g.mul(perturbation.scale(rho, norm)));
            GradientProbe.Result plus = probe.gradient();
            gp = plus.gradient();
            lossPlus = plus.loss();
            activePlus = probe.activeUnits();
            if (hessianIterations > 0) {
                TopEigenvalue.Result r = probe.topEigenvalue(hessianIterations);
                lambdaPlus = r.eigenvalue();
                convergedPlus = r.converged();
            }
        } finally {
            w.assign(saved);
        }
        TopEigenvalue.Result atW = hessianIterations > 0 ? probe.topEigenvalue(hessianIterations) : null;
        double lambda = atW == null ? Double.NaN : atW.eigenvalue();
        w.assign(saved);
        double normPlus = gp.norm2Number().doubleValue();
        double dot = g.castTo(DataType.DOUBLE).mul(gp.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
        Diagnostics d = new Diagnostics(rho, at.loss(), norm, normPlus, normPlus / norm, dot / (norm * normPlus), lossPlus,
                weightNorm, ActiveUnits.bottleneck(activeAt), ActiveUnits.bottleneck(activePlus), lambda, lambdaPlus,
                atW != null && atW.converged(), convergedPlus);
        return new Measurement(d, activeAt, activePlus);
    }
}
