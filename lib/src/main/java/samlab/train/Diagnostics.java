package samlab.train;

/**
 * The hallucination diagnostics at parameters w: full-batch gradient norms at w and at
 * w⁺ = w + ρ·g/‖g‖ (the SAM perturbation of the whole probe set), their ratio ‖∇L(w⁺)‖/‖∇L(w)‖
 * and the cosine between the two gradients. A hallucinated minimizer has ‖∇L(w⁺)‖ ≈ 0 while
 * ‖∇L(w)‖ stays away from 0.
 */
public record Diagnostics(double rho, double loss, double gradientNorm, double perturbedGradientNorm,
                          double ratio, double cosine) {
    /** Not computed (no probe set, or not this epoch). */
    public static final Diagnostics NONE = new Diagnostics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
