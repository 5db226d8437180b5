package samlab.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked examples of theory.md, derived by the finder and the Jacobian from f alone. */
class WorkedExamplesTest {
    static final double TOL = 1e-9;

    @Test
    void quarticRestPointsAtRhoOnePointFive() {
        SamMap map = SamMap.sam(Landscapes.create("quartic"), 1.5);
        RestPoints found = new RestPointFinder(map).find(0.05);
        List<RestPoint> h = found.ofKind(RestPoint.Kind.HALLUCINATED_MINIMIZER);
        assertEquals(2, h.size(), found.points().toString());
        for (RestPoint p : h) {
            double s = Math.signum(p.x(0));
            assertEquals(0.5 * s, p.x(0), TOL);
            assertEquals(-1.5 * s, map.objective().gradient(p.x())[0], TOL);
            assertEquals(-s, p.image(0), TOL);
            assertEquals(1.5, p.distToImage(), TOL);
            assertEquals(0.6, p.spectralRadius(), TOL);
            assertTrue(p.attracting());
            assertFalse(p.marginal());
            assertEquals(RestPoint.ImageType.MIN, p.imageType());
        }
        // the true critical points -1, 0, 1 are found too
        List<RestPoint> c = found.ofKind(RestPoint.Kind.CRITICAL);
        assertEquals(3, c.size(), c.toString());
        // and nothing else for ρ in (1, 2): an image at the maximizer would need |x| = ρ > 1, where f' points outward
        assertEquals(0, found.ofKind(RestPoint.Kind.HALLUCINATED_OTHER).size(), found.points().toString());
    }

    @Test
    void quarticRateIsOneMinusEightEtaAcrossEta() {
        SamMap map = SamMap.sam(Landscapes.quartic(), 1.5);
        RestPointFinder finder = new RestPointFinder(map);
        for (double eta : new double[] {0.01, 0.2, 0.3}) {
            RestPoint p = finder.classify(new double[] {0.5}, eta);
            assertEquals(Math.abs(1 - 8 * eta), p.spectralRadius(), TOL);
            assertEquals(eta < 0.25, p.attracting());
        }
    }

    @Test
    void ringHallucinatedCircle() {
        SamMap map = SamMap.sam(Landscapes.create("ring"), 1.5);
        double eta = 0.05;
        RestPoints found = new RestPointFinder(map).find(eta);
        List<RestPoint> h = found.ofKind(RestPoint.Kind.HALLUCINATED_MINIMIZER);
        assertTrue(h.size() >= 8, "expected samples around the circle, got " + h.size());
        double minAngle = Double.MAX_VALUE, maxAngle = -Double.MAX_VALUE;
        for (RestPoint p : h) {
            assertEquals(0.5, Math.hypot(p.x(0), p.x(1)), TOL);
            assertEquals(0.5625, p.value(), TOL);
            assertEquals(1.5, p.gradNorm(), TOL);
            assertEquals(1.5, p.distToImage(), TOL);
            assertEquals(1.0, Math.hypot(p.image(0), p.image(1)), TOL);
            assertEquals(RestPoint.ImageType.DEGENERATE_MIN, p.imageType());
            // the tangential eigenvalue is 1; the radial one decides: 1 − 8η
            assertTrue(p.marginal());
            assertEquals(1.0, p.spectralRadius(), 1e-7);
            assertEquals(1 - 8 * eta, p.normalSpectralRadius(), TOL);
            assertTrue(p.attracting());
            double ang = Math.atan2(p.x(1), p.x(0));
            minAngle = Math.min(minAngle, ang);
            maxAngle = Math.max(maxAngle, ang);
        }
        assertTrue(maxAngle - minAngle > 5, "samples should go around the circle");
        assertEquals(0, found.ofKind(RestPoint.Kind.HALLUCINATED_OTHER).size());
    }

    @Test
    void anisotropicJacobianIsDiagonal() {
        double eta = 0.04;
        SamMap map = SamMap.sam(Landscapes.create("anisotropic", Map.of("a", 1.0)), 1.5);
        RestPoints found = new RestPointFinder(map).find(eta);
        List<RestPoint> h = found.ofKind(RestPoint.Kind.HALLUCINATED_MINIMIZER);
        assertEquals(2, h.size(), found.points().toString());
        for (RestPoint p : h) {
            assertEquals(0.5, Math.abs(p.x(0)), TOL);
            assertEquals(0.0, p.x(1), TOL);
            assertEquals(1.5, Math.abs(map.objective().gradient(p.x())[0]), TOL);
            double[][] dt = map.jacobian(p.x(), eta);
            assertEquals(1 - 8 * eta, dt[0][0], TOL);
            assertEquals(1 - 6 * eta, dt[1][1], TOL);
            assertEquals(0.0, dt[0][1], TOL);
            assertEquals(0.0, dt[1][0], TOL);
            assertEquals(1 - 6 * eta, p.spectralRadius(), TOL);
            assertFalse(p.marginal());
            assertTrue(p.attracting());
        }
        // η just above 1/4: 1 − 8η < −1
        assertFalse(new RestPointFinder(map).classify(h.get(0).x(), 0.26).attracting());
    }
}
