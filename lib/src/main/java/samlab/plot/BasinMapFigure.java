package samlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYSeries;

/**
 * Which start ends where: a grid of starting points, each painted as the cell around it in the colour
 * of the outcome of the run that began there ({@code outcome[iy][ix]} indexes {@code labels}), with
 * one legend entry per outcome giving its share of the starts. Outcome −1 means "no run" and is left
 * blank. Marked points (e.g. the maximizer) can be drawn on top.
 */
public final class BasinMapFigure extends Figure {
    /** Okabe–Ito colours before black (kept for marked points) and yellow (invisible on white). */
    public static final int MAX_OUTCOMES = 6;

    private final BackdropXYChart chart;
    private final SampledGrid cells;

    private BasinMapFigure(String name, BackdropXYChart chart, SampledGrid cells) {
        super(name, chart);
        this.chart = chart;
        this.cells = cells;
    }

    /** The painted cells: the outcome index per start as a double, NaN where there was no run. */
    public SampledGrid cells() {
        return cells;
    }

    /** The colour of outcome k. */
    public static java.awt.Color colour(int k) {
        return Palette.categorical(k);
    }

    /**
     * A builder of a basin map.
     *
     * @param name    the file name without extension: lower-case letters and digits in dash-separated words (e.g. {@code ring-basins})
     * @param xs      x of the starts (columns), ≥ 2 values, finite, strictly increasing
     * @param ys      y of the starts (rows), ≥ 2 values, finite, strictly increasing
     * @param outcome outcome[iy][ix]: an index into {@code labels}, or −1 for no run; ys.length rows
     *                of xs.length entries (not copied)
     * @param labels  the outcome labels, 1 to {@link #MAX_OUTCOMES}
     * @return the builder
     * @throws NullPointerException     if {@code xs}, {@code ys}, {@code outcome} or {@code labels} is null
     * @throws IllegalArgumentException if {@code name} is null or not of that form; {@code labels} is
     *     empty or has more than {@link #MAX_OUTCOMES} entries; an axis has fewer than 2 points, a
     *     non-finite point or is not strictly increasing; {@code outcome}'s shape is not
     *     ys.length × xs.length; or an outcome is outside −1..labels.size() − 1
     */
    public static Builder builder(String name, double[] xs, double[] ys, int[][] outcome, List<String> labels) {
        return new Builder(name, xs, ys, outcome, labels);
    }



    /** The legend entry for outcome k: its label and share of the starts, e.g. "hallucinated (23%)". */
    static String legendName(String label, int count, int total) {
        return label + " (" + Math.round(100.0 * count / total) + "%)";
    }

    public static final class Builder extends FigureBuilder<Builder> {
        private final double[] xs;
        private final double[] ys;
        private final int[][] outcome;
        private final List<String> labels;
        private final java.util.Set<String> faint = new java.util.HashSet<>();
        private final List<Object[]> marks = new ArrayList<>();

        private Builder(String name, double[] xs, double[] ys, int[][] outcome, List<String> labels) {
            super(name, "x₁", "x₂");
            this.labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
            if (labels.isEmpty()) throw new IllegalArgumentException("at least one outcome label is needed");
            if (labels.size() > MAX_OUTCOMES) {
                throw new IllegalArgumentException(labels.size() + " outcomes; at most " + MAX_OUTCOMES + " can get distinct colours");
            }
            double[][] zeros = new double[Objects.requireNonNull(outcome, "outcome").length][];
            for (int iy = 0; iy < outcome.length; iy++) zeros[iy] = new double[outcome[iy] == null ? 0 : outcome[iy].length];
            new SampledGrid(xs, ys, zeros); // same shape checks as a sampled function
            for (int iy = 0; iy < outcome.length; iy++) {
                for (int ix = 0; ix < outcome[iy].length; ix++) {
                    int o = outcome[iy][ix];
                    if (o < -1 || o >= labels.size()) {
                        throw new IllegalArgumentException("outcome[" + iy + "][" + ix + "] = " + o + " must be -1 (no run) or in 0.." + (labels.size() - 1));
                    }
                }
            }
            this.xs = xs.clone();
            this.ys = ys.clone();
            this.outcome = outcome;
        }

        /**
         * Points drawn on top of the map, in black-edged shapes, with a legend entry.
         *
         * @throws NullPointerException     if {@code points} or {@code mark} is null
         * @throws IllegalArgumentException if {@code label} is null or blank, or a point is null or not
         *     of length 2
         */
        public Builder points(String label, List<double[]> points, Mark mark) {
            double[][] xy = PlaneFigure.columns("point set " + label, points);
            marks.add(new Object[] {PlaneFigure.checkLabel(label), xy, Objects.requireNonNull(mark, "mark")});
            return this;
        }

        /**
         * Paints the cells of outcome {@code label} (e.g. "diverged") in {@link Palette#FAINT}, so that a
         * large uninteresting region does not dominate the map.
         *
         * @throws IllegalArgumentException when {@code label} is not one of the labels
         */
        public Builder faint(String label) {
            if (!labels.contains(label)) throw new IllegalArgumentException("faint: " + label + " is not an outcome; allowed: " + labels);
            faint.add(label);
            return this;
        }

        private java.awt.Color paint(int k) {
            return faint.contains(labels.get(k)) ? Palette.FAINT : colour(k);
        }

        /**
         * Draws the map.
         *
         * @return the figure
         * @throws IllegalArgumentException if every outcome is −1
         */
        public BasinMapFigure build() {
            BackdropXYChart chart = new BackdropXYChart(new org.knowm.xchart.XYChartBuilder()
                    .width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel));
            ChartStyle.apply(chart.getStyler());
            int total = 0;
            int[] count = new int[labels.size()];
            double[][] painted = new double[ys.length][xs.length];
            for (int iy = 0; iy < ys.length; iy++) {
                for (int ix = 0; ix < xs.length; ix++) {
                    int o = outcome[iy][ix];
                    painted[iy][ix] = o >= 0 ? o : Double.NaN;
                    if (o >= 0) {
                        count[o]++;
                        total++;
                    }
                }
            }
            if (total == 0) throw new IllegalArgumentException("every outcome is -1: there is nothing to map");
            SampledGrid cells = new SampledGrid(xs, ys, painted);
            // The cells are painted as a backdrop, exact at any grid size; each outcome's series holds
            // one NaN point, which XChart skips in the plot but shows as the outcome's legend key.
            for (int k = 0; k < labels.size(); k++) {
                if (count[k] == 0) continue; // an outcome that never happened needs no key
                XYSeries s = chart.addSeries(legendName(labels.get(k), count[k], total), new double[] {Double.NaN}, new double[] {Double.NaN});
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(Mark.SQUARE.marker());
                s.setMarkerColor(paint(k));
            }
            for (Object[] m : marks) {
                double[][] xy = (double[][]) m[1];
                XYSeries s = chart.addSeries((String) m[0], xy[0], xy[1]);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(((Mark) m[2]).marker());
                s.setMarkerColor(Palette.BLACK);
            }
            double hx = 0.5 * (xs[1] - xs[0]);
            double hxEnd = 0.5 * (xs[xs.length - 1] - xs[xs.length - 2]);
            double hy = 0.5 * (ys[1] - ys[0]);
            double hyEnd = 0.5 * (ys[ys.length - 1] - ys[ys.length - 2]);
            chart.getStyler().setXAxisMin(xs[0] - hx).setXAxisMax(xs[xs.length - 1] + hxEnd);
            chart.getStyler().setYAxisMin(ys[0] - hy).setYAxisMax(ys[ys.length - 1] + hyEnd);
            chart.getStyler().setMarkerSize(12);
            chart.getStyler().setPlotContentSize(1.0); // cells reach the plot border: no white frame
            chart.setBackdrop(cells, v -> paint((int) v), true);
            return new BasinMapFigure(name, chart, cells);
        }
    }
}
