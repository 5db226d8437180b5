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
}
