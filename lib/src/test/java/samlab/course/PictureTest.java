package samlab.course;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import samlab.landscape.Trajectory;
import samlab.plot.PlaneFigure;

class PictureTest {
    @Test
    void ringPictureHoldsTheHallucinatedCircleAndRunsThatEndOnIt() {
        Picture p = Picture.ring(true);
        // theory note, worked example 2: for ρ = 1.5 the hallucinated minimizers form the circle ‖x‖ = ρ − 1 = 0.5
        assertFalse(p.hallucinatedMinimizers(true).isEmpty());
        assertTrue(p.hallucinatedMinimizers(false).isEmpty(), "η = 0.05 < 1/4: the whole circle attracts");
        for (double[] x : p.hallucinatedMinimizers(true)) assertEquals(0.5, Math.hypot(x[0], x[1]), 1e-9);
        // critical points: the unit circle (minimizers) and the origin (maximizer)
        for (double[] c : p.criticalPoints(true)) assertEquals(1, Math.hypot(c[0], c[1]), 1e-9);
        assertEquals(1, p.criticalPoints(false).size());
        assertEquals(Picture.STARTS, p.runs().size());
        for (Trajectory t : p.runs()) {
            assertEquals(Picture.START_RADIUS, Math.hypot(t.points()[0][0], t.points()[0][1]), 1e-12);
            assertEquals(0.5, Math.hypot(t.last()[0], t.last()[1]), 1e-6);
        }
    }

    @Test
    void figuresAreNamedByLandscapeAndPanel() {
        Picture p = Picture.ring(true);
        PlaneFigure f = (PlaneFigure) p.figureOfF();
        assertEquals("ring-f", f.name());
        assertFalse(f.contours().isEmpty());
        assertEquals("ring-fsam", p.figureOfSurrogate().name());
        assertEquals("ring-field", p.figureOfField().name());
    }

    @Test
    void figureOneHasThreePanelsOnOneShadingScale() {
        Picture p = Picture.ring(true);
        samlab.plot.PanelFigure f = p.figure1();
        assertEquals("ring-figure1", f.name());
        assertEquals(List.of("ring-figure1-f", "ring-figure1-fsam", "ring-figure1-field"), f.panels().stream().map(PlaneFigure::name).toList());
        // the bar spans [0, f(maximizer)] = [0, 1] on the log scale, and every panel shades on it
        assertEquals(0, f.colourBar().lo(), 0);
        assertEquals(1, f.colourBar().hi(), 1e-12);
        assertTrue(f.colourBar().log());
        for (PlaneFigure panel : f.panels()) assertTrue(panel.hasBackdrop(), panel.name());
        // the same level values in (a) and (b), so the same colours
        assertArrayEquals(f.panels().get(0).contours().get(0).levels(), f.panels().get(1).contours().get(0).levels(), 0);
        assertTrue(f.width() > 3 * samlab.plot.PanelFigure.PANEL_WIDTH, "three panels and a bar side by side");
        assertTrue(samlab.plot.FigureWriter.png(f).length > 1000);
    }

    @Test
    void surrogateContoursAreMaskedExactlyAlongTheJumps() {
        // ring at rho = 1.5: f^SAM jumps across the unit circle (u flips from −x/|x| to +x/|x|) and u flips across 0
        samlab.landscape.SamMap map = samlab.landscape.SamMap.sam(samlab.landscape.Landscapes.ring(), 1.5);
        samlab.plot.SampledGrid g = samlab.plot.SampledGrid.sample((x, y) -> map.surrogate(new double[] {x, y}), -2, 2, 41, -2, 2, 41);
        samlab.plot.SampledGrid m = Picture.maskJumps(g, map);
        double h = 0.1;
        int masked = 0;
        for (int iy = 0; iy < 41; iy++) {
            for (int ix = 0; ix < 41; ix++) {
                double r = Math.hypot(g.xs()[ix], g.ys()[iy]);
                boolean nearJump = Math.abs(r - 1) <= h * Math.sqrt(2) + 1e-12 || r <= h * Math.sqrt(2) + 1e-12;
                if (Double.isNaN(m.values()[iy][ix])) {
                    masked++;
                    assertTrue(nearJump, "masked node at r = " + r + " is not next to a jump");
                } else {
                    assertEquals(g.values()[iy][ix], m.values()[iy][ix], 0);
                }
                // a node right on a horizontal or vertical crossing of the circle has a neighbour on the other side
                if (Math.abs(r - 1) < 0.04 && (Math.abs(g.xs()[ix]) < 1e-9 || Math.abs(g.ys()[iy]) < 1e-9)) {
                    assertTrue(Double.isNaN(m.values()[iy][ix]), "node at r = " + r + " next to the jump must be masked");
                }
            }
        }
        assertTrue(masked > 40, masked + " masked nodes");
        assertTrue(Double.isFinite(g.values()[20][30]), "the shading keeps every value");
    }
}
