package samlab.cli;

import static org.junit.jupiter.api.Assertions.*;
import static samlab.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code samlab figure} against the test-only gallery catalog. */
class FigureCommandTest {
    @Test
    void listsAndWritesNamedFigures(@TempDir Path dir) throws Exception {
        CliRun list = run("figure", "--list");
        assertEquals(0, list.code());
        assertTrue(list.out().contains("example-basins"), list.out());
        Path target = dir.resolve("figs");
        CliRun r = run("figure", "example-line", "--out", target.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(target.resolve("example-line.png")) > 1000);
        assertTrue(Files.readString(target.resolve("example-line.svg")).contains("<svg"));
    }

    @Test
    void badNamesAndContradictoryOptionsFailWithOneLineAndWriteNothing(@TempDir Path dir) {
        String[][] cases = {
                {"figure", "nope", "--out", dir.toString()},
                {"figure", "--out", dir.toString()},
                {"figure", "example-line", "--all", "--out", dir.toString()},
                {"figure", "--list", "--all"},
        };
        String[] expected = {
                null, // checked below: names the bad figure and lists the known ones
                "samlab: name at least one figure, or use --all or --list",
                "samlab: --all with figure names [example-line]; allowed: --all or names, not both",
                "samlab: --list with --all; allowed: --list alone",
        };
        for (int i = 0; i < cases.length; i++) {
            CliRun r = run(cases[i]);
            assertEquals(Main.USAGE, r.code(), String.join(" ", cases[i]));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            if (expected[i] != null) assertEquals(expected[i], r.err().strip());
        }
        String nope = run(cases[0]).err();
        assertTrue(nope.contains("no figure named 'nope'") && nope.contains("example-line"), nope);
        assertEquals(0, dir.toFile().list().length, "nothing written");
    }
}
