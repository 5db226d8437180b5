package samlab.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code samlab figure} against the test-only gallery catalog. */
class FigureCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void listsAndWritesNamedFigures(@TempDir Path dir) throws Exception {
        assertEquals(0, run("figure", "--list"));
        assertTrue(out.toString().contains("example-basins"), out.toString());
        Path target = dir.resolve("figs");
        assertEquals(0, run("figure", "example-line", "--out", target.toString()), err.toString());
        assertTrue(Files.size(target.resolve("example-line.png")) > 1000);
        assertTrue(Files.readString(target.resolve("example-line.svg")).contains("<svg"));
    }

    @Test
    void unknownNameAndMissingNameFailWithOneLine(@TempDir Path dir) {
        assertEquals(Main.USAGE, run("figure", "nope", "--out", dir.toString()));
        assertTrue(err.toString().contains("no figure named 'nope'") && err.toString().contains("example-line"), err.toString());
        assertEquals(Main.USAGE, run("figure", "--out", dir.toString()));
        assertEquals(0, dir.toFile().list().length, "nothing written");
    }
}
