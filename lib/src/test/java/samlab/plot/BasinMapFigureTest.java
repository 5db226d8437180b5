package samlab.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class BasinMapFigureTest {
    private final double[] xs = {0, 1, 2};
    private final double[] ys = {10, 20};
    private final int[][] outcome = {{0, 0, 2}, {-1, 0, 2}}; // outcome 1 never happens, one cell has no run

    @Test
    void cellsCarryTheOutcomesAndTheLegendNamesEachOutcomeWithItsShare() {
        BasinMapFigure f = BasinMapFigure.builder("basins", xs, ys, outcome, List.of("minimizer", "maximizer", "hallucinated"))
                .points("maximizer at 0", List.of(new double[] {1, 15}), Mark.CROSS).build();
        XYChart c = (XYChart) f.chart();
        List<String> names = c.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).collect(Collectors.toList());
        assertEquals(List.of("minimizer (60%)", "hallucinated (40%)", "maximizer at 0"), names);
        assertArrayEquals(new double[] {0, 0, 2}, f.cells().values()[0], 0);
        assertTrue(Double.isNaN(f.cells().values()[1][0]), "no run: left blank");
        assertArrayEquals(new double[] {0, 2}, new double[] {f.cells().values()[1][1], f.cells().values()[1][2]}, 0);
        assertArrayEquals(xs, f.cells().xs(), 0);
        XYSeries hal = c.getSeriesMap().get("hallucinated (40%)");
        assertEquals(BasinMapFigure.colour(2), hal.getMarkerColor(), "the key's colour is the colour its cells are painted in");
        assertNotEquals(BasinMapFigure.colour(0), BasinMapFigure.colour(2));
        assertTrue(Double.isNaN(hal.getXData()[0]), "keys carry no plotted point");
        XYSeries mark = c.getSeriesMap().get("maximizer at 0");
        assertArrayEquals(new double[] {1}, mark.getXData(), 0);
        assertEquals(Palette.BLACK, mark.getMarkerColor());
        assertEquals(-0.5, c.getStyler().getXAxisMin(), 1e-12);
        assertEquals(25, c.getStyler().getYAxisMax(), 1e-12);
        FigureWriter.png(f); // the NaN keys and the cells render
    }

    @Test
    void faintOutcomesArePaintedAndKeyedInTheFaintGrey() {
        BasinMapFigure f = BasinMapFigure.builder("basins", xs, ys, outcome, List.of("minimizer", "maximizer", "diverged"))
                .faint("diverged").build();
        XYChart c = (XYChart) f.chart();
        assertEquals(Palette.FAINT, c.getSeriesMap().get("diverged (40%)").getMarkerColor());
        assertEquals(BasinMapFigure.colour(0), c.getSeriesMap().get("minimizer (60%)").getMarkerColor());
        assertThrows(IllegalArgumentException.class, () -> BasinMapFigure.builder("b", xs, ys, outcome, List.of("a", "b", "c")).faint("diverged"));
    }

    @Test
    void rejectsOutcomesOutsideTheLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BasinMapFigure.builder("b", xs, ys, new int[][] {{0, 0, 3}, {0, 0, 0}}, List.of("a", "b")));
        assertTrue(e.getMessage().contains("outcome[0][2] = 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BasinMapFigure.builder("b", xs, ys, new int[][] {{0, 0}, {0, 0}}, List.of("a")));
        assertThrows(IllegalArgumentException.class,
                () -> BasinMapFigure.builder("b", xs, ys, new int[][] {{-1, -1, -1}, {-1, -1, -1}}, List.of("a")).build());
    }
}
