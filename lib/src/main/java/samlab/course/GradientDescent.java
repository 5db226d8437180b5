package samlab.course;

import samlab.landscape.Objective;
import samlab.landscape.Trajectory;

/** Plain gradient descent x ← x − η∇f(x), iterated and stopped by {@link Trajectory#iterate}, as SAM is. */
public final class GradientDescent {
    private GradientDescent() {}

    /**
     * Iterates from x0 for at most {@code maxIterations} steps.
     *
     * @param f             the objective
     * @param x0            the start, f.dimension() coordinates
     * @param eta           the step size η
     * @param maxIterations the step budget, ≥ 0
     * @return the iterates and how the run ended (same stopping rules as SAM's {@link Trajectory})
     * @throws IllegalArgumentException if η is not a finite number &gt; 0, maxIterations &lt; 0 or
     *         x0.length differs from f's dimension
     */
    public static Trajectory run(Objective f, double[] x0, double eta, int maxIterations) {
        double[] g = new double[f.dimension()];
        return Trajectory.iterate(f.dimension(), (x, h) -> {
            f.gradient(x, g);
            double n2 = 0;
            for (int i = 0; i < x.length; i++) {
                x[i] -= h * g[i];
                n2 += g[i] * g[i];
            }
            return n2;
        }, x0, eta, maxIterations);
    }
}
