package samlab.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EigenvaluesTest {
    @Test
    void symmetricMatchesKnownSpectra() {
        assertArrayEquals(new double[] {1, 3}, Eigenvalues.symmetric(new double[][] {{2, 1}, {1, 2}}), 1e-14);
        // 3×3 with eigenvalues 2 − √2, 2, 2 + √2
        double[] ev = Eigenvalues.symmetric(new double[][] {{2, -1, 0}, {-1, 2, -1}, {0, -1, 2}});
        assertArrayEquals(new double[] {2 - Math.sqrt(2), 2, 2 + Math.sqrt(2)}, ev, 1e-13);
    }

    @Test
    void generalFindsComplexPairs() {
        // rotation by θ scaled by 0.9: eigenvalues 0.9 e^{±iθ}
        double t = 0.7;
        double[][] r = {{0.9 * Math.cos(t), -0.9 * Math.sin(t)}, {0.9 * Math.sin(t), 0.9 * Math.cos(t)}};
        assertEquals(0.9, Eigenvalues.spectralRadius(r), 1e-14);
        // 3×3 block: the rotation plus 0.5 on the diagonal, conjugated by a non-orthogonal matrix
        double[][] b = {{0.9 * Math.cos(t), -0.9 * Math.sin(t), 0}, {0.9 * Math.sin(t), 0.9 * Math.cos(t), 0}, {0, 0, -0.5}};
        double[][] p = {{1, 2, 0}, {0, 1, 3}, {1, 0, 1}};
        double[][] pinv = inverse3(p);
        double[][] m = SamMap.multiply(SamMap.multiply(p, b), pinv);
        double[][] ev = Eigenvalues.general(m);
        double[] mods = new double[3];
        for (int i = 0; i < 3; i++) mods[i] = Math.hypot(ev[0][i], ev[1][i]);
        Arrays.sort(mods);
        assertArrayEquals(new double[] {0.5, 0.9, 0.9}, mods, 1e-10);
        assertEquals(0.9, Eigenvalues.spectralRadius(m), 1e-10);
    }

    static double[][] inverse3(double[][] a) {
        double[][] inv = new double[3][3];
        double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int r1 = (j + 1) % 3, r2 = (j + 2) % 3, c1 = (i + 1) % 3, c2 = (i + 2) % 3;
                inv[i][j] = (a[r1][c1] * a[r2][c2] - a[r1][c2] * a[r2][c1]) / det;
            }
        }
        return inv;
    }
}
