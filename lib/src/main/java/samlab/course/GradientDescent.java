package samlab.course;

import java.util.ArrayList;
import java.util.List;
import samlab.landscape.Objective;
import samlab.landscape.SamMap;
import samlab.landscape.Trajectory;

/** Plain gradient descent x ← x − η∇f(x), stopped by the same rules as {@link Trajectory#run}. */
public final class GradientDescent {
    private GradientDescent() {}

    /** Iterates from x0 for at most {@code maxIterations} steps. */
    public static Trajectory run(Objective f, double[] x0, double eta, int maxIterations) {
        SamMap.checkEta(eta);
        if (maxIterations < 0) throw new IllegalArgumentException("maxIterations = " + maxIterations + "; allowed: >= 0");
        if (x0.length != f.dimension()) {
            throw new IllegalArgumentException("start has " + x0.length + " coordinates; allowed: " + f.dimension());
        }
        List<double[]> pts = new ArrayList<>();
        double[] x = x0.clone();
        double[] g = new double[x.length];
        pts.add(x.clone());
        Trajectory.State state = Trajectory.State.NOT_CONVERGED;
        for (int k = 0; k < maxIterations; k++) {
            f.gradient(x, g);
            double n2 = 0;
            for (int i = 0; i < x.length; i++) {
                x[i] -= eta * g[i];
                n2 += g[i] * g[i];
            }
            pts.add(x.clone());
            if (!finiteAndBounded(x)) { state = Trajectory.State.DIVERGED; break; }
            if (eta * eta * n2 <= Trajectory.STEP_TOLERANCE * Trajectory.STEP_TOLERANCE) { state = Trajectory.State.CONVERGED; break; }
        }
        return new Trajectory(pts.toArray(double[][]::new), state);
    }

    private static boolean finiteAndBounded(double[] x) {
        for (double v : x) if (!(Math.abs(v) <= Trajectory.DIVERGENCE_BOUND)) return false;
        return true;
    }
}
