package samlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Curves over a common x, e.g. loss or gradient norm per step: one line per y column of a table,
 * optionally on logarithmic axes. Missing values (NaN) break a line rather than fail it; a value
 * with no present neighbour (e.g. diagnostics every second epoch) is drawn as a marker, since a
 * line needs two points. ±Infinity cannot be placed on an axis and is refused, naming the series.
 */
public final class LineFigure extends Figure {
    private final XYChart chart;

    private LineFigure(String name, XYChart chart) {
        super(name, chart);
        this.chart = chart;
    }

    /**
     * Starts a chart of {@code yColumns} against {@code xColumn}; the legend shows the column names.
     * Missing values are read as NaN (a gap).
     *
     * @param name     the file name without extension: lower-case letters and digits in dash-separated words (e.g. {@code ring-basins})
     * @param table    the data
     * @param xColumn  a numeric column of {@code table}
     * @param yColumns numeric columns of {@code table}, at least one, each once
     * @return the builder
     * @throws NullPointerException     if {@code table} is null
     * @throws IllegalArgumentException if {@code yColumns} is null or empty; a column is missing or not
     *     numeric; {@code name} is null or not of that form; a column name is blank or repeated; or
     *     a point has an infinite coordinate
     */
    public static Builder fromTable(String name, Table table, String xColumn, String... yColumns) {
        Objects.requireNonNull(table, "table");
        if (yColumns == null || yColumns.length == 0) throw new IllegalArgumentException("at least one y column is needed");
        Builder b = new Builder(name, TableColumns.numeric(table, xColumn));
        b.xLabel = xColumn;
        for (String y : yColumns) b.series(y, TableColumns.numeric(table, y));
        b.yLabel = yColumns.length == 1 ? yColumns[0] : "";
        return b;
    }



    public static final class Builder extends FigureBuilder<Builder> {
        private final double[] x;

        private final List<String> names = new ArrayList<>();
        private final List<double[]> ys = new ArrayList<>();
        private boolean logX;
        private boolean logY;

        private Builder(String name, double[] x) {
            super(name, null, null);
            this.x = x;
        }

        /**
         * Adds a curve with the same x values as the table's x column.
         *
         * @param label the legend entry, non-blank, not yet used in this chart
         * @param y     one value per x (copied); NaN is a gap
         * @return this builder
         * @throws NullPointerException     if {@code y} is null
         * @throws IllegalArgumentException if {@code label} is null, blank or already used, the lengths
         *     differ, or a point has ±Infinity (named)
         */
        public Builder series(String label, double[] y) {
            PlaneFigure.checkLabel(label);
            PlaneFigure.checkPoints("series " + label, x, y);
            if (names.contains(label)) throw new IllegalArgumentException("series " + label + " is already in the chart");
            names.add(label);
            ys.add(y.clone());
            return this;
        }

        public Builder logX(boolean log) {
            this.logX = log;
            return this;
        }

        public Builder logY(boolean log) {
            this.logY = log;
            return this;
        }

        /**
         * Draws the chart.
         *
         * @return the figure
         * @throws IllegalArgumentException if a log axis meets a value ≤ 0 (NaN is skipped; the
         *     message names the column)
         */
        public LineFigure build() {
            if (logX) checkPositive(xLabel, x);
            for (int i = 0; i < ys.size(); i++) if (logY) checkPositive(names.get(i), ys.get(i));
            XYChart chart = ChartStyle.newXYChart(title, xLabel, yLabel);
            for (int i = 0; i < ys.size(); i++) {
                XYSeries s = chart.addSeries(names.get(i), x, ys.get(i));
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(Palette.categorical(i));
                s.setLineWidth(2f);
            }
            for (int i = 0; i < ys.size(); i++) {
                double[][] lone = isolatedPoints(x, ys.get(i));
                if (lone[0].length == 0) continue;
                XYSeries m = chart.addSeries(isolatedName(names.get(i)), lone[0], lone[1]);
                m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                m.setMarker(SeriesMarkers.CIRCLE);
                m.setMarkerColor(Palette.categorical(i));
                m.setShowInLegend(false);
            }
            breakEqualSpacing(chart);
            chart.getStyler().setXAxisLogarithmic(logX).setYAxisLogarithmic(logY);
            if (ys.size() == 1) chart.getStyler().setLegendVisible(false);
            if (xLabel == null) chart.setXAxisTitle("");
            return new LineFigure(name, chart);
        }

        /**
         * XChart 3.8.8 puts x ticks on the data values when they are equally spaced (steps 1, 2, …),
         * which gives labels like "1 11 21 …" that run together. One invisible point between the
         * first two x values makes the values unequally spaced, so the ordinary round-number ticks are used.
         */
        private void breakEqualSpacing(XYChart chart) {
            if (x.length < 3 || !Double.isFinite(x[0]) || !Double.isFinite(x[1])) return;
            double y0 = java.util.Arrays.stream(ys.get(0)).filter(Double::isFinite).findFirst().orElse(Double.NaN);
            if (Double.isNaN(y0)) return;
            double xi = logX ? Math.sqrt(x[0] * x[1]) : 0.5 * (x[0] + x[1]);
            XYSeries s = chart.addSeries("\u200b", new double[] {xi}, new double[] {y0});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(false);
        }

        /** The name of the marker series of a curve's isolated points (kept out of the legend). */
        static String isolatedName(String series) {
            return series + " \u200b(isolated points)";
        }

        /**
         * The points of a curve that no line segment reaches: present (x and y not NaN) with no
         * present neighbour. Returns {x values, y values}.
         */
        static double[][] isolatedPoints(double[] x, double[] y) {
            int n = y.length;
            double[] px = new double[n], py = new double[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (!present(x, y, i)) continue;
                if ((i == 0 || !present(x, y, i - 1)) && (i == n - 1 || !present(x, y, i + 1))) {
                    px[k] = x[i];
                    py[k++] = y[i];
                }
            }
            return new double[][] {java.util.Arrays.copyOf(px, k), java.util.Arrays.copyOf(py, k)};
        }

        private static boolean present(double[] x, double[] y, int i) {
            return !Double.isNaN(x[i]) && !Double.isNaN(y[i]);
        }

        /** A log axis cannot show zero or negative values; say which column has one. */
        private static void checkPositive(String column, double[] v) {
            for (int i = 0; i < v.length; i++) {
                if (!Double.isNaN(v[i]) && !(v[i] > 0)) {
                    throw new IllegalArgumentException("column '" + column + "' has value " + v[i] + " at row " + i
                            + "; a logarithmic axis needs values > 0");
                }
            }
        }
    }
}
