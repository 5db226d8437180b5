package samlab.train;

import java.util.Objects;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import samlab.data.SeededRandom;

/**
 * The top Hessian eigenvalue of a loss by power iteration on Hessian–vector products, each product
 * a central finite difference of two gradients: Hv ≈ (∇L(w + εv) − ∇L(w − εv)) / (2ε) for a unit
 * vector v (error O(ε²) for a smooth loss; a ReLU network's loss is smooth between kinks, and with
 * ε = 1e-3 few kinks are crossed). Power iteration converges to the eigenvalue of largest
 * magnitude μ; when μ &lt; 0 a second power iteration on H − μI (whose spectrum λ − μ is ≥ 0) finds
 * the largest algebraic eigenvalue λ_max = ν + μ, which is what the step-size stability needs. The
 * result is a Rayleigh quotient, so an unconverged estimate errs low. The stability limit of gradient descent with step η is
 * η·λ_max &lt; 2 (e.g. Cohen et al. 2021, "Gradient descent on neural networks typically occurs at
 * the edge of stability"). Cost: 2 gradients per iteration. The parameters are restored exactly.
 */
public final class TopEigenvalue {
    private TopEigenvalue() {}

    /**
     * @param iterations maximum power iterations (≥ 1)
     * @param tolerance  stop when |λ_k − λ_{k−1}| ≤ tolerance·|λ_k| (≥ 0), λ_k the estimate of the eigenvalue
     *                   sought (in the shifted pass: of λ_max, not of λ_max − μ)
     * @param step       finite-difference step ε along the unit vector v, in parameter units (&gt; 0)
     * @param seed       seed of the start vector (uniform in [−1, 1] on the masked entries)
     */
    public record Settings(int iterations, double tolerance, double step, long seed) {
        /**
         * Checks the ranges.
         *
         * @throws IllegalArgumentException if {@code iterations < 1}, {@code tolerance} is negative,
         *     NaN or infinite, or {@code step} is not a finite number &gt; 0
         */
        public Settings {
            if (iterations < 1) throw new IllegalArgumentException("Hessian iterations " + iterations + " must be >= 1");
            if (!(tolerance >= 0) || !Double.isFinite(tolerance)) throw new IllegalArgumentException("Hessian tolerance " + tolerance + " must be finite and >= 0");
            if (!(step > 0) || !Double.isFinite(step)) {
                throw new IllegalArgumentException("finite-difference step " + step + " must be positive and finite");
            }
        }

        /**
         * {@code iterations} power iterations, tolerance 1e-3, ε = 1e-3, seed 0.
         *
         * @param iterations maximum power iterations, ≥ 1
         * @return the settings
         * @throws IllegalArgumentException if {@code iterations < 1}
         */
        public static Settings of(int iterations) {
            return new Settings(iterations, 1e-3, 1e-3, 0);
        }
    }

    /**
     * The largest algebraic eigenvalue λ_max, the dominant (largest-magnitude) eigenvalue μ found
     * first, the iterations used in all (≤ 2 × the setting) and whether the tolerance was met. When
     * {@code converged} is false, {@code eigenvalue} is the last Rayleigh quotient: a lower bound on
     * λ_max (up to the finite-difference error), not an estimate of it; report it as such.
     */
    public record Result(double eigenvalue, double dominant, int iterations, boolean converged) {}

    /**
     * Estimates λ_max of the Hessian of the loss whose gradient {@code gradient} returns at the
     * current contents of {@code w} (a fresh array of w's shape, or one the next call may overwrite).
     * Only entries where {@code mask} is 1 are perturbed (e.g. trainable parameters; BatchNorm
     * running statistics stay fixed); w is restored bit for bit afterwards.
     *
     * @param w        the live parameter vector (restored bit for bit)
     * @param mask     0/1 mask of w's length selecting the entries to perturb, or null for all
     * @param gradient ∇L at the current contents of w
     * @param settings iterations, tolerance, ε and seed
     * @return λ_max, μ, iterations used and whether the tolerance was met
     * @throws NullPointerException     if {@code w}, {@code gradient} or {@code settings} is null
     * @throws IllegalArgumentException if {@code mask} has no nonzero entry or its length differs from w's
     */
    public static Result estimate(INDArray w, INDArray mask, Supplier<INDArray> gradient, Settings settings) {
        Objects.requireNonNull(w, "w");
        Objects.requireNonNull(gradient, "gradient");
        Objects.requireNonNull(settings, "settings");
        if (mask != null && mask.length() != w.length()) {
            throw new IllegalArgumentException("mask length " + mask.length() + " differs from parameter length " + w.length());
        }
        INDArray saved = w.dup();
        try {
            double[] dominant = power(w, saved, mask, gradient, settings, 0);
            if (dominant[0] >= 0 || Double.isNaN(dominant[0])) {
                return new Result(dominant[0], dominant[0], (int) dominant[1], dominant[2] > 0);
            }
            double[] shifted = power(w, saved, mask, gradient, settings, dominant[0]);
            // H − μI has spectrum λ − μ ≥ 0 only if μ is the smallest eigenvalue: an unconverged μ lies inside the
            // spectrum, and the shifted pass may then settle on λ_min − μ < 0 (a "λ_max" below μ). Only a converged
            // μ and a nonnegative shifted value make the result an estimate; otherwise it is a lower bound at best.
            boolean converged = dominant[2] > 0 && shifted[2] > 0 && shifted[0] >= 0;
            return new Result(shifted[0] + dominant[0], dominant[0], (int) (dominant[1] + shifted[1]), converged);
        } finally {
            w.assign(saved);
        }
    }

    /** Power iteration on H − shift·I: {Rayleigh quotient, iterations, converged (1/0)}. */
    private static double[] power(INDArray w, INDArray saved, INDArray mask, Supplier<INDArray> gradient, Settings settings,
                                  double shift) {
        INDArray v = start(w, mask, settings.seed() + (shift == 0 ? 0 : 1));
        double lambda = Double.NaN;
        int k = 0;
        boolean converged = false;
        {
            while (k < settings.iterations()) {
                INDArray hv = product(w, saved, v, mask, gradient, settings.step());
                if (shift != 0) hv.subi(v.mul(shift));
                double next = dot(v, hv);
                k++;
                double norm = hv.norm2Number().doubleValue();
                // relative to the eigenvalue sought, next + shift, not to the shifted one: when |shift| dwarfs
                // λ_max (a dead network: μ ≈ −1, λ_max ≈ 0.5, the start vector nearly orthogonal to its
                // eigenvector) the shifted quotient creeps by less than tol·|next| while λ_max is still far off
                boolean done = k > 1 && Math.abs(next - lambda) <= settings.tolerance() * Math.abs(next + shift);
                lambda = next;
                if (done) {
                    converged = true;
                    break;
                }
                if (!(norm > 0)) {
                    converged = true; // Hv = 0: v lies in the null space, λ = 0 to this precision
                    break;
                }
                v = hv.divi(norm);
            }
        }
        return new double[] {lambda, k, converged ? 1 : 0};
    }

    /** (∇L(w₀ + εv) − ∇L(w₀ − εv)) / (2ε), masked; w is left at w₀ + εv-ish, the caller restores it. */
    private static INDArray product(INDArray w, INDArray saved, INDArray v, INDArray mask, Supplier<INDArray> gradient,
                                    double step) {
        w.assign(saved).addi(v.mul(step));
        INDArray plus = gradient.get().dup();
        w.assign(saved).subi(v.mul(step));
        INDArray minus = gradient.get();
        INDArray hv = plus.subi(minus).divi(2 * step);
        w.assign(saved);
        return mask == null ? hv : hv.muli(mask);
    }

    private static INDArray start(INDArray w, INDArray mask, long seed) {
        SeededRandom rng = new SeededRandom(seed ^ 0x4e55_1a4eL);
        long n = w.length();
        double[] u = new double[Math.toIntExact(n)];
        for (int i = 0; i < u.length; i++) u[i] = (rng.nextLong() >>> 11) * 0x1.0p-53 * 2 - 1;
        INDArray v = org.nd4j.linalg.factory.Nd4j.createFromArray(u).castTo(w.dataType()).reshape(w.shape());
        if (mask != null) v.muli(mask);
        double norm = v.norm2Number().doubleValue();
        if (!(norm > 0)) throw new IllegalArgumentException("the mask leaves no parameter to perturb");
        return v.divi(norm);
    }

    private static double dot(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).mul(b.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
    }
}
