package samlab.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Closed forms against finite differences; the registry's messages; the bent ring's geometry. */
class LandscapesTest {

    static List<double[]> randomPoints(int d, int n, double box, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<double[]> pts = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double[] x = new double[d];
            for (int i = 0; i < d; i++) x[i] = rnd.nextDouble(-box, box);
            pts.add(x);
        }
        return pts;
    }

    @Test
    void closedFormsAgreeWithFiniteDifferences() {
        for (String name : Landscapes.names()) {
            Objective f = Landscapes.create(name);
            FiniteDifferences.Check c = FiniteDifferences.check(f, randomPoints(f.dimension(), 50, 2.5, 11));
            assertTrue(c.maxGradientError() < 1e-6, name + " gradient " + c);
            assertTrue(c.maxHessianError() < 1e-5, name + " Hessian " + c);
        }
        Objective a = Landscapes.create("anisotropic", Map.of("a", 3.5));
        assertEquals(7.0, a.hessian(new double[] {0.2, 0.1})[1][1], 0);
    }

    @Test
    void checkerCatchesAWrongGradient() {
        Objective wrong = Objective.of("wrong", 1, x -> x[0] * x[0] * x[0], (x, g) -> g[0] = 2 * x[0]);
        FiniteDifferences.Check c = FiniteDifferences.check(wrong, List.of(new double[] {1.0}));
        assertEquals(1.0 / 3, c.maxGradientError(), 1e-6); // |3x² − 2x| = 1 at x = 1, relative to max(1, 3)
    }

    @Test
    void registryNamesTheAllowedValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> Landscapes.create("foo"));
        assertEquals("unknown landscape 'foo'; allowed: quartic, ring, anisotropic, bent-ring, sharp-flat", e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> Landscapes.create("ring", Map.of("b", 1.0)));
        assertEquals("landscape ring has no parameter 'b'; allowed: none", e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> Landscapes.create("anisotropic", Map.of("b", 1.0)));
        assertEquals("landscape anisotropic has no parameter 'b'; allowed: a", e3.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Landscapes.create("anisotropic", Map.of("a", Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> Landscapes.create("bent-ring", Map.of("alpha", -1.0)));
    }

    @Test
    void bentRingHasItsMinimizerCurveAndMaximizer() {
        Objective f = Landscapes.create("bent-ring");
        double alpha = 1.5, beta = 0.5;
        // on the curve x = alpha(±√(1−y²) − beta y²): f = 0, ∇f = 0
        for (double y = -1; y <= 1; y += 0.125) {
            for (double s : new double[] {-1, 1}) {
                double[] c = {alpha * (s * Math.sqrt(1 - y * y) - beta * y * y), y};
                assertEquals(0, f.value(c), 1e-24);
                assertEquals(0, SamMap.norm(f.gradient(c)), 1e-12);
            }
        }
        double[] origin = {0, 0};
        assertEquals(1, f.value(origin), 0);
        assertEquals(RestPoint.ImageType.MAX, RestPointFinder.imageType(f, origin));
        assertEquals(RestPoint.ImageType.DEGENERATE_MIN, RestPointFinder.imageType(f, new double[] {alpha, 0}));
        // not symmetric under x ↦ −x
        assertTrue(Math.abs(f.value(new double[] {0.7, 0.6}) - f.value(new double[] {-0.7, 0.6})) > 1e-3);
    }

    @Test
    void bentRingDistanceFromMaximizerToMinimizerSetMatchesItsDocumentation() {
        // sample the minimizer curve x = alpha(±√(1−y²) − beta y²) finely; check f vanishes there
        Objective f = Landscapes.create("bent-ring");
        double min = Double.POSITIVE_INFINITY, max = 0;
        int n = 200_000;
        for (int i = 0; i <= n; i++) {
            double y = -1 + 2.0 * i / n;
            for (double s : new double[] {-1, 1}) {
                double x = 1.5 * (s * Math.sqrt(1 - y * y) - 0.5 * y * y);
                assertEquals(0, f.value(new double[] {x, y}), 1e-20);
                double r = Math.hypot(x, y);
                min = Math.min(min, r);
                max = Math.max(max, r);
            }
        }
        assertEquals(0.8853, min, 1e-4);
        assertEquals(1.6010, max, 1e-4);
    }
}
