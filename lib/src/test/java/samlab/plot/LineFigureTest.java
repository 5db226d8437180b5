package samlab.plot;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class LineFigureTest {
    private final Table t = Table.create("train", IntColumn.create("step", 1, 2, 3, 4),
            DoubleColumn.create("sgd", 1, 0.1, 0.01, 0.001), DoubleColumn.create("sam", 1, 0.5, 0.25, 0.125));

    @Test
    void oneLinePerColumnOnLogAxes() {
        XYChart c = (XYChart) LineFigure.fromTable("curves", t, "step", "sgd", "sam").logY(true).build().chart();
        XYSeries sgd = c.getSeriesMap().get("sgd");
        assertArrayEquals(new double[] {1, 2, 3, 4}, sgd.getXData(), 0);
        assertArrayEquals(new double[] {1, 0.1, 0.01, 0.001}, sgd.getYData(), 0);
        assertTrue(c.getSeriesMap().get("sam").isShowInLegend());
        assertTrue(c.getStyler().isYAxisLogarithmic());
        assertFalse(c.getStyler().isXAxisLogarithmic());
        assertEquals("step", c.getXAxisTitle());
        assertNotEquals(sgd.getLineColor(), c.getSeriesMap().get("sam").getLineColor());
    }

    @Test
    void logAxisRejectsNonPositiveValuesAndUnknownColumnsAreNamed() {
        Table z = Table.create("z", IntColumn.create("step", 1, 2), DoubleColumn.create("loss", 1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LineFigure.fromTable("z", z, "step", "loss").logY(true).build());
        assertTrue(e.getMessage().contains("'loss'") && e.getMessage().contains("row 1"), e.getMessage());
        LineFigure.fromTable("z", z, "step", "loss").build(); // fine on a linear axis
        e = assertThrows(IllegalArgumentException.class, () -> LineFigure.fromTable("z", z, "epoch", "loss"));
        assertTrue(e.getMessage().contains("'epoch'"), e.getMessage());
    }

    @Test
    void pointsBetweenGapsAreDrawnAsMarkers() {
        // diagnostics every second epoch: every value has missing neighbours, so no line segment exists
        Table gaps = Table.create("run", IntColumn.create("epoch", 1, 2, 3, 4, 5, 6),
                DoubleColumn.create("grad_norm", Double.NaN, 0.5, Double.NaN, 0.25, Double.NaN, Double.NaN),
                DoubleColumn.create("loss", 2, 1.5, 1.2, Double.NaN, 0.9, 0.8));
        XYChart c = (XYChart) LineFigure.fromTable("gaps", gaps, "epoch", "grad_norm", "loss").build().chart();
        XYSeries lone = c.getSeriesMap().get(LineFigure.Builder.isolatedName("grad_norm"));
        assertNotNull(lone, c.getSeriesMap().keySet().toString());
        assertArrayEquals(new double[] {2, 4}, lone.getXData(), 0);
        assertArrayEquals(new double[] {0.5, 0.25}, lone.getYData(), 0);
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, lone.getXYSeriesRenderStyle());
        assertFalse(lone.isShowInLegend());
        assertEquals(c.getSeriesMap().get("grad_norm").getLineColor(), lone.getMarkerColor());
        // loss has segments 1–3 and 5–6: no point is isolated, no marker series
        assertNull(c.getSeriesMap().get(LineFigure.Builder.isolatedName("loss")));
        // the line series keeps the gaps as NaN
        assertTrue(Double.isNaN(c.getSeriesMap().get("grad_norm").getYData()[0]));
        // a one-row table is a single isolated point
        Table one = Table.create("one", IntColumn.create("step", new int[] {7}), DoubleColumn.create("loss", new double[] {0.3}));
        XYChart c1 = (XYChart) LineFigure.fromTable("one", one, "step", "loss").build().chart();
        assertArrayEquals(new double[] {0.3}, c1.getSeriesMap().get(LineFigure.Builder.isolatedName("loss")).getYData(), 0);
    }

    @Test
    void infinityIsRefusedNamingTheSeries() {
        Table inf = Table.create("run", IntColumn.create("step", 1, 2, 3),
                DoubleColumn.create("loss", 1, Double.POSITIVE_INFINITY, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LineFigure.fromTable("inf", inf, "step", "loss").build());
        assertEquals("series loss has point (2.0, Infinity) at index 1; a chart cannot place ±Infinity: drop or clip such points first",
                e.getMessage());
        Table negInfX = Table.create("run", DoubleColumn.create("t", 0, Double.NEGATIVE_INFINITY), DoubleColumn.create("loss", 1, 2));
        e = assertThrows(IllegalArgumentException.class, () -> LineFigure.fromTable("inf", negInfX, "t", "loss").build());
        assertTrue(e.getMessage().startsWith("series loss has point (-Infinity, 2.0) at index 1"), e.getMessage());
    }
}
