package samlab.course;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import samlab.landscape.FiniteDifferences;
import samlab.landscape.Landscapes;
import samlab.landscape.Objective;
import samlab.landscape.SamMap;
import samlab.landscape.Trajectory;

class VariationsTest {
    private static double quarticSlope(double x) {
        return 4 * x * (x * x - 1);
    }

    @Test
    void decayingRhoTakesHandComputedStepsAndEndsAtTheMaximizer() {
        Variations.Scheduled s = Variations.decayingRho(Landscapes.quartic(), new double[] {0.3}, 1.5, 0.05, 4000);
        assertEquals(1.5, s.rhos()[0], 0);
        assertEquals(1.5 * (1 - 1.0 / 4000), s.rhos()[1], 1e-15);
        assertEquals(1.5 / 4000, s.rhos()[3999], 1e-15);
        // f'(0.3) < 0, so x⁺ = 0.3 − 1.5 = −1.2 and x₁ = 0.3 − 0.05 f'(−1.2)
        assertEquals(0.3 - 0.05 * quarticSlope(-1.2), s.points()[1][0], 1e-15);
        // the branch x* = ρ − 1 reaches the maximizer at ρ = 1, then the trap |x| < ρ shrinks with ρ
        assertTrue(Math.abs(s.last()[0]) < 1e-4, "ends at " + s.last()[0]);
        assertTrue(Landscapes.quartic().value(s.last()) > 1 - 1e-7);
    }

    @Test
    void noiselessNoisySamIsSamAndTheNoiseIsSeeded() {
        Objective ring = Landscapes.ring();
        double[] x0 = {0.1, 0.05};
        double[][] plain = Variations.noisySam(ring, x0, 1.5, 0.05, 0, 7, 50);
        Trajectory sam = Trajectory.run(SamMap.sam(ring, 1.5), x0, 0.05, 50);
        for (int k = 0; k < sam.points().length; k++) assertArrayEquals(sam.points()[k], plain[k], 1e-15);

        double[][] noisy = Variations.noisySam(ring, x0, 1.5, 0.05, 0.5, 7, 3);
        assertArrayEquals(noisy[3], Variations.noisySam(ring, x0, 1.5, 0.05, 0.5, 7, 3)[3], 0);
        // the first step by hand: the same ξ at x and at x⁺
        Random r = new Random(7);
        double[] xi = {0.5 * r.nextGaussian(), 0.5 * r.nextGaussian()};
        double[] g = ring.gradient(x0);
        double gx = g[0] + xi[0], gy = g[1] + xi[1], n = Math.hypot(gx, gy);
        double[] gp = ring.gradient(new double[] {x0[0] + 1.5 * gx / n, x0[1] + 1.5 * gy / n});
        assertArrayEquals(new double[] {x0[0] - 0.05 * (gp[0] + xi[0]), x0[1] - 0.05 * (gp[1] + xi[1])}, noisy[1], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Variations.noisySam(ring, x0, 1.5, 0.05, -1, 7, 3));
    }

    @Test
    void ridgeGradientAndHessianMatchFiniteDifferences() {
        Objective ridge = Variations.ridge();
        for (double[] x : new double[][] {{0.3, 2}, {-1.2, -0.7}, {0, 5}}) {
            assertArrayEquals(FiniteDifferences.gradientFromValue(ridge, x), ridge.gradient(x), 1e-6);
            double[][] h = FiniteDifferences.hessianFromGradient(ridge, x);
            for (int i = 0; i < 2; i++) assertArrayEquals(h[i], ridge.hessian(x)[i], 1e-5);
        }
        assertEquals(1, ridge.value(new double[] {0, 3}), 0);
        assertEquals(0, ridge.value(new double[] {-1, 3}), 0);
    }

    @Test
    void infiniteRhoOrNoiseIsRefusedByName() {
        Objective ring = Landscapes.ring();
        double[] x0 = {0.9, 0.1};
        var e = assertThrows(IllegalArgumentException.class, () -> Variations.noisySam(ring, x0, Double.POSITIVE_INFINITY, 0.05, 0, 7, 3));
        assertTrue(e.getMessage().contains("rho = Infinity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Variations.noisySam(ring, x0, 1.5, 0.05, Double.POSITIVE_INFINITY, 7, 3));
        assertTrue(e.getMessage().contains("sigma = Infinity"), e.getMessage());
    }
}
