package samlab.landscape;

/**
 * Eigenvalues of the small matrices the theory needs (d is 1, 2 or a few): symmetric ones by
 * cyclic Jacobi rotations, general real ones as the complex roots of the characteristic polynomial.
 */
public final class Eigenvalues {
    private Eigenvalues() {}

    /**
     * Eigenvalues of a symmetric matrix, ascending (cyclic Jacobi; only the upper triangle matters).
     *
     * @param m an n×n matrix (not modified)
     * @return the n eigenvalues, ascending
     */
    public static double[] symmetric(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = m[i].clone();
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) a[i][j] = a[j][i];
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double scale = 0;
            for (int i = 0; i < n; i++) {
                scale += a[i][i] * a[i][i];
                for (int j = i + 1; j < n; j++) off += a[i][j] * a[i][j];
            }
            if (off <= 1e-30 * Math.max(scale, Double.MIN_NORMAL)) break;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) continue;
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                }
            }
        }
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) ev[i] = a[i][i];
        java.util.Arrays.sort(ev);
        return ev;
    }

    /**
     * Eigenvalues of a general real square matrix as {re[], im[]} (complex pairs included): closed
     * forms for n ≤ 2, otherwise the roots of the characteristic polynomial (Faddeev–LeVerrier
     * coefficients, Durand–Kerner iteration), adequate for the small n used here.
     *
     * @param m an n×n matrix (not modified)
     * @return {re[n], im[n]}: real and imaginary parts of the n eigenvalues
     */
    public static double[][] general(double[][] m) {
        int n = m.length;
        if (n == 1) return new double[][] {{m[0][0]}, {0}};
        if (n == 2) {
            double tr = m[0][0] + m[1][1];
            double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
            double half = tr / 2;
            double disc = half * half - det;
            if (disc >= 0) {
                double r = Math.sqrt(disc);
                // avoid cancellation: the larger root first, the other from the product
                double big = half + Math.copySign(r, half);
                double small = big == 0 ? 0 : det / big;
                return new double[][] {{big, small}, {0, 0}};
            }
            double r = Math.sqrt(-disc);
            return new double[][] {{half, half}, {r, -r}};
        }
        double[] c = characteristicPolynomial(m);
        return polynomialRoots(c);
    }

    /**
     * max |λ| over the eigenvalues of a general real matrix.
     *
     * @param m an n×n matrix
     * @return the spectral radius, ≥ 0
     */
    public static double spectralRadius(double[][] m) {
        double[][] ev = general(m);
        double r = 0;
        for (int i = 0; i < ev[0].length; i++) r = Math.max(r, Math.hypot(ev[0][i], ev[1][i]));
        return r;
    }

    /** Coefficients c[0..n] of det(λI − A) = λ^n + c[1] λ^(n−1) + … + c[n] (c[0] = 1). */
    static double[] characteristicPolynomial(double[][] a) {
        int n = a.length;
        double[] c = new double[n + 1];
        c[0] = 1;
        double[][] mk = new double[n][n];
        double[][] prod = new double[n][n];
        for (int k = 1; k <= n; k++) {
            // M_k = A M_{k−1} + c_{k−1} I, M_0 = 0; c_k = −tr(A M_k)/k
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int l = 0; l < n; l++) s += a[i][l] * mk[l][j];
                    prod[i][j] = s;
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) mk[i][j] = prod[i][j] + (i == j ? c[k - 1] : 0);
            }
            double tr = 0;
            for (int i = 0; i < n; i++) for (int l = 0; l < n; l++) tr += a[i][l] * mk[l][i];
            c[k] = -tr / k;
        }
        return c;
    }

    /** Roots of the monic polynomial with coefficients c (c[0] = 1), as {re[], im[]}. */
    static double[][] polynomialRoots(double[] c) {
        int n = c.length - 1;
        double bound = 0;
        for (int k = 1; k <= n; k++) bound = Math.max(bound, Math.abs(c[k]));
        bound = 1 + bound;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int k = 0; k < n; k++) {
            double ang = 2 * Math.PI * k / n + 0.4;
            re[k] = 0.9 * bound * Math.cos(ang);
            im[k] = 0.9 * bound * Math.sin(ang);
        }
        for (int it = 0; it < 2000; it++) {
            double change = 0;
            for (int k = 0; k < n; k++) {
                // p(z_k)
                double pr = 1, pi = 0;
                for (int j = 1; j <= n; j++) {
                    double nr = pr * re[k] - pi * im[k] + c[j];
                    double ni = pr * im[k] + pi * re[k];
                    pr = nr;
                    pi = ni;
                }
                // ∏_{j≠k} (z_k − z_j)
                double qr = 1, qi = 0;
                for (int j = 0; j < n; j++) {
                    if (j == k) continue;
                    double dr = re[k] - re[j], di = im[k] - im[j];
                    double nr = qr * dr - qi * di;
                    double ni = qr * di + qi * dr;
                    qr = nr;
                    qi = ni;
                }
                double den = qr * qr + qi * qi;
                if (den == 0) { re[k] += 1e-9 * bound; continue; }
                double wr = (pr * qr + pi * qi) / den;
                double wi = (pi * qr - pr * qi) / den;
                re[k] -= wr;
                im[k] -= wi;
                change = Math.max(change, Math.hypot(wr, wi));
            }
            if (change <= 1e-15 * bound) break;
        }
        return new double[][] {re, im};
    }
}
