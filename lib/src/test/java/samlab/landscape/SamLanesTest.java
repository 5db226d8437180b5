package samlab.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The basin map's fast path gives the bits of the general path, start by start. */
class SamLanesTest {
    /** Closed-form batched gradients (ring, quartic, anisotropic) and the default one (bent-ring, sharp-flat). */
    static final List<Objective> LANDSCAPES = List.of(Landscapes.ring(), Landscapes.anisotropic(2),
            Landscapes.bentRing(1.5, 0.5), Landscapes.sharpFlat());

    @Test
    void batchedGradientsAreThePointwiseBits() {
        double[][] pts = {{0, 0}, {0.3, -1.7}, {1e-200, 5}, {-2.5, 0.25}, {1, 0}};
        for (Objective f : LANDSCAPES) {
            double[][] x = new double[2][pts.length], out = new double[2][pts.length];
            for (int k = 0; k < pts.length; k++) { x[0][k] = pts[k][0]; x[1][k] = pts[k][1]; }
            f.gradients(x, out, pts.length);
            for (int k = 0; k < pts.length; k++) {
                double[] g = f.gradient(pts[k]);
                assertEquals(Double.doubleToRawLongBits(g[0]), Double.doubleToRawLongBits(out[0][k]), f.name());
                assertEquals(Double.doubleToRawLongBits(g[1]), Double.doubleToRawLongBits(out[1][k]), f.name());
            }
        }
    }

    @Test
    void endpointsMatchBitForBit() {
        // odd grids over symmetric boxes contain the origin, where g = 0 and the perturbation is 0;
        // ρ = 3, η = 0.2 on [−3, 3]² makes some ring starts diverge (NaN and ±∞ must match too)
        for (Objective f : LANDSCAPES) {
            for (double[] c : new double[][] {{1.5, 0.01, 1.5, 41}, {3, 0.2, 3, 17}}) {
                SamMap map = SamMap.sam(f, c[0]);
                BasinConfig cfg = BasinConfig.square(c[2], (int) c[3], c[1], 300);
                assertSameBits(BasinMap.endpointsPointwise(map, cfg), BasinMap.endpoints(map, cfg), f.name());
            }
        }
        double[][][] wild = BasinMap.endpoints(SamMap.sam(Landscapes.ring(), 3), BasinConfig.square(3, 17, 0.2, 300));
        assertTrue(java.util.Arrays.stream(wild).flatMap(java.util.Arrays::stream).anyMatch(Trajectory::diverged),
                "the wild case has diverged starts");
        SamMap quartic = SamMap.sam(Landscapes.quartic(), 1.5);
        BasinConfig line = new BasinConfig(-2, 2, 0, 0, 301, 1, 0.05, 400);
        assertSameBits(BasinMap.endpointsPointwise(quartic, line), BasinMap.endpoints(quartic, line), "quartic");
    }

    @Test
    void basinMapsMatchWithLanesRefilledAsStartsFinish() {
        // 300 starts per row > 256 lanes: finished lanes take the next starts
        SamMap ring = SamMap.sam(Landscapes.ring(), 1.5);
        BasinConfig cfg = new BasinConfig(-2, 2, -0.5, 0.5, 300, 3, 0.05, 800);
        RestPoints rest = BasinMap.restPoints(ring, cfg, RestPointSearch.DEFAULT);
        BasinMap lanes = BasinMap.compute(ring, cfg, rest, true);
        BasinMap pointwise = BasinMap.compute(ring, cfg, rest, false);
        assertEquals(pointwise.outcomeLabels(), lanes.outcomeLabels());
        for (int iy = 0; iy < 3; iy++) assertArrayEquals(pointwise.outcome()[iy], lanes.outcome()[iy], "row " + iy);
        assertEquals(pointwise.totalSteps(), lanes.totalSteps());
        // several outcomes occur, so the comparison covers the early exits
        assertTrue(lanes.counts().values().stream().filter(n -> n > 0).count() >= 2, lanes.counts().toString());

        SamMap quartic = SamMap.sam(Landscapes.quartic(), 1.5);
        BasinConfig q = new BasinConfig(-2, 2, 0, 0, 401, 1, 0.05, 2000);
        RestPoints qr = BasinMap.restPoints(quartic, q, RestPointSearch.DEFAULT);
        BasinMap ql = BasinMap.compute(quartic, q, qr, true), qp = BasinMap.compute(quartic, q, qr, false);
        assertArrayEquals(qp.outcome()[0], ql.outcome()[0]);
        assertEquals(qp.totalSteps(), ql.totalSteps());
    }

    private static void assertSameBits(double[][][] a, double[][][] b, String what) {
        for (int iy = 0; iy < a.length; iy++) {
            for (int ix = 0; ix < a[iy].length; ix++) {
                for (int i = 0; i < a[iy][ix].length; i++) {
                    assertEquals(Double.doubleToRawLongBits(a[iy][ix][i]), Double.doubleToRawLongBits(b[iy][ix][i]),
                            what + " at [" + iy + "][" + ix + "][" + i + "]: " + a[iy][ix][i] + " vs " + b[iy][ix][i]);
                }
            }
        }
    }
}
