package samlab.landscape;

/** Central finite differences, used as the default Hessian and to check closed forms. */
public final class FiniteDifferences {
    private FiniteDifferences() {}

    /** Step used for second derivatives from gradients: about the cube root of machine epsilon. */
    static final double HESSIAN_STEP = 1e-5;

    /**
     * The Hessian by central differences of the gradient, symmetrised; step 1e-5·max(1, |x_j|).
     *
     * @param f the objective
     * @param x the point, f.dimension() coordinates
     * @return the d×d Hessian estimate (error O(step²))
     */
    public static double[][] hessianFromGradient(Objective f, double[] x) {
        int d = f.dimension();
        double[][] h = new double[d][d];
        double[] xp = x.clone();
        double[] gp = new double[d];
        double[] gm = new double[d];
        for (int j = 0; j < d; j++) {
            double step = HESSIAN_STEP * Math.max(1.0, Math.abs(x[j]));
            xp[j] = x[j] + step;
            f.gradient(xp, gp);
            xp[j] = x[j] - step;
            f.gradient(xp, gm);
            xp[j] = x[j];
            for (int i = 0; i < d; i++) h[i][j] = (gp[i] - gm[i]) / (2 * step);
        }
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        return h;
    }

    /** Step used for first derivatives from values. */
    static final double GRADIENT_STEP = 1e-6;

    /**
     * The gradient by central differences of the value; step 1e-6·max(1, |x_j|).
     *
     * @param f the objective
     * @param x the point, f.dimension() coordinates
     * @return the d-vector estimate (error O(step²))
     */
    public static double[] gradientFromValue(Objective f, double[] x) {
        int d = f.dimension();
        double[] g = new double[d];
        double[] xp = x.clone();
        for (int j = 0; j < d; j++) {
            double step = GRADIENT_STEP * Math.max(1.0, Math.abs(x[j]));
            xp[j] = x[j] + step;
            double fp = f.value(xp);
            xp[j] = x[j] - step;
            double fm = f.value(xp);
            xp[j] = x[j];
            g[j] = (fp - fm) / (2 * step);
        }
        return g;
    }

    /**
     * How far an objective's derivatives are from finite differences at the given points: the
     * largest error of the gradient against differences of the value, and of the Hessian against
     * differences of the gradient, each relative to max(1, |reference entry|).
     */
    public record Check(double maxGradientError, double maxHessianError) {}

    /**
     * Checks {@code f}'s gradient and Hessian at every point; see {@link Check}.
     *
     * @param f      the objective with closed-form derivatives
     * @param points the points, each f.dimension() coordinates
     * @return the largest relative errors over all points
     */
    public static Check check(Objective f, Iterable<double[]> points) {
        double ge = 0;
        double he = 0;
        for (double[] x : points) {
            double[] g = f.gradient(x);
            double[] gfd = gradientFromValue(f, x);
            for (int i = 0; i < g.length; i++) {
                ge = Math.max(ge, Math.abs(g[i] - gfd[i]) / Math.max(1.0, Math.abs(gfd[i])));
            }
            double[][] h = f.hessian(x);
            double[][] hfd = hessianFromGradient(f, x);
            for (int i = 0; i < h.length; i++) {
                for (int j = 0; j < h.length; j++) {
                    he = Math.max(he, Math.abs(h[i][j] - hfd[i][j]) / Math.max(1.0, Math.abs(hfd[i][j])));
                }
            }
        }
        return new Check(ge, he);
    }
}
