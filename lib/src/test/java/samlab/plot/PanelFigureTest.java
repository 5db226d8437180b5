package samlab.plot;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PanelFigureTest {
    private static PlaneFigure panel(String name, double scale) {
        SampledGrid g = SampledGrid.sample((x, y) -> scale * (x * x + y * y), -1, 1, 21, -1, 1, 21);
        return PlaneFigure.builder(name).title(name).contour(g, ContourLevels.given(0.5)).backdrop(g, true).shadeRange(0, 2).build();
    }

    @Test
    void colourBarInvertsTheShadingScaleAndMatchesThePanels() {
        PanelFigure.ColourBar bar = new PanelFigure.ColourBar("f", 0, 2, true);
        for (double t : new double[] {0, 0.25, 0.5, 1}) {
            assertEquals(t, PlaneFigure.shade(bar.valueAt(t), 0, 2, true), 1e-12, "valueAt inverts shade at t = " + t);
        }
        assertEquals(0, bar.valueAt(0), 1e-15);
        assertEquals(2, bar.valueAt(1), 1e-12);
        assertEquals(PlaneFigure.grey(1), bar.colour(2));
        assertEquals(PlaneFigure.grey(1), bar.colour(50), "values above the bar take its top shade");
        PanelFigure.ColourBar linear = new PanelFigure.ColourBar("f", 1, 3, false);
        assertEquals(2, linear.valueAt(0.5), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new PanelFigure.ColourBar("f", 1, 1, false));
    }

    @Test
    void panelsSideBySideUnderOneTitleRenderAtAnySize() {
        PanelFigure f = PanelFigure.builder("two-panels").title("Two").panel(panel("a", 1)).panel(panel("b", 2))
                .colourBar("f", 0, 2, true).build();
        assertEquals(2, f.panels().size());
        assertEquals(2 * PanelFigure.PANEL_WIDTH + PanelFigure.BAR_WIDTH, f.chart().getWidth());
        assertEquals("Two", f.chart().getTitle());
        assertTrue(FigureWriter.png(f).length > 1000);
        // painted into a smaller image it shrinks uniformly: the same picture at half size
        java.awt.image.BufferedImage full = new java.awt.image.BufferedImage(f.chart().getWidth(), f.chart().getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        f.chart().paint(full.createGraphics(), full.getWidth(), full.getHeight());
        java.awt.image.BufferedImage half = new java.awt.image.BufferedImage(full.getWidth() / 2, full.getHeight() / 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
        f.chart().paint(half.createGraphics(), half.getWidth(), half.getHeight());
        int cx = full.getWidth() / 4, cy = full.getHeight() / 2;   // the centre of panel (a)
        assertEquals(full.getRGB(cx, cy), half.getRGB(cx / 2, cy / 2), "panel (a)'s centre keeps its shade at half size");
        // a square range painted 480 wide needs about as much height for the plot as width, plus title and axes
        int h = f.panels().get(0).heightForEqualAspect(PanelFigure.PANEL_WIDTH);
        assertTrue(h > PanelFigure.PANEL_WIDTH / 2 && h < 3 * PanelFigure.PANEL_WIDTH, "height " + h);
        assertThrows(IllegalArgumentException.class, () -> PanelFigure.builder("none").build());
        assertThrows(IllegalArgumentException.class, () -> PlaneFigure.builder("x").shadeRange(1, 1));
    }
}
