package samlab.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The SAM map, its surrogate and its analytic Jacobian against finite differences of T. */
class SamMapTest {

    /** DT by central differences of T. */
    static double[][] jacobianByDifferences(SamMap map, double[] x, double eta) {
        int d = x.length;
        double[][] j = new double[d][d];
        double h = 1e-6;
        for (int c = 0; c < d; c++) {
            double[] xp = x.clone(), xm = x.clone();
            xp[c] += h;
            xm[c] -= h;
            double[] tp = map.step(xp, eta), tm = map.step(xm, eta);
            for (int r = 0; r < d; r++) j[r][c] = (tp[r] - tm[r]) / (2 * h);
        }
        return j;
    }

    @Test
    void analyticJacobianMatchesDifferencesForAllVariantsAndLandscapes() {
        SplittableRandom rnd = new SplittableRandom(3);
        double eta = 0.07;
        for (String name : Landscapes.names()) {
            Objective f = Landscapes.create(name);
            for (SamVariant v : SamVariant.values()) {
                SamMap map = new SamMap(f, v.perturbation(v == SamVariant.EPS ? 0.05 : SamMap.DEFAULT_EPS), 0.3);
                for (int k = 0; k < 20; k++) {
                    double[] x = new double[f.dimension()];
                    for (int i = 0; i < x.length; i++) x[i] = rnd.nextDouble(-1.6, 1.6);
                    if (SamMap.norm(f.gradient(x)) < 1e-2) continue; // normalised SAM is not smooth near ∇f = 0
                    double[][] a = map.jacobian(x, eta), n = jacobianByDifferences(map, x, eta);
                    for (int r = 0; r < x.length; r++) {
                        for (int c = 0; c < x.length; c++) {
                            assertEquals(n[r][c], a[r][c], 1e-5 * Math.max(1, Math.abs(n[r][c])),
                                    name + " " + v + " at " + java.util.Arrays.toString(x));
                        }
                    }
                }
            }
        }
    }

    @Test
    void perturbationDerivativeIsTheHandComputedDuAtTheAnisotropicHallucinatedMinimizer() {
        // f = (x² − 1)² + y² at x* = (0.5, 0): g = (−1.5, 0), u = (−1, 0), H = diag(−1, 2),
        // Du = (I − uuᵀ)H/‖g‖ = diag(0, 1)·diag(−1, 2)/1.5 = diag(0, 2/1.5) (notebook 04, claim 3)
        SamMap map = SamMap.sam(Landscapes.anisotropic(1), 1.5);
        double[][] du = map.perturbationDerivative(new double[] {0.5, 0});
        assertEquals(0, du[0][0], 1e-15);
        assertEquals(0, du[0][1], 1e-15);
        assertEquals(0, du[1][0], 1e-15);
        assertEquals(2 / 1.5, du[1][1], 1e-15);
        double[][] jx = map.perturbationJacobian(new double[] {0.5, 0});
        assertEquals(1 + 1.5 * 2 / 1.5, jx[1][1], 1e-15);
        assertEquals(1, jx[0][0], 1e-15);
    }

    @Test
    void perturbationDerivativeMatchesDifferencesOfTheDirection() {
        // v(x) = (x⁺ − x)/ρ, differentiated by central differences, for every variant and landscape
        SplittableRandom rnd = new SplittableRandom(5);
        double rho = 0.3, h = 1e-6;
        for (String name : Landscapes.names()) {
            Objective f = Landscapes.create(name);
            for (SamVariant v : SamVariant.values()) {
                SamMap map = new SamMap(f, v.perturbation(v == SamVariant.EPS ? 0.05 : SamMap.DEFAULT_EPS), rho);
                for (int k = 0; k < 10; k++) {
                    double[] x = new double[f.dimension()];
                    for (int i = 0; i < x.length; i++) x[i] = rnd.nextDouble(-1.6, 1.6);
                    if (SamMap.norm(f.gradient(x)) < 1e-2) continue; // normalised SAM is not smooth near ∇f = 0
                    double[][] a = map.perturbationDerivative(x);
                    for (int c = 0; c < x.length; c++) {
                        double[] xp = x.clone(), xm = x.clone();
                        xp[c] += h;
                        xm[c] -= h;
                        double[] pp = map.perturbed(xp), pm = map.perturbed(xm);
                        for (int r = 0; r < x.length; r++) {
                            double n = ((pp[r] - xp[r]) - (pm[r] - xm[r])) / (2 * h * rho);
                            assertEquals(n, a[r][c], 1e-5 * Math.max(1, Math.abs(n)), name + " " + v + " at " + java.util.Arrays.toString(x));
                        }
                    }
                }
            }
        }
    }

    @Test
    void stepIsOneHandComputedSamStep() {
        // ring at (0.3, 0.4): ‖x‖ = 0.5, g = 4(0.25 − 1)x = −3x, u = −x/0.5, x⁺ = x − 0.2·x/0.5 = 0.6x
        SamMap map = SamMap.sam(Landscapes.ring(), 0.2);
        double[] x = {0.3, 0.4};
        double[] plus = map.perturbed(x);
        assertEquals(0.18, plus[0], 1e-15);
        assertEquals(0.24, plus[1], 1e-15);
        // ‖x⁺‖² = 0.09, g(x⁺) = 4(0.09 − 1)x⁺ = −3.64 x⁺
        double[] t = map.step(x, 0.1);
        assertEquals(0.3 + 0.1 * 3.64 * 0.18, t[0], 1e-15);
        assertEquals(0.4 + 0.1 * 3.64 * 0.24, t[1], 1e-15);
        assertEquals(Math.pow(0.09 - 1, 2), map.surrogate(x), 1e-15);
        // USAM: x⁺ = x + ρ g = x − 0.6x = 0.4x
        double[] up = new SamMap(Landscapes.ring(), SamVariant.USAM.perturbation(0), 0.2).perturbed(x);
        assertEquals(0.12, up[0], 1e-15);
        // ε-SAM: x⁺ = x + ρ g/(‖g‖ + ε), ‖g‖ = 1.5
        double[] ep = new SamMap(Landscapes.ring(), SamVariant.EPS.perturbation(0.5), 0.2).perturbed(x);
        assertEquals(0.3 - 0.2 * 0.9 / 2.0, ep[0], 1e-15);
    }

    @Test
    void stepDoesNotAllocate() {
        SamMap map = SamMap.sam(Landscapes.ring(), 1.5);
        SamMap.Workspace ws = map.workspace();
        double[] x = {0.1, 0.2};
        for (int i = 0; i < 20_000; i++) map.step(x, 0.01, x, ws); // warm up the JIT
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 100_000; i++) map.step(x, 0.01, x, ws);
        long after = bean.getThreadAllocatedBytes(tid);
        assertTrue(after - before < 10_000, "allocated " + (after - before) + " bytes in 100000 steps");
    }

    @Test
    void invalidRhoEtaEpsAreRejectedWithTheValue() {
        Objective f = Landscapes.ring();
        var e = assertThrows(IllegalArgumentException.class, () -> SamMap.sam(f, 0));
        assertTrue(e.getMessage().contains("rho = 0.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SamMap.sam(f, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new SamMap(f, SamVariant.EPS.perturbation(-1), 1));
        var e2 = assertThrows(IllegalArgumentException.class, () -> SamMap.checkEta(-0.1));
        assertTrue(e2.getMessage().contains("eta = -0.1"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> SamVariant.parse("asam"));
        assertTrue(e3.getMessage().contains("sam, eps, usam"), e3.getMessage());
    }
}
