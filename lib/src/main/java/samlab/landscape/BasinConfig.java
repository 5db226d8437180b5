package samlab.landscape;

/**
 * A grid of SAM starts over a box and how long to iterate each. For a 1-D landscape use ny = 1
 * (the y range is ignored). The axes follow {@link Grid#linspace}: nx = 1 puts the starts at x = xmin.
 *
 * @param xmin          left edge of the box (finite)
 * @param xmax          right edge of the box (finite, &gt; xmin)
 * @param ymin          bottom edge of the box (finite)
 * @param ymax          top edge of the box (finite, ≥ ymin)
 * @param nx            starts along x, 1 to 20,000
 * @param ny            starts along y, 1 to 20,000 (1 for a 1-D landscape)
 * @param eta           step size η &gt; 0
 * @param maxIterations SAM steps per start at most, 1 to 10,000,000
 */
public record BasinConfig(double xmin, double xmax, double ymin, double ymax, int nx, int ny,
                          double eta, int maxIterations) {
    /**
     * Checks the ranges given in the record's description.
     *
     * @throws IllegalArgumentException if a bound is not finite, {@code xmax <= xmin},
     *     {@code ymax < ymin}, {@code nx} or {@code ny} is outside 1..20,000, {@code eta} is not a
     *     finite number &gt; 0, or {@code maxIterations} is outside 1..10,000,000
     */
    public BasinConfig {
        for (double v : new double[] {xmin, xmax, ymin, ymax}) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("box bound " + v + "; allowed: finite numbers");
        }
        if (!(xmax > xmin)) throw new IllegalArgumentException("x range [" + xmin + ", " + xmax + "]; allowed: xmin < xmax");
        if (!(ymax >= ymin)) throw new IllegalArgumentException("y range [" + ymin + ", " + ymax + "]; allowed: ymin <= ymax");
        if (nx < 1 || nx > 20_000) throw new IllegalArgumentException("nx = " + nx + "; allowed: 1 to 20000");
        if (ny < 1 || ny > 20_000) throw new IllegalArgumentException("ny = " + ny + "; allowed: 1 to 20000");
        SamMap.checkEta(eta);
        if (maxIterations < 1 || maxIterations > 10_000_000) {
            throw new IllegalArgumentException("maxIterations = " + maxIterations + "; allowed: 1 to 10000000");
        }
    }

    /**
     * A square box [−half, half]² with n × n starts.
     *
     * @param half          half the side of the box, a finite number &gt; 0
     * @param n             starts per axis, 1 to 20,000
     * @param eta           step size η &gt; 0
     * @param maxIterations SAM steps per start at most, 1 to 10,000,000
     * @return the configuration
     * @throws IllegalArgumentException if {@code half} is not a finite number &gt; 0, or {@code n},
     *     {@code eta} or {@code maxIterations} is outside its range (see {@link BasinConfig})
     */
    public static BasinConfig square(double half, int n, double eta, int maxIterations) {
        return new BasinConfig(-half, half, -half, half, n, n, eta, maxIterations);
    }

    /** The x coordinates of the starts: {@link Grid#linspace}(xmin, xmax, nx) (nx = 1: {xmin}). */
    public double[] xs() {
        return Grid.linspace(xmin, xmax, nx);
    }

    /** The y coordinates of the starts: {@link Grid#linspace}(ymin, ymax, ny) (ny = 1: {ymin}). */
    public double[] ys() {
        return Grid.linspace(ymin, ymax, ny);
    }
}
