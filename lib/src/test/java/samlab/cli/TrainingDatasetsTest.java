package samlab.cli;

import static samlab.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** {@code --dataset NAME} resolves the datasets of samlab.data; per-class subsets. */
class TrainingDatasetsTest {
    @Test
    void mnistSubsetTrainsAndRecordsItsSource(@TempDir Path dir) throws Exception {
        String env = System.getenv("SAMLAB_DATA");
        assumeTrue(env != null && !env.isBlank(), "SAMLAB_DATA is not set");
        assumeTrue(Files.isDirectory(Path.of(env, "mnist-10k")) || Files.isDirectory(Path.of(env, "mnist")), "no MNIST copy");
        Path csv = dir.resolve("mnist.csv");
        CliRun r = run("train", "--dataset", "mnist", "--train-per-class", "3", "--test-per-class", "2", "--batch", "0",
                "--epochs", "1", "--optimizer", "sam", "--rho", "0.5", "--eval-samples", "0", "--out", csv.toString());
        assertEquals("0", String.valueOf(r.code()), r.err());
        Table t = Table.read().csv(csv.toFile());
        assertTrue(t.stringColumn("dataset_source").get(0).startsWith("MNIST"), t.stringColumn("dataset_source").get(0));
        // full batch over 3 per class = 30 images: one step in the epoch
        assertEquals(2, Files.readAllLines(dir.resolve("mnist-steps.csv")).size());
        // test accuracy is a multiple of 1/20 (2 per class)
        double acc = t.doubleColumn("test_accuracy").get(0);
        assertEquals(Math.round(acc * 20) / 20.0, acc, 1e-9);
    }

    @Test
    void negativePerClassIsRejected() {
        CliRun r = run("train", "--dataset", "synthetic", "--train-per-class", "-4", "--out", "/tmp/never-written.csv");
        assertEquals("2", String.valueOf(r.code()));
        assertTrue(r.err().contains("-4"), r.err());
        assertTrue(List.of(r.err().split("\n")).size() <= 2, r.err());
    }
}
