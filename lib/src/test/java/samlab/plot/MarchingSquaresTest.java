package samlab.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarchingSquaresTest {

    @Test
    void levelSetOfTheBowlIsTheCircleOfRadiusR() {
        double r = 1.3;
        double h = 0.05; // grid spacing
        SampledGrid g = SampledGrid.sample((x, y) -> x * x + y * y, -2, 2, 81, -2, 2, 81);
        List<Polyline> lines = MarchingSquares.levelSet(g, r * r);
        assertEquals(1, lines.size(), "one closed curve");
        Polyline c = lines.get(0);
        assertTrue(c.isClosed());
        assertTrue(c.size() > 100, "about 2πr/h crossings, got " + c.size());
        // linear interpolation of r² along an edge errs by at most h²/(4·2r) in radius
        for (int i = 0; i < c.size(); i++) {
            assertEquals(r, Math.hypot(c.x()[i], c.y()[i]), h * h / (8 * r) + 1e-12);
        }
        // the enclosed area (shoelace) is πr² up to the polygon's chord error
        double area = 0;
        for (int i = 0; i + 1 < c.size(); i++) area += c.x()[i] * c.y()[i + 1] - c.x()[i + 1] * c.y()[i];
        assertEquals(Math.PI * r * r, Math.abs(area) / 2, 0.01);
    }

    @Test
    void levelSetOfALinearFunctionIsAStraightOpenLineAcrossTheGrid() {
        SampledGrid g = SampledGrid.sample((x, y) -> 2 * x - y, 0, 1, 11, 0, 1, 11);
        List<Polyline> lines = MarchingSquares.levelSet(g, 0.5);
        assertEquals(1, lines.size());
        Polyline p = lines.get(0);
        assertFalse(p.isClosed());
        for (int i = 0; i < p.size(); i++) assertEquals(0.5, 2 * p.x()[i] - p.y()[i], 1e-12); // exact for linear f
        double yMin = java.util.Arrays.stream(p.y()).min().orElseThrow();
        double yMax = java.util.Arrays.stream(p.y()).max().orElseThrow();
        assertEquals(0, yMin, 1e-12); // x = 0.25 at the bottom edge
        assertEquals(1, yMax, 1e-12); // x = 0.75 at the top edge
    }

    @Test
    void saddleGivesTwoSeparateHyperbolaBranches() {
        SampledGrid g = SampledGrid.sample((x, y) -> x * y, -1, 1, 41, -1, 1, 41);
        List<Polyline> lines = MarchingSquares.levelSet(g, 0.25);
        assertEquals(2, lines.size(), "the branches in quadrants I and III");
        for (Polyline p : lines) {
            assertFalse(p.isClosed());
            double sign = Math.signum(p.x()[0]);
            for (int i = 0; i < p.size(); i++) {
                assertEquals(sign, Math.signum(p.x()[i]));
                assertEquals(0.25, p.x()[i] * p.y()[i], 0.05 * 0.05 / 2);
            }
        }
    }

    @Test
    void levelOutsideTheRangeHasNoLinesAndNaNCellsAreSkipped() {
        SampledGrid g = SampledGrid.sample((x, y) -> x * x + y * y, -1, 1, 21, -1, 1, 21);
        assertTrue(MarchingSquares.levelSet(g, 5).isEmpty());
        SampledGrid holed = SampledGrid.sample((x, y) -> x > 0 ? Double.NaN : x, -1, 1, 21, -1, 1, 21);
        for (Polyline p : MarchingSquares.levelSet(holed, -0.45)) {
            for (double x : p.x()) assertEquals(-0.45, x, 1e-12);
        }
        assertTrue(MarchingSquares.levelSet(holed, 0.5).isEmpty(), "no finite value reaches 0.5");
        assertThrows(IllegalArgumentException.class, () -> MarchingSquares.levelSet(g, Double.NaN));
    }

    @Test
    void contourSetTracesEveryLevel() {
        SampledGrid g = SampledGrid.sample((x, y) -> x * x + y * y, -2, 2, 41, -2, 2, 41);
        ContourSet set = ContourSet.of(g, new double[] {0.25, 1, 2.25});
        for (int k = 0; k < 3; k++) {
            double r = Math.sqrt(set.levels()[k]);
            Polyline c = set.lines().get(k).get(0);
            for (int i = 0; i < c.size(); i++) assertEquals(r, Math.hypot(c.x()[i], c.y()[i]), 0.01);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContourSet.of(g, new double[] {1, 0.5}));
        assertTrue(e.getMessage().contains("increasing"), e.getMessage());
    }
}
