package samlab.landscape;

import static samlab.landscape.Vectors.allFinite;
import static samlab.landscape.Vectors.dist;
import static samlab.landscape.Vectors.maxAbs;
import static samlab.landscape.Vectors.minAbs;
import static samlab.landscape.Vectors.norm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Finds SAM rest points, the zeros of F(x) = ∇f(x⁺), by damped (Levenberg–Marquardt) Newton
 * iterations from many seeds, with Jacobian H(x⁺)(I + ρ Dv(x)); it also finds the critical points of
 * f (zeros of ∇f, Jacobian H), which are rest points too. Points are deduplicated, classified
 * ({@link #classify}) and, on manifolds of rest points, thinned to samples
 * {@link RestPointSearch#manifoldSpacing} apart.
 */
public final class RestPointFinder {
    /** ‖∇f(x)‖ at or below this: x is a critical point of f. */
    public static final double CRITICAL_GRADIENT = 1e-8;
    /** ‖F(x)‖ at or below this (and a tiny Newton step): x solves the equation. */
    static final double RESIDUAL_TOLERANCE = 1e-9;
    /** Eigenvalues of the rest-equation Jacobian this small (relative) count as zero: a manifold. */
    static final double SINGULAR = 1e-6;
    /** Hessian eigenvalues this small (relative to max(1, largest |eigenvalue|)) count as zero curvature. */
    static final double ZERO_CURVATURE = 1e-7;
    /** Roots closer than this (relative to 1 + ‖x‖) are one root found twice. */
    static final double DUPLICATE_DISTANCE = 1e-6;
    /**
     * A converged root's full Newton step must be at most this (relative to 1 + ‖x‖): rejects flat
     * regions where ‖F‖ is tiny but F has no zero nearby.
     */
    static final double ROOT_NEWTON_STEP = 1e-6;

    private final SamMap map;
    private final RestPointSearch search;

    /**
     * A finder for the rest points of {@code map}.
     *
     * @param map    the SAM map whose rest points (∇f(x⁺) = 0) are sought
     * @param search where and how hard to look
     * @throws NullPointerException if {@code map} or {@code search} is null
     */
    public RestPointFinder(SamMap map, RestPointSearch search) {
        this.map = java.util.Objects.requireNonNull(map, "map");
        this.search = java.util.Objects.requireNonNull(search, "search");
    }

    /**
     * A finder with {@link RestPointSearch#DEFAULT}.
     *
     * @param map the SAM map whose rest points are sought
     * @throws NullPointerException if {@code map} is null
     */
    public RestPointFinder(SamMap map) {
        this(map, RestPointSearch.DEFAULT);
    }

    /** @return the SAM map this finder searches */
    public SamMap map() {
        return map;
    }

    /**
     * All rest points found from the search's seeds, classified at step size η.
     *
     * @throws IllegalArgumentException if η is not a finite number &gt; 0
     */
    public RestPoints find(double eta) {
        return find(eta, search.box());
    }

    /**
     * As {@link #find(double)}, plus as many seeds again over the wider cube [−reach, reach]^d when
     * reach exceeds the search box: the near region keeps its seed density while far rest points can
     * still be found (seeding only the wide cube thins the seeds near the origin as it grows).
     *
     * @param reach half-width of the second seed cube; no second cube when reach ≤ the search box
     * @throws IllegalArgumentException if η is not a finite number &gt; 0 or reach is not finite
     */
    public RestPoints find(double eta, double reach) {
        SamMap.checkEta(eta);
        if (!Double.isFinite(reach)) throw new IllegalArgumentException("reach = " + reach + "; allowed: a finite number");
        List<double[]> seeds = seeds(search.box());
        double outer = Math.max(search.box(), reach);
        if (reach > search.box()) seeds.addAll(seeds(reach));
        Objective f = map.objective();
        List<double[]> roots = new ArrayList<>();
        Equation critical = new Equation() {
            @Override public double[] value(double[] x) { return f.gradient(x); }
            @Override public double[][] jacobian(double[] x) { return f.hessian(x); }
        };
        Equation rest = new Equation() {
            @Override public double[] value(double[] x) { return f.gradient(map.perturbed(x)); }
            @Override public double[][] jacobian(double[] x) { return map.restEquationJacobian(x); }
        };
        double limit = outer * 1.5 + map.rho();
        for (double[] seed : seeds) {
            for (Equation eq : List.of(critical, rest)) {
                double[] r = solve(eq, seed);
                if (r != null && maxAbs(r) <= limit) addIfNew(roots, r, DUPLICATE_DISTANCE);
            }
        }
        List<RestPoint> classified = new ArrayList<>();
        for (double[] r : roots) {
            RestPoint p = classify(r, eta);
            boolean keep = true;
            if (p.marginal()) {
                for (RestPoint q : classified) {
                    if (q.marginal() && q.kind() == p.kind() && dist(q.x(), r) < search.manifoldSpacing()) {
                        keep = false;
                        break;
                    }
                }
            }
            if (keep) classified.add(p);
        }
        classified.sort(Comparator.comparing(RestPoint::kind).thenComparing((RestPoint p) -> p.x(0))
                .thenComparing(p -> p.x(p.x().length - 1)));
        return new RestPoints(map, eta, classified);
    }

    /**
     * Classifies a rest point x (∇f(x⁺) ≈ 0) and measures its stability at step size η: critical
     * (‖∇f(x)‖ ≤ {@link #CRITICAL_GRADIENT}) or hallucinated, by the type of its image x⁺ (notebook 02,
     * Lemma 1); its linear stability from the spectral radius of the SAM map's Jacobian DT = I − ηJ,
     * J = H(x⁺)(I + ρDv(x)) the rest-equation Jacobian (notebook 04, Theorem 2; on a manifold of rest
     * points, over the eigenvalues normal to it). At a critical point of normalised SAM, where T is
     * not differentiable, no spectral radius is reported.
     *
     * @param x   a rest point, f.dimension() coordinates
     * @param eta the step size η used for the stability
     * @return the classified rest point
     */
    public RestPoint classify(double[] x, double eta) {
        Objective f = map.objective();
        int d = f.dimension();
        double[] g = f.gradient(x);
        double gn = norm(g);
        boolean critical = gn <= CRITICAL_GRADIENT;
        double[] image = critical && map.variant() == SamVariant.SAM ? x.clone() : map.perturbed(x);
        RestPoint.ImageType type = imageType(f, image);
        RestPoint.Kind kind = critical ? RestPoint.Kind.CRITICAL
                : type.isMinimizer() ? RestPoint.Kind.HALLUCINATED_MINIMIZER : RestPoint.Kind.HALLUCINATED_OTHER;
        double radius = Double.NaN;
        double normal = Double.NaN;
        boolean marginal;
        if (critical && map.variant() == SamVariant.SAM) {
            // T is not differentiable where ∇f = 0 under normalised SAM: no linear stability to report
            double[] h = Eigenvalues.symmetric(f.hessian(x));
            marginal = minAbs(h) <= SINGULAR * Math.max(1, maxAbs(h));
        } else {
            double[][] j = map.restEquationJacobian(x);
            double[][] mu = Eigenvalues.general(j);
            double scale = 1;
            for (int i = 0; i < d; i++) scale = Math.max(scale, Math.hypot(mu[0][i], mu[1][i]));
            radius = 0;
            normal = 0;
            int normalCount = 0;
            marginal = false;
            for (int i = 0; i < d; i++) {
                // eigenvalue of DT = I − ηJ is 1 − ημ
                double mod = Math.hypot(1 - eta * mu[0][i], eta * mu[1][i]);
                radius = Math.max(radius, mod);
                if (Math.hypot(mu[0][i], mu[1][i]) <= SINGULAR * scale) {
                    marginal = true;
                } else {
                    normal = Math.max(normal, mod);
                    normalCount++;
                }
            }
            if (normalCount == 0) normal = Double.NaN;
        }
        boolean attracting = normal < 1;
        return new RestPoint(x, kind, f.value(x), gn, image, type, dist(x, image), radius, normal, marginal, attracting);
    }

    /** What f has at a critical point c; a singular semidefinite Hessian is probed by sampling. */
    public static RestPoint.ImageType imageType(Objective f, double[] c) {
        RestPoint.ImageType t = hessianType(f, c);
        if (t != null) return t;
        return doesNotDecreaseNearby(f, c) ? RestPoint.ImageType.DEGENERATE_MIN : RestPoint.ImageType.DEGENERATE;
    }

    /** The type the Hessian alone decides, or null for a singular positive semidefinite Hessian. */
    static RestPoint.ImageType hessianType(Objective f, double[] c) {
        double[] ev = Eigenvalues.symmetric(f.hessian(c));
        double tol = ZERO_CURVATURE * Math.max(1, maxAbs(ev));
        boolean pos = false, neg = false, zero = false;
        for (double e : ev) {
            if (e > tol) pos = true;
            else if (e < -tol) neg = true;
            else zero = true;
        }
        if (pos && neg) return RestPoint.ImageType.SADDLE;
        if (!zero) return pos ? RestPoint.ImageType.MIN : RestPoint.ImageType.MAX;
        if (neg) return RestPoint.ImageType.DEGENERATE;
        return null;
    }

    private static boolean doesNotDecreaseNearby(Objective f, double[] c) {
        int d = c.length;
        double f0 = f.value(c);
        double slack = 1e-12 * (1 + Math.abs(f0));
        SplittableRandom rnd = new SplittableRandom(7);
        double[] y = new double[d];
        for (double r : new double[] {1e-4, 1e-3, 1e-2}) {
            for (int k = 0; k < 32 * d; k++) {
                for (int i = 0; i < d; i++) y[i] = rnd.nextDouble(-1, 1);
                double n = norm(y);
                for (int i = 0; i < d; i++) y[i] = c[i] + r * y[i] / n;
                if (f.value(y) < f0 - slack) return false;
            }
        }
        return true;
    }

    /** The seeds over [−b, b]^d: a grid for d ≤ 2, plus as many seeded random points. */
    List<double[]> seeds(double b) {
        int d = map.dimension();
        List<double[]> out = new ArrayList<>();
        if (d <= 2) {
            int n = Math.max(2, (int) Math.round(Math.pow(search.seeds(), 1.0 / d)));
            for (int i = 0; i < n; i++) {
                double xi = -b + 2 * b * (i + 0.5) / n;
                if (d == 1) out.add(new double[] {xi});
                else for (int j = 0; j < n; j++) out.add(new double[] {xi, -b + 2 * b * (j + 0.5) / n});
            }
        }
        SplittableRandom rnd = new SplittableRandom(search.randomSeed());
        for (int k = 0; k < search.seeds(); k++) {
            double[] s = new double[d];
            for (int i = 0; i < d; i++) s[i] = rnd.nextDouble(-b, b);
            out.add(s);
        }
        return out;
    }

    interface Equation {
        double[] value(double[] x);

        double[][] jacobian(double[] x);
    }

    /** Levenberg–Marquardt on eq from x0; the root, or null when it did not converge to one. */
    private double[] solve(Equation eq, double[] x0) {
        int d = x0.length;
        double[] x = x0.clone();
        double[] fx = eq.value(x);
        double fn = norm(fx);
        double lambda = 1e-3;
        for (int it = 0; it < search.maxIterations() && Double.isFinite(fn); it++) {
            double[][] j = eq.jacobian(x);
            if (!allFinite(j)) return null;
            double[] delta = null;
            boolean accepted = false;
            for (int tries = 0; tries < 40 && !accepted; tries++) {
                delta = levenbergStep(j, fx, lambda);
                if (delta == null) { lambda *= 10; continue; }
                double[] trial = new double[d];
                for (int i = 0; i < d; i++) trial[i] = x[i] + delta[i];
                double[] ft = eq.value(trial);
                double tn = norm(ft);
                if (tn < fn) {
                    x = trial;
                    fx = ft;
                    fn = tn;
                    lambda = Math.max(lambda / 10, 1e-14);
                    accepted = true;
                } else {
                    lambda *= 10;
                }
            }
            if (!accepted || norm(delta) <= 1e-14 * (1 + norm(x))) break;
        }
        if (!(fn <= RESIDUAL_TOLERANCE)) return null;
        // a genuine root, not a flat region where F is tiny but the Newton step is large
        double[][] j = eq.jacobian(x);
        if (!allFinite(j)) return null;
        double[] newton = levenbergStep(j, fx, 1e-14);
        if (newton == null || norm(newton) > ROOT_NEWTON_STEP * (1 + norm(x))) return null;
        return x;
    }

    /** Solves (JᵀJ + μI)δ = −JᵀF with μ = λ·(trace(JᵀJ)/d), by Gaussian elimination. */
    private static double[] levenbergStep(double[][] j, double[] f, double lambda) {
        int d = f.length;
        double[][] a = new double[d][d + 1];
        double tr = 0;
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                double s = 0;
                for (int k = 0; k < d; k++) s += j[k][r] * j[k][c];
                a[r][c] = s;
            }
            double s = 0;
            for (int k = 0; k < d; k++) s += j[k][r] * f[k];
            a[r][d] = -s;
            tr += a[r][r];
        }
        double mu = lambda * (tr / d) + 1e-300;
        for (int r = 0; r < d; r++) a[r][r] += mu;
        return gaussSolve(a);
    }

    /** Solves the augmented system [A | b] in place with partial pivoting; null when singular. */
    static double[] gaussSolve(double[][] a) {
        int d = a.length;
        for (int col = 0; col < d; col++) {
            int piv = col;
            for (int r = col + 1; r < d; r++) if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) piv = r;
            if (a[piv][col] == 0 || !Double.isFinite(a[piv][col])) return null;
            double[] t = a[piv];
            a[piv] = a[col];
            a[col] = t;
            for (int r = col + 1; r < d; r++) {
                double m = a[r][col] / a[col][col];
                for (int c = col; c <= d; c++) a[r][c] -= m * a[col][c];
            }
        }
        double[] x = new double[d];
        for (int r = d - 1; r >= 0; r--) {
            double s = a[r][d];
            for (int c = r + 1; c < d; c++) s -= a[r][c] * x[c];
            x[r] = s / a[r][r];
        }
        for (double v : x) if (!Double.isFinite(v)) return null;
        return x;
    }

    private static void addIfNew(List<double[]> pts, double[] p, double tol) {
        for (double[] q : pts) if (dist(p, q) <= tol * (1 + norm(p))) return;
        pts.add(p);
    }
}
