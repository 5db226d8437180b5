package samlab.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one grid rule: NumPy's linspace, including n = 1. */
class GridTest {
    @Test
    void evenlySpacedWithBothEnds() {
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Grid.linspace(0, 1, 5), 0);
        assertArrayEquals(new double[] {-1.5, 0, 1.5}, Grid.linspace(-1.5, 1.5, 3), 0);
        assertArrayEquals(new double[] {2, 1, 0}, Grid.linspace(2, 0, 3), 0);
        assertArrayEquals(new double[] {0.7, 0.7}, Grid.linspace(0.7, 0.7, 2), 0);
    }

    @Test
    void oneValueIsTheFirstLikeNumpy() {
        // numpy.linspace(0.5, 1.9, 1) == [0.5]; never the midpoint 1.2
        assertArrayEquals(new double[] {0.5}, Grid.linspace(0.5, 1.9, 1), 0);
        assertArrayEquals(new double[] {-2}, Grid.linspace(-2, 2, 1), 0);
    }

    @Test
    void lastValueIsExactlyTheEnd() {
        // 0.05 + 2.45·245/245 need not round to 2.5; the grid's last value must be the end itself
        double[] a = Grid.linspace(0.05, 2.5, 246);
        assertEquals(2.5, a[245], 0);
        assertEquals(0.05 + 2.45 * 100 / 245, a[100], 0);
        double[] b = Grid.linspace(0.1, 0.7, 7);
        assertEquals(0.7, b[6], 0);
        for (int i = 1; i < b.length; i++) assertEquals(0.1, b[i] - b[i - 1], 1e-15);
    }

    @Test
    void rejectsEmptyAndNonFinite() {
        assertEquals("n = 0; allowed: >= 1",
                assertThrows(IllegalArgumentException.class, () -> Grid.linspace(0, 1, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Grid.linspace(Double.NaN, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> Grid.linspace(0, Double.POSITIVE_INFINITY, 3));
    }
}
