package samlab.landscape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import samlab.Tabular;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The SAM iterates x_{k+1} = T(x_k) from one start, until the step is below {@link #STEP_TOLERANCE},
 * the iterate leaves the ball of radius {@link #DIVERGENCE_BOUND}, or the iteration budget ends.
 *
 * @param points x_0 … x_n (row k is x_k)
 * @param state  how the run ended
 */
public record Trajectory(double[][] points, State state) implements Tabular {
    /** A run is converged once ‖T(x) − x‖ = η‖∇f(x⁺)‖ is at most this. */
    public static final double STEP_TOLERANCE = 1e-10;
    /** A run has diverged once some |x_i| exceeds this (or is not finite). */
    public static final double DIVERGENCE_BOUND = 1e6;

    /** How an iteration ended. */
    public enum State {
        CONVERGED, DIVERGED, NOT_CONVERGED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One step of an iteration x ← x − η·d(x), written into {@code x} in place.
     * Returns ‖d(x)‖², so that the step length is η‖d(x)‖.
     */
    @FunctionalInterface
    public interface Step {
        double apply(double[] x, double eta);
    }

    /**
     * Iterates SAM from x0 at step size η for at most {@code maxIterations} steps; d(x) = ∇f(x⁺), so
     * x ← x − η∇f(x⁺) (Foret et al. 2021, arXiv:2010.01412, with the map's perturbation rule).
     *
     * @param map           the SAM map (objective, ρ, perturbation rule)
     * @param x0            the start, map.dimension() coordinates (copied)
     * @param eta           the step size η
     * @param maxIterations the step budget, ≥ 0
     * @return the iterates x_0 … x_n and how the run ended
     * @throws IllegalArgumentException if η is not a finite number &gt; 0, maxIterations &lt; 0 or
     *         x0.length differs from the map's dimension
     */
    public static Trajectory run(SamMap map, double[] x0, double eta, int maxIterations) {
        SamMap.Workspace ws = map.workspace();
        return iterate(map.dimension(), (x, h) -> map.step(x, h, x, ws), x0, eta, maxIterations);
    }

    /**
     * The iteration loop shared by SAM and plain gradient descent: steps from x0 until the step
     * length η‖d(x)‖ is at most {@link #STEP_TOLERANCE} (converged), {@link #diverged} holds, or
     * {@code maxIterations} steps are spent.
     *
     * @param dimension     d, the length x0 must have
     * @param step          one step, in place, returning ‖d(x)‖²
     * @param x0            the start (copied)
     * @param eta           the step size η
     * @param maxIterations the step budget, ≥ 0
     * @return the iterates x_0 … x_n and how the run ended
     * @throws IllegalArgumentException if η is not a finite number &gt; 0, maxIterations &lt; 0 or
     *         x0.length != dimension
     */
    public static Trajectory iterate(int dimension, Step step, double[] x0, double eta, int maxIterations) {
        SamMap.checkEta(eta);
        if (maxIterations < 0) throw new IllegalArgumentException("maxIterations = " + maxIterations + "; allowed: >= 0");
        if (x0.length != dimension) {
            throw new IllegalArgumentException("start has " + x0.length + " coordinates; allowed: " + dimension);
        }
        List<double[]> pts = new ArrayList<>();
        double[] x = x0.clone();
        pts.add(x.clone());
        State state = State.NOT_CONVERGED;
        for (int k = 0; k < maxIterations; k++) {
            double n2 = step.apply(x, eta);
            pts.add(x.clone());
            if (diverged(x)) { state = State.DIVERGED; break; }
            if (eta * eta * n2 <= STEP_TOLERANCE * STEP_TOLERANCE) { state = State.CONVERGED; break; }
        }
        return new Trajectory(pts.toArray(double[][]::new), state);
    }

    /**
     * The one divergence test of the theory code: some coordinate has |x_i| &gt; {@link #DIVERGENCE_BOUND}
     * or is not finite (NaN, ±∞).
     */
    public static boolean diverged(double[] x) {
        for (double v : x) if (outOfBounds(v)) return true;
        return false;
    }

    /** One coordinate's part of {@link #diverged(double[])}: |v| &gt; {@link #DIVERGENCE_BOUND} or not finite. */
    static boolean outOfBounds(double v) {
        return !(Math.abs(v) <= DIVERGENCE_BOUND);
    }

    /** The number of steps taken. */
    public int steps() {
        return points.length - 1;
    }

    /** The last iterate. */
    public double[] last() {
        return points[points.length - 1].clone();
    }

    /** Columns step, x1..xd. */
    @Override
    public Table toTable() {
        Table t = Table.create("SAM trajectory (" + state.label() + ")");
        int[] step = new int[points.length];
        for (int k = 0; k < step.length; k++) step[k] = k;
        t.addColumns(IntColumn.create("step", step));
        for (int i = 0; i < points[0].length; i++) {
            double[] c = new double[points.length];
            for (int k = 0; k < c.length; k++) c[k] = points[k][i];
            t.addColumns(DoubleColumn.create("x" + (i + 1), c));
        }
        return t;
    }
}
