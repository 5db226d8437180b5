package samlab.landscape;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;

/**
 * A smooth function f : R^d → R with its gradient and Hessian. Hot loops call
 * {@link #gradient(double[], double[])}, which writes into a caller-owned array and must not
 * allocate. The Hessian defaults to central finite differences of the gradient; closed-form
 * landscapes override it.
 */
public interface Objective {
    /** The dimension d. */
    int dimension();

    /** f(x). */
    double value(double[] x);

    /** Writes ∇f(x) into {@code out} (length d); must not allocate. */
    void gradient(double[] x, double[] out);

    /** A short name for tables and charts. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** ∇f(x) in a new array. */
    default double[] gradient(double[] x) {
        double[] g = new double[dimension()];
        gradient(x, g);
        return g;
    }

    /**
     * Writes ∇f at n points at once, coordinate-major: {@code x[i][k]} is coordinate i of point k
     * and {@code out[i][k]} the i-th partial derivative there (arrays of length ≥ n; must not
     * allocate per point). The basin map's fast path calls this; closed-form landscapes override it with
     * loops the JIT can vectorise. An override must give exactly the bits of
     * {@link #gradient(double[], double[])} point by point. The default does just that, one point
     * at a time (two scratch arrays per call).
     *
     * @param x   d arrays of coordinates
     * @param out d arrays to write the partial derivatives into
     * @param n   number of points, 0 ≤ n ≤ x[i].length
     */
    default void gradients(double[][] x, double[][] out, int n) {
        int d = dimension();
        double[] p = new double[d];
        double[] g = new double[d];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < d; i++) p[i] = x[i][k];
            gradient(p, g);
            for (int i = 0; i < d; i++) out[i][k] = g[i];
        }
    }

    /** ∇²f(x) as a d×d array; by default central differences of the gradient, symmetrised. */
    default double[][] hessian(double[] x) {
        return FiniteDifferences.hessianFromGradient(this, x);
    }

    /**
     * An objective from lambdas, for notebook cells: value and gradient given, Hessian by finite
     * differences. Example: {@code Objective.of("bowl", 2, x -> x[0]*x[0] + x[1]*x[1],
     * (x, g) -> { g[0] = 2*x[0]; g[1] = 2*x[1]; })}.
     *
     * @param name      a short name for tables and charts
     * @param dimension the dimension d ≥ 1
     * @param value     x (length d) ↦ f(x)
     * @param gradient  (x, out) ↦ writes ∇f(x) into out (both length d)
     * @return the objective
     * @throws NullPointerException     if {@code value} or {@code gradient} is null
     * @throws IllegalArgumentException if {@code dimension < 1}
     */
    static Objective of(String name, int dimension, ToDoubleFunction<double[]> value,
                        BiConsumer<double[], double[]> gradient) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(gradient, "gradient");
        if (dimension <= 0) throw new IllegalArgumentException("dimension " + dimension + " must be >= 1");
        return new Objective() {
            @Override public int dimension() { return dimension; }
            @Override public double value(double[] x) { return value.applyAsDouble(x); }
            @Override public void gradient(double[] x, double[] out) { gradient.accept(x, out); }
            @Override public String name() { return name; }
        };
    }
}
