package samlab.plot;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import samlab.landscape.Grid;
import samlab.landscape.Objective;

/**
 * A function of two variables sampled on a rectangular grid: {@code values[iy][ix] = f(xs[ix], ys[iy])}.
 * The axes must be strictly increasing; values may be NaN where the function is undefined (such
 * cells are left out of contours).
 */
public record SampledGrid(double[] xs, double[] ys, double[][] values) {
    /**
     * Checks the shapes (the arrays are kept, not copied).
     *
     * @throws NullPointerException     if {@code xs}, {@code ys} or {@code values} is null
     * @throws IllegalArgumentException if an axis has fewer than 2 points, a non-finite point or is not
     *     strictly increasing; if {@code values} has not one row per y; or if a row is null or has not
     *     one entry per x
     */
    public SampledGrid {
        Objects.requireNonNull(xs, "xs");
        Objects.requireNonNull(ys, "ys");
        Objects.requireNonNull(values, "values");
        checkAxis("xs", xs);
        checkAxis("ys", ys);
        if (values.length != ys.length) {
            throw new IllegalArgumentException("values has " + values.length + " rows; expected one per y (" + ys.length + ")");
        }
        for (int iy = 0; iy < values.length; iy++) {
            if (values[iy] == null || values[iy].length != xs.length) {
                throw new IllegalArgumentException("values row " + iy + " has "
                        + (values[iy] == null ? "no" : values[iy].length) + " entries; expected one per x (" + xs.length + ")");
            }
        }
    }

    /**
     * Samples f on an nx × ny grid spanning [xMin, xMax] × [yMin, yMax], end points included.
     *
     * @param f (x, y) ↦ value; NaN where undefined
     * @return the grid
     * @throws NullPointerException     if {@code f} is null
     * @throws IllegalArgumentException if a range is not finite with min &lt; max, or nx or ny is &lt; 2
     */
    public static SampledGrid sample(DoubleBinaryOperator f, double xMin, double xMax, int nx,
                                     double yMin, double yMax, int ny) {
        Objects.requireNonNull(f, "f");
        double[] xs = linspace("x", xMin, xMax, nx);
        double[] ys = linspace("y", yMin, yMax, ny);
        double[][] v = new double[ny][nx];
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) v[iy][ix] = f.applyAsDouble(xs[ix], ys[iy]);
        }
        return new SampledGrid(xs, ys, v);
    }

    /**
     * Samples a two-dimensional objective's value on an nx × ny grid.
     *
     * @param f an objective of dimension 2
     * @return the grid
     * @throws NullPointerException     if {@code f} is null
     * @throws IllegalArgumentException if {@code f}'s dimension is not 2, a range is not finite with
     *     min &lt; max, or nx or ny is &lt; 2
     */
    public static SampledGrid sample(Objective f, double xMin, double xMax, int nx,
                                     double yMin, double yMax, int ny) {
        Objects.requireNonNull(f, "f");
        if (f.dimension() != 2) {
            throw new IllegalArgumentException("objective " + f.name() + " has dimension " + f.dimension() + "; a grid needs dimension 2");
        }
        double[] p = new double[2];
        return sample((x, y) -> {
            p[0] = x;
            p[1] = y;
            return f.value(p);
        }, xMin, xMax, nx, yMin, yMax, ny);
    }

    public int nx() {
        return xs.length;
    }

    public int ny() {
        return ys.length;
    }

    /** The smallest finite value (NaN if there is none). */
    public double min() {
        return finiteValues().min().orElse(Double.NaN);
    }

    /** The largest finite value (NaN if there is none). */
    public double max() {
        return finiteValues().max().orElse(Double.NaN);
    }

    /** The finite values, row by row. */
    java.util.stream.DoubleStream finiteValues() {
        return Arrays.stream(values).flatMapToDouble(Arrays::stream).filter(Double::isFinite);
    }

    /** A grid axis: {@link Grid#linspace} restricted to what a grid needs (n &gt;= 2, lo &lt; hi). */
    static double[] linspace(String axis, double lo, double hi, int n) {
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException(axis + " range [" + lo + ", " + hi + "] must be finite with min < max");
        }
        if (n < 2) throw new IllegalArgumentException(axis + " sample count " + n + " must be >= 2");
        return Grid.linspace(lo, hi, n);
    }

    private static void checkAxis(String name, double[] a) {
        if (a.length < 2) throw new IllegalArgumentException(name + " has " + a.length + " points; a grid needs >= 2");
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) throw new IllegalArgumentException(name + "[" + i + "] = " + a[i] + " must be finite");
            if (i > 0 && !(a[i] > a[i - 1])) {
                throw new IllegalArgumentException(name + " must be strictly increasing; " + name + "[" + i + "] = " + a[i]
                        + " follows " + a[i - 1]);
            }
        }
    }
}
