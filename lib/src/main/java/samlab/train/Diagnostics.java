package samlab.train;

/**
 * The hallucination and mechanism diagnostics at parameters w, all on one fixed probe set: the
 * full-batch loss and gradient norm at w and at the SAM point w⁺ = w + ρ·g/‖g‖, their ratio
 * ‖∇L(w⁺)‖/‖∇L(w)‖ and the cosine between the two gradients; ‖w‖ (trainable entries); the fraction
 * of active ReLU units at w and at w⁺ (the smallest over the network's ReLU layers, see
 * {@link ActiveUnits}); and the top Hessian eigenvalue at w and at w⁺ (see {@link TopEigenvalue}).
 * A hallucinated minimizer has ‖∇L(w⁺)‖ ≈ 0 while ‖∇L(w)‖ stays away from 0 (the paper's definition);
 * {@link HallucinationCheck#classify} tells it apart from a dead-unit plateau, a critical point and
 * an unstable step. Quantities not measured are NaN (e.g. the eigenvalues when the Hessian was not
 * estimated this epoch, the active fractions of a network without ReLU layers).
 *
 * @param rho                     the radius ρ of w⁺ (absolute, in parameter units)
 * @param loss                    mean cross-entropy at w
 * @param perturbedLoss           mean cross-entropy at w⁺
 * @param weightNorm              ‖w‖ over trainable entries (BatchNorm running statistics excluded)
 * @param activeFraction          at w: min over ReLU layers of the fraction of (example, unit) outputs &gt; 0, in [0, 1]
 * @param perturbedActiveFraction the same at w⁺
 * @param topEigenvalue           λ_max of ∇²L(w) (Rayleigh quotient at convergence of power iteration; signed)
 * @param perturbedTopEigenvalue  λ_max of ∇²L(w⁺) (both only a lower bound when the iteration did not converge)
 * @param topEigenvalueConverged          whether the power iteration for λ_max(w) met its tolerance; false when
 *                                        not estimated (then λ_max is NaN) or when the value is only a lower bound
 * @param perturbedTopEigenvalueConverged the same for λ_max(w⁺)
 */
public record Diagnostics(double rho, double loss, double gradientNorm, double perturbedGradientNorm,
                          double ratio, double cosine, double perturbedLoss, double weightNorm,
                          double activeFraction, double perturbedActiveFraction,
                          double topEigenvalue, double perturbedTopEigenvalue,
                          boolean topEigenvalueConverged, boolean perturbedTopEigenvalueConverged) {
    /** Not computed (no probe set, or not this epoch). */
    public static final Diagnostics NONE = new Diagnostics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, false);

    /** ρ/‖w‖: how far w⁺ lies from w relative to the size of the weights (NaN if ‖w‖ unknown). */
    public double relativeRadius() {
        return rho / weightNorm;
    }
}
