package samlab.landscape;

import java.util.Objects;

/**
 * The SAM update T(x) = x − η ∇f(x⁺), x⁺ = x + ρ v(x), on an objective, for one {@link Perturbation}
 * rule and radius ρ (Foret et al. 2021, arXiv:2010.01412; the course's notebooks 01–04).
 * The step methods write into caller-owned arrays and a {@link Workspace} and never allocate:
 * they are the hot loop of the basin map. η is an argument, since rest points do not depend on it.
 * At ∇f(x) = 0 the perturbation is 0 for every rule (see {@link Perturbation}), so T(x) = x there.
 *
 * @param objective    the function f
 * @param perturbation how x⁺ is built from ∇f(x); for a named variant {@code --variant}, {@link SamVariant#perturbation(double)}
 * @param rho          the radius ρ &gt; 0
 */
public record SamMap(Objective objective, Perturbation perturbation, double rho) {
    /** The ε of {@link SamVariant#EPS} by default: {@link Perturbation#DEFAULT_EPSILON}. */
    public static final double DEFAULT_EPS = Perturbation.DEFAULT_EPSILON;

    /**
     * @throws NullPointerException     if {@code objective} or {@code perturbation} is null
     * @throws IllegalArgumentException if {@code rho} is not a finite number &gt; 0
     */
    public SamMap {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(perturbation, "perturbation");
        if (!(rho > 0) || !Double.isFinite(rho)) {
            throw new IllegalArgumentException("rho = " + rho + "; allowed: a finite number > 0");
        }
    }

    /**
     * Exactly normalised SAM with radius ρ.
     *
     * @throws IllegalArgumentException if {@code rho} is not a finite number &gt; 0
     */
    public static SamMap sam(Objective f, double rho) {
        return new SamMap(f, Perturbation.EXACT, rho);
    }

    /** The variant name of this map's perturbation ({@link SamVariant#of}): an ε-SAM map with ε = 0 is {@link SamVariant#SAM}. */
    public SamVariant variant() {
        return SamVariant.of(perturbation);
    }

    /** The perturbation's ε (0 for exact SAM and USAM). */
    public double eps() {
        return perturbation.epsilon();
    }

    /**
     * Checks a step size.
     *
     * @return {@code eta}
     * @throws IllegalArgumentException if {@code eta} is not a finite number &gt; 0
     */
    public static double checkEta(double eta) {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta = " + eta + "; allowed: a finite number > 0");
        }
        return eta;
    }

    public int dimension() {
        return objective.dimension();
    }

    /** Scratch arrays for one thread's allocation-free steps. */
    public static final class Workspace {
        final double[] g;
        final double[] xPlus;
        final double[] gPlus;

        public Workspace(int d) {
            g = new double[d];
            xPlus = new double[d];
            gPlus = new double[d];
        }

        /** ∇f(x⁺) from the last step (valid after {@link SamMap#step}). */
        public double[] gradientAtPerturbed() {
            return gPlus;
        }
    }

    public Workspace workspace() {
        return new Workspace(dimension());
    }

    /** Writes x⁺ into {@code out}, using {@code g} as scratch for ∇f(x); no allocation. */
    public void perturbed(double[] x, double[] g, double[] out) {
        objective.gradient(x, g);
        perturbation.apply(x, g, rho, out);
    }

    /** x⁺ in a new array. */
    public double[] perturbed(double[] x) {
        double[] out = new double[x.length];
        perturbed(x, new double[x.length], out);
        return out;
    }

    /**
     * Writes T(x) = x − η ∇f(x⁺) into {@code out} (may be {@code x} itself) and returns ‖∇f(x⁺)‖²;
     * no allocation.
     */
    public double step(double[] x, double eta, double[] out, Workspace ws) {
        perturbed(x, ws.g, ws.xPlus);
        objective.gradient(ws.xPlus, ws.gPlus);
        double n2 = 0;
        for (int i = 0; i < x.length; i++) {
            n2 += ws.gPlus[i] * ws.gPlus[i];
            out[i] = x[i] - eta * ws.gPlus[i];
        }
        return n2;
    }

    /** T(x) in a new array. */
    public double[] step(double[] x, double eta) {
        double[] out = new double[x.length];
        step(x, eta, out, workspace());
        return out;
    }

    /** The surrogate f^SAM(x) = f(x⁺). */
    public double surrogate(double[] x) {
        return objective.value(perturbed(x));
    }

    /**
     * Dv(x), the Jacobian of the perturbation direction v(x) = (x⁺ − x)/ρ (the course's Du in
     * notebooks 03–04): for SAM Dv = (I − uuᵀ)H/‖g‖ with u = g/‖g‖, for ε-SAM
     * Dv = (I − ggᵀ/(‖g‖(‖g‖+ε))) H/(‖g‖+ε), for USAM Dv = H; g = ∇f(x), H = ∇²f(x)
     * (Foret et al. 2021, arXiv:2010.01412, for u). For exact SAM (ε = 0) at g = 0 the map is not
     * differentiable and every entry is NaN.
     *
     * @param x a point, length {@link #dimension()}
     * @return Dv(x), d × d, row i holding ∂v_i/∂x_j
     */
    public double[][] perturbationDerivative(double[] x) {
        int d = dimension();
        double[] g = objective.gradient(x);
        double[][] h = objective.hessian(x);
        if (perturbation.kind() == Perturbation.Kind.UNNORMALISED) {
            double[][] p = new double[d][];
            for (int i = 0; i < d; i++) p[i] = h[i].clone();
            return p;
        }
        double n = norm(g);
        double denom = n + perturbation.epsilon();
        if (denom == 0) {
            double[][] p = new double[d][d];
            for (double[] row : p) java.util.Arrays.fill(row, Double.NaN);
            return p;
        }
        double projScale = n == 0 ? 0 : 1 / (n * denom);
        double[][] proj = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) proj[i][j] = (i == j ? 1 : 0) - g[i] * g[j] * projScale;
        }
        double[][] p = multiply(proj, h);
        for (double[] row : p) for (int j = 0; j < d; j++) row[j] /= denom;
        return p;
    }

    /**
     * The Jacobian of x ↦ x⁺, I + ρ Dv(x) with Dv from {@link #perturbationDerivative}; all NaN
     * where that is (exact SAM at g = 0).
     *
     * @param x a point, length {@link #dimension()}
     * @return I + ρ Dv(x), d × d
     */
    public double[][] perturbationJacobian(double[] x) {
        double[][] p = perturbationDerivative(x);
        int d = p.length;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) p[i][j] = (i == j ? 1 : 0) + rho * p[i][j];
        }
        return p;
    }

    /** Jacobian of the rest-point equation F(x) = ∇f(x⁺): H(x⁺)(I + ρ Dv(x)). */
    public double[][] restEquationJacobian(double[] x) {
        return multiply(objective.hessian(perturbed(x)), perturbationJacobian(x));
    }

    /** DT(x) = I − η H(x⁺)(I + ρ Dv(x)). */
    public double[][] jacobian(double[] x, double eta) {
        return identityMinus(eta, restEquationJacobian(x));
    }

    /** I − η·J. */
    static double[][] identityMinus(double eta, double[][] j) {
        int d = j.length;
        double[][] t = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) t[i][k] = (i == k ? 1 : 0) - eta * j[i][k];
        }
        return t;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length, m = b[0].length, l = b.length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int k = 0; k < l; k++) s += a[i][k] * b[k][j];
                c[i][j] = s;
            }
        }
        return c;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }
}
