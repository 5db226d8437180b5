package samlab.optim;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import samlab.landscape.Perturbation;

/**
 * How SAM perturbs a network. With g the loss gradient at w over the trainable entries (global
 * norm over all of them), ρ from the schedule and the rule of {@link #perturbation()}:
 * <ul>
 * <li>{@link Variant#SAM}: e = ρ g/(‖g‖ + ε) (Foret et al. 2021, arXiv:2010.01412), ε =
 *     {@link Perturbation#DEFAULT_EPSILON} by default, 0 allowed (exact normalisation);</li>
 * <li>{@link Variant#USAM}: e = ρ g (Andriushchenko and Flammarion 2022, arXiv:2206.06232);</li>
 * <li>{@link Variant#ASAM}: e = ρ T²g/(‖Tg‖ + ε) with T = |w| + η elementwise on weights (kernels) and
 *     T = 1 on biases and BatchNorm scale/shift unless {@code asamAllParameters} (Kwon et al. 2021,
 *     arXiv:2102.11600, eq. 8 with their T_w).</li>
 * </ul>
 * At g = 0 (Tg = 0 for ASAM) e = 0 for every variant and every ε ≥ 0 (the zero-gradient limit of
 * {@link Perturbation}), so a SAM step at an exact critical point is the base step.
 * {@code shards} &gt; 1 is m-sharpness (Foret et al. 2021, §4; Andriushchenko and Flammarion 2022):
 * the batch is split into m shards, each gets its own perturbation and second gradient, and the base
 * update uses their size-weighted mean. {@code secondPassStatistics} false (default) keeps the
 * BatchNorm running statistics of the first pass: the second pass (at w + e) does not update them.
 *
 * @param variant              the algorithm
 * @param rho                  ρ over the run (see {@link RhoSchedule}), values ≥ 0
 * @param epsilon              the guard ε ≥ 0 of SAM and ASAM (not used by USAM)
 * @param asamEta              ASAM's η ≥ 0 in T = |w| + η
 * @param asamAllParameters    ASAM scales biases and BatchNorm parameters too
 * @param shards               m ≥ 1 of m-sharpness
 * @param secondPassStatistics whether the perturbed pass sets the BatchNorm running statistics
 */
public record SamConfig(Variant variant, RunSchedule rho, double epsilon, double asamEta,
                        boolean asamAllParameters, int shards, boolean secondPassStatistics) {
    /** The one ε default: {@link Perturbation#DEFAULT_EPSILON}. */
    public static final double DEFAULT_EPSILON = Perturbation.DEFAULT_EPSILON;
    /** ASAM's η of Kwon et al. 2021. */
    public static final double DEFAULT_ASAM_ETA = 0.01;

    /**
     * The training algorithm; its perturbation rule is {@link #perturbation()}. Its SAM is the
     * ε-regularised rule with this config's ε, which is {@code samlab.landscape.SamVariant.EPS}
     * (and {@code SamVariant.SAM} only when ε = 0).
     */
    public enum Variant {
        /** Foret et al. 2021: e = ρ g/(‖g‖ + ε). */
        SAM,
        /** Unnormalised: e = ρ g. */
        USAM,
        /** Adaptive (Kwon et al. 2021): e = ρ T²g/(‖Tg‖ + ε). */
        ASAM
    }

    /**
     * @throws NullPointerException     if {@code variant} or {@code rho} is null
     * @throws IllegalArgumentException if {@code epsilon} or {@code asamEta} is negative, NaN or
     *                                  infinite, or {@code shards} &lt; 1
     */
    public SamConfig {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(rho, "rho");
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon " + epsilon + " must be >= 0 and finite");
        }
        if (!(asamEta >= 0) || !Double.isFinite(asamEta)) {
            throw new IllegalArgumentException("ASAM eta " + asamEta + " must be >= 0 and finite");
        }
        if (shards < 1) throw new IllegalArgumentException("m-sharpness shards " + shards + " must be >= 1");
    }

    /**
     * Plain SAM with constant ρ and the defaults.
     *
     * @param rho the radius ρ, a finite number ≥ 0
     * @return SAM, ε = {@link #DEFAULT_EPSILON}, one shard
     * @throws IllegalArgumentException if {@code rho} is negative, NaN or infinite
     */
    public static SamConfig sam(double rho) {
        return of(Variant.SAM, rho);
    }

    /**
     * A variant with constant ρ and the defaults (ε = {@link #DEFAULT_EPSILON}, ASAM η =
     * {@link #DEFAULT_ASAM_ETA} on weights only, one shard, first-pass BatchNorm statistics).
     *
     * @param variant the algorithm
     * @param rho     the radius ρ, a finite number ≥ 0
     * @return the config
     * @throws NullPointerException     if {@code variant} is null
     * @throws IllegalArgumentException if {@code rho} is negative, NaN or infinite
     */
    public static SamConfig of(Variant variant, double rho) {
        return new SamConfig(variant, RhoSchedule.constant(rho), DEFAULT_EPSILON, DEFAULT_ASAM_ETA, false, 1, false);
    }

    /**
     * This config with m-sharpness over {@code m} shards.
     *
     * @param m the number of shards, ≥ 1
     * @return a copy with {@code shards = m}
     * @throws IllegalArgumentException if {@code m} &lt; 1
     */
    public SamConfig withShards(int m) {
        return new SamConfig(variant, rho, epsilon, asamEta, asamAllParameters, m, secondPassStatistics);
    }

    /**
     * This config with another ρ schedule.
     *
     * @param schedule ρ over the run, values ≥ 0
     * @return a copy with {@code rho = schedule}
     * @throws NullPointerException if {@code schedule} is null
     */
    public SamConfig withRho(RunSchedule schedule) {
        return new SamConfig(variant, schedule, epsilon, asamEta, asamAllParameters, shards, secondPassStatistics);
    }

    /**
     * This config with another ε.
     *
     * @param eps the guard ε, a finite number ≥ 0
     * @return a copy with {@code epsilon = eps}
     * @throws IllegalArgumentException if {@code eps} is negative, NaN or infinite
     */
    public SamConfig withEpsilon(double eps) {
        return new SamConfig(variant, rho, eps, asamEta, asamAllParameters, shards, secondPassStatistics);
    }

    /** The rule of the training step: normalised with ε for SAM and ASAM (applied to Tg), unnormalised for USAM. */
    public Perturbation perturbation() {
        return variant == Variant.USAM ? Perturbation.UNNORMALISED : Perturbation.normalised(epsilon);
    }

    /**
     * The perturbation of the run's diagnostics (the hallucination check w⁺ = w + ρ g/(‖g‖ + ε)):
     * SAM's normalised rule with this config's ε for every variant, so that runs of different
     * variants are measured alike; for SAM it is exactly the training w⁺.
     */
    public Perturbation diagnosticPerturbation() {
        return Perturbation.normalised(epsilon);
    }

    /**
     * The perturbation e for gradient {@code g} at parameters {@code w} (a new array; zero on
     * running-statistics entries). Shapes: all three arrays are the flattened parameter vector.
     *
     * @param g      the loss gradient at w
     * @param w      the parameters (read by ASAM only)
     * @param layout which entries are trainable and which are weights
     * @param rho    the radius ρ ≥ 0 at this step
     * @return e, a new array of the parameter vector's shape
     */
    public INDArray perturbation(INDArray g, INDArray w, ParameterLayout layout, double rho) {
        return perturbation(g, w, layout, rho, g.ulike());
    }

    /**
     * As {@link #perturbation(INDArray, INDArray, ParameterLayout, double)}, written into {@code out} (returned).
     *
     * @param g      the loss gradient at w
     * @param w      the parameters (read by ASAM only)
     * @param layout which entries are trainable and which are weights
     * @param rho    the radius ρ ≥ 0 at this step
     * @param out    receives e; the parameter vector's shape (may be {@code g}; must not be {@code w})
     * @return {@code out}
     */
    public INDArray perturbation(INDArray g, INDArray w, ParameterLayout layout, double rho, INDArray out) {
        INDArray gt = out.assign(g).muli(layout.trainable());
        Perturbation rule = perturbation();
        if (rule.kind() == Perturbation.Kind.UNNORMALISED) return gt.muli(rule.scale(rho, Double.NaN));
        INDArray scale = null;
        if (variant == Variant.ASAM) {
            INDArray mask = asamAllParameters ? layout.trainable() : layout.weights();
            // T = 1 + mask·(|w| + η − 1): |w| + η on the masked entries, 1 elsewhere
            scale = Transforms.abs(w, true).addi(asamEta - 1).muli(mask).addi(1);
            gt.muli(scale);
        }
        double norm = gt.norm2Number().doubleValue();
        if (scale != null) gt.muli(scale);
        return gt.muli(rule.scale(rho, norm));
    }

    @Override
    public String toString() {
        return variant.name().toLowerCase() + "(eps=" + epsilon + (variant == Variant.ASAM ? ",eta=" + asamEta : "")
                + (shards > 1 ? ",m=" + shards : "") + (secondPassStatistics ? ",bn=second" : "") + ")";
    }
}
