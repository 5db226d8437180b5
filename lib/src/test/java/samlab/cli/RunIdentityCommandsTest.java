package samlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static samlab.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samlab.train.RunConfig;
import samlab.train.TrainResult;
import tech.tablesaw.api.Table;

/** Issue 11 §1-§3 and §5 at the command line: a run's identity, divergence, completeness, options that cannot apply. */
class RunIdentityCommandsTest {
    private static final String[] SMALL = {"--dataset", "synthetic", "--synthetic-size", "60", "--model", "mlp",
            "--epochs", "2", "--batch", "20", "--lr", "0.05", "--eval-samples", "30"};

    private static final java.util.Set<String> FLAGS = java.util.Set.of("--resume", "--nesterov", "--redo-changed");

    /** The command with SMALL's options, those given in {@code more} replacing SMALL's values. */
    private static String[] args(String command, String... more) {
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        for (int i = 0; i < SMALL.length; i += 2) options.put(SMALL[i], SMALL[i + 1]);
        List<String> flags = new java.util.ArrayList<>();
        for (int i = 0; i < more.length; i++) {
            if (FLAGS.contains(more[i])) flags.add(more[i]);
            else options.put(more[i], more[++i]);
        }
        List<String> out = new java.util.ArrayList<>(List.of(command));
        options.forEach((k, v) -> {
            out.add(k);
            out.add(v);
        });
        out.addAll(flags);
        return out.toArray(String[]::new);
    }

    private static void assertUsage(CliRun r, String... parts) {
        assertEquals(2, r.code(), r.err());
        for (String p : parts) assertTrue(r.err().contains(p), "'" + p + "' not in: " + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void resumeRefusesEveryChangedSettingNamingIt(@TempDir Path dir) {
        Path csv = dir.resolve("run.csv");
        String out = csv.toString();
        // --resume without a checkpoint says so, then trains from the start
        CliRun first = run(args("train", "--rho", "0.05", "--out", out, "--resume"));
        assertEquals(0, first.code(), first.err());
        assertTrue(first.err().contains("--resume: no checkpoint at " + dir.resolve("run.ckpt") + "; starting from epoch 0"), first.err());
        RunConfig stored = RunConfig.read(dir.resolve("run.config"));
        assertEquals("0.05", stored.values().get("--rho"));
        assertEquals("30", stored.values().get("--eval-samples"));
        String[][] changes = {{"--rho", "0.1"}, {"--eval-samples", "20"}, {"--diagnostics-every", "2"},
                {"--probe-rho", "0.2"}, {"--test-samples", "5"}, {"--eval-every", "1"},
                {"--hessian-every", "1"}, {"--hessian-iterations", "5"}, {"--lr-schedule", "cosine"}, {"--epsilon", "0.001"}};
        for (String[] c : changes) {
            CliRun r = run(args("train", "--rho", "0.05", "--out", out, "--resume", c[0], c[1]));
            assertUsage(r, "belongs to another run", c[0] + " ", "(checkpoint)", c[1] + " (this run)");
        }
        // the same settings resume (and change nothing), saying from where
        CliRun again = run(args("train", "--rho", "0.05", "--out", out, "--resume"));
        assertEquals(0, again.code(), again.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("--resume: continued from "
                + java.util.regex.Pattern.quote(dir.resolve("run.ckpt").toString()) + " at epoch (\\d+) ").matcher(again.err());
        assertTrue(m.find(), again.err());
        assertEquals(RunConfig.read(dir.resolve("run.config")).values().get("--epochs"), m.group(1)); // a finished run: all epochs done
    }

    @Test
    void aTruncatedCheckpointIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("run.csv");
        assertEquals(0, run(args("train", "--out", csv.toString())).code());
        Path ck = dir.resolve("run.ckpt");
        byte[] all = Files.readAllBytes(ck);
        // a checkpoint of the previous format (3, without the lambda_max converged flags) is refused in one line
        Path old = dir.resolve("old.ckpt");
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(all));
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(old))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] b = in.readAllBytes();
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(e.getName().equals("format") ? "samlab-checkpoint-3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8) : b);
                out.closeEntry();
            }
        }
        assertUsage(run(args("train", "--out", csv.toString(), "--resume", "--checkpoint", old.toString())),
                "checkpoint " + old, "is not a samlab-checkpoint-4 file (format 'samlab-checkpoint-3')");
        Files.write(ck, Arrays.copyOf(all, all.length / 3));
        assertUsage(run(args("train", "--out", csv.toString(), "--resume")), "checkpoint " + ck, "truncated");

        // a sweep stops on it before training, and starts that run over with --redo-changed
        Path sw = dir.resolve("sw");
        String[] sweep = args("sweep", "--optimizers", "sam", "--rhos", "0.05", "--dir", sw.toString());
        assertEquals(0, run(sweep).code());
        Path swCk = sw.resolve("sam-rho0.05-seed1.ckpt");
        Files.delete(sw.resolve("sam-rho0.05-seed1.config")); // interrupted: not complete
        Files.write(swCk, Arrays.copyOf(Files.readAllBytes(swCk), 100));
        assertUsage(run(sweep), "checkpoint " + swCk, "truncated");
        String[] redo = Arrays.copyOf(sweep, sweep.length + 1);
        redo[sweep.length] = "--redo-changed";
        CliRun r = run(redo);
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(sw.resolve("sam-rho0.05-seed1.config")));
    }

    @Test
    void aDivergedRunStopsWithExitThreeAndIsMarked(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("big.csv");
        CliRun r = run(args("train", "--optimizer", "sgd", "--lr", "1e6", "--epochs", "3", "--out", csv.toString()));
        assertEquals(Main.DIVERGED, r.code(), r.err());
        assertTrue(r.err().contains("diverged at step"), r.err());
        Table steps = TrainResult.readCsv(dir.resolve("big-steps.csv"));
        assertEquals("diverged", steps.stringColumn("status").get(steps.rowCount() - 1));
        assertTrue(steps.rowCount() < 9, "stopped at the first non-finite step");
        String text = Files.readString(csv);
        assertFalse(text.contains("69.07"), "the log(1e-30) clamp must not fake a finite loss: " + text);
        Table epochs = TrainResult.readCsv(csv);
        assertTrue(epochs.doubleColumn("train_loss").isMissing(epochs.rowCount() - 1));

        // a sweep records it as diverged and goes on with the other runs
        CliRun s = run(args("sweep", "--optimizers", "sgd,sam", "--rhos", "0.05", "--lr", "1e6", "--dir", dir.resolve("sw").toString()));
        assertEquals(0, s.code(), s.err());
        Table summary = Table.read().csv(dir.resolve("sw/summary.csv").toFile());
        assertEquals(List.of("diverged", "diverged"), summary.stringColumn("status").asList());
    }

    @Test
    void sweepRefusesAChangedRunAndRedoesItWhenAsked(@TempDir Path dir) throws Exception {
        String d = dir.toString();
        assertEquals(0, run(args("sweep", "--optimizers", "sam", "--rhos", "0.05", "--seeds", "1", "--dir", d)).code());
        Path csv = dir.resolve("sam-rho0.05-seed1.csv");
        long modified = Files.getLastModifiedTime(csv).toMillis();
        // rerunning with other epochs used to report the old numbers as the new summary
        CliRun r = run(args("sweep", "--optimizers", "sam", "--rhos", "0.05", "--seeds", "1", "--dir", d, "--epochs", "3"));
        assertUsage(r, "run sam-rho0.05-seed1", "--epochs 2 (stored), 3 (this sweep)", "--redo-changed");
        assertEquals(modified, Files.getLastModifiedTime(csv).toMillis());
        r = run(args("sweep", "--optimizers", "sam", "--rhos", "0.05", "--seeds", "1", "--dir", d, "--epochs", "3", "--redo-changed"));
        assertEquals(0, r.code(), r.err());
        assertEquals(1 + 3, Files.readAllLines(csv).size());
        assertEquals("3", RunConfig.read(dir.resolve("sam-rho0.05-seed1.config")).values().get("--epochs"));
    }

    @Test
    void aRunKilledBeforeItsStepTableIsRedone(@TempDir Path dir) throws Exception {
        String d = dir.toString();
        String[] sweep = args("sweep", "--optimizers", "sam", "--rhos", "0.05", "--dir", d);
        assertEquals(0, run(sweep).code());
        List<String> steps = Files.readAllLines(dir.resolve("sam-rho0.05-seed1-steps.csv"));
        // killed after RUN.csv: neither the step table nor the configuration (written last) exist
        Files.delete(dir.resolve("sam-rho0.05-seed1-steps.csv"));
        Files.delete(dir.resolve("sam-rho0.05-seed1.config"));
        CliRun r = run(sweep);
        assertEquals(0, r.code(), r.err());
        assertEquals(steps.size(), Files.readAllLines(dir.resolve("sam-rho0.05-seed1-steps.csv")).size());
        assertTrue(Files.exists(dir.resolve("sam-rho0.05-seed1.config")));
    }

    @Test
    void theWholeGridIsCheckedBeforeTheFirstRunAndDuplicatesAreRefused(@TempDir Path dir) throws Exception {
        CliRun r = run(args("sweep", "--optimizers", "sam", "--rhos", "0.05,-1", "--dir", dir.toString()));
        assertUsage(r, "-1");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing trained or written");
        }
        assertUsage(run(args("sweep", "--seeds", "1,1", "--dir", dir.toString())), "--seeds lists 1 twice");
        assertUsage(run(args("sweep", "--rhos", "0.05,0.050", "--dir", dir.toString())), "--rhos lists 0.05 twice");
        assertUsage(run(args("sweep", "--optimizers", "sam,SAM", "--dir", dir.toString())), "--optimizers lists sam twice");
    }

    @Test
    void anAllEmptyColumnStaysMissingWhenARunIsReadBack(@TempDir Path dir) throws Exception {
        String[] sweep = args("sweep", "--optimizers", "sam", "--rhos", "0.05", "--diagnostics-every", "0", "--dir", dir.toString());
        assertEquals(0, run(sweep).code());
        List<String> fresh = Files.readAllLines(dir.resolve("summary.csv"));
        assertEquals(0, run(sweep).code()); // read back from the CSV
        List<String> reread = Files.readAllLines(dir.resolve("summary.csv"));
        assertEquals(fresh, reread);
        Table t = Table.read().csv(dir.resolve("summary.csv").toFile());
        assertTrue(reread.get(1).contains(",,,"), "grad_norm and grad_ratio empty, not 0.0: " + reread.get(1));
        Table run = TrainResult.readCsv(dir.resolve("sam-rho0.05-seed1.csv"));
        assertEquals(run.rowCount(), run.doubleColumn("grad_norm").countMissing());
        assertEquals(1, t.rowCount());
    }

    @Test
    void optionsThatCannotApplyAreRefusedUpFront(@TempDir Path dir) {
        String out = dir.resolve("x.csv").toString();
        // 62 examples in batches of 20: the last batch has 2
        assertUsage(run(args("train", "--synthetic-size", "62", "--m-sharpness", "4", "--out", out)),
                "--m-sharpness 4", "the last batch of 62 with batch size 20", "at most 2");
        assertUsage(run(args("sweep", "--optimizers", "sgd,sam", "--synthetic-size", "62", "--m-sharpness", "4", "--dir", dir.toString())),
                "--m-sharpness 4");
        assertUsage(run(args("train", "--nesterov", "--momentum", "0", "--out", out)), "--nesterov", "--momentum 0.0");
        assertUsage(run(args("train", "--nesterov", "--base", "adam", "--out", out)), "--nesterov", "--base adam");
        assertUsage(run(args("train", "--train-per-class", "5", "--out", out)), "--train-per-class", "synthetic");
        assertUsage(run(args("sweep", "--test-per-class", "5", "--dir", dir.toString())), "--test-per-class", "synthetic");
        assertUsage(run(args("train", "--dataset", "mnist", "--data-dir", "", "--out", out)), "--data-dir is blank");
        assertUsage(run(args("sweep", "--dataset", "mnist", "--data-dir", " ", "--dir", dir.toString())), "--data-dir is blank");
        assertUsage(run("data", "info", "--data-dir", ""), "--data-dir is blank"); // the same option of the data command
        assertUsage(run(args("sweep", "--dir", "")), "--dir is blank");   // would write every run into the working folder
        assertUsage(run(args("train", "--out", " ")), "--out is blank");
        assertUsage(run(args("train", "--eval-every", "0", "--out", out)), "--eval-every 0", "auto");
        assertUsage(run(args("train", "--diagnostics-every", "often", "--out", out)), "--diagnostics-every often", "eval");
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMissingDataDirIsNamed(@TempDir Path dir) {
        CliRun r = run(args("train", "--dataset", "mnist", "--data-dir", dir.resolve("none").toString(), "--out",
                dir.resolve("x.csv").toString()));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(dir.resolve("none").toString()), r.err());
    }
}
