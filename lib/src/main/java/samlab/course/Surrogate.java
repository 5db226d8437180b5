package samlab.course;

import samlab.landscape.Objective;
import samlab.landscape.SamMap;

/**
 * The SAM surrogate f^SAM(x) = f(x⁺) and its true gradient (I + ρDv(x))ᵀ∇f(x⁺), which differs from
 * the direction ∇f(x⁺) that SAM follows (Foret et al. 2021, arXiv:2010.01412, §2 drop the
 * Jacobian term; notebook 01 shows the mismatch; notebook 02, Lemma 2: hallucinated minimizers are
 * local minimizers of f^SAM).
 */
public final class Surrogate {
    private Surrogate() {}

    /**
     * ∇f^SAM(x) = (I + ρ Dv(x))ᵀ ∇f(x⁺) (NaN where normalised SAM is not differentiable, ∇f(x) = 0).
     *
     * @param map the SAM map (its objective, radius and perturbation rule)
     * @param x   the point, map.dimension() coordinates
     * @return a new array of map.dimension() entries
     */
    public static double[] gradient(SamMap map, double[] x) {
        double[][] j = map.perturbationJacobian(x);
        double[] gp = map.objective().gradient(map.perturbed(x));
        int d = gp.length;
        double[] out = new double[d];
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) s += j[k][i] * gp[k];
            out[i] = s;
        }
        return out;
    }

    /**
     * f^SAM as an objective of its own, with its true gradient {@link #gradient}: gradient descent on
     * it is "descending the surrogate", which SAM does not do (notebook 01). Defined where ∇f(x) ≠ 0.
     */
    public static Objective objective(SamMap map) {
        return Objective.of("f^SAM of " + map.objective().name(), map.dimension(), map::surrogate,
                (x, out) -> System.arraycopy(gradient(map, x), 0, out, 0, out.length));
    }

    /**
     * The angle in degrees between the SAM direction ∇f(x⁺) and ∇f^SAM(x).
     *
     * @return the angle in [0, 180], NaN where either gradient is 0 or undefined
     */
    public static double mismatchDegrees(SamMap map, double[] x) {
        double[] a = map.objective().gradient(map.perturbed(x));
        double[] b = gradient(map, x);
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        double c = dot / Math.sqrt(na * nb);
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, c))));
    }
}
