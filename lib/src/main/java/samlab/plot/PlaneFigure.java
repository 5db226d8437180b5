package samlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A picture of the plane (x₁, x₂): level lines of a function, optional grey shading of its values,
 * an arrow field, trajectories (open circle at the start, filled at the end) and marked point sets,
 * in the order they were added. Level lines are coloured by viridis (dark = low) and named
 * {@code "f = 0.5"} in the legend, or labelled on the lines.
 *
 * <pre>{@code
 * Figure fig = PlaneFigure.builder("ring-field")
 *     .title("SAM's field ∇f(x⁺) points to a ring that is not critical")
 *     .contour(grid, ContourLevels.quantiles(grid, 8))
 *     .quiver("∇f(x⁺)", QuiverField.sample(field, -2, 2, 15, -2, 2, 15))
 *     .trajectory("SAM from (0.1, 0)", path)
 *     .points("hallucinated set", ring, Mark.DIAMOND)
 *     .build();
 * }</pre>
 */
public final class PlaneFigure extends Figure {
    private final BackdropXYChart chart;
    private final List<ContourSet> contours;

    private PlaneFigure(String name, BackdropXYChart chart, List<ContourSet> contours) {
        super(name, chart);
        this.chart = chart;
        this.contours = List.copyOf(contours);
    }

    /**
     * A builder of a plane figure.
     *
     * @param name the file name without extension: lower-case letters and digits in dash-separated words (e.g. {@code ring-basins})
     * @return the builder
     * @throws IllegalArgumentException if {@code name} is null or not of that form
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }



    /** The level lines drawn, one set per {@code contour(...)} call. */
    public List<ContourSet> contours() {
        return contours;
    }

    /** The height at which this figure, painted {@code width} pixels wide, has equal units on both axes. */
    int heightForEqualAspect(int width) {
        return chart.heightForEqualAspect(width, chart.getHeight());
    }

    /** Whether a shaded backdrop is painted behind the series. */
    public boolean hasBackdrop() {
        return chart.backdrop() != null;
    }

    public static final class Builder extends FigureBuilder<Builder> {
        private boolean inlineLabels;
        private boolean equalAspect = true;
        private SampledGrid backdrop;
        private boolean logShading;
        private double[] shadeRange;
        private double[] range;
        private final List<java.util.function.Consumer<Drawing>> layers = new ArrayList<>();
        private int overlayColours;

        private Builder(String name) {
            super(name, "x₁", "x₂");
        }

        /** Writes each level's value on its longest line instead of in the legend. */
        public Builder inlineLevelLabels(boolean inline) {
            this.inlineLabels = inline;
            return this;
        }

        /** Whether one unit on x and on y get the same length on screen (default true, when the range is known). */
        public Builder equalAspect(boolean equal) {
            this.equalAspect = equal;
            return this;
        }

        /**
         * Shows the plot range [xMin, xMax] × [yMin, yMax]; default: the first grid's range, else the data's.
         *
         * @throws IllegalArgumentException if a range is not finite with min &lt; max
         */
        public Builder range(double xMin, double xMax, double yMin, double yMax) {
            SampledGrid.linspace("x", xMin, xMax, 2);
            SampledGrid.linspace("y", yMin, yMax, 2);
            this.range = new double[] {xMin, xMax, yMin, yMax};
            return this;
        }

        /**
         * Level lines of f, labelled {@code "f = level"}.
         *
         * @throws NullPointerException     if {@code grid} is null
         * @throws IllegalArgumentException if {@code levels} is null or empty, not finite or not
         *     strictly increasing
         */
        public Builder contour(SampledGrid grid, double[] levels) {
            return contour("f", grid, levels);
        }

        /**
         * Level lines of a function named {@code symbol} in the labels (e.g. "f", "f^SAM").
         *
         * @throws NullPointerException     if {@code symbol} or {@code grid} is null
         * @throws IllegalArgumentException if {@code levels} is null or empty, not finite or not
         *     strictly increasing
         */
        public Builder contour(String symbol, SampledGrid grid, double[] levels) {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(grid, "grid");
            ContourSet set = ContourSet.of(grid, levels);
            if (range == null) range = new double[] {grid.xs()[0], grid.xs()[grid.nx() - 1], grid.ys()[0], grid.ys()[grid.ny() - 1]};
            layers.add(d -> d.contour(symbol, set));
            return this;
        }

        /**
         * Shades the grid's values behind everything, light (low) to mid grey (high), linearly.
         *
         * @throws NullPointerException if {@code grid} is null
         */
        public Builder backdrop(SampledGrid grid) {
            return backdrop(grid, false);
        }

        /**
         * Shades the grid's values behind everything; with {@code logShading} the shade follows
         * log(1 + (f − min)/δ), δ = 10⁻³·(max − min), so that valleys stay visible when the walls are
         * orders of magnitude higher.
         *
         * @throws NullPointerException if {@code grid} is null
         */
        public Builder backdrop(SampledGrid grid, boolean logShading) {
            this.backdrop = Objects.requireNonNull(grid, "grid");
            this.logShading = logShading;
            if (range == null) range = new double[] {grid.xs()[0], grid.xs()[grid.nx() - 1], grid.ys()[0], grid.ys()[grid.ny() - 1]};
            return this;
        }

        /**
         * Shades over [lo, hi] instead of the backdrop grid's own minimum and maximum (values beyond
         * are drawn in the end colours), so that panels of a {@link PanelFigure} share one colour scale.
         *
         * @throws IllegalArgumentException unless lo &lt; hi, both finite
         */
        public Builder shadeRange(double lo, double hi) {
            if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
                throw new IllegalArgumentException("shade range [" + lo + ", " + hi + "] must be finite with lo < hi");
            }
            this.shadeRange = new double[] {lo, hi};
            return this;
        }

        /**
         * An arrow field, one legend entry.
         *
         * @throws NullPointerException     if {@code field} is null
         * @throws IllegalArgumentException if {@code label} is null or blank
         */
        public Builder quiver(String label, QuiverField field) {
            Objects.requireNonNull(field, "field");
            Color c = nextColour();
            String l = checkLabel(label);
            layers.add(d -> d.quiver(l, field, c));
            return this;
        }

        /**
         * A trajectory through the given points (each {x, y}), in order.
         *
         * @throws NullPointerException     if {@code points} is null
         * @throws IllegalArgumentException if {@code label} is null or blank, {@code points} is empty,
         *     a point is null or not of length 2, or a coordinate is infinite (NaN is a gap)
         */
        public Builder trajectory(String label, List<double[]> points) {
            double[][] xy = columns("trajectory " + label, points);
            return trajectory(label, xy[0], xy[1]);
        }

        /**
         * A trajectory through (xs[i], ys[i]), in order.
         *
         * @throws NullPointerException     if {@code xs} or {@code ys} is null
         * @throws IllegalArgumentException if {@code label} is null or blank, the arrays differ in
         *     length or are empty, or a coordinate is infinite (NaN is a gap)
         */
        public Builder trajectory(String label, double[] xs, double[] ys) {
            String l = checkLabel(label);
            checkPoints("trajectory " + label, xs, ys);
            if (xs.length == 0) throw new IllegalArgumentException("trajectory " + label + " has no points");
            Color c = nextColour();
            double[] x = xs.clone();
            double[] y = ys.clone();
            layers.add(d -> d.trajectory(l, x, y, c));
            return this;
        }

        /**
         * A set of marked points (each {x, y}) with one legend entry.
         *
         * @throws NullPointerException     if {@code points} or {@code mark} is null
         * @throws IllegalArgumentException if {@code label} is null or blank, {@code points} is empty,
         *     a point is null or not of length 2, or a coordinate is infinite
         */
        public Builder points(String label, List<double[]> points, Mark mark) {
            String l = checkLabel(label);
            Objects.requireNonNull(mark, "mark");
            double[][] xy = columns("point set " + label, points);
            checkPoints("point set " + label, xy[0], xy[1]);
            if (xy[0].length == 0) throw new IllegalArgumentException("point set " + label + " is empty");
            Color c = nextColour();
            layers.add(d -> d.points(l, xy[0], xy[1], mark, c));
            return this;
        }

        public PlaneFigure build() {
            BackdropXYChart chart = new BackdropXYChart(new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                    .title(title).xAxisTitle(xLabel).yAxisTitle(yLabel));
            ChartStyle.apply(chart.getStyler());
            chart.getStyler().setMarkerSize(10); // marked points must stand out from the lines
            Drawing d = new Drawing(chart, inlineLabels, range);
            for (var layer : layers) layer.accept(d);
            if (backdrop != null) {
                double lo = shadeRange == null ? backdrop.min() : shadeRange[0];
                double hi = shadeRange == null ? backdrop.max() : shadeRange[1];
                chart.setBackdrop(backdrop, v -> grey(shade(v, lo, hi, logShading)), false);
            }
            if (range != null) {
                chart.getStyler().setXAxisMin(range[0]).setXAxisMax(range[1]);
                chart.getStyler().setYAxisMin(range[2]).setYAxisMax(range[3]);
            }
            if (chart.getSeriesMap().values().stream().noneMatch(XYSeries::isShowInLegend)) {
                chart.getStyler().setLegendVisible(false);
            }
            if (equalAspect && range != null) chart.equaliseAspect(range[0], range[1], range[2], range[3]);
            return new PlaneFigure(name, chart, d.contours);
        }

        private Color nextColour() {
            return OVERLAY_COLOURS[overlayColours++ % OVERLAY_COLOURS.length];
        }
    }

    /** Okabe–Ito colours in the order that stands out most against viridis (which has no reds or oranges). */
    static final Color[] OVERLAY_COLOURS = {
        Palette.VERMILLION, Palette.REDDISH_PURPLE, Palette.ORANGE, Palette.BLACK, Palette.SKY_BLUE, Palette.BLUE
    };

    /** Viridis up to 0.88: its last, palest yellow is hard to see on white and on the light backdrop. */
    static Color levelColour(int k, int n) {
        return Palette.sequential(n == 1 ? 0.5 : 0.88 * k / (n - 1));
    }

    /** Where v lies between lo (0) and hi (1), linearly or on the log(1 + ·/δ) scale. */
    static double shade(double v, double lo, double hi, boolean log) {
        if (!(hi > lo)) return 0;
        if (!log) return (v - lo) / (hi - lo);
        double delta = 1e-3 * (hi - lo);
        return Math.log1p((v - lo) / delta) / Math.log1p((hi - lo) / delta);
    }

    /** White (t = 0) to mid grey (t = 1): quiet enough for coloured lines on top. */
    static Color grey(double t) {
        int g = (int) Math.round(250 - 110 * Math.max(0, Math.min(1, t)));
        return new Color(g, g, g);
    }

    /** Adds series to the chart under construction; keeps series names unique. */
    private static final class Drawing {
        private final BackdropXYChart chart;
        private final boolean inlineLabels;
        private final List<ContourSet> contours = new ArrayList<>();
        private final double[] range;
        private int hidden;

        Drawing(BackdropXYChart chart, boolean inlineLabels, double[] range) {
            this.chart = chart;
            this.inlineLabels = inlineLabels;
            this.range = range;
        }

        void contour(String symbol, ContourSet set) {
            contours.add(set);
            int n = set.levels().length;
            for (int k = 0; k < n; k++) {
                List<Polyline> lines = set.lines().get(k);
                if (lines.isEmpty()) continue;
                String label = symbol + " = " + formatLevel(set.levels()[k]);
                double[][] xy = joined(lines);
                XYSeries s = line(unique(label), xy[0], xy[1], levelColour(k, n), 1.6f);
                if (inlineLabels) {
                    s.setShowInLegend(false);
                    double[] at = labelPoint(lines, Math.PI / 4 + 2 * Math.PI * k / set.levels().length, range);
                    chart.addAnnotation(new AnnotationText(formatLevel(set.levels()[k]), at[0], at[1], false));
                }
            }
        }

        void quiver(String label, QuiverField field, Color c) {
            double[][] xy = field.segments();
            if (xy[0].length == 0) return;
            line(unique(label), xy[0], xy[1], c, 1.2f);
        }

        void trajectory(String label, double[] x, double[] y, Color c) {
            line(unique(label), x, y, c, 2f);
            XYSeries start = chart.addSeries(hiddenName(), new double[] {x[0]}, new double[] {y[0]});
            scatter(start, Mark.OPEN_CIRCLE, c).setShowInLegend(false);
            int n = x.length - 1;
            XYSeries end = chart.addSeries(hiddenName(), new double[] {x[n]}, new double[] {y[n]});
            scatter(end, Mark.CIRCLE, c).setShowInLegend(false);
        }

        void points(String label, double[] x, double[] y, Mark mark, Color c) {
            scatter(chart.addSeries(unique(label), x, y), mark, c);
        }

        private XYSeries line(String name, double[] x, double[] y, Color c, float width) {
            XYSeries s = chart.addSeries(name, x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(c);
            s.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            return s;
        }

        private static XYSeries scatter(XYSeries s, Mark mark, Color c) {
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(mark.marker());
            s.setMarkerColor(c);
            return s;
        }

        private String unique(String label) {
            String n = label;
            while (chart.getSeriesMap().containsKey(n)) n = n + " ";
            return n;
        }

        /** Names for series kept out of the legend; zero-width spaces make them unique and invisible. */
        private String hiddenName() {
            return "\u200b".repeat(++hidden);
        }
    }

    /**
     * Where to write a level's value: the point of its lines farthest along the direction θ from the
     * centre of the range, avoiding the outer 8% of the range (lines cut by the border). Giving each
     * level its own θ spreads the labels of nested level sets around them instead of stacking them.
     */
    static double[] labelPoint(List<Polyline> lines, double theta, double[] range) {
        double cx = 0.5 * (range[0] + range[1]);
        double cy = 0.5 * (range[2] + range[3]);
        double mx = 0.42 * (range[1] - range[0]);
        double my = 0.42 * (range[3] - range[2]);
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int pass = 0; pass < 2 && best == null; pass++) {
            for (Polyline p : lines) {
                for (int i = 0; i < p.size(); i++) {
                    double dx = p.x()[i] - cx;
                    double dy = p.y()[i] - cy;
                    if (pass == 0 && (Math.abs(dx) > mx || Math.abs(dy) > my)) continue;
                    double score = (dx * Math.cos(theta)) / mx + (dy * Math.sin(theta)) / my;
                    if (score > bestScore) {
                        bestScore = score;
                        best = new double[] {p.x()[i], p.y()[i]};
                    }
                }
            }
        }
        return best;
    }

    /** Polylines as one series, separated by NaN (XChart breaks lines there). */
    static double[][] joined(List<Polyline> lines) {
        int n = lines.stream().mapToInt(p -> p.size() + 1).sum() - 1;
        double[] x = new double[n];
        double[] y = new double[n];
        int i = 0;
        for (Polyline p : lines) {
            if (i > 0) {
                x[i] = Double.NaN;
                y[i] = Double.NaN;
                i++;
            }
            System.arraycopy(p.x(), 0, x, i, p.size());
            System.arraycopy(p.y(), 0, y, i, p.size());
            i += p.size();
        }
        return new double[][] {x, y};
    }

    static String formatLevel(double v) {
        return String.format(Locale.ROOT, "%.3g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e").replaceAll("\\.$", "");
    }

    static String checkLabel(String label) {
        if (label == null || label.isBlank()) throw new IllegalArgumentException("a legend label must be non-blank");
        return label;
    }

    /** Same lengths, and no ±Infinity (NaN is allowed: a gap); the message names {@code what}. */
    static void checkPoints(String what, double[] xs, double[] ys) {
        Objects.requireNonNull(xs, what + " xs");
        Objects.requireNonNull(ys, what + " ys");
        if (xs.length != ys.length) throw new IllegalArgumentException(what + ": " + xs.length + " x values but " + ys.length + " y values");
        for (int i = 0; i < xs.length; i++) {
            // NaN is a gap; ±Infinity has no place on an axis (XChart would draw a blank chart)
            if (Double.isInfinite(xs[i]) || Double.isInfinite(ys[i])) {
                throw new IllegalArgumentException(what + " has point (" + xs[i] + ", " + ys[i] + ") at index " + i
                        + "; a chart cannot place ±Infinity: drop or clip such points first");
            }
        }
    }

    static double[][] columns(String what, List<double[]> points) {
        Objects.requireNonNull(points, what);
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            double[] p = points.get(i);
            if (p == null || p.length != 2) throw new IllegalArgumentException(what + ": point " + i + " must have 2 coordinates");
            x[i] = p[0];
            y[i] = p[1];
        }
        return new double[][] {x, y};
    }
}
