package samlab.plot;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import samlab.landscape.Objective;

class ContourLevelsTest {

    @Test
    void quantilesOfUniformlySpreadValuesAreEvenlySpaced() {
        // f = x on 101 equally spaced x: the sorted values are 0, 0.01, …, 1, so the k/(n+1) quantile is k/(n+1)
        SampledGrid g = SampledGrid.sample((x, y) -> x, 0, 1, 101, 0, 1, 3);
        double[] q = ContourLevels.quantiles(g, 4);
        assertArrayEquals(new double[] {0.2, 0.4, 0.6, 0.8}, q, 1e-12);
    }

    @Test
    void logSpacedOffsetsFromTheMinimumAreGeometric() {
        SampledGrid g = SampledGrid.sample((x, y) -> 3 + x * x, 0, 10, 11, 0, 1, 2); // min 3, span 100
        double[] l = ContourLevels.logSpaced(g, 5, 4);
        assertEquals(3 + 100e-4, l[0], 1e-12);
        for (int k = 1; k + 1 < l.length; k++) assertEquals(10, (l[k] - 3) / (l[k - 1] - 3), 1e-9);
        assertTrue(l[4] < 103 && l[4] > 102.99);
    }

    @Test
    void linearAndGivenLevels() {
        assertArrayEquals(new double[] {0, 0.5, 1}, ContourLevels.linear(0, 1, 3), 0);
        assertThrows(IllegalArgumentException.class, () -> ContourLevels.given(1, 1));
        assertThrows(IllegalArgumentException.class, () -> ContourLevels.given(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ContourLevels.linear(0, 1, 0));
    }

    @Test
    void gridSamplesAnObjectiveAtItsNodes() {
        Objective bowl = Objective.of("bowl", 2, x -> x[0] * x[0] + 2 * x[1], (x, out) -> {});
        SampledGrid g = SampledGrid.sample(bowl, -1, 1, 5, 0, 2, 3);
        assertEquals(-0.5, g.xs()[1], 0);
        assertEquals(0.25 + 2 * 1, g.values()[1][1], 1e-15);
        assertEquals(0, g.min(), 0);
        assertEquals(1 + 4, g.max(), 0);
        Objective line = Objective.of("line", 1, x -> x[0], (x, out) -> {});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampledGrid.sample(line, 0, 1, 2, 0, 1, 2));
        assertTrue(e.getMessage().contains("dimension 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SampledGrid(new double[] {0, 0}, new double[] {0, 1}, new double[2][2]));
    }
}
