package samlab.cli;

import static samlab.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCommandsTest {
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
        CliRun r = run(with(with(new String[] {"train"}, SMALL), "--optimizer", "sam", "--rho", "0.05",
                "--warm-start", "0.1", "--out", csv.toString()));
        assertEquals("0", String.valueOf(r.code()), r.err());
        assertEquals(3, Files.readAllLines(csv).size());
        assertEquals(1 + 6, Files.readAllLines(dir.resolve("run-steps.csv")).size());
        assertTrue(r.out().contains("grad_ratio"));
    }

    @Test
    void unknownDatasetOrOptimizerIsOneLineAndExitTwo() {
        CliRun r = run("train", "--dataset", "imagenet", "--out", "/tmp/never.csv");
        assertEquals("2", String.valueOf(r.code()));
        assertTrue(r.err().contains("imagenet") && r.err().contains("synthetic"), r.err());
        r = run(with(with(new String[] {"train"}, SMALL), "--optimizer", "lion"));
        assertEquals("2", String.valueOf(r.code()));
        assertTrue(r.err().contains("lion") && r.err().contains("asam"), r.err());
    }

    @Test
    void sweepRunsTheGridOnceAndSummarises(@TempDir Path dir) throws Exception {
        String[] args = with(with(new String[] {"sweep"}, SMALL), "--optimizers", "sgd,sam", "--rhos", "0.02,0.1",
                "--seeds", "3", "--dir", dir.toString());
        CliRun r = run(args);
        assertEquals("0", String.valueOf(r.code()), r.err());
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        assertEquals(1 + 3, summary.size()); // sgd once (no rho), sam at two rho values
        long modified = Files.getLastModifiedTime(dir.resolve("sam-rho0.1-seed3.csv")).toMillis();
        r = run(args); // finished runs are read back, not repeated
        assertEquals("0", String.valueOf(r.code()), r.err());
        assertEquals(modified, Files.getLastModifiedTime(dir.resolve("sam-rho0.1-seed3.csv")).toMillis());
        assertEquals(summary, Files.readAllLines(dir.resolve("summary.csv")));
    }

    @Test
    void benchTrainReportsBothStepsAndTheirRatio() {
        CliRun r = run("bench", "train", "--model", "mlp", "--batch", "16", "--size", "8", "--warmup", "1", "--steps", "3");
        assertEquals("0", String.valueOf(r.code()), r.err());
        assertTrue(r.out().contains("SGD step") && r.out().contains("SAM step") && r.out().contains("SAM/SGD time ratio")
                && r.out().contains("GEMM"), r.out());
        // which code computes each layer: the MLP is samlab's two layers
        assertTrue(r.out().contains("layers (2): 1 InputDenseLayer, 1 SoftmaxOutputLayer;"), r.out());
        // the test JVM is not started by ./samlab, so it runs on the system allocator
        assertTrue(r.out().contains("(native allocator: system)"), r.out());
    }

    @Test
    void benchTrainRefusesABatchTooLargeForOneArrayInOneLine() {
        CliRun r = run("bench", "train", "--model", "smallcnn", "--batch", "1000000000");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("batch 1000000000 of 3x32x32 images is 3072000000000 values")
                && r.err().strip().lines().count() == 1, r.err());
    }

    @Test
    void benchTrainComparesWithTheReferenceHarnessOutput(@TempDir Path dir) throws Exception {
        Path ref = dir.resolve("torch.txt");
        Files.writeString(ref, "engine init\n"
                + "RESULT {\"fw\":\"djl\",\"model\":\"resnet20\",\"step\":\"sgd\",\"img_s\":500.0}\n"
                + "RESULT {\"fw\":\"djl\",\"model\":\"mlp\",\"step\":\"sam\",\"img_s\":9.0}\n"
                + "RESULT {\"fw\":\"djl\",\"model\":\"mlp\",\"step\":\"sgd\",\"img_s\":20.0}\n");
        CliRun r = run("bench", "train", "--model", "mlp", "--batch", "16", "--size", "8", "--warmup", "0", "--steps", "2",
                "--reference", ref.toString());
        assertEquals("0", String.valueOf(r.code()), r.err());
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("SGD ([0-9.]+) / 20\\.0 images/s = ([0-9.]+)x; SAM ([0-9.]+) / 10\\.0 \\(half its SGD\\) = ([0-9.]+)x")
                .matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals(Double.parseDouble(m.group(1)) / 20, Double.parseDouble(m.group(2)), 0.01);
        assertEquals(Double.parseDouble(m.group(3)) / 10, Double.parseDouble(m.group(4)), 0.01);

        r = run("bench", "train", "--model", "smallcnn", "--reference", ref.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("\"model\":\"smallcnn\"") && r.err().contains("torch.txt"), r.err());
        r = run("bench", "train", "--model", "mlp", "--reference-img-s", "-3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("-3"), r.err());
    }
}
