package samlab.landscape;

/** Central finite differences, used as the default Hessian and to check closed forms. */
public final class FiniteDifferences {
    private FiniteDifferences() {}

    /** Step used for second derivatives from gradients: about the cube root of machine epsilon. */
    static final double HESSIAN_STEP = 1e-5;

    /** The Hessian by central differences of the gradient, symmetrised. */
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
}
