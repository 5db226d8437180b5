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
    void branchesAreLinesStyledByStabilityAndLonePointsMarkers() {
        // critical: a line at 1 for rho 1.0, 1.1, 1.2 (attracting); hallucinated: rho − 1 for rho 1.0 .. 1.2,
        // attracting up to 1.1, repelling at 1.2; a lone hallucinated point far away at rho = 1.0 (value range 2,
        // so points join when 0.2 apart or less)
        Table t = Table.create("rest",
                DoubleColumn.create("rho", 1.0, 1.1, 1.2, 1.0, 1.1, 1.2, 1.0),
                DoubleColumn.create("x", 1, 1, 1, 0, 0.1, 0.2, -1),
                StringColumn.create("kind", "critical", "critical", "critical", "hallucinated", "hallucinated", "hallucinated", "hallucinated"),
                BooleanColumn.create("attracting", true, true, true, true, true, false, false));
        XYChart c = (XYChart) BifurcationFigure.fromTable("bif", t, "rho", "x", "kind", "attracting")
                .threshold("ρ = d", 1).build().chart();
        List<String> names = c.getSeriesMap().values().stream().map(XYSeries::getName).collect(Collectors.toList());
        assertEquals(List.of("critical, attracting", "hallucinated, attracting", "hallucinated, not attracting",
                "hallucinated, not attracting (isolated)", "ρ = d"), names);
        XYSeries crit = c.getSeriesMap().get("critical, attracting");
        assertEquals(XYSeries.XYSeriesRenderStyle.Line, crit.getXYSeriesRenderStyle());
        assertArrayEquals(new double[] {1.0, 1.1, 1.2}, crit.getXData(), 0);
        // the segment (1.0, 0) – (1.1, 0.1) attracts at both ends; (1.1, 0.1) – (1.2, 0.2) has a repelling end
        XYSeries att = c.getSeriesMap().get("hallucinated, attracting");
        assertArrayEquals(new double[] {1.0, 1.1}, att.getXData(), 0);
        XYSeries rep = c.getSeriesMap().get("hallucinated, not attracting");
        assertArrayEquals(new double[] {1.1, 1.2}, rep.getXData(), 0);
        assertArrayEquals(new double[] {0.1, 0.2}, rep.getYData(), 0);
        assertTrue(((java.awt.BasicStroke) rep.getLineStyle()).getDashArray() != null, "repelling branches are dashed");
        assertNull(((java.awt.BasicStroke) att.getLineStyle()).getDashArray(), "attracting branches are solid");
        assertEquals(att.getLineColor(), rep.getLineColor(), "a kind keeps its colour");
        XYSeries lone = c.getSeriesMap().get("hallucinated, not attracting (isolated)");
        assertArrayEquals(new double[] {1.0}, lone.getXData(), 0);
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, lone.getXYSeriesRenderStyle());
        assertInstanceOf(Mark.OpenCircle.class, lone.getMarker());
        XYSeries line = c.getSeriesMap().get("ρ = d");
        assertArrayEquals(new double[] {1, 1}, line.getXData(), 0);
        assertTrue(line.getYData()[0] < -1 && line.getYData()[1] > 1, "the threshold spans all rest points");
        assertEquals("ρ", c.getXAxisTitle());
    }

    @Test
    void crossingBranchesJoinClosestPairsFirstAndBreakWhereTheyJump() {
        // ±rho for rho = 0.1, 0.2, 0.3 (two branches), then a jump to 5 at 0.4 (a new branch)
        List<double[]> pts = List.of(new double[] {0.1, 0.1, 0}, new double[] {0.1, -0.1, 0}, new double[] {0.2, 0.2, 0},
                new double[] {0.2, -0.2, 0}, new double[] {0.3, 0.3, 0}, new double[] {0.3, -0.3, 0}, new double[] {0.4, 5, 0});
        List<List<double[]>> br = BifurcationFigure.branches(pts, 0.5);
        assertEquals(3, br.size());
        for (List<double[]> b : br.subList(0, 2)) {
            assertEquals(3, b.size());
            double sign = Math.signum(b.get(0)[1]);
            for (double[] q : b) assertEquals(sign * q[0], q[1], 1e-12, "a branch keeps its side");
        }
        assertEquals(1, br.get(2).size());
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
