package samlab.plot;

import java.util.Arrays;
import samlab.landscape.Grid;

/** Ways to choose the values at which level lines are drawn. */
public final class ContourLevels {
    private ContourLevels() {}

    /**
     * n levels evenly spaced from lo to hi, both included: {@link Grid#linspace}, so n = 1 gives {lo}.
     *
     * @param lo lowest level (finite)
     * @param hi highest level (finite, &gt; lo)
     * @param n  number of levels, 1 to 100
     * @return the levels, increasing
     * @throws IllegalArgumentException if n is outside 1..100, or lo, hi are not finite with lo &lt; hi
     */
    public static double[] linear(double lo, double hi, int n) {
        checkCount(n);
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException("level range [" + lo + ", " + hi + "] must be finite with lo < hi");
        }
        return Grid.linspace(lo, hi, n);
    }

    /**
     * n levels at the quantiles k/(n+1), k = 1..n, of the grid's finite values: each band between
     * neighbouring levels covers about the same area, whatever the range of the function. Repeated
     * values (flat regions) are dropped.
     *
     * @param grid the sampled function
     * @param n    number of levels, 1 to 100
     * @return at most n distinct levels, increasing
     * @throws IllegalArgumentException if n is outside 1..100 or the grid has no finite value
     */
    public static double[] quantiles(SampledGrid grid, int n) {
        checkCount(n);
        double[] v = grid.finiteValues().sorted().toArray();
        if (v.length == 0) throw new IllegalArgumentException("grid has no finite values to choose levels from");
        double[] out = new double[n];
        for (int k = 1; k <= n; k++) {
            double pos = (double) k / (n + 1) * (v.length - 1);
            int i = (int) Math.floor(pos);
            double w = pos - i;
            out[k - 1] = i + 1 < v.length ? v[i] + w * (v[i + 1] - v[i]) : v[i];
        }
        return Arrays.stream(out).distinct().toArray();
    }

    /**
     * n levels min + δ_k above the grid's minimum with δ_k geometric from span·10^-decades to span
     * (span = max − min): dense near the minimum, sparse on steep walls — for landscapes whose values
     * cover several orders of magnitude. The top level is pulled to min + span·(1 − 1e-9).
     *
     * @param grid    the sampled function
     * @param n       number of levels, 1 to 100
     * @param decades orders of magnitude between the lowest and the highest δ, finite and &gt; 0
     * @return n levels, increasing
     * @throws IllegalArgumentException if n is outside 1..100, {@code decades} is not finite and
     *     &gt; 0, or the grid's finite values are all equal or there are none
     */
    public static double[] logSpaced(SampledGrid grid, int n, double decades) {
        checkCount(n);
        if (!(decades > 0 && Double.isFinite(decades))) {
            throw new IllegalArgumentException("decades " + decades + " must be finite and > 0");
        }
        double min = grid.min();
        double span = grid.max() - min;
        if (!(span > 0)) throw new IllegalArgumentException("grid is constant (" + min + "); no levels to space");
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            double e = n == 1 ? 0 : -decades * (n - 1 - k) / (n - 1);
            out[k] = min + span * Math.pow(10, e);
        }
        // the top level would touch only the maximum sample; pull it just inside the range
        out[n - 1] = min + span * (1 - 1e-9);
        return out;
    }

    /**
     * Checks caller-given levels: finite and strictly increasing.
     *
     * @param levels the levels
     * @return a copy
     * @throws IllegalArgumentException if {@code levels} is null or empty, a level is not finite, or
     *     the levels are not strictly increasing
     */
    public static double[] given(double... levels) {
        if (levels == null || levels.length == 0) throw new IllegalArgumentException("at least one level is needed");
        for (int i = 0; i < levels.length; i++) {
            if (!Double.isFinite(levels[i])) throw new IllegalArgumentException("level " + levels[i] + " must be finite");
            if (i > 0 && !(levels[i] > levels[i - 1])) {
                throw new IllegalArgumentException("levels must be strictly increasing; " + levels[i] + " follows " + levels[i - 1]);
            }
        }
        return levels.clone();
    }

    private static void checkCount(int n) {
        if (n < 1 || n > 100) throw new IllegalArgumentException("level count " + n + " must be in 1..100");
    }
}
