package samlab.plot;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Rest points as a parameter varies: the parameter (ρ) on x, a coordinate or norm of each rest point
 * on y. Each kind (e.g. "critical", "hallucinated") gets its own colour; attracting points are filled
 * circles, the others open circles, so the legend reads "hallucinated, attracting". Vertical dashed
 * lines can mark thresholds such as ρ = d.
 */
public final class BifurcationFigure implements Figure {
    private final String name;
    private final XYChart chart;

    private BifurcationFigure(String name, XYChart chart) {
        this.name = name;
        this.chart = chart;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * All rows of a result table: parameter and value columns (numeric), a kind column (text) and an
     * attracting column (boolean).
     */
    public static Builder fromTable(String name, Table table, String parameterColumn, String valueColumn,
                                    String kindColumn, String attractingColumn) {
        Objects.requireNonNull(table, "table");
        Builder b = new Builder(name);
        var p = TableColumns.numeric(table, parameterColumn);
        var v = TableColumns.numeric(table, valueColumn);
        var kind = TableColumns.column(table, kindColumn);
        var att = TableColumns.column(table, attractingColumn);
        if (!(att instanceof tech.tablesaw.api.BooleanColumn bc)) {
            throw new IllegalArgumentException("column " + attractingColumn + " is " + att.type() + "; expected BOOLEAN");
        }
        for (int r = 0; r < table.rowCount(); r++) {
            b.point(p[r], v[r], kind.getString(r), bc.get(r));
        }
        return b;
    }

    /** The legend name of a kind's series. */
    static String seriesName(String kind, boolean attracting) {
        return kind + ", " + (attracting ? "attracting" : "not attracting");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Chart<?, ?> chart() {
        return chart;
    }

    public static final class Builder extends FigureBuilder<Builder> {
        private final Map<String, Map<Boolean, List<double[]>>> byKind = new LinkedHashMap<>();
        private final List<Object[]> thresholds = new ArrayList<>();

        private Builder(String name) {
            super(name, "ρ", "‖x*‖");
        }

        /** One rest point found at parameter value {@code parameter}. */
        public Builder point(double parameter, double value, String kind, boolean attracting) {
            if (!Double.isFinite(parameter) || !Double.isFinite(value)) {
                throw new IllegalArgumentException("rest point (" + parameter + ", " + value + ") must be finite");
            }
            PlaneFigure.checkLabel(kind);
            byKind.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                    .computeIfAbsent(attracting, a -> new ArrayList<>()).add(new double[] {parameter, value});
            return this;
        }

        /** A dashed vertical line at x = at, named in the legend (e.g. "ρ = d"). */
        public Builder threshold(String label, double at) {
            if (!Double.isFinite(at)) throw new IllegalArgumentException("threshold " + at + " must be finite");
            thresholds.add(new Object[] {PlaneFigure.checkLabel(label), at});
            return this;
        }

        public BifurcationFigure build() {
            if (byKind.isEmpty()) throw new IllegalArgumentException("a bifurcation diagram needs at least one rest point");
            XYChart chart = ChartStyle.newXYChart(title, xLabel, yLabel);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            int colour = 0;
            for (var kind : byKind.entrySet()) {
                for (boolean attracting : new boolean[] {true, false}) {
                    List<double[]> pts = kind.getValue().get(attracting);
                    if (pts == null) continue;
                    double[][] xy = PlaneFigure.columns("rest points", pts);
                    for (double y : xy[1]) {
                        lo = Math.min(lo, y);
                        hi = Math.max(hi, y);
                    }
                    XYSeries s = chart.addSeries(seriesName(kind.getKey(), attracting), xy[0], xy[1]);
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    s.setMarker((attracting ? Mark.CIRCLE : Mark.OPEN_CIRCLE).marker());
                    s.setMarkerColor(Palette.categorical(colour));
                }
                colour++;
            }
            double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(1e-9, 0.05 * Math.abs(hi));
            for (Object[] t : thresholds) {
                double at = (Double) t[1];
                XYSeries s = chart.addSeries((String) t[0], new double[] {at, at}, new double[] {lo - pad, hi + pad});
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(Palette.BLACK);
                s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            }
            chart.getStyler().setMarkerSize(7);
            return new BifurcationFigure(name, chart);
        }
    }
}
