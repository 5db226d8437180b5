package samlab.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Trajectories, basin maps, the ρ-bifurcation and the (η, ρ) region on small grids. */
class SweepsTest {
    @Test
    void trajectoryConvergesToTheHallucinatedPointAtRateOneMinusEightEta() {
        SamMap map = SamMap.sam(Landscapes.quartic(), 1.5);
        Trajectory t = Trajectory.run(map, new double[] {0.1}, 0.05, 1000);
        assertEquals(Trajectory.State.CONVERGED, t.state());
        assertEquals(0.5, t.last()[0], 1e-9);
        // error ratio of late iterates is the derivative 1 − 8η = 0.6
        double[][] p = t.points();
        int k = p.length - 5;
        assertEquals(0.6, (p[k + 1][0] - 0.5) / (p[k][0] - 0.5), 1e-4);
        assertEquals(p.length, t.toTable().rowCount());
    }

    @Test
    void ringStartsNearTheOriginEndOnTheHallucinatedCircle() {
        SamMap map = SamMap.sam(Landscapes.ring(), 1.5);
        BasinMap b = BasinMap.compute(map, BasinConfig.square(0.3, 10, 0.05, 2000));
        int set = b.outcomeLabels().indexOf("hallucinated_minimizer set");
        assertTrue(set >= 0, b.outcomeLabels().toString());
        for (int[] row : b.outcome()) for (int o : row) assertEquals(set, o, b.counts().toString());
        Table t = b.toTable();
        assertEquals(100, t.rowCount());
        assertTrue(b.totalSteps() >= 100);
    }

    @Test
    void anisotropicBasinsAreMirrorSymmetricAndEndOnTheHallucinatedPair() {
        SamMap map = SamMap.sam(Landscapes.create("anisotropic", Map.of("a", 1.0)), 1.5);
        BasinMap b = BasinMap.compute(map, new BasinConfig(-0.3, 0.3, -0.3, 0.3, 6, 5, 0.04, 3000));
        int left = b.outcomeLabels().indexOf("hallucinated_minimizer (-0.5, 0)");
        int right = b.outcomeLabels().indexOf("hallucinated_minimizer (0.5, 0)");
        assertTrue(left >= 0 && right >= 0, b.outcomeLabels().toString());
        int nx = b.xs().length;
        for (int iy = 0; iy < b.ys().length; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                int o = b.outcome()[iy][ix];
                assertTrue(o == left || o == right, "start " + b.xs()[ix] + ", " + b.ys()[iy] + ": " + b.outcomeLabels().get(o));
                // f(x, y) = f(−x, y): the mirrored start ends at the mirrored point
                assertEquals(o == left ? right : left, b.outcome()[iy][nx - 1 - ix]);
                // on the axis y = 0 SAM is the 1-D quartic map: the sign of x is kept
                if (b.ys()[iy] == 0) assertEquals(b.xs()[ix] < 0 ? left : right, o);
            }
        }
    }

    @Test
    void largeRhoKeepsTheMaximizerAsItsOwnRestPoint() {
        // the finder's seeds used to spread over extent + ρ and miss the maximizer: at ρ = 10 the
        // origin of the ring was labelled with the minimizer circle's critical set
        for (double rho : new double[] {3, 10}) {
            BasinMap ring = BasinMap.compute(SamMap.sam(Landscapes.ring(), rho), BasinConfig.square(2, 5, 0.05, 50));
            assertEquals("critical (0, 0)", ring.outcomeLabels().get(ring.outcome()[2][2]), "ring, rho " + rho);
            assertEquals(1, ring.counts().get("critical (0, 0)"), ring.counts().toString());
        }
        // the quartic at ρ = 1000: the start at 0 stays there (g = 0, no perturbation), the maximizer
        for (double rho : new double[] {3, 1000}) {
            BasinMap q = BasinMap.compute(SamMap.sam(Landscapes.quartic(), rho), new BasinConfig(-2, 2, 0, 0, 5, 1, 0.05, 50));
            assertEquals("critical (0)", q.outcomeLabels().get(q.outcome()[0][2]), "quartic, rho " + rho + ": " + q.outcomeLabels());
        }
    }

    @Test
    void oneDivergenceTest() {
        assertFalse(Trajectory.diverged(new double[] {1e6, -1e6}));
        assertTrue(Trajectory.diverged(new double[] {0, 1e6 * (1 + 1e-15)}));
        assertTrue(Trajectory.diverged(new double[] {Double.NaN, 0}));
        assertTrue(Trajectory.diverged(new double[] {Double.NEGATIVE_INFINITY}));
    }

    @Test
    void oneStartPerAxisIsTheFirstValue() {
        BasinMap b = BasinMap.compute(SamMap.sam(Landscapes.quartic(), 1.5), new BasinConfig(-0.3, 0.3, 0, 0, 1, 1, 0.05, 2000));
        assertArrayEquals(new double[] {-0.3}, b.xs(), 0);
        assertEquals(1, b.counts().get("hallucinated_minimizer (-0.5)"));
    }

    @Test
    void quarticBasinOnTheLine() {
        SamMap map = SamMap.sam(Landscapes.quartic(), 1.5);
        BasinMap b = BasinMap.compute(map, new BasinConfig(-0.45, 0.45, 0, 0, 10, 1, 0.05, 2000));
        assertEquals(10, b.counts().get("hallucinated_minimizer (-0.5)") + b.counts().get("hallucinated_minimizer (0.5)"));
        // at η = 0.3 the hallucinated points repel (|1 − 8η| = 1.4): nobody settles there
        BasinMap fast = BasinMap.compute(map, new BasinConfig(-0.45, 0.45, 0, 0, 10, 1, 0.3, 500));
        assertEquals(0, fast.counts().get("hallucinated_minimizer (0.5)") + fast.counts().get("hallucinated_minimizer (-0.5)"),
                fast.counts().toString());
    }

    @Test
    void bifurcationOfTheQuartic() {
        double[] rhos = {0.5, 0.8, 1.2, 1.6};
        Bifurcation b = Bifurcation.sweep(Landscapes.quartic(), SamVariant.SAM, 0, rhos, 0.05, RestPointSearch.DEFAULT);
        for (int i = 0; i < rhos.length; i++) {
            double rho = rhos[i];
            RestPoints r = b.found().get(i);
            var kind = rho < 1 ? RestPoint.Kind.HALLUCINATED_OTHER : RestPoint.Kind.HALLUCINATED_MINIMIZER;
            assertEquals(2, r.ofKind(kind).size(), "rho " + rho + ": " + r.points());
            for (RestPoint p : r.ofKind(kind)) assertEquals(rho < 1 ? rho : rho - 1, Math.abs(p.x(0)), 1e-9);
            // images at the maximizer repel: T' = 1 − η f''(0) = 1 + 4η
            if (rho < 1) for (RestPoint p : r.ofKind(kind)) assertEquals(1 + 4 * 0.05, p.spectralRadius(), 1e-9);
        }
        Table t = b.toTable();
        assertEquals("rho", t.column(0).name());
        assertEquals(b.found().stream().mapToInt(r -> r.points().size()).sum(), t.rowCount());
    }

    @Test
    void attractionRegionOfTheQuartic() {
        AttractionRegion r = AttractionRegion.compute(Landscapes.quartic(), SamVariant.SAM, 0,
                new double[] {0.1, 0.3}, new double[] {0.8, 1.5}, RestPointSearch.DEFAULT);
        assertEquals(4, r.cells().size());
        var c = r.cells();
        assertEquals(0, c.get(0).hallucinatedMinimizers());
        assertEquals(2, c.get(2).hallucinatedMinimizers());
        assertEquals(2, c.get(2).attracting());
        assertEquals(0.2, c.get(2).minNormalSpectralRadius(), 1e-9);
        assertEquals(0, c.get(3).attracting());
        assertEquals(1.4, c.get(3).minNormalSpectralRadius(), 1e-9);
        assertEquals(4, r.toTable().rowCount());
    }
}
