package samlab.landscape;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The named landscapes of the course, each with closed-form value, gradient and Hessian, and a
 * registry so that a command line or a notebook can build one by name with named parameters.
 *
 * <ul>
 *   <li>{@code quartic} (d = 1): f(x) = (x² − 1)². Minimizers ±1, maximizer 0.</li>
 *   <li>{@code ring} (d = 2): f(x) = (‖x‖² − 1)². Minimizer set: the unit circle; maximizer 0.</li>
 *   <li>{@code anisotropic} (d = 2, parameter a, default 1): f(x, y) = (x² − 1)² + a·y².
 *       Minimizers (±1, 0); the origin is a saddle for a &gt; 0.</li>
 *   <li>{@code bent-ring} (d = 2, parameters alpha &gt; 0 default 1.5, beta ≥ 0 default 0.5):
 *       f(x, y) = (p² + y² − 1)² with p = x/alpha + beta·y². The map (x, y) ↦ (p, y) is a
 *       diffeomorphism of the plane (Jacobian determinant 1/alpha), so the critical points are
 *       its zero, the origin — an isolated strict maximizer with f = 1 — and the minimizer set
 *       {p² + y² = 1} = {x = alpha·(±√(1 − y²) − beta·y²), |y| ≤ 1}: a closed bean-shaped curve
 *       (f = 0) that is not symmetric under x ↦ −x and not at a constant distance from the
 *       maximizer: for the defaults it ranges from about 0.885 (near (0.227, ±0.856)) to about
 *       1.601 (near (−1.424, ±0.732)), with 1.5 at (1.5, 0) and 1.25 at (−0.75, ±1).</li>
 *   <li>{@code sharp-flat} (d = 2): f(x, y) = −exp(−(x−2)² − y²) − exp(−(x² + 100 y²)): a flat
 *       minimum near (2, 0) and a sharp one near (0, 0).</li>
 * </ul>
 */
public final class Landscapes {
    private Landscapes() {}

    private record Entry(Map<String, Double> defaults, Function<Map<String, Double>, Objective> make) {}

    private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put("quartic", new Entry(Map.of(), p -> quartic()));
        REGISTRY.put("ring", new Entry(Map.of(), p -> ring()));
        REGISTRY.put("anisotropic", new Entry(Map.of("a", 1.0), p -> anisotropic(p.get("a"))));
        Map<String, Double> bent = new LinkedHashMap<>();
        bent.put("alpha", 1.5);
        bent.put("beta", 0.5);
        REGISTRY.put("bent-ring", new Entry(bent, p -> bentRing(p.get("alpha"), p.get("beta"))));
        REGISTRY.put("sharp-flat", new Entry(Map.of(), p -> sharpFlat()));
    }

    /** The registered names, in a stable order. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /**
     * The parameter names of a landscape and their defaults.
     *
     * @param name a registered name ({@link #names()})
     * @return parameter name → default value (empty for a landscape without parameters)
     * @throws IllegalArgumentException if {@code name} is not registered
     */
    public static Map<String, Double> parameters(String name) {
        return Map.copyOf(entry(name).defaults());
    }

    /**
     * The landscape {@code name} with {@code params} overriding its defaults.
     *
     * @param name   a registered name ({@link #names()})
     * @param params parameter name → value; parameters not given keep their defaults
     * @return the objective
     * @throws IllegalArgumentException if {@code name} is not registered, a key of {@code params} is
     *     not a parameter of that landscape, a value is null or not finite, or a value is outside the
     *     landscape's range (bent-ring: alpha &gt; 0, beta ≥ 0)
     */
    public static Objective create(String name, Map<String, Double> params) {
        Entry e = entry(name);
        Map<String, Double> values = new LinkedHashMap<>(e.defaults());
        for (Map.Entry<String, Double> p : params.entrySet()) {
            if (!e.defaults().containsKey(p.getKey())) {
                throw new IllegalArgumentException("landscape " + name + " has no parameter '" + p.getKey()
                        + "'; allowed: " + (e.defaults().isEmpty() ? "none" : String.join(", ", e.defaults().keySet())));
            }
            if (p.getValue() == null || !Double.isFinite(p.getValue())) {
                throw new IllegalArgumentException("parameter " + p.getKey() + " of landscape " + name
                        + " is " + p.getValue() + "; allowed: a finite number");
            }
            values.put(p.getKey(), p.getValue());
        }
        return e.make().apply(values);
    }

    /**
     * The landscape {@code name} with its default parameters.
     *
     * @param name a registered name ({@link #names()})
     * @return the objective
     * @throws IllegalArgumentException if {@code name} is not registered
     */
    public static Objective create(String name) {
        return create(name, Map.of());
    }

    private static Entry entry(String name) {
        Entry e = REGISTRY.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown landscape '" + name + "'; allowed: " + String.join(", ", names()));
        }
        return e;
    }

    /** f(x) = (x² − 1)² on the line. */
    public static Objective quartic() {
        return new Objective() {
            @Override public int dimension() { return 1; }
            @Override public String name() { return "quartic"; }
            @Override public double value(double[] x) {
                double s = x[0] * x[0] - 1;
                return s * s;
            }
            @Override public void gradient(double[] x, double[] out) {
                out[0] = 4 * x[0] * (x[0] * x[0] - 1);
            }
            @Override public void gradients(double[][] x, double[][] out, int n) {
                double[] x0 = x[0], g0 = out[0];
                for (int k = 0; k < n; k++) g0[k] = 4 * x0[k] * (x0[k] * x0[k] - 1);
            }
            @Override public double[][] hessian(double[] x) {
                return new double[][] {{12 * x[0] * x[0] - 4}};
            }
        };
    }

    /** f(x) = (‖x‖² − 1)² in the plane. */
    public static Objective ring() {
        return new Objective() {
            @Override public int dimension() { return 2; }
            @Override public String name() { return "ring"; }
            @Override public double value(double[] x) {
                double s = x[0] * x[0] + x[1] * x[1] - 1;
                return s * s;
            }
            @Override public void gradient(double[] x, double[] out) {
                double c = 4 * (x[0] * x[0] + x[1] * x[1] - 1);
                out[0] = c * x[0];
                out[1] = c * x[1];
            }
            @Override public void gradients(double[][] x, double[][] out, int n) {
                double[] x0 = x[0], x1 = x[1], g0 = out[0], g1 = out[1];
                for (int k = 0; k < n; k++) {
                    double c = 4 * (x0[k] * x0[k] + x1[k] * x1[k] - 1);
                    g0[k] = c * x0[k];
                    g1[k] = c * x1[k];
                }
            }
            @Override public double[][] hessian(double[] x) {
                double s = x[0] * x[0] + x[1] * x[1] - 1;
                return new double[][] {
                        {4 * s + 8 * x[0] * x[0], 8 * x[0] * x[1]},
                        {8 * x[0] * x[1], 4 * s + 8 * x[1] * x[1]}};
            }
        };
    }

    /**
     * f(x, y) = (x² − 1)² + a·y²: minimizers (±1, 0) for a &gt; 0, a saddle at the origin (the
     * landscape of notebooks 02 and 04).
     *
     * @param a the curvature along y, a finite number
     * @return the objective, d = 2
     * @throws IllegalArgumentException if {@code a} is not finite
     */
    public static Objective anisotropic(double a) {
        if (!Double.isFinite(a)) throw new IllegalArgumentException("anisotropic: a = " + a + "; allowed: a finite number");
        return new Objective() {
            @Override public int dimension() { return 2; }
            @Override public String name() { return "anisotropic(a=" + a + ")"; }
            @Override public double value(double[] x) {
                double s = x[0] * x[0] - 1;
                return s * s + a * x[1] * x[1];
            }
            @Override public void gradient(double[] x, double[] out) {
                out[0] = 4 * x[0] * (x[0] * x[0] - 1);
                out[1] = 2 * a * x[1];
            }
            @Override public void gradients(double[][] x, double[][] out, int n) {
                double[] x0 = x[0], x1 = x[1], g0 = out[0], g1 = out[1];
                for (int k = 0; k < n; k++) {
                    g0[k] = 4 * x0[k] * (x0[k] * x0[k] - 1);
                    g1[k] = 2 * a * x1[k];
                }
            }
            @Override public double[][] hessian(double[] x) {
                return new double[][] {{12 * x[0] * x[0] - 4, 0}, {0, 2 * a}};
            }
        };
    }

    /**
     * f(x, y) = (p² + y² − 1)², p = x/alpha + beta·y²; see the class comment.
     *
     * @param alpha stretch along x, a finite number &gt; 0
     * @param beta  bend, a finite number ≥ 0 (0 and alpha = 1: the ring)
     * @return the objective, d = 2
     * @throws IllegalArgumentException if {@code alpha} is not a finite number &gt; 0 or {@code beta}
     *     is not a finite number ≥ 0
     */
    public static Objective bentRing(double alpha, double beta) {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("bent-ring: alpha = " + alpha + "; allowed: a finite number > 0");
        }
        if (!(beta >= 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("bent-ring: beta = " + beta + "; allowed: a finite number >= 0");
        }
        return new Objective() {
            @Override public int dimension() { return 2; }
            @Override public String name() { return "bent-ring(alpha=" + alpha + ",beta=" + beta + ")"; }
            @Override public double value(double[] x) {
                double p = x[0] / alpha + beta * x[1] * x[1];
                double s = p * p + x[1] * x[1] - 1;
                return s * s;
            }
            @Override public void gradient(double[] x, double[] out) {
                double y = x[1];
                double p = x[0] / alpha + beta * y * y;
                double s = p * p + y * y - 1;
                out[0] = 2 * s * (2 * p / alpha);
                out[1] = 2 * s * (4 * beta * y * p + 2 * y);
            }
            @Override public double[][] hessian(double[] x) {
                double y = x[1];
                double p = x[0] / alpha + beta * y * y;
                double s = p * p + y * y - 1;
                double sx = 2 * p / alpha;
                double sy = 4 * beta * y * p + 2 * y;
                double sxx = 2 / (alpha * alpha);
                double sxy = 4 * beta * y / alpha;
                double syy = 4 * beta * p + 8 * beta * beta * y * y + 2;
                return new double[][] {
                        {2 * sx * sx + 2 * s * sxx, 2 * sx * sy + 2 * s * sxy},
                        {2 * sx * sy + 2 * s * sxy, 2 * sy * sy + 2 * s * syy}};
            }
        };
    }

    /** f(x, y) = −exp(−(x−2)² − y²) − exp(−(x² + 100 y²)). */
    public static Objective sharpFlat() {
        return new Objective() {
            @Override public int dimension() { return 2; }
            @Override public String name() { return "sharp-flat"; }
            @Override public double value(double[] x) {
                double dx = x[0] - 2;
                return -Math.exp(-dx * dx - x[1] * x[1]) - Math.exp(-(x[0] * x[0] + 100 * x[1] * x[1]));
            }
            @Override public void gradient(double[] x, double[] out) {
                double dx = x[0] - 2;
                double e1 = Math.exp(-dx * dx - x[1] * x[1]);
                double e2 = Math.exp(-(x[0] * x[0] + 100 * x[1] * x[1]));
                out[0] = 2 * dx * e1 + 2 * x[0] * e2;
                out[1] = 2 * x[1] * e1 + 200 * x[1] * e2;
            }
            @Override public double[][] hessian(double[] x) {
                double dx = x[0] - 2;
                double y = x[1];
                double e1 = Math.exp(-dx * dx - y * y);
                double e2 = Math.exp(-(x[0] * x[0] + 100 * y * y));
                double hxx = (2 - 4 * dx * dx) * e1 + (2 - 4 * x[0] * x[0]) * e2;
                double hxy = -4 * dx * y * e1 - 400 * x[0] * y * e2;
                double hyy = (2 - 4 * y * y) * e1 + (200 - 40000 * y * y) * e2;
                return new double[][] {{hxx, hxy}, {hxy, hyy}};
            }
        };
    }
}
