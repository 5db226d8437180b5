package samlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void infoNamesTheDirectoryAndWhatIsMissing() {
        String[] r = run("data", "info", "--data-dir", dir.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("data directory: " + dir + "  (from --data-dir)"), r[1]);
        assertTrue(r[1].contains("not found (samlab data download cifar100)"), r[1]);
    }

    @Test
    void loadReportsSizeAndSource() throws IOException {
        // one 2x2 test image with a pixel at 255, label 7
        Path m = dir.resolve("mnist-10k");
        Files.createDirectories(m);
        Files.write(m.resolve("t10k-images-idx3-ubyte"), ByteBuffer.allocate(20).putInt(0x803).putInt(1).putInt(2)
                .putInt(2).put(new byte[] {0, 0, (byte) 255, 0}).array());
        Files.write(m.resolve("t10k-labels-idx1-ubyte"), ByteBuffer.allocate(9).putInt(0x801).putInt(1).put((byte) 7).array());
        String[] r = run("data", "load", "mnist", "--split", "test", "--data-dir", dir.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("MNIST (10k subset copy)"), r[1]);
        assertTrue(r[1].contains("test       1 images 1x2x2, 10 classes, pixels [0.000, 1.000]"), r[1]);
    }

    @Test
    void badInputEndsWithOneLineAndExitCode2() {
        String[] r = run("data", "download", "svhn", "--data-dir", dir.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("samlab: unknown dataset 'svhn'; allowed: mnist, fashion-mnist"), r[2]);
        String[] missing = run("data", "load", "cifar100", "--data-dir", dir.toString());
        assertEquals("2", missing[0]);
        assertTrue(missing[2].contains("run: samlab data download cifar100"), missing[2]);
        String[] split = run("data", "load", "mnist", "--split", "dev", "--data-dir", dir.toString());
        assertEquals("2", split[0]);
    }
}
