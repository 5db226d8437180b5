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
    void oneSeriesPerOutcomeHoldingExactlyItsStarts() {
        XYChart c = (XYChart) BasinMapFigure.builder("basins", xs, ys, outcome, List.of("minimizer", "maximizer", "hallucinated"))
                .points("maximizer at 0", List.of(new double[] {1, 15}), Mark.CROSS).build().chart();
        List<String> names = c.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).collect(Collectors.toList());
        assertEquals(List.of("minimizer (60%)", "hallucinated (40%)", "maximizer at 0"), names);
        XYSeries min = c.getSeriesMap().get("minimizer (60%)");
        assertArrayEquals(new double[] {0, 1, 1}, min.getXData(), 0);
        assertArrayEquals(new double[] {10, 10, 20}, min.getYData(), 0);
        XYSeries hal = c.getSeriesMap().get("hallucinated (40%)");
        assertArrayEquals(new double[] {2, 2}, hal.getXData(), 0);
        assertEquals(Palette.categorical(2), hal.getMarkerColor(), "the colour follows the outcome index, not the series order");
        assertEquals(Palette.BLACK, c.getSeriesMap().get("maximizer at 0").getMarkerColor());
        assertEquals(-0.5, c.getStyler().getXAxisMin(), 1e-12);
        assertEquals(25, c.getStyler().getYAxisMax(), 1e-12);
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
