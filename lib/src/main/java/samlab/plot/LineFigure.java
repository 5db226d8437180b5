package samlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Curves over a common x, e.g. loss or gradient norm per step: one line per y column of a table,
 * optionally on logarithmic axes. Missing values (NaN) break a line rather than fail it.
 */
public final class LineFigure implements Figure {
    private final String name;
    private final XYChart chart;

    private LineFigure(String name, XYChart chart) {
        this.name = name;
        this.chart = chart;
    }

    /** Starts a chart of {@code yColumns} against {@code xColumn}; the legend shows the column names. */
    public static Builder fromTable(String name, Table table, String xColumn, String... yColumns) {
        Objects.requireNonNull(table, "table");
        if (yColumns == null || yColumns.length == 0) throw new IllegalArgumentException("at least one y column is needed");
        Builder b = new Builder(name, TableColumns.numeric(table, xColumn));
        b.xLabel = xColumn;
        for (String y : yColumns) b.series(y, TableColumns.numeric(table, y));
        b.yLabel = yColumns.length == 1 ? yColumns[0] : "";
        return b;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Chart<?, ?> chart() {
        return chart;
    }

    public static final class Builder {
        private final String name;
        private final double[] x;
        private final List<String> names = new ArrayList<>();
        private final List<double[]> ys = new ArrayList<>();
        private String title = "";
        private String xLabel;
        private String yLabel;
        private boolean logX;
        private boolean logY;

        private Builder(String name, double[] x) {
            this.name = FigureNames.check(name);
            this.x = x;
        }

        /** Adds a curve with the same x values as the table's x column. */
        public Builder series(String label, double[] y) {
            PlaneFigure.checkLabel(label);
            PlaneFigure.checkSameLength("series " + label, x, y);
            if (names.contains(label)) throw new IllegalArgumentException("series " + label + " is already in the chart");
            names.add(label);
            ys.add(y.clone());
            return this;
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

        public Builder logX(boolean log) {
            this.logX = log;
            return this;
        }

        public Builder logY(boolean log) {
            this.logY = log;
            return this;
        }

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
            chart.getStyler().setXAxisLogarithmic(logX).setYAxisLogarithmic(logY);
            if (ys.size() == 1) chart.getStyler().setLegendVisible(false);
            return new LineFigure(name, chart);
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
