package samlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** --lr-schedule and its parameters; SAM-only options refused with --optimizer sgd (issue 11 §5). */
class TrainingScheduleOptionsTest {
    /** 60 synthetic images in batches of 20: 3 steps per epoch, 2 epochs, 6 steps. */
    private static final String[] SMALL = {"--dataset", "synthetic", "--synthetic-size", "60", "--model", "mlp",
            "--epochs", "2", "--batch", "20", "--lr", "0.05", "--eval-samples", "30", "--diagnostics-every", "0"};

    private static String[] args(String command, Path out, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of(command));
        a.addAll(Arrays.asList(SMALL));
        a.addAll(Arrays.asList(more));
        if (out != null) a.addAll(List.of(command.equals("sweep") ? "--dir" : "--out", out.toString()));
        return a.toArray(String[]::new);
    }

    /**
     * Cosine from 0.05 to 0 over 6 steps; each epoch records η at its last step t: t = 2 gives
     * 0.025(1 + cos(π/3)) = 0.0375, t = 5 gives 0.025(1 − √3/2).
     */
    @Test
    void cosineScheduleIsRecordedInTheLrAndOptimizerColumns(@TempDir Path dir) {
        Path csv = dir.resolve("run.csv");
        CliRun r = CliRun.run(args("train", csv, "--optimizer", "sgd", "--momentum", "0", "--lr-schedule", "cosine"));
        assertEquals(0, r.code(), r.err());
        Table t = Table.read().csv(csv.toString());
        assertEquals(0.0375, t.doubleColumn("lr").get(0), 1e-15);
        assertEquals(0.025 * (1 - Math.sqrt(3) / 2), t.doubleColumn("lr").get(1), 1e-15);
        assertEquals("sgd(lr=cosine(0.05->0.0),wd=5.0E-4)", t.stringColumn("optimizer").get(0));
    }

    /** ×0.5 every epoch: 0.05 in epoch 0, 0.025 in epoch 1; a floor for cosine. */
    @Test
    void stepAndFlooredCosineSchedules(@TempDir Path dir) {
        Path csv = dir.resolve("step.csv");
        CliRun r = CliRun.run(args("train", csv, "--optimizer", "sam", "--lr-schedule", "step", "--lr-gamma", "0.5",
                "--lr-step-epochs", "1"));
        assertEquals(0, r.code(), r.err());
        Table t = Table.read().csv(csv.toString());
        assertEquals(0.05, t.doubleColumn("lr").get(0), 0);
        assertEquals(0.025, t.doubleColumn("lr").get(1), 0);
        // cosine to a floor of 0.01: at t = 5 of 6, 0.01 + 0.02(1 + cos(5π/6))
        Path floor = dir.resolve("floor.csv");
        r = CliRun.run(args("train", floor, "--optimizer", "sgd", "--lr-schedule", "cosine", "--lr-floor", "0.01"));
        assertEquals(0, r.code(), r.err());
        assertEquals(0.01 + 0.02 * (1 - Math.sqrt(3) / 2), Table.read().csv(floor.toString()).doubleColumn("lr").get(1), 1e-15);
    }

    @Test
    void badScheduleOptionsAreOneLineWithExitTwo(@TempDir Path dir) {
        Path csv = dir.resolve("never.csv");
        String[][] cases = {
                {"--lr-schedule linear is unknown; allowed: constant, cosine, step", "--lr-schedule", "linear"},
                {"--lr-floor applies only with --lr-schedule cosine", "--lr-floor", "0.01"},
                {"--lr-gamma applies only with --lr-schedule step", "--lr-schedule", "cosine", "--lr-gamma", "0.5"},
                {"--lr-schedule step needs --lr-step-epochs K >= 1, not 0", "--lr-schedule", "step"},
                {"cosine floor 0.07; allowed: 0 <= floor <= 0.05", "--lr-schedule", "cosine", "--lr-floor", "0.07"},
        };
        for (String[] c : cases) {
            CliRun r = CliRun.run(args("train", csv, Arrays.copyOfRange(c, 1, c.length)));
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            assertTrue(r.err().contains(c[0]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(csv));
        }
    }

    /** ρ and its companions mean nothing for plain SGD: refused before any work, naming the option (ρ = −5 included). */
    @Test
    void samOptionsWithSgdAreRefused(@TempDir Path dir) {
        Path csv = dir.resolve("never.csv");
        String[][] cases = {{"--rho", "0.1"}, {"--rho", "-5"}, {"--rho-final", "0"}, {"--warm-start", "0.1"},
                {"--warm-start-epochs", "1"}, {"--epsilon", "0"}};
        for (String[] c : cases) {
            CliRun r = CliRun.run(args("train", csv, "--optimizer", "sgd", c[0], c[1]));
            assertEquals(2, r.code(), Arrays.toString(c) + ": " + r.err());
            assertTrue(r.err().contains(c[0] + " applies only with a SAM optimizer"), r.err());
            assertFalse(Files.exists(csv));
        }
        CliRun r = CliRun.run(args("sweep", dir.resolve("sweep"), "--optimizers", "sgd", "--rhos", "0.1"));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--rhos applies only with a SAM optimizer"), r.err());
        assertFalse(Files.exists(dir.resolve("sweep")));
        // with a SAM optimizer in the grid they apply
        r = CliRun.run(args("sweep", dir.resolve("ok"), "--optimizers", "sgd,sam", "--rhos", "0.1"));
        assertEquals(0, r.code(), r.err());
    }

    /** A warm start given twice, or one that leaves no SAM step, is refused before any work. */
    @Test
    void warmStartsThatConflictOrLeaveNoSamStepAreRefused(@TempDir Path dir) {
        Path csv = dir.resolve("never.csv");
        String[][] cases = {
                {"--warm-start", "0.5", "--warm-start-epochs", "1"},
                {"--warm-start-epochs", "2"},
                {"--warm-start", "1"}};
        // SMALL trains 2 epochs
        String[] expected = {"both set; allowed: one of them", "leaves no SAM epoch in --epochs 2; allowed: 0 to 1",
                "leaves no SAM step; allowed: 0 <= fraction < 1"};
        for (int k = 0; k < cases.length; k++) {
            String[] extra = cases[k];
            String[] base = args("train", csv, "--optimizer", "sam");
            String[] all = java.util.stream.Stream.concat(Arrays.stream(base), Arrays.stream(extra)).toArray(String[]::new);
            CliRun r = CliRun.run(all);
            assertEquals(2, r.code(), Arrays.toString(extra) + ": " + r.err());
            assertTrue(r.err().contains(expected[k]), r.err());
            assertFalse(Files.exists(csv));
        }
    }
}
