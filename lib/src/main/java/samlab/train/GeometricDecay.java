package samlab.train;

/**
 * The geometric rate q of a positive sequence y_t ≈ C·q^t: exp of the least-squares slope of
 * ln y against t. Near an attracting rest point of the SAM map T, ‖∇L(w⁺_t)‖ decays like
 * ρ(DT)^t (the spectral radius of T's Jacobian; in one dimension |1 − η f″(c)| at a
 * hallucinated minimizer with image c, the course's Theorem 2), so q &lt; 1 over the last steps
 * of a stall says the shifted gradient is still going to 0, and q ≈ 1 that it has stopped falling.
 */
public final class GeometricDecay {
    private GeometricDecay() {}

    /**
     * q = exp(slope of ln y on t), per unit of t (e.g. per step when t is the iteration).
     *
     * @param t the times
     * @param y the values at those times, each positive and finite
     * @return the rate q &gt; 0 (q &lt; 1: decaying)
     * @throws IllegalArgumentException if the arrays differ in length, hold fewer than 2 points,
     *         a y value is not positive and finite, or all t are equal
     */
    public static double rate(double[] t, double[] y) {
        if (t.length != y.length) throw new IllegalArgumentException(t.length + " times but " + y.length + " values");
        if (t.length < 2) throw new IllegalArgumentException("a decay rate needs at least 2 points, not " + t.length);
        double mt = 0;
        double my = 0;
        for (int i = 0; i < t.length; i++) {
            if (!(y[i] > 0) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("value " + y[i] + " at t = " + t[i] + " must be positive and finite");
            }
            mt += t[i];
            my += Math.log(y[i]);
        }
        mt /= t.length;
        my /= t.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < t.length; i++) {
            sxy += (t[i] - mt) * (Math.log(y[i]) - my);
            sxx += (t[i] - mt) * (t[i] - mt);
        }
        if (!(sxx > 0)) throw new IllegalArgumentException("all times are equal: no rate");
        return Math.exp(sxy / sxx);
    }

    /**
     * The rate over the last {@code window} finite, positive points of (t, y) (NaN if fewer than 2
     * such points). Points with a NaN or non-positive y are skipped, e.g. epochs without diagnostics.
     *
     * @param t      the times, at least as long as {@code y}
     * @param y      the values
     * @param window how many of the last usable points to fit, ≥ 2
     * @return the rate q over those points, or NaN if fewer than 2 are usable
     * @throws IllegalArgumentException if {@code window < 2}, if {@code t} is shorter than {@code y}, or if the points kept all have the same t
     */
    public static double lastRate(double[] t, double[] y, int window) {
        if (window < 2) throw new IllegalArgumentException("window " + window + " must be >= 2");
        if (t.length < y.length) throw new IllegalArgumentException(t.length + " times for " + y.length + " values: need a time per value");
        double[] tt = new double[window];
        double[] yy = new double[window];
        int n = 0;
        for (int i = y.length - 1; i >= 0 && n < window; i--) {
            if (y[i] > 0 && Double.isFinite(y[i]) && Double.isFinite(t[i])) {
                tt[window - 1 - n] = t[i];
                yy[window - 1 - n] = y[i];
                n++;
            }
        }
        if (n < 2) return Double.NaN;
        return rate(java.util.Arrays.copyOfRange(tt, window - n, window), java.util.Arrays.copyOfRange(yy, window - n, window));
    }
}
