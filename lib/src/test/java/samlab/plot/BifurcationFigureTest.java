package samlab.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class BifurcationFigureTest {

    @Test
    void seriesByKindAndStabilityWithOpenMarkersForNonAttracting() {
        Table t = Table.create("rest",
                DoubleColumn.create("rho", 0.5, 1.5, 1.5, 2.0),
                DoubleColumn.create("norm", 1, 1, 0.5, 1),
                StringColumn.create("kind", "critical", "critical", "hallucinated", "hallucinated"),
                BooleanColumn.create("attracting", true, true, true, false));
        XYChart c = (XYChart) BifurcationFigure.fromTable("bif", t, "rho", "norm", "kind", "attracting")
                .threshold("ρ = d", 1).build().chart();
        List<String> names = c.getSeriesMap().values().stream().map(XYSeries::getName).collect(Collectors.toList());
        assertEquals(List.of("critical, attracting", "hallucinated, attracting", "hallucinated, not attracting", "ρ = d"), names);
        assertArrayEquals(new double[] {0.5, 1.5}, c.getSeriesMap().get("critical, attracting").getXData(), 0);
        XYSeries open = c.getSeriesMap().get("hallucinated, not attracting");
        assertArrayEquals(new double[] {2.0}, open.getXData(), 0);
        assertInstanceOf(Mark.OpenCircle.class, open.getMarker());
        assertEquals(c.getSeriesMap().get("hallucinated, attracting").getMarkerColor(), open.getMarkerColor(), "a kind keeps its colour");
        XYSeries line = c.getSeriesMap().get("ρ = d");
        assertArrayEquals(new double[] {1, 1}, line.getXData(), 0);
        assertTrue(line.getYData()[0] < 0.5 && line.getYData()[1] > 1, "the threshold spans all rest points");
        assertEquals("ρ", c.getXAxisTitle());
    }

    @Test
    void badTablesAreNamed() {
        Table t = Table.create("rest", DoubleColumn.create("rho", 1.0), StringColumn.create("kind", "k"), StringColumn.create("att", "yes"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BifurcationFigure.fromTable("b", t, "rho", "nrm", "kind", "att"));
        assertTrue(e.getMessage().contains("'nrm'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BifurcationFigure.fromTable("b", t, "rho", "rho", "kind", "att"));
        assertTrue(e.getMessage().contains("BOOLEAN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BifurcationFigure.builder("b").build());
    }
}
