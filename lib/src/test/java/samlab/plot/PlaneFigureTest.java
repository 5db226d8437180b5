package samlab.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class PlaneFigureTest {
    private final SampledGrid bowl = SampledGrid.sample((x, y) -> x * x + y * y, -2, 2, 41, -2, 2, 41);

    private static List<String> legend(XYChart c) {
        return c.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).collect(Collectors.toList());
    }

    @Test
    void contourSeriesCarryTheMarchingSquaresLinesAndNameTheirLevels() {
        PlaneFigure f = PlaneFigure.builder("bowl").title("t").contour(bowl, new double[] {0.25, 1}).build();
        XYChart c = (XYChart) f.chart();
        assertEquals(List.of("f = 0.25", "f = 1"), legend(c));
        XYSeries s = c.getSeriesMap().get("f = 1");
        Polyline circle = MarchingSquares.levelSet(bowl, 1).get(0);
        assertArrayEquals(circle.x(), s.getXData(), 0);
        assertArrayEquals(circle.y(), s.getYData(), 0);
        assertEquals(Palette.sequential(0.88), s.getLineColor(), "the highest level gets the lightest colour");
        assertEquals(Palette.sequential(0.0), c.getSeriesMap().get("f = 0.25").getLineColor());
        assertEquals(-2, c.getStyler().getXAxisMin(), 0);
        assertEquals(2, c.getStyler().getYAxisMax(), 0);
        assertEquals(1, f.contours().size());
    }

    @Test
    void overlaysGetLegendEntriesAndTrajectoriesGetStartAndEndMarkers() {
        List<double[]> path = List.of(new double[] {1, 1}, new double[] {0.5, 0.4}, new double[] {0.1, 0});
        QuiverField q = QuiverField.of(List.of(new double[] {1, 0}), List.of(new double[] {-1, 0}), new QuiverField.Scaling.Proportional(0.5));
        PlaneFigure f = PlaneFigure.builder("overlay").contour("f^SAM", bowl, new double[] {1})
                .quiver("∇f(x⁺)", q).trajectory("SAM", path)
                .points("minimizers", List.of(new double[] {0, 0}), Mark.DIAMOND).build();
        XYChart c = (XYChart) f.chart();
        assertEquals(List.of("f^SAM = 1", "∇f(x⁺)", "SAM", "minimizers"), legend(c));
        assertArrayEquals(q.segments()[0], c.getSeriesMap().get("∇f(x⁺)").getXData(), 0);
        assertArrayEquals(new double[] {1, 0.5, 0.1}, c.getSeriesMap().get("SAM").getXData(), 0);
        Map<String, XYSeries> hidden = c.getSeriesMap().entrySet().stream().filter(e -> !e.getValue().isShowInLegend())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(2, hidden.size());
        XYSeries start = hidden.values().stream().filter(s -> s.getMarker() instanceof Mark.OpenCircle).findFirst().orElseThrow();
        XYSeries end = hidden.values().stream().filter(s -> s != start).findFirst().orElseThrow();
        assertArrayEquals(new double[] {1, 1}, new double[] {start.getXData()[0], start.getYData()[0]});
        assertArrayEquals(new double[] {0.1, 0}, new double[] {end.getXData()[0], end.getYData()[0]});
        assertEquals(c.getSeriesMap().get("SAM").getLineColor(), end.getMarkerColor());
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, c.getSeriesMap().get("minimizers").getXYSeriesRenderStyle());
        assertNotEquals(c.getSeriesMap().get("SAM").getLineColor(), c.getSeriesMap().get("minimizers").getMarkerColor());
    }

    @Test
    void inlineLabelsReplaceTheLegendAndEqualAspectMakesUnitsSquare() {
        PlaneFigure f = PlaneFigure.builder("inline").contour(bowl, new double[] {1, 2}).inlineLevelLabels(true).backdrop(bowl).build();
        XYChart c = (XYChart) f.chart();
        assertTrue(legend(c).isEmpty());
        assertFalse(c.getStyler().isLegendVisible());
        assertTrue(f.hasBackdrop());
        FigureWriter.png(f); // lays the chart out
        double w = c.getScreenXFromChart(2) - c.getScreenXFromChart(-2);
        double h = c.getScreenYFromChart(-2) - c.getScreenYFromChart(2);
        assertEquals(w, h, 3, "a square range is drawn square (pixels)");
    }

    @Test
    void labelPointLiesOnTheLineInTheAskedDirection() {
        Polyline circle = MarchingSquares.levelSet(bowl, 1).get(0);
        double[] p = PlaneFigure.labelPoint(List.of(circle), 0, new double[] {-2, 2, -2, 2});
        assertEquals(1, p[0], 0.01);
        assertEquals(0, p[1], 0.05);
    }

    @Test
    void infinitePointsAreRefusedNamingTheSeries() {
        // a diverged trajectory ends at ±Infinity: no axis can place it, so say which series has it
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlaneFigure.builder("p")
                .trajectory("SAM", List.of(new double[] {0, 0}, new double[] {1, Double.NEGATIVE_INFINITY})));
        assertEquals("trajectory SAM has point (1.0, -Infinity) at index 1; a chart cannot place ±Infinity: drop or clip such points first",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PlaneFigure.builder("p")
                .points("ends", List.of(new double[] {Double.POSITIVE_INFINITY, 0}), Mark.CROSS));
        assertTrue(e.getMessage().startsWith("point set ends has point (Infinity, 0.0) at index 0"), e.getMessage());
        // NaN is a gap, not an error
        PlaneFigure.builder("p").trajectory("gap", List.of(new double[] {0, 0}, new double[] {Double.NaN, Double.NaN},
                new double[] {1, 1})).build();
    }

    @Test
    void badInputIsNamed() {
        assertThrows(IllegalArgumentException.class, () -> PlaneFigure.builder("Bad Name"));
        var b = PlaneFigure.builder("ok");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.trajectory("gd", new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("gd"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.points(" ", List.of(new double[] {0, 0}), Mark.CROSS));
        assertThrows(IllegalArgumentException.class, () -> b.points("p", List.of(new double[] {0}), Mark.CROSS));
        assertEquals("0.000123", PlaneFigure.formatLevel(1.23e-4));
        assertEquals("2", PlaneFigure.formatLevel(2.0));
    }
}
