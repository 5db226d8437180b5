package samlab.landscape;

/**
 * Evenly spaced values: the one grid rule of samlab, used for basin-map axes, ρ and η sweeps and
 * the sampled grids of figures.
 */
public final class Grid {
    private Grid() {}

    /**
     * n evenly spaced values from {@code from} to {@code to}, both included, as NumPy's
     * {@code linspace(from, to, n)}: value i is from + (to − from)·i/(n − 1), the last exactly
     * {@code to}. The edge case follows NumPy too: n = 1 gives {@code {from}} (never the midpoint).
     * {@code from > to} gives a descending grid; {@code from = to} gives n equal values.
     *
     * @param from first value (finite)
     * @param to   last value (finite)
     * @param n    number of values, at least 1
     * @return a new array of length n
     * @throws IllegalArgumentException if n &lt; 1 or from or to is not finite
     */
    public static double[] linspace(double from, double to, int n) {
        if (n < 1) throw new IllegalArgumentException("n = " + n + "; allowed: >= 1");
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("range [" + from + ", " + to + "]; allowed: finite numbers");
        }
        double[] a = new double[n];
        a[0] = from;
        for (int i = 1; i < n - 1; i++) a[i] = from + (to - from) * i / (n - 1);
        if (n > 1) a[n - 1] = to;
        return a;
    }
}
