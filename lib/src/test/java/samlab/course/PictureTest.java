package samlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
