package samlab.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.function.DoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * An XY chart that shades a sampled function behind its series. XChart paints annotations on top
 * of the series, so the shading is painted first, into cells placed by a layout pass of the same
 * chart, and the chart itself is then painted over it with transparent backgrounds.
 */
final class BackdropXYChart extends XYChart {
    private static final Color CLEAR = new Color(0, 0, 0, 0);
    private SampledGrid grid;
    private DoubleFunction<Color> colour;
    private boolean wholeBorderCells;

    BackdropXYChart(XYChartBuilder builder) {
        super(builder);
    }

    /**
     * Paints each sample as the cell around it, coloured by {@code colour}. With
     * {@code wholeBorderCells} the border samples get whole cells (the axes must then reach half a
     * cell beyond the samples); otherwise border cells stop at the outermost samples.
     */
    void setBackdrop(SampledGrid grid, DoubleFunction<Color> colour, boolean wholeBorderCells) {
        this.grid = grid;
        this.colour = colour;
        this.wholeBorderCells = wholeBorderCells;
        getStyler().setChartBackgroundColor(CLEAR);
        getStyler().setPlotBackgroundColor(CLEAR);
        getStyler().setPlotGridLinesVisible(false);
    }

    /**
     * Changes the height so that one unit on x spans as many pixels as one unit on y (circles look
     * round); the width stays, so figures line up in a notebook. Needs fixed axis ranges.
     */
    void equaliseAspect(double xMin, double xMax, double yMin, double yMax) {
        // a new height changes the y tick labels and so the plot width: iterate to a fixed point
        for (int pass = 0; pass < 5; pass++) {
            BufferedImage scratch = new BufferedImage(getWidth(), getHeight(), BufferedImage.TYPE_INT_ARGB);
            Graphics2D layout = scratch.createGraphics();
            paint(layout, getWidth(), getHeight());
            layout.dispose();
            double pw = Math.abs(getScreenXFromChart(xMax) - getScreenXFromChart(xMin));
            double ph = Math.abs(getScreenYFromChart(yMax) - getScreenYFromChart(yMin));
            double wanted = pw * (yMax - yMin) / (xMax - xMin);
            int h = Math.max(300, Math.min(900, (int) Math.round(getHeight() + wanted - ph)));
            if (h == getHeight()) return;
            setHeight(h);
        }
    }

    /**
     * The height at which, painted {@code width} pixels wide, one unit on x spans as many pixels as
     * one unit on y; the chart itself is not changed. Needs fixed axis ranges.
     */
    int heightForEqualAspect(int width, int startHeight) {
        double xMin = getStyler().getXAxisMin(), xMax = getStyler().getXAxisMax();
        double yMin = getStyler().getYAxisMin(), yMax = getStyler().getYAxisMax();
        int h = startHeight;
        for (int pass = 0; pass < 6; pass++) {
            BufferedImage scratch = new BufferedImage(width, h, BufferedImage.TYPE_INT_ARGB);
            Graphics2D layout = scratch.createGraphics();
            super.paint(layout, width, h);
            layout.dispose();
            double pw = Math.abs(getScreenXFromChart(xMax) - getScreenXFromChart(xMin));
            double ph = Math.abs(getScreenYFromChart(yMax) - getScreenYFromChart(yMin));
            int next = Math.max(200, Math.min(4000, (int) Math.round(h + pw * (yMax - yMin) / (xMax - xMin) - ph)));
            if (next == h) break;
            h = next;
        }
        return h;
    }

    SampledGrid backdrop() {
        return grid;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        if (grid == null) {
            super.paint(g, width, height);
            return;
        }
        BufferedImage scratch = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D layout = scratch.createGraphics();
        super.paint(layout, width, height);
        layout.dispose();

        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        double[] xs = grid.xs();
        double[] ys = grid.ys();
        double[][] v = grid.values();
        for (int iy = 0; iy < ys.length; iy++) {
            double sy0 = getScreenYFromChart(edge(ys, iy, -1));
            double sy1 = getScreenYFromChart(edge(ys, iy, +1));
            for (int ix = 0; ix < xs.length; ix++) {
                if (!Double.isFinite(v[iy][ix])) continue;
                double sx0 = getScreenXFromChart(edge(xs, ix, -1));
                double sx1 = getScreenXFromChart(edge(xs, ix, +1));
                g.setColor(colour.apply(v[iy][ix]));
                int x0 = (int) Math.floor(Math.min(sx0, sx1));
                int y0 = (int) Math.floor(Math.min(sy0, sy1));
                g.fillRect(x0, y0, (int) Math.ceil(Math.max(sx0, sx1)) - x0, (int) Math.ceil(Math.max(sy0, sy1)) - y0);
            }
        }
        super.paint(g, width, height);
    }

    /** The cell boundary half-way to the neighbouring sample; at the border, see {@link #setBackdrop}. */
    private double edge(double[] a, int i, int side) {
        int j = i + side;
        if (j >= 0 && j < a.length) return 0.5 * (a[i] + a[j]);
        return wholeBorderCells ? a[i] + 0.5 * (a[i] - a[i - side]) : a[i];
    }
}
