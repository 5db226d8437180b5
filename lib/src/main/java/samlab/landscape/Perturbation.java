package samlab.landscape;

import java.util.Locale;
import java.util.Objects;

/**
 * The SAM perturbation rule: how far along the gradient g the perturbed point x⁺ = x + ρ·s·g lies,
 * i.e. the scalar {@link #scale(double, double) s·ρ} as a function of ρ and ‖g‖. The one definition
 * shared by the theory map ({@link SamMap}), the network optimizers ({@code samlab.optim.SamConfig},
 * where ASAM applies the same rule to the rescaled gradient Tg) and the network diagnostics
 * ({@code samlab.train.HallucinationCheck}, {@code samlab.train.LossSlice}).
 * <ul>
 * <li>{@link Kind#NORMALISED}: e = ρ g/(‖g‖ + ε) (Foret et al. 2021, arXiv:2010.01412, eq. 2, with
 *     the ε guard of their and most implementations). ε = 0 is exact normalisation, ‖e‖ = ρ;
 *     ε &gt; 0 is the ε-regularised rule.</li>
 * <li>{@link Kind#UNNORMALISED}: e = ρ g (USAM, Andriushchenko and Flammarion 2022,
 *     arXiv:2206.06232); ε does not enter and is 0.</li>
 * </ul>
 * <b>Zero-gradient limit.</b> At g = 0 the perturbation is 0 for every rule, ε = 0 included (the
 * direction g/‖g‖ is undefined there; 0 is the limit of ρ g/(‖g‖ + ε) as ε → 0 along g = 0, and what
 * the step needs: at an exact critical point SAM stays put). Never NaN for finite ρ and g.
 *
 * @param kind    the rule
 * @param epsilon the guard ε ≥ 0 added to ‖g‖ by the normalised rule; 0 for the unnormalised one
 */
public record Perturbation(Kind kind, double epsilon) {
    /**
     * The one default ε of samlab (training, diagnostics, the ε-SAM theory map): 1e-12, the
     * value of common SAM implementations; small enough that ‖e‖ = ρ to 12 digits whenever
     * ‖g‖ ≫ 1e-12.
     */
    public static final double DEFAULT_EPSILON = 1e-12;

    /** Exact normalised SAM, e = ρ g/‖g‖ (e = 0 at g = 0). */
    public static final Perturbation EXACT = new Perturbation(Kind.NORMALISED, 0);

    /** What training uses unless told otherwise: normalised with ε = {@link #DEFAULT_EPSILON}. */
    public static final Perturbation DEFAULT = new Perturbation(Kind.NORMALISED, DEFAULT_EPSILON);

    /** Unnormalised SAM (USAM), e = ρ g. */
    public static final Perturbation UNNORMALISED = new Perturbation(Kind.UNNORMALISED, 0);

    /** The two rules. */
    public enum Kind {
        /** e = ρ g/(‖g‖ + ε); ε = 0 is exact normalisation. */
        NORMALISED,
        /** e = ρ g (USAM). */
        UNNORMALISED
    }

    /**
     * Checks the pair.
     *
     * @param kind    the rule
     * @param epsilon the guard ε, a finite number ≥ 0 (0 for the unnormalised rule)
     * @throws NullPointerException     if {@code kind} is null
     * @throws IllegalArgumentException if {@code epsilon} is negative, NaN or infinite, or if it is
     *                                  not 0 for {@link Kind#UNNORMALISED}
     */
    public Perturbation {
        Objects.requireNonNull(kind, "kind");
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon = " + epsilon + "; allowed: a finite number >= 0");
        }
        if (kind == Kind.UNNORMALISED && epsilon != 0) {
            throw new IllegalArgumentException("epsilon = " + epsilon + " with the unnormalised rule; allowed: 0 (USAM has no epsilon)");
        }
    }

    /**
     * The normalised rule with guard ε: e = ρ g/(‖g‖ + ε).
     *
     * @param epsilon the guard ε, a finite number ≥ 0
     * @return {@link #EXACT} for ε = 0, else a new normalised rule
     * @throws IllegalArgumentException if {@code epsilon} is negative, NaN or infinite
     */
    public static Perturbation normalised(double epsilon) {
        return epsilon == 0 ? EXACT : new Perturbation(Kind.NORMALISED, epsilon);
    }

    /** Whether this is exact normalisation (normalised, ε = 0): e = ρ g/‖g‖, not differentiable at g = 0. */
    public boolean isExact() {
        return kind == Kind.NORMALISED && epsilon == 0;
    }

    /**
     * The factor s with e = s·g: ρ/(‖g‖ + ε) for the normalised rule, 0 where ‖g‖ + ε = 0 (the
     * zero-gradient limit); ρ for the unnormalised rule.
     *
     * @param rho          the radius ρ ≥ 0 (not checked: the callers validate their ρ)
     * @param gradientNorm ‖g‖ ≥ 0 (Euclidean norm of the vector being perturbed along)
     * @return s ≥ 0, in units of ρ per unit of g
     */
    public double scale(double rho, double gradientNorm) {
        if (kind == Kind.UNNORMALISED) return rho;
        double d = gradientNorm + epsilon;
        return d > 0 ? rho / d : 0;
    }

    /**
     * Writes x⁺ = x + scale(ρ, ‖g‖)·g into {@code out} (may be {@code x}); no allocation.
     *
     * @param x   the point, length d
     * @param g   the gradient at x, length d
     * @param rho the radius ρ ≥ 0 (not checked)
     * @param out receives x⁺, length ≥ d
     */
    public void apply(double[] x, double[] g, double rho, double[] out) {
        double n2 = 0;
        for (double v : g) n2 += v * v;
        double s = scale(rho, Math.sqrt(n2));
        for (int i = 0; i < g.length; i++) out[i] = x[i] + s * g[i];
    }

    /** e.g. "normalised(eps=1.0E-12)", "normalised(exact)", "unnormalised". */
    @Override
    public String toString() {
        return kind == Kind.UNNORMALISED ? "unnormalised"
                : kind.name().toLowerCase(Locale.ROOT) + (epsilon == 0 ? "(exact)" : "(eps=" + epsilon + ")");
    }
}
