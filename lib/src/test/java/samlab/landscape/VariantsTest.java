package samlab.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** USAM and ε-SAM rest points against hand derivations, and the finder in three dimensions. */
class VariantsTest {

    /**
     * USAM on the quartic, ρ = 0.5: x⁺ = h(x) = x + ρ f'(x) = 2x³ − x. h(x) = ±1 only at x = ±1
     * (2x³ − x ∓ 1 = (x ∓ 1)(2x² ± 2x + 1)), h(x) = 0 at 0 and ±1/√2: two hallucinated points with
     * the maximizer as image, at distance 1/√2 (not ρ: Lemma 1 is about normalised SAM), and
     * T' = 1 − η f''(0) h'(x) = 1 + 4η(6x² − 1) = 1 + 8η.
     */
    @Test
    void usamOnTheQuartic() {
        double eta = 0.05;
        SamMap map = new SamMap(Landscapes.quartic(), SamVariant.USAM.perturbation(0), 0.5);
        RestPoints found = new RestPointFinder(map).find(eta);
        assertTrue(found.ofKind(RestPoint.Kind.HALLUCINATED_MINIMIZER).isEmpty(), found.points().toString());
        List<RestPoint> other = found.ofKind(RestPoint.Kind.HALLUCINATED_OTHER);
        assertEquals(2, other.size(), found.points().toString());
        for (RestPoint p : other) {
            assertEquals(Math.sqrt(0.5), Math.abs(p.x(0)), 1e-9);
            assertEquals(0, p.image(0), 1e-9);
            assertEquals(RestPoint.ImageType.MAX, p.imageType());
            assertEquals(Math.sqrt(0.5), p.distToImage(), 1e-9);
            assertEquals(1 + 8 * eta, p.spectralRadius(), 1e-9);
            assertFalse(p.attracting());
        }
        // USAM's map is smooth at critical points: T'(±1) = 1 − η f''(1)(1 + ρ f''(1)) = 1 − 0.05·8·5 = −1
        for (RestPoint c : found.ofKind(RestPoint.Kind.CRITICAL)) {
            if (Math.abs(c.x(0)) > 0.5) assertEquals(1.0, c.spectralRadius(), 1e-6);
        }
    }

    /**
     * ε-SAM: ε = 1e-12 reproduces SAM; with ρ = 1.8, ε = 0.1 the image is −1 where
     * r(x) = x + 1 + ρ g/(|g| + ε) = 0 on (0, 1). r(0⁺) = 1, r(1/√3) &lt; 0, r(1⁻) = 2: two roots,
     * found here by bisection, both hallucinated minimizers (plain SAM at ρ = 1.8 has one, 0.8).
     */
    @Test
    void epsSamOnTheQuartic() {
        Objective f = Landscapes.quartic();
        RestPoints tiny = new RestPointFinder(new SamMap(f, SamVariant.EPS.perturbation(1e-12), 1.5)).find(0.05);
        List<RestPoint> h = tiny.ofKind(RestPoint.Kind.HALLUCINATED_MINIMIZER);
        assertEquals(2, h.size());
        for (RestPoint p : h) {
            assertEquals(0.5, Math.abs(p.x(0)), 1e-9);
            assertEquals(0.6, p.spectralRadius(), 1e-9);
        }
        RestPoints big = new RestPointFinder(new SamMap(f, SamVariant.EPS.perturbation(0.1), 1.8)).find(0.05);
        List<Double> right = big.ofKind(RestPoint.Kind.HALLUCINATED_MINIMIZER).stream()
                .filter(p -> p.x(0) > 0).map(p -> p.x(0)).sorted().toList();
        double mid = 1 / Math.sqrt(3);
        assertTrue(residual(mid) < 0);
        assertEquals(List.of(2), List.of(right.size()), big.points().toString());
        assertEquals(bisect(1e-9, mid), right.get(0), 1e-9);
        assertEquals(bisect(mid, 1 - 1e-9), right.get(1), 1e-9);
    }

    private static double residual(double x) {
        double g = 4 * x * (x * x - 1);
        return x + 1 + 1.8 * g / (Math.abs(g) + 0.1);
    }

    private static double bisect(double lo, double hi) {
        double slo = Math.signum(residual(lo));
        for (int i = 0; i < 200; i++) {
            double m = 0.5 * (lo + hi);
            if (Math.signum(residual(m)) == slo) lo = m; else hi = m;
        }
        return 0.5 * (lo + hi);
    }

    /** The sphere (‖x‖² − 1)² in R³, Hessian by finite differences: a 2-D manifold of hallucinated minimizers. */
    @Test
    void sphereInThreeDimensions() {
        Objective sphere = Objective.of("sphere", 3,
                x -> Math.pow(x[0] * x[0] + x[1] * x[1] + x[2] * x[2] - 1, 2),
                (x, g) -> {
                    double c = 4 * (x[0] * x[0] + x[1] * x[1] + x[2] * x[2] - 1);
                    for (int i = 0; i < 3; i++) g[i] = c * x[i];
                });
        double eta = 0.05;
        RestPoints found = new RestPointFinder(SamMap.sam(sphere, 1.5), RestPointSearch.DEFAULT.withBox(2).withSeeds(150))
                .find(eta);
        List<RestPoint> h = found.ofKind(RestPoint.Kind.HALLUCINATED_MINIMIZER);
        assertTrue(h.size() >= 5, found.points().toString());
        for (RestPoint p : h) {
            assertEquals(0.5, SamMap.norm(p.x()), 1e-9);
            assertEquals(1.5, p.distToImage(), 1e-9);
            assertTrue(p.marginal());
            assertEquals(1 - 8 * eta, p.normalSpectralRadius(), 1e-6);
            assertTrue(p.attracting());
        }
    }
}
