package samlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samlab.progress.ProgressSink;

class TrainingCommandsTest {
    static {
        ProgressSink.install(ProgressSink.silent());
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    private static final String[] SMALL = {"--dataset", "synthetic", "--synthetic-size", "60", "--model", "mlp",
            "--epochs", "2", "--batch", "20", "--lr", "0.05", "--eval-samples", "30"};

    private static String[] with(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void trainWritesEpochAndStepTables(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("run.csv");
        String[] r = run(with(with(new String[] {"train"}, SMALL), "--optimizer", "sam", "--rho", "0.05",
                "--warm-start", "0.1", "--out", csv.toString()));
        assertEquals("0", r[0], r[2]);
        assertEquals(3, Files.readAllLines(csv).size());
        assertEquals(1 + 6, Files.readAllLines(dir.resolve("run-steps.csv")).size());
        assertTrue(r[1].contains("grad_ratio"));
    }

    @Test
    void unknownDatasetOrOptimizerIsOneLineAndExitTwo() {
        String[] r = run("train", "--dataset", "imagenet", "--out", "/tmp/never.csv");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("imagenet") && r[2].contains("synthetic"), r[2]);
        r = run(with(with(new String[] {"train"}, SMALL), "--optimizer", "lion"));
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("lion") && r[2].contains("asam"), r[2]);
    }

    @Test
    void sweepRunsTheGridOnceAndSummarises(@TempDir Path dir) throws Exception {
        String[] args = with(with(new String[] {"sweep"}, SMALL), "--optimizers", "sgd,sam", "--rhos", "0.02,0.1",
                "--seeds", "3", "--dir", dir.toString());
        String[] r = run(args);
        assertEquals("0", r[0], r[2]);
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        assertEquals(1 + 3, summary.size()); // sgd once (no rho), sam at two rho values
        long modified = Files.getLastModifiedTime(dir.resolve("sam-rho0.1-seed3.csv")).toMillis();
        r = run(args); // finished runs are read back, not repeated
        assertEquals("0", r[0], r[2]);
        assertEquals(modified, Files.getLastModifiedTime(dir.resolve("sam-rho0.1-seed3.csv")).toMillis());
        assertEquals(summary, Files.readAllLines(dir.resolve("summary.csv")));
    }

    @Test
    void benchTrainReportsBothStepsAndTheirRatio() {
        String[] r = run("bench", "train", "--model", "mlp", "--batch", "16", "--size", "8", "--warmup", "1", "--steps", "3");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("SGD step") && r[1].contains("SAM step") && r[1].contains("SAM/SGD time ratio")
                && r[1].contains("GEMM"), r[1]);
    }
}
