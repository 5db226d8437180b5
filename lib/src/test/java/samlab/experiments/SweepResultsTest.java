package samlab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class SweepResultsTest {
    private static final double NAN = Double.NaN;

    /** Epoch table with diagnostics every other epoch (NaN in between), like the trainer's. */
    private static Table run(double rho, boolean[] sam, double[] loss, double[] g, double[] gp) {
        int n = loss.length;
        double[] ratio = new double[n];
        double[] rhos = new double[n];
        int[] epoch = new int[n];
        for (int i = 0; i < n; i++) {
            ratio[i] = gp[i] / g[i];
            rhos[i] = rho;
            epoch[i] = i;
        }
        return Table.create("r", IntColumn.create("epoch", epoch), DoubleColumn.create("train_loss", loss),
                DoubleColumn.create("test_accuracy", new double[n]).set(n - 1, 0.5), BooleanColumn.create("sam_active", sam),
                DoubleColumn.create("rho", rhos), DoubleColumn.create("grad_norm", g),
                DoubleColumn.create("grad_norm_perturbed", gp), DoubleColumn.create("grad_ratio", ratio));
    }

    private static Map<String, Table> twoRuns() {
        Map<String, Table> m = new LinkedHashMap<>();
        // stalls: loss plateaus at 2.2, |grad L(w)| stays 0.3 while |grad L(w+)| falls to 0.006
        m.put("sam-rho10.0-seed1", run(10, new boolean[] {true, true, true, true},
                new double[] {2.3, 2.25, 2.21, 2.2}, new double[] {1, NAN, 0.3, 0.3}, new double[] {5, NAN, 0.1, 0.006}));
        // warm-started (2 of 4 epochs plain) and still moving
        m.put("sam-rho0.5-seed1", run(0.5, new boolean[] {false, false, true, true},
                new double[] {2.3, 1.0, 0.5, 0.4}, new double[] {1, NAN, 0.5, 0.4}, new double[] {1.1, NAN, 0.6, 0.44}));
        return m;
    }

    @Test
    void summaryHasFinalNumbersWarmFractionAndVerdict() {
        Table s = SweepResults.of(twoRuns()).summary();
        assertEquals(List.of("sam-rho10.0-seed1", "sam-rho0.5-seed1"), s.stringColumn("run").asList());
        assertEquals("sam", s.stringColumn("optimizer").get(0));
        assertEquals(2.2, s.doubleColumn("final_train_loss").get(0), 1e-12);
        assertEquals(0.4, s.doubleColumn("min_train_loss").get(1), 1e-12);
        assertEquals(0.02, s.doubleColumn("grad_ratio").get(0), 1e-12);
        assertEquals(1.1, s.doubleColumn("grad_ratio").get(1), 1e-12);
        assertEquals(0.0, s.doubleColumn("warm_fraction").get(0), 1e-12);
        assertEquals(0.5, s.doubleColumn("warm_fraction").get(1), 1e-12);
        assertEquals(0.5, s.doubleColumn("final_test_accuracy").get(0), 1e-12);
        assertEquals("HALLUCINATED", s.stringColumn("verdict").get(0));
        assertEquals("NOT_AT_REST", s.stringColumn("verdict").get(1));
    }

    @Test
    void curvesKeepOnlyEpochsWhereEveryRunHasAValue() {
        Table c = SweepResults.of(twoRuns()).curves("grad_norm_perturbed");
        assertEquals(List.of("epoch", "sam-rho10.0-seed1", "sam-rho0.5-seed1"), c.columnNames());
        assertEquals(3, c.rowCount());
        assertEquals(List.of(0.0, 2.0, 3.0), c.doubleColumn("epoch").asList());
        assertEquals(0.006, c.doubleColumn("sam-rho10.0-seed1").get(2), 1e-12);
    }

    @Test
    void loadReadsRunTablesAndSkipsStepsAndSummary(@TempDir Path dir) throws Exception {
        for (var e : twoRuns().entrySet()) e.getValue().write().csv(dir.resolve(e.getKey() + ".csv").toFile());
        Files.writeString(dir.resolve("sam-rho10.0-seed1-steps.csv"), "iteration,loss\n0,1\n");
        Files.writeString(dir.resolve("summary.csv"), "run\nx\n");
        SweepResults r = SweepResults.load(dir);
        // ordered by rho as a number
        assertEquals(List.of("sam-rho0.5-seed1", "sam-rho10.0-seed1"), r.names());
        Table s = r.summary();
        assertEquals("HALLUCINATED", s.stringColumn("verdict").get(1));
        assertEquals(0.5, s.doubleColumn("warm_fraction").get(0), 1e-12);
        assertEquals(1, r.filter(n -> n.contains("rho10")).names().size());
    }

    @Test
    void runsAreOrderedByOptimizerThenRhoAsANumber() {
        List<String> files = new java.util.ArrayList<>(List.of("sam-rho10.0-seed1.csv", "sgd-rho0.0-seed1.csv", "sam-rho2.0-seed1.csv",
                "sam-rho0.05-seed1.csv"));
        files.sort(java.util.Comparator.comparing(SweepResults::runOrder));
        assertEquals(List.of("sam-rho0.05-seed1.csv", "sam-rho2.0-seed1.csv", "sam-rho10.0-seed1.csv", "sgd-rho0.0-seed1.csv"), files);
    }

    @Test
    void badInputIsNamed(@TempDir Path dir) throws Exception {
        var e = assertThrows(IllegalArgumentException.class, () -> SweepResults.load(dir));
        assertTrue(e.getMessage().contains("no run tables"));
        Files.writeString(dir.resolve("x.csv"), "epoch,train_loss\n0,1\n");
        e = assertThrows(IllegalArgumentException.class, () -> SweepResults.load(dir));
        assertTrue(e.getMessage().contains("x.csv") && e.getMessage().contains("grad_norm"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SweepResults.of(twoRuns()).curves("nope"));
        assertTrue(e.getMessage().contains("nope"));
        assertThrows(IllegalArgumentException.class, () -> ResultsDirectory.locate(dir));
    }
}
