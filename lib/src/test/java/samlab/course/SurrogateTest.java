package samlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import samlab.landscape.Landscapes;
import samlab.landscape.Objective;
import samlab.landscape.SamMap;

class SurrogateTest {
    /** Central differences of f^SAM(x) = f(x⁺), computed from values only. */
    private static double[] numericGradient(SamMap map, double[] x) {
        double h = 1e-6;
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] a = x.clone(), b = x.clone();
            a[i] += h;
            b[i] -= h;
            out[i] = (map.surrogate(a) - map.surrogate(b)) / (2 * h);
        }
        return out;
    }

    @Test
    void gradientMatchesFiniteDifferencesOfTheSurrogate() {
        for (Objective f : new Objective[] {Landscapes.anisotropic(1), Landscapes.ring(), Landscapes.bentRing(1.5, 0.5)}) {
            SamMap map = SamMap.sam(f, 0.5);
            for (double[] x : new double[][] {{0.7, 0.4}, {-1.3, 0.2}, {0.3, -0.9}}) {
                double[] exact = Surrogate.gradient(map, x);
                double[] fd = numericGradient(map, x);
                for (int i = 0; i < 2; i++) {
                    assertEquals(fd[i], exact[i], 1e-5 * (1 + Math.abs(fd[i])), f.name() + " at " + x[0] + "," + x[1]);
                }
            }
        }
    }

    @Test
    void samDirectionDiffersFromTheSurrogateGradientAwayFromRestPoints() {
        SamMap map = SamMap.sam(Landscapes.anisotropic(1), 0.5);
        // at (0.7, 0.4): g = (4·0.7·(0.49 − 1), 0.8) = (−1.428, 0.8) is not an eigenvector of H, so Dv ≠ 0 mixes the axes
        assertTrue(Surrogate.mismatchDegrees(map, new double[] {0.7, 0.4}) > 1);
        // on the x-axis both directions are horizontal
        assertEquals(0, Surrogate.mismatchDegrees(map, new double[] {0.7, 0}), 1e-6);
    }

    @Test
    void atAHallucinatedRestPointBothVanish() {
        // quartic-like x-direction: x* = (ρ − 1, 0) = (0.5, 0) for ρ = 1.5 (theory note, example 3)
        SamMap map = SamMap.sam(Landscapes.anisotropic(1), 1.5);
        double[] g = Surrogate.gradient(map, new double[] {0.5, 0});
        assertEquals(0, g[0], 1e-12);
        assertEquals(0, g[1], 1e-12);
    }

    @Test
    void surrogateObjectiveDescendsTheSurrogateNotTheSamField() {
        SamMap map = SamMap.sam(Landscapes.anisotropic(1), 0.5);
        Objective fs = Surrogate.objective(map);
        double[] x = {0.7, 0.4};
        assertEquals(map.surrogate(x), fs.value(x), 0);
        double[] exact = fs.gradient(x), fd = numericGradient(map, x);
        for (int i = 0; i < 2; i++) assertEquals(fd[i], exact[i], 1e-5 * (1 + Math.abs(fd[i])));
        // quartic at rho = 1.5: on (0, 1) f^SAM(x) = f(x - 1.5), so d/dx = f'(x - 1.5); at 0.3: f'(-1.2) = 4(-1.2)(1.44 - 1)
        Objective q = Surrogate.objective(SamMap.sam(Landscapes.quartic(), 1.5));
        assertEquals(4 * -1.2 * (1.44 - 1), q.gradient(new double[] {0.3})[0], 1e-12);
    }
}
