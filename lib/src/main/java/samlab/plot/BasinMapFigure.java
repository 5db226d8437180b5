package samlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Which start ends where: a grid of starting points, each coloured by the outcome of the run that
 * began there ({@code outcome[iy][ix]} indexes {@code labels}), one legend entry per outcome with its
 * share of the starts. Cells are square markers sized to tile the plot; outcome −1 means "no run"
 * and is left blank. Marked points (e.g. the maximizer) can be drawn on top.
 */
public final class BasinMapFigure implements Figure {
    /** Okabe–Ito colours before black (kept for marked points) and yellow (invisible on white). */
    public static final int MAX_OUTCOMES = 6;

    private final String name;
    private final XYChart chart;

    private BasinMapFigure(String name, XYChart chart) {
        this.name = name;
        this.chart = chart;
    }

    public static Builder builder(String name, double[] xs, double[] ys, int[][] outcome, List<String> labels) {
        return new Builder(name, xs, ys, outcome, labels);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Chart<?, ?> chart() {
        return chart;
    }

    /** The legend entry for outcome k: its label and share of the starts, e.g. "hallucinated (23%)". */
    static String legendName(String label, int count, int total) {
        return label + " (" + Math.round(100.0 * count / total) + "%)";
    }

    public static final class Builder {
        private final String name;
        private final double[] xs;
        private final double[] ys;
        private final int[][] outcome;
        private final List<String> labels;
        private String title = "";
        private String xLabel = "x₁";
        private String yLabel = "x₂";
        private final List<Object[]> marks = new ArrayList<>();

        private Builder(String name, double[] xs, double[] ys, int[][] outcome, List<String> labels) {
            this.name = FigureNames.check(name);
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

        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        public Builder axes(String xLabel, String yLabel) {
            this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
            this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
            return this;
        }

        /** Points drawn on top of the map, in black-edged shapes, with a legend entry. */
        public Builder points(String label, List<double[]> points, Mark mark) {
            double[][] xy = PlaneFigure.columns("point set " + label, points);
            marks.add(new Object[] {PlaneFigure.checkLabel(label), xy, Objects.requireNonNull(mark, "mark")});
            return this;
        }

        public BasinMapFigure build() {
            XYChart chart = ChartStyle.newXYChart(title, xLabel, yLabel);
            int total = 0;
            int[] count = new int[labels.size()];
            for (int[] row : outcome) {
                for (int o : row) {
                    if (o >= 0) {
                        count[o]++;
                        total++;
                    }
                }
            }
            if (total == 0) throw new IllegalArgumentException("every outcome is -1: there is nothing to map");
            for (int k = 0; k < labels.size(); k++) {
                if (count[k] == 0) continue; // XChart cannot draw an empty series; an absent outcome needs no key
                double[] x = new double[count[k]];
                double[] y = new double[count[k]];
                int i = 0;
                for (int iy = 0; iy < ys.length; iy++) {
                    for (int ix = 0; ix < xs.length; ix++) {
                        if (outcome[iy][ix] == k) {
                            x[i] = xs[ix];
                            y[i] = ys[iy];
                            i++;
                        }
                    }
                }
                XYSeries s = chart.addSeries(legendName(labels.get(k), count[k], total), x, y);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(Mark.SQUARE.marker());
                s.setMarkerColor(Palette.categorical(k));
            }
            for (Object[] m : marks) {
                double[][] xy = (double[][]) m[1];
                XYSeries s = chart.addSeries((String) m[0], xy[0], xy[1]);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(((Mark) m[2]).marker());
                s.setMarkerColor(Palette.BLACK);
            }
            double hx = 0.5 * (xs[xs.length - 1] - xs[0]) / (xs.length - 1);
            double hy = 0.5 * (ys[ys.length - 1] - ys[0]) / (ys.length - 1);
            chart.getStyler().setXAxisMin(xs[0] - hx).setXAxisMax(xs[xs.length - 1] + hx);
            chart.getStyler().setYAxisMin(ys[0] - hy).setYAxisMax(ys[ys.length - 1] + hy);
            chart.getStyler().setPlotGridLinesVisible(false);
            // about 470×380 px of plot beside the legend: tiles slightly larger than a cell overlap into a solid map
            int tile = (int) Math.ceil(Math.max(470.0 / xs.length, 380.0 / ys.length)) + 1;
            chart.getStyler().setMarkerSize(Math.max(3, tile));
            return new BasinMapFigure(name, chart);
        }
    }
}
