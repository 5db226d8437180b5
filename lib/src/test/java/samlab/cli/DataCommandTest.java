package samlab.cli;

import static samlab.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
    @TempDir
    Path dir;

    @Test
    void infoNamesTheDirectoryAndWhatIsMissing() {
        CliRun r = run("data", "info", "--data-dir", dir.toString());
        assertEquals("0", String.valueOf(r.code()), r.err());
        assertTrue(r.out().contains("data directory: " + dir + "  (from --data-dir)"), r.out());
        assertTrue(r.out().contains("not found (samlab data download cifar100)"), r.out());
        assertTrue(!r.out().contains("does not exist"), r.out());
        CliRun missing = run("data", "info", "--data-dir", dir.resolve("nope").toString());
        assertTrue(missing.out().contains("(from --data-dir)  -- does not exist yet: downloads create it"), missing.out());
    }

    @Test
    void loadReportsSizeAndSource() throws IOException {
        // one 2x2 test image with a pixel at 255, label 7
        Path m = dir.resolve("mnist-10k");
        Files.createDirectories(m);
        Files.write(m.resolve("t10k-images-idx3-ubyte"), ByteBuffer.allocate(20).putInt(0x803).putInt(1).putInt(2)
                .putInt(2).put(new byte[] {0, 0, (byte) 255, 0}).array());
        Files.write(m.resolve("t10k-labels-idx1-ubyte"), ByteBuffer.allocate(9).putInt(0x801).putInt(1).put((byte) 7).array());
        CliRun r = run("data", "load", "mnist", "--split", "test", "--data-dir", dir.toString());
        assertEquals("0", String.valueOf(r.code()), r.err());
        assertTrue(r.out().contains("MNIST (10k subset copy)"), r.out());
        assertTrue(r.out().contains("test       1 images 1x2x2, 10 classes, pixels [0.000, 1.000]"), r.out());
    }

    @Test
    void badInputEndsWithOneLineAndExitCode2() {
        CliRun r = run("data", "download", "svhn", "--data-dir", dir.toString());
        assertEquals("2", String.valueOf(r.code()));
        assertTrue(r.err().startsWith("samlab: unknown dataset 'svhn'; allowed: mnist, fashion-mnist"), r.err());
        CliRun missing = run("data", "load", "cifar100", "--data-dir", dir.toString());
        assertEquals("2", String.valueOf(missing.code()));
        assertTrue(missing.err().contains("run: samlab data download cifar100"), missing.err());
        CliRun split = run("data", "load", "mnist", "--split", "dev", "--data-dir", dir.toString());
        assertEquals("2", String.valueOf(split.code()));
    }

    @Test
    void emptyOfficialFolderAndEmptyIdxFileAreOneLineWithExitCode2() throws IOException {
        Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        CliRun cifar = run("data", "download", "cifar10", "--data-dir", dir.toString());
        assertEquals("2", String.valueOf(cifar.code()), cifar.err());
        assertEquals("samlab: " + dir.resolve("cifar-10-batches-bin") + " exists but is not a complete copy of the official"
                + " files (no test_batch.bin); delete the folder and run: samlab data download cifar10\n", cifar.err());
        // An IDX file with 0 images (was accepted, with the pixel range printed as [Infinity, -Infinity]).
        Path m = Files.createDirectories(dir.resolve("mnist-10k"));
        Files.write(m.resolve("t10k-images-idx3-ubyte"), ByteBuffer.allocate(16).putInt(0x803).putInt(0).putInt(28)
                .putInt(28).array());
        Files.write(m.resolve("t10k-labels-idx1-ubyte"), ByteBuffer.allocate(8).putInt(0x801).putInt(0).array());
        CliRun empty = run("data", "load", "mnist", "--split", "test", "--data-dir", dir.toString());
        assertEquals("2", String.valueOf(empty.code()), empty.err());
        assertEquals("samlab: " + m.resolve("t10k-images-idx3-ubyte") + ": holds 0 images; a dataset needs at least one\n",
                empty.err());
    }
}
