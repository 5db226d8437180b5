package samlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Rest points as a parameter varies: the parameter (ρ) on x, a coordinate or norm of each rest point
 * on y, drawn as branches. Rest points of one kind at consecutive parameter values are joined into a
 * branch when their values are within {@link #JOIN_FRACTION} of the value range (closest pairs first);
 * each kind (e.g. "critical", "hallucinated") gets its own colour, and a segment is a solid line when
 * both ends attract and a thin dashed line otherwise, so the legend reads "hallucinated, attracting" /
 * "hallucinated, not attracting". Points on no segment are drawn as markers (filled when attracting).
 * Vertical dashed black lines can mark thresholds such as ρ = d.
 */
public final class BifurcationFigure extends Figure {
    private final XYChart chart;

    private BifurcationFigure(String name, XYChart chart) {
        super(name, chart);
        this.chart = chart;
    }

    /**
     * An empty diagram.
     *
     * @param name the file name without extension: lower-case letters and digits in dash-separated words (e.g. {@code ring-basins})
     * @return the builder
     * @throws IllegalArgumentException if {@code name} is null or not of that form
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * All rows of a result table: parameter and value columns (numeric), a kind column (text) and an
     * attracting column (boolean).
     *
     * @param name the file name without extension: lower-case letters and digits in dash-separated words (e.g. {@code ring-basins})
     * @return the builder, one point per row
     * @throws NullPointerException     if {@code table} is null
     * @throws IllegalArgumentException if {@code name} is not of that form; a column is missing; the
     *     parameter or value column is not numeric; the attracting column is not BOOLEAN; or a row
     *     has a non-finite parameter or value (missing included) or a blank kind
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

    /** Two rest points at consecutive parameters join a branch when their values differ by at most this fraction of the value range. */
    public static final double JOIN_FRACTION = 0.1;

    /** The legend name of a kind's series. */
    static String seriesName(String kind, boolean attracting) {
        return kind + ", " + (attracting ? "attracting" : "not attracting");
    }

    /**
     * Joins points {parameter, value, attracting (1 or 0)} of one kind into branches: a point at the
     * i-th distinct parameter extends the branch ending at the (i−1)-th parameter with the nearest value
     * within {@code tolerance}, closest pairs first; otherwise it starts a branch.
     */
    static List<List<double[]>> branches(List<double[]> points, double tolerance) {
        double[] params = points.stream().mapToDouble(q -> q[0]).distinct().sorted().toArray();
        List<List<double[]>> all = new ArrayList<>();
        List<List<double[]>> open = new ArrayList<>();
        for (double p : params) {
            List<double[]> here = points.stream().filter(q -> q[0] == p).sorted((x, y) -> Double.compare(x[1], y[1])).toList();
            List<int[]> pairs = new ArrayList<>();
            for (int i = 0; i < open.size(); i++) {
                for (int j = 0; j < here.size(); j++) {
                    List<double[]> br = open.get(i);
                    if (Math.abs(br.get(br.size() - 1)[1] - here.get(j)[1]) <= tolerance) pairs.add(new int[] {i, j});
                }
            }
            List<List<double[]>> ends = open;
            pairs.sort((x, y) -> Double.compare(gap(ends.get(x[0]), here.get(x[1])), gap(ends.get(y[0]), here.get(y[1]))));
            boolean[] usedBranch = new boolean[open.size()], usedPoint = new boolean[here.size()];
            List<List<double[]>> next = new ArrayList<>();
            for (int[] pr : pairs) {
                if (usedBranch[pr[0]] || usedPoint[pr[1]]) continue;
                usedBranch[pr[0]] = usedPoint[pr[1]] = true;
                open.get(pr[0]).add(here.get(pr[1]));
                next.add(open.get(pr[0]));
            }
            for (int j = 0; j < here.size(); j++) {
                if (usedPoint[j]) continue;
                List<double[]> br = new ArrayList<>(List.of(here.get(j)));
                all.add(br);
                next.add(br);
            }
            open = next;
        }
        return all;
    }

    /** The first two coordinates of each point as {x[], y[]} (NaN rows break a line). */
    private static double[][] xy(List<double[]> points) {
        double[][] out = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            out[0][i] = points.get(i)[0];
            out[1][i] = points.get(i)[1];
        }
        return out;
    }

    private static double gap(List<double[]> branch, double[] point) {
        return Math.abs(branch.get(branch.size() - 1)[1] - point[1]);
    }



    public static final class Builder extends FigureBuilder<Builder> {
        private final Map<String, Map<Boolean, List<double[]>>> byKind = new LinkedHashMap<>();
        private final List<Object[]> thresholds = new ArrayList<>();

        private Builder(String name) {
            super(name, "ρ", "‖x*‖");
        }

        /**
         * One rest point found at parameter value {@code parameter}.
         *
         * @param parameter  x, e.g. ρ (finite)
         * @param value      y, e.g. the rest point's coordinate (finite)
         * @param kind       the legend group, e.g. "critical" (non-blank)
         * @param attracting whether the rest point attracts (solid line / filled marker)
         * @return this builder
         * @throws IllegalArgumentException if {@code parameter} or {@code value} is not finite, or
         *     {@code kind} is null or blank
         */
        public Builder point(double parameter, double value, String kind, boolean attracting) {
            if (!Double.isFinite(parameter) || !Double.isFinite(value)) {
                throw new IllegalArgumentException("rest point (" + parameter + ", " + value + ") must be finite");
            }
            PlaneFigure.checkLabel(kind);
            byKind.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                    .computeIfAbsent(attracting, a -> new ArrayList<>()).add(new double[] {parameter, value});
            return this;
        }

        /**
         * A dashed vertical line at x = at, named in the legend (e.g. "ρ = d").
         *
         * @throws IllegalArgumentException if {@code at} is not finite or {@code label} is null or blank
         */
        public Builder threshold(String label, double at) {
            if (!Double.isFinite(at)) throw new IllegalArgumentException("threshold " + at + " must be finite");
            thresholds.add(new Object[] {PlaneFigure.checkLabel(label), at});
            return this;
        }

        /**
         * Draws the diagram.
         *
         * @return the figure
         * @throws IllegalArgumentException if no rest point was added
         */
        public BifurcationFigure build() {
            if (byKind.isEmpty()) throw new IllegalArgumentException("a bifurcation diagram needs at least one rest point");
            XYChart chart = ChartStyle.newXYChart(title, xLabel, yLabel);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (var kind : byKind.values()) {
                for (List<double[]> pts : kind.values()) {
                    for (double[] q : pts) {
                        lo = Math.min(lo, q[1]);
                        hi = Math.max(hi, q[1]);
                    }
                }
            }
            double tolerance = JOIN_FRACTION * Math.max(hi - lo, 1e-9);
            int colour = 0;
            for (var kind : byKind.entrySet()) {
                List<double[]> pts = new ArrayList<>();
                kind.getValue().forEach((att, list) -> list.forEach(q -> pts.add(new double[] {q[0], q[1], att ? 1 : 0})));
                List<List<double[]>> branches = branches(pts, tolerance);
                for (boolean attracting : new boolean[] {true, false}) {
                    List<double[]> line = new ArrayList<>();
                    List<double[]> alone = new ArrayList<>();
                    for (List<double[]> br : branches) {
                        if (br.size() == 1) {
                            if ((br.get(0)[2] == 1) == attracting) alone.add(br.get(0));
                            continue;
                        }
                        double[] last = null;
                        for (int i = 0; i + 1 < br.size(); i++) {
                            boolean both = br.get(i)[2] == 1 && br.get(i + 1)[2] == 1;
                            if (both != attracting) continue;
                            if (last != br.get(i)) {
                                if (!line.isEmpty()) line.add(new double[] {Double.NaN, Double.NaN});
                                line.add(br.get(i));
                            }
                            line.add(br.get(i + 1));
                            last = br.get(i + 1);
                        }
                    }
                    Color c = Palette.categorical(colour);
                    if (!line.isEmpty()) {
                        double[][] xy = xy(line);
                        XYSeries s = chart.addSeries(seriesName(kind.getKey(), attracting), xy[0], xy[1]);
                        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                        s.setMarker(SeriesMarkers.NONE);
                        s.setLineColor(c);
                        s.setLineStyle(attracting ? new BasicStroke(3f)
                                : new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
                    }
                    if (!alone.isEmpty()) {
                        double[][] xy = xy(alone);
                        String label = seriesName(kind.getKey(), attracting) + (line.isEmpty() ? "" : " (isolated)");
                        XYSeries s = chart.addSeries(label, xy[0], xy[1]);
                        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                        s.setMarker((attracting ? Mark.CIRCLE : Mark.OPEN_CIRCLE).marker());
                        s.setMarkerColor(c);
                    }
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
