package samlab.course;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import samlab.landscape.AttractionRegion;
import samlab.landscape.BasinConfig;
import samlab.landscape.BasinMap;
import samlab.landscape.Landscapes;
import samlab.landscape.SamMap;
import samlab.landscape.Trajectory;
import samlab.plot.FigureCatalog;
import samlab.progress.ProgressSink;

class CourseFiguresTest {
    @Test
    void catalogIsRegisteredWithEveryNotebookFigure() {
        Set<String> names = FigureCatalog.all(ProgressSink.silent()).keySet();
        for (String n : List.of("sharp-flat-paths", "anisotropic-mismatch", "quartic-bifurcation", "quartic-usam-bifurcation",
                "ring-f", "ring-fsam", "ring-field", "ring-figure1", "bent-ring-f", "bent-ring-fsam", "bent-ring-field", "bent-ring-figure1",
                "ring-basins", "ring-basins-small-rho", "ring-end-loss-small-rho", "anisotropic-basins", "anisotropic-eta-rho")) {
            assertTrue(names.contains(n), n);
        }
    }

    @Test
    void sharpFlatRunsEndInDifferentMinima() {
        List<Trajectory> runs = CourseFigures.sharpFlatRuns();
        double[] gd = runs.get(0).last();
        double[] sam = runs.get(1).last();
        assertEquals(Trajectory.State.CONVERGED, runs.get(0).state());
        // GD stops where ∇f = 0, in the sharp well (|x| < 0.1)
        double[] g = Landscapes.sharpFlat().gradient(gd);
        assertEquals(0, Math.hypot(g[0], g[1]), 1e-7); // stop rule: η‖∇f‖ ≤ 1e-10
        assertTrue(Math.abs(gd[0]) < 0.1 && Math.abs(gd[1]) < 1e-6, "GD end " + gd[0] + "," + gd[1]);
        // SAM ends within ρ of the flat minimum near (2, 0)
        assertTrue(Math.hypot(sam[0] - 2, sam[1]) < 0.1, "SAM end " + sam[0] + "," + sam[1]);
    }

    @Test
    void regionCellsArePaintedByExistenceAndAttraction() {
        AttractionRegion r = new AttractionRegion(List.of(
                new AttractionRegion.Cell(0.1, 0.5, 0, 0, Double.NaN), new AttractionRegion.Cell(0.3, 0.5, 0, 0, Double.NaN),
                new AttractionRegion.Cell(0.1, 1.5, 2, 2, 0.2), new AttractionRegion.Cell(0.3, 1.5, 2, 0, 1.4)));
        int[][] o = CourseFigures.regionOutcome(r);
        assertArrayEquals(new int[] {0, 0}, o[0]);
        assertArrayEquals(new int[] {2, 1}, o[1]);
    }

    @Test
    void endLossLabelsEachStartByTheLossWhereItIs() {
        // one step of size 1e-12 leaves every start where it is: f = 1 at the centre and the corners
        // ((‖x‖² − 1)² with ‖x‖² = 0 or 2), f = 0 at the edge midpoints (on the unit circle)
        BasinsByKind b = CourseFigures.endLoss(SamMap.sam(Landscapes.ring(), 0.5), BasinConfig.square(1, 3, 1e-12, 1), ProgressSink.silent());
        assertEquals(CourseFigures.END_LOSS_LABELS, b.labels());
        assertArrayEquals(new int[] {1, 0, 1}, b.outcome()[0]);
        assertArrayEquals(new int[] {0, 1, 0}, b.outcome()[1]);
        assertArrayEquals(new int[] {1, 0, 1}, b.outcome()[2]);
        assertArrayEquals(new double[] {-1, 0, 1}, b.xs(), 0);
    }

    @Test
    void basinsAreMergedByKind() {
        List<String> own = List.of("critical (1, 0)", "critical (-1, 0)", "hallucinated_minimizer (0.5, 0)",
                "hallucinated_minimizer set", BasinMap.UNMATCHED, BasinMap.DIVERGED, BasinMap.NOT_CONVERGED);
        BasinMap m = new BasinMap(new double[] {0, 1, 2}, new double[] {0, 1}, new int[][] {{0, 1, 2}, {3, 5, -1}}, own, 0, 0);
        BasinsByKind b = BasinsByKind.of(m);
        assertEquals(List.of("critical", "hallucinated_minimizer", BasinMap.UNMATCHED, BasinMap.DIVERGED, BasinMap.NOT_CONVERGED), b.labels());
        assertArrayEquals(new int[] {0, 0, 1}, b.outcome()[0]);
        assertArrayEquals(new int[] {1, 3, -1}, b.outcome()[1]);
        assertEquals(2.0 / 5, b.fraction("critical"), 1e-15);
        assertEquals(0, b.fraction("hallucinated_other"), 0);
        assertEquals("diverged", b.outcomeNear(1.1, 0.9));
    }
}
