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

/** Arms, seed statistics and the mechanism columns of the study's summaries. */
class StudyTablesTest {
    private static final double NAN = Double.NaN;

    /** A full-batch run: SAM from epoch {@code on}, ‖∇L(w⁺)‖ = c·q^t, active fraction at w⁺ fixed. */
    static Table run(double rho, int epochs, int on, double q, double activePlus, double accuracy, double lambda0) {
        int[] epoch = new int[epochs];
        double[] iteration = new double[epochs];
        double[] loss = new double[epochs];
        double[] acc = new double[epochs];
        boolean[] sam = new boolean[epochs];
        double[] rhos = new double[epochs];
        double[] lr = new double[epochs];
        double[] g = new double[epochs];
        double[] gp = new double[epochs];
        double[] ratio = new double[epochs];
        double[] wn = new double[epochs];
        double[] ap = new double[epochs];
        double[] lam = new double[epochs];
        double[] lamPlus = new double[epochs];
        for (int i = 0; i < epochs; i++) {
            epoch[i] = i;
            iteration[i] = i + 1;
            loss[i] = 2.0 - 0.01 * i;
            acc[i] = accuracy;
            sam[i] = i >= on;
            rhos[i] = i >= on ? rho : 0;
            lr[i] = 0.05;
            g[i] = 0.3;
            gp[i] = 0.3 * Math.pow(q, i + 1);
            ratio[i] = gp[i] / g[i];
            wn[i] = 24 + i;
            ap[i] = activePlus;
            lam[i] = i == 0 ? lambda0 : i == epochs - 1 ? 7.0 : NAN;
            lamPlus[i] = i == epochs - 1 ? 3.0 : NAN;
        }
        return Table.create("r", IntColumn.create("epoch", epoch), DoubleColumn.create("iteration", iteration),
                DoubleColumn.create("train_loss", loss), DoubleColumn.create("test_accuracy", acc),
                DoubleColumn.create("lr", lr), DoubleColumn.create("rho", rhos), BooleanColumn.create("sam_active", sam),
                DoubleColumn.create("grad_norm", g), DoubleColumn.create("grad_norm_perturbed", gp),
                DoubleColumn.create("grad_ratio", ratio), DoubleColumn.create("weight_norm", wn),
                DoubleColumn.create("active_fraction_perturbed", ap), DoubleColumn.create("lambda_max", lam),
                DoubleColumn.create("lambda_max_perturbed", lamPlus));
    }

    private static Arms arms() {
        Map<String, Table> sam = new LinkedHashMap<>();
        sam.put("sam-rho5.0-seed1", run(5, 30, 0, 0.8, 0.3, 0.50, 6.2));   // live, decaying: hallucinated
        sam.put("sam-rho5.0-seed2", run(5, 30, 0, 0.9, 0.0, 0.60, 6.0));   // dead at w+
        Map<String, Table> warm = new LinkedHashMap<>();
        warm.put("sam-rho5.0-seed1", run(5, 30, 3, 1.0, 0.3, 0.80, 6.2));  // |grad L(w+)| not falling: not at rest
        warm.put("sam-rho5.0-seed2", run(5, 30, 3, 1.0, 0.3, 0.70, 6.0));
        Map<String, SweepResults> m = new LinkedHashMap<>();
        m.put("sam", SweepResults.of(sam));
        m.put("warm0.1", SweepResults.of(warm));
        return Arms.of(m);
    }

    @Test
    void summaryCarriesSeedEtaMechanismColumnsAndVerdicts() {
        Table s = arms().summary();
        assertEquals(List.of("sam", "sam", "warm0.1", "warm0.1"), s.stringColumn("arm").asList());
        assertEquals(List.of(1.0, 2.0, 1.0, 2.0), s.doubleColumn("seed").asList());
        assertEquals(0.05, s.doubleColumn("eta").get(0), 1e-12);
        assertEquals(5.0, s.doubleColumn("rho").get(2), 1e-12); // from the name, although the table's first rows have rho 0
        assertEquals(6.2, s.doubleColumn("lambda_max_first").get(0), 1e-12);
        assertEquals(0.05 * 6.2, s.doubleColumn("eta_lambda_max_first").get(0), 1e-12);
        assertEquals(7.0, s.doubleColumn("lambda_max").get(0), 1e-12);
        assertEquals(3.0, s.doubleColumn("lambda_max_perturbed").get(0), 1e-12);
        assertEquals(53, s.doubleColumn("weight_norm").get(0), 1e-12);
        assertEquals(0.8, s.doubleColumn("decay_rate").get(0), 1e-9);
        assertEquals(List.of("HALLUCINATED", "DEAD_PLATEAU", "NOT_AT_REST", "NOT_AT_REST"), s.stringColumn("verdict").asList());
    }

    @Test
    void seedStatsGiveMeanSdAndEverySeed() {
        Table st = SeedStats.of(arms().summary(), "final_test_accuracy", "arm", "rho");
        assertEquals(2, st.rowCount());
        assertEquals(0.55, SeedStats.get(st, "mean", "sam", "5.0"), 1e-12);
        assertEquals(Math.sqrt(0.005), SeedStats.get(st, "sd", "sam", "5.0"), 1e-12); // (0.05² + 0.05²)/1
        assertEquals(0.75, SeedStats.get(st, "mean", "warm0.1", "5.0"), 1e-12);
        assertEquals(2, SeedStats.get(st, "n", "warm0.1", "5.0"));
        assertEquals("s1 0.800, s2 0.700", st.stringColumn("per_seed").get(1));
        assertThrows(IllegalArgumentException.class, () -> SeedStats.get(st, "mean", "gd", "5.0"));
        assertThrows(IllegalArgumentException.class, () -> SeedStats.of(arms().summary(), "nope", "arm"));
    }

    @Test
    void pairedDifferencesMatchSeedsAcrossArms() {
        Table p = SeedStats.paired(arms().summary(), "final_test_accuracy", "sam", "warm0.1", "rho");
        assertEquals(1, p.rowCount());
        assertEquals(0.2, SeedStats.get(p, "mean_difference", "5.0"), 1e-12); // (0.8 − 0.5 + 0.7 − 0.6) / 2
        assertEquals(Math.sqrt(0.02), SeedStats.get(p, "sd_difference", "5.0"), 1e-12);
        assertEquals(2, SeedStats.get(p, "b_higher", "5.0"));
        assertEquals(0, SeedStats.get(p, "b_lower", "5.0"));
        assertEquals("s1 +0.300, s2 +0.100", p.stringColumn("per_seed").get(0));
    }

    @Test
    void pairingRefusesTwoRunsWithOneSeedAndKey() {
        // without the rho key both of sam's runs per seed would pair with one reference run: refused, not overwritten
        Table runs = arms().summary();
        Table twoRhos = runs.copy().append(runs.where(runs.stringColumn("arm").isEqualTo("sam")));
        for (int i = 4; i < 6; i++) twoRhos.doubleColumn("rho").set(i, 2.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeedStats.paired(twoRhos, "final_test_accuracy", "warm0.1", "sam"));
        assertTrue(e.getMessage().contains("arm 'sam' has two runs with seed 1"), e.getMessage());
        assertEquals(1, SeedStats.paired(twoRhos, "final_test_accuracy", "warm0.1", "sam", "rho").rowCount()); // rho 5 only: warm0.1 has no rho 2
    }

    @Test
    void versusReferencePairsEveryKeyWithTheReferenceRunOfTheSameSeed() {
        Table runs = arms().summary();
        Table twoRhos = runs.copy().append(runs.where(runs.stringColumn("arm").isEqualTo("sam")));
        for (int i = 4; i < 6; i++) {
            twoRhos.doubleColumn("rho").set(i, 2.0);
            twoRhos.doubleColumn("final_test_accuracy").set(i, 0.9);
        }
        // reference warm0.1: seed 1 0.80, seed 2 0.70; sam at rho 5: 0.50, 0.60; sam at rho 2: 0.90, 0.90
        Table v = SeedStats.versusReference(twoRhos, "final_test_accuracy", "warm0.1", "sam", "rho");
        assertEquals(2, v.rowCount());
        assertEquals(-0.2, SeedStats.get(v, "mean_difference", "5.0"), 1e-12);   // (−0.3 − 0.1) / 2
        assertEquals(0.15, SeedStats.get(v, "mean_difference", "2.0"), 1e-12);   // (0.1 + 0.2) / 2
        assertEquals(2, SeedStats.get(v, "b_higher", "2.0"));
        assertEquals(2, SeedStats.get(v, "b_lower", "5.0"));
        assertThrows(IllegalArgumentException.class, () -> SeedStats.withEffect(v, -0.05));
        // a misspelt arm is refused, not an empty table
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeedStats.versusReference(twoRhos, "final_test_accuracy", "sgd", "sam", "rho"));
        assertTrue(e.getMessage().contains("no runs of arm 'sgd'; arms: [sam, warm0.1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SeedStats.paired(runs, "final_test_accuracy", "sam", "warm", "rho"));
        assertEquals("s1 -0.300, s2 -0.100", v.stringColumn("per_seed").get(0));
        assertThrows(IllegalArgumentException.class, () -> SeedStats.versusReference(twoRhos, "final_test_accuracy", "sam", "warm0.1", "rho"));
    }

    @Test
    void tallyCountsVerdictsPerKeyMostFrequentFirst() {
        Table runs = arms().summary(); // verdicts: sam HALLUCINATED, DEAD_PLATEAU; warm0.1 NOT_AT_REST x2
        Table t = SeedStats.tally(runs, "verdict", "arm");
        assertEquals(List.of("sam", "warm0.1"), t.stringColumn("arm").asList());
        assertEquals(List.of(2, 2), t.intColumn("n").asList());
        assertEquals(List.of("HALLUCINATED \u00d71, DEAD_PLATEAU \u00d71", "NOT_AT_REST \u00d72"), t.stringColumn("counts").asList());
        Table all = SeedStats.tally(runs, "verdict");
        assertEquals(1, all.rowCount());
        assertEquals("NOT_AT_REST \u00d72, HALLUCINATED \u00d71, DEAD_PLATEAU \u00d71", all.stringColumn("counts").get(0));
        assertThrows(IllegalArgumentException.class, () -> SeedStats.tally(runs, "nope"));
    }

    @Test
    void valuesAtAnEpochForEveryRun() {
        Table v = arms().arm("sam").valuesAt("train_loss", 10);
        assertEquals(List.of(1.0, 2.0), v.doubleColumn("seed").asList());
        assertEquals(1.9, v.doubleColumn("train_loss").get(1), 1e-12);
    }

    @Test
    void aroundSwitchAndValueAtAnEpoch() {
        SweepResults warm = arms().arm("warm0.1");
        Table t = warm.aroundSwitch("sam-rho5.0-seed1", 2, 3);
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0), t.doubleColumn("epoch").asList());
        assertEquals(List.of(false, false, true, true, true, true), t.booleanColumn("sam_active").asList());
        assertEquals(27.0, t.doubleColumn("weight_norm").get(2), 1e-12);
        assertEquals(1.97, warm.at("sam-rho5.0-seed1", "train_loss", 3), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> warm.at("sam-rho5.0-seed1", "train_loss", 99));
    }

    @Test
    void upToCutsEveryRunAtAnEpoch() {
        Table s = arms().arm("sam").upTo(9).summary();
        assertEquals(2.0 - 0.09, s.doubleColumn("final_train_loss").get(0), 1e-12);
        assertTrue(s.doubleColumn("lambda_max_perturbed").isMissing(0), "the last estimate came later");
        assertThrows(IllegalArgumentException.class, () -> arms().arm("sam").upTo(-1));
    }

    @Test
    void switchOnJumpsOfWarmStartedRuns() {
        Table j = arms().arm("warm0.1").switchOnJumps(3);
        assertEquals(2, j.rowCount());
        assertEquals(1.98, j.doubleColumn("loss_before").get(0), 1e-12);     // epoch 2, the last plain one
        assertEquals(1.97, j.doubleColumn("max_loss_after").get(0), 1e-12);  // epochs 3..5: 1.97, 1.96, 1.95
        assertEquals(29.0 / 26.0, j.doubleColumn("weight_norm_growth").get(0), 1e-12);
        assertEquals(0, arms().arm("sam").switchOnJumps(3).rowCount(), "SAM from the start has no switch-on");
    }

    @Test
    void spreadOverRho() {
        Map<String, Table> m = new LinkedHashMap<>();
        m.put("sam-rho1.0-seed1", run(1, 3, 0, 0.9, 0.3, 0.9, 1));
        m.put("sam-rho5.0-seed1", run(5, 3, 0, 0.9, 0.3, 0.4, 1));
        m.put("sam-rho5.0-seed2", run(5, 3, 0, 0.9, 0.3, 0.6, 1));
        Table st = SeedStats.of(SweepResults.of(m).summary(), "final_test_accuracy", "optimizer", "rho");
        Table sp = SeedStats.spread(st, "optimizer", "rho");
        assertEquals(0.9, sp.doubleColumn("best_mean").get(0), 1e-12);
        assertEquals(0.4, sp.doubleColumn("spread").get(0), 1e-12);
        assertEquals(5.0, Double.parseDouble(sp.stringColumn("worst_at").get(0)), 1e-12);
        assertEquals(Math.sqrt(0.02), sp.doubleColumn("largest_sd").get(0), 1e-12);
    }

    @Test
    void effectAndPivot() {
        Table p = SeedStats.withEffect(SeedStats.paired(arms().summary(), "final_test_accuracy", "sam", "warm0.1", "rho"), 0.05);
        assertEquals("B higher", p.stringColumn("effect").get(0));
        assertEquals("no clear effect", SeedStats.withEffect(SeedStats.paired(arms().summary(), "final_test_accuracy", "sam", "warm0.1", "rho"), 0.5)
                .stringColumn("effect").get(0));
        assertEquals("A higher", SeedStats.withEffect(SeedStats.paired(arms().summary(), "final_test_accuracy", "warm0.1", "sam", "rho"), 0.05)
                .stringColumn("effect").get(0));
        Table pv = SeedStats.pivot(SeedStats.of(arms().summary(), "final_test_accuracy", "arm", "rho"), "rho", "arm");
        assertEquals(List.of("rho", "sam", "warm0.1"), pv.columnNames());
        assertEquals(0.75, pv.doubleColumn("warm0.1").get(0), 1e-12);
    }

    @Test
    void seedOfRunNames() {
        assertEquals(5.0, SweepResults.rhoOf("sam-rho5.0-seed12"));
        assertEquals(0.05, SweepResults.rhoOf("sam-rho0.05-seed1"));
        assertTrue(Double.isNaN(SweepResults.rhoOf("sam-seed1")));
        assertEquals(12.0, SweepResults.seedOf("sam-rho5.0-seed12"));
        assertTrue(Double.isNaN(SweepResults.seedOf("sam-rho5.0")));
    }

    @Test
    void loadFindsArmsInTheGivenOrder(@TempDir Path dir) throws Exception {
        for (String arm : List.of("gd", "sam", "warm0.1")) {
            Path d = Files.createDirectories(dir.resolve(arm));
            run(5, 4, 0, 0.9, 0.3, 0.5, 6).write().csv(d.resolve("sam-rho5.0-seed1.csv").toFile());
        }
        Files.createDirectories(dir.resolve("empty"));
        assertEquals(List.of("sam", "warm0.1", "gd"), Arms.load(dir, "sam", "warm0.1").names());
        assertThrows(IllegalArgumentException.class, () -> Arms.load(dir.resolve("empty")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Arms.load(dir).arm("x")).getMessage().contains("x"));
    }
}
