package samlab.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerturbationTest {
    @Test
    void scaleIsRhoOverNormPlusEpsilonAndRhoForUsam() {
        assertEquals(2.0 / 1.5, Perturbation.EXACT.scale(2, 1.5), 0);
        assertEquals(2.0 / (1.5 + 0.5), Perturbation.normalised(0.5).scale(2, 1.5), 0);
        assertEquals(2.0, Perturbation.UNNORMALISED.scale(2, 1.5), 0);
        // x = (1, 2), g = (3, 4), |g| = 5: exact x+ = x + 0.5 (0.6, 0.8)
        double[] out = new double[2];
        Perturbation.EXACT.apply(new double[] {1, 2}, new double[] {3, 4}, 0.5, out);
        assertArrayEquals(new double[] {1.3, 2.4}, out, 1e-15);
    }

    @Test
    void zeroGradientGivesZeroPerturbationForEveryRuleAndEpsilon() {
        for (Perturbation p : List.of(Perturbation.EXACT, Perturbation.DEFAULT, Perturbation.normalised(0.3), Perturbation.UNNORMALISED)) {
            assertEquals(0.0, p.scale(1.3, 0) * 0.0, 0, p.toString());
            double[] out = new double[2];
            p.apply(new double[] {0.25, -1}, new double[] {0, 0}, 1.3, out);
            assertArrayEquals(new double[] {0.25, -1}, out, 0, p.toString());
        }
        assertEquals(0.0, Perturbation.EXACT.scale(1.3, 0), 0); // not Infinity
    }

    @Test
    void variantsNameTheRules() {
        assertSame(Perturbation.EXACT, SamVariant.SAM.perturbation(0.7));
        assertSame(Perturbation.EXACT, SamVariant.EPS.perturbation(0));
        assertEquals(new Perturbation(Perturbation.Kind.NORMALISED, 0.7), SamVariant.EPS.perturbation(0.7));
        assertSame(Perturbation.UNNORMALISED, SamVariant.USAM.perturbation(0.7));
        assertEquals(SamVariant.SAM, new SamMap(Landscapes.quartic(), SamVariant.EPS.perturbation(0), 1.3).variant());
        assertEquals(SamVariant.EPS, new SamMap(Landscapes.quartic(), SamVariant.EPS.perturbation(1e-3), 1.3).variant());
        assertEquals(1e-12, SamMap.DEFAULT_EPS, 0);
        assertEquals(Perturbation.DEFAULT_EPSILON, Perturbation.DEFAULT.epsilon(), 0);
    }

    @Test
    void badEpsilonIsRefusedWithTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> Perturbation.normalised(-1e-3));
        assertTrue(e.getMessage().contains("-0.001"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Perturbation(Perturbation.Kind.UNNORMALISED, 0.1));
        assertTrue(e.getMessage().contains("0.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Perturbation.normalised(Double.NaN));
    }

    /** Issue 11 §4: ε-SAM with ε = 0 at the quartic's critical points −1, 0, 1 (f' = 4x(x² − 1) = 0 there). */
    @Test
    void epsZeroMapFixesTheCriticalPointsInsteadOfNaN() {
        SamMap map = new SamMap(Landscapes.quartic(), SamVariant.EPS.perturbation(0), 1.3);
        for (double x : new double[] {-1, 0, 1}) {
            assertArrayEquals(new double[] {x}, map.perturbed(new double[] {x}), 0, "x+ at " + x);
            assertArrayEquals(new double[] {x}, map.step(new double[] {x}, 0.1), 0, "T at " + x);
        }
    }

    /**
     * `rest-points --landscape quartic --variant eps --eps 0 --rho 1.3 --eta 0.1`. By hand: the critical
     * points −1, 0, 1 are their own images; x = ±0.3 have x⁺ = x ∓ 1.3 = ∓1 (hallucinated minimizers),
     * with T'(x) = 1 − η f''(∓1) = 1 − 0.1·8 = 0.2 (f'' = 12x² − 4; the direction sign(f') is locally
     * constant), so they attract; the maximizer 0 repels (for small x &gt; 0, x⁺ ≈ x − 1.3 and
     * T(x) ≈ x + 0.1·|f'(−1.3)| = x + 0.3588) and must not be called attracting.
     */
    @Test
    void epsZeroRestPointsAreFiniteAndOnlyTheHallucinatedPairAttracts() {
        RestPoints found = new RestPointFinder(new SamMap(Landscapes.quartic(), SamVariant.EPS.perturbation(0), 1.3)).find(0.1);
        double[] xs = found.points().stream().mapToDouble(p -> p.x(0)).sorted().toArray();
        assertArrayEquals(new double[] {-1, -0.3, 0, 0.3, 1}, xs, 1e-9);
        for (RestPoint p : found.points()) {
            assertTrue(Double.isFinite(p.image()[0]), "image of " + p.x(0));
            double x = p.x(0);
            double expectedImage = Math.abs(Math.abs(x) - 0.3) < 1e-6 ? -Math.signum(x) : x;
            assertEquals(expectedImage, p.image()[0], 1e-9, "image of " + x);
            boolean pair = Math.abs(Math.abs(x) - 0.3) < 1e-6;
            assertEquals(pair, p.attracting(), "attracting at " + x);
            if (pair) assertEquals(0.2, p.normalSpectralRadius(), 1e-6);
        }
        assertFalse(found.points().stream().anyMatch(p -> Math.abs(p.x(0)) < 1e-9 && p.attracting()));
    }

    /** `basins --landscape quartic --variant eps --eps 0 --rho 1.3 --eta 0.1` from −1, 0, 1: each start is a critical point and stays. */
    @Test
    void epsZeroBasinStartsAtCriticalPointsStayThere() {
        SamMap map = new SamMap(Landscapes.quartic(), SamVariant.EPS.perturbation(0), 1.3);
        BasinMap b = BasinMap.compute(map, new BasinConfig(-1, 1, -1, 1, 3, 1, 0.1, 100));
        for (int i = 0; i < 3; i++) {
            String label = b.outcomeLabels().get(b.outcome()[0][i]);
            assertFalse(label.equals(BasinMap.DIVERGED) || label.equals(BasinMap.NOT_CONVERGED) || label.equals(BasinMap.UNMATCHED),
                    "start " + b.xs()[i] + ": " + label);
            assertEquals(List.of("critical (-1)", "critical (0)", "critical (1)").get(i), label);
        }
    }
}
