package samlab.landscape;

/** Small operations on coordinate vectors and matrices as {@code double[]} / {@code double[][]}. */
final class Vectors {
    private Vectors() {}

    /** The Euclidean norm ‖v‖. */
    static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    /** The Euclidean distance ‖a − b‖ (same lengths). */
    static double dist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }

    /** max |v_i| (0 for an empty vector). */
    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }

    /** min |v_i| (+∞ for an empty vector). */
    static double minAbs(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) m = Math.min(m, Math.abs(x));
        return m;
    }

    /** Whether every entry is finite. */
    static boolean allFinite(double[][] m) {
        for (double[] row : m) for (double v : row) if (!Double.isFinite(v)) return false;
        return true;
    }
}
