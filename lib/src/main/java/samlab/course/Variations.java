package samlab.course;

import java.util.Random;
import samlab.landscape.Objective;
import samlab.landscape.Perturbation;
import samlab.landscape.SamMap;

/**
 * The toys beyond the paper (notebooks 02–04): SAM with a decaying radius, SAM with noisy
 * (mini-batch-like) gradients, and a landscape whose maximizer set is a line. Each run takes
 * seconds; the notebooks state and check what they show.
 */
public final class Variations {
    private Variations() {}

    /**
     * SAM iterates under a decaying radius.
     *
     * @param points x_0 … x_n (row k is x_k)
     * @param rhos   ρ_k used for the step from x_k to x_{k+1} (length n)
     */
    public record Scheduled(double[][] points, double[] rhos) {
        /** The last iterate. */
        public double[] last() {
            return points[points.length - 1].clone();
        }
    }

    /**
     * SAM with the radius decaying linearly to 0: ρ_k = ρ₀ (1 − k/n) for k = 0 … n − 1, the schedule
     * the literature uses to let SAM settle (as for step sizes).
     *
     * @param f     the landscape
     * @param x0    the start (f.dimension() coordinates)
     * @param rho0  the first radius, &gt; 0
     * @param eta   the step size, &gt; 0
     * @param steps n, &gt;= 1
     * @return the iterates and the radii used
     * @throws IllegalArgumentException when rho0 is not a finite number &gt; 0, eta is not a finite
     *     number &gt; 0, steps &lt; 1 or x0 has the wrong length
     */
    public static Scheduled decayingRho(Objective f, double[] x0, double rho0, double eta, int steps) {
        check(f, x0, rho0, eta, steps);
        double[][] pts = new double[steps + 1][];
        double[] rhos = new double[steps];
        pts[0] = x0.clone();
        for (int k = 0; k < steps; k++) {
            rhos[k] = rho0 * (1 - (double) k / steps);
            pts[k + 1] = SamMap.sam(f, rhos[k]).step(pts[k], eta);
        }
        return new Scheduled(pts, rhos);
    }

    /**
     * SAM on noisy gradients: ĝ(y) = ∇f(y) + σξ_k with ξ_k ~ N(0, I), the same ξ_k at x_k and at
     * x_k⁺ = x_k + ρ ĝ(x_k)/‖ĝ(x_k)‖, as a mini-batch uses one batch for both gradients of a step.
     *
     * @param f     the landscape
     * @param x0    the start (f.dimension() coordinates)
     * @param rho   the radius, &gt; 0
     * @param eta   the step size, a finite number &gt; 0
     * @param sigma the noise level, &gt;= 0 (0 is plain SAM)
     * @param seed  the seed of the noise (java.util.Random, whose sequence the JDK specifies)
     * @return x_0 … x_n (row k is x_k)
     * @param steps n, &gt;= 1
     * @throws IllegalArgumentException when rho is not a finite number &gt; 0, eta is not a finite number &gt; 0,
     *                                  sigma is negative, NaN or infinite, steps &lt; 1 or x0 has the wrong length
     */
    public static double[][] noisySam(Objective f, double[] x0, double rho, double eta, double sigma, long seed, int steps) {
        check(f, x0, rho, eta, steps);
        if (!(sigma >= 0) || !Double.isFinite(sigma)) throw new IllegalArgumentException("sigma = " + sigma + "; allowed: a finite number >= 0");
        Random random = new Random(seed);
        int d = x0.length;
        double[][] pts = new double[steps + 1][];
        double[] x = x0.clone(), xi = new double[d], g = new double[d], xp = new double[d];
        pts[0] = x.clone();
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < d; i++) xi[i] = sigma * random.nextGaussian();
            f.gradient(x, g);
            for (int i = 0; i < d; i++) g[i] += xi[i];
            Perturbation.EXACT.apply(x, g, rho, xp); // the one perturbation rule; x⁺ = x where the noisy g is 0
            f.gradient(xp, g);
            for (int i = 0; i < d; i++) x[i] -= eta * (g[i] + xi[i]);
            pts[k + 1] = x.clone();
        }
        return pts;
    }

    /** The ridge f(x, y) = (x² − 1)²: maximizer set the line x = 0, minimizer sets the lines x = ±1. */
    public static Objective ridge() {
        return new Objective() {
            @Override public int dimension() { return 2; }
            @Override public String name() { return "ridge"; }
            @Override public double value(double[] x) {
                double s = x[0] * x[0] - 1;
                return s * s;
            }
            @Override public void gradient(double[] x, double[] out) {
                out[0] = 4 * x[0] * (x[0] * x[0] - 1);
                out[1] = 0;
            }
            @Override public double[][] hessian(double[] x) {
                return new double[][] {{12 * x[0] * x[0] - 4, 0}, {0, 0}};
            }
        };
    }

    private static void check(Objective f, double[] x0, double rho, double eta, int steps) {
        if (!(rho > 0) || !Double.isFinite(rho)) throw new IllegalArgumentException("rho = " + rho + "; allowed: a finite number > 0");
        SamMap.checkEta(eta);
        if (steps < 1) throw new IllegalArgumentException("steps = " + steps + "; allowed: >= 1");
        if (x0.length != f.dimension()) {
            throw new IllegalArgumentException("start has " + x0.length + " coordinates; allowed: " + f.dimension());
        }
    }
}
