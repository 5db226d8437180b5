package samlab.cli;

import static samlab.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theory subcommands: outputs on the worked examples and one-line errors with exit code 2. */
class LandscapeCommandsTest {
    @TempDir Path dir;


    @Test
    void restPointsCsvHasTheQuarticHallucinatedPair() {
        CliRun r = run("rest-points", "--landscape", "quartic", "--rho", "1.5", "--eta", "0.05", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("x1,x_norm,kind,value,grad_norm,image1,image_type,dist_to_image,spectral_radius,"
                + "normal_spectral_radius,marginal,attracting", lines.get(0));
        List<String> hall = lines.stream().filter(l -> l.contains("hallucinated_minimizer")).toList();
        assertEquals(2, hall.size(), r.out());
        for (String l : hall) {
            String[] f = l.split(",");
            assertEquals(0.5, Math.abs(Double.parseDouble(f[0])), 1e-9);
            assertEquals(0.5, Double.parseDouble(f[1]), 1e-9);
            assertEquals(0.6, Double.parseDouble(f[8]), 1e-9);
            assertEquals("true", f[11]);
        }
    }

    @Test
    void restPointsTableForAnisotropicWithParameter() {
        CliRun r = run("rest-points", "--landscape", "anisotropic", "--param", "a=2", "--rho", "1.3", "--eta", "0.04");
        assertEquals(0, r.code(), r.err());
        // x* = ±0.3; radius max(1 − 8η, |1 − 2aη(1 + 2aρ/|f'(x*)|)|) = 0.68
        long rows = r.out().lines().filter(l -> l.contains("hallucinated_minimizer") && l.contains("0.68")
                && l.contains("0.3")).count();
        assertEquals(2, rows, r.out());
    }

    @Test
    void badInputIsOneLineWithExitTwo() {
        String[][] cases = {
                {"unknown landscape 'foo'; allowed: quartic, ring, anisotropic, bent-ring, sharp-flat",
                        "rest-points", "--landscape", "foo", "--rho", "1"},
                {"landscape ring has no parameter 'b'; allowed: none", "rest-points", "--landscape", "ring", "--param", "b=1", "--rho", "1"},
                {"landscape anisotropic has no parameter 'b'; allowed: a", "rest-points", "--landscape", "anisotropic", "--param", "b=1", "--rho", "1"},
                {"--param 'a'; allowed: NAME=NUMBER, e.g. a=2", "rest-points", "--landscape", "anisotropic", "--param", "a", "--rho", "1"},
                {"--rho 0.0; allowed: a finite number > 0", "rest-points", "--landscape", "ring", "--rho", "0"},
                {"--rho NaN; allowed: a finite number > 0", "rest-points", "--landscape", "ring", "--rho", "NaN"},
                {"--eta -0.1; allowed: a finite number > 0", "rest-points", "--landscape", "ring", "--rho", "1", "--eta", "-0.1"},
                {"unknown SAM variant 'asam'; allowed: sam, eps, usam", "rest-points", "--landscape", "ring", "--rho", "1", "--variant", "asam"},
                {"--format xml; allowed: csv, table", "rest-points", "--landscape", "ring", "--rho", "1", "--format", "xml"},
                {"--eps -1.0; allowed: a finite number >= 0", "rest-points", "--landscape", "ring", "--rho", "1", "--variant", "eps", "--eps", "-1"},
                {"--eps 0.001 applies to --variant eps only, not --variant sam (sam normalises exactly, usam does not normalise)",
                        "rest-points", "--landscape", "ring", "--rho", "1", "--eps", "1e-3"},
                {"--eps 0.001 applies to --variant eps only, not --variant usam (sam normalises exactly, usam does not normalise)",
                        "rest-points", "--landscape", "ring", "--rho", "1", "--variant", "usam", "--eps", "1e-3"},
                {"--param a is given twice; allowed: each parameter once", "rest-points", "--landscape", "anisotropic",
                        "--param", "a=2", "--param", "a=3", "--rho", "1"},
                {"--seeds 0; allowed: 1 to 1000000", "rest-points", "--landscape", "ring", "--rho", "1", "--seeds", "0"},
                {"--box -2.0; allowed: a finite number > 0", "rest-points", "--landscape", "ring", "--rho", "1", "--box", "-2"},
                {"--extent 0.0; allowed: a finite number > 0", "basins", "--landscape", "ring", "--rho", "1", "--extent", "0", "--out", "x.csv"},
                {"--ny 20001; allowed: 1 to 20000", "basins", "--landscape", "ring", "--rho", "1", "--ny", "20001", "--out", "x.csv"},
                {"--iterations 0; allowed: 1 to 10000000", "basins", "--landscape", "ring", "--rho", "1", "--iterations", "0", "--out", "x.csv"},
                {"--rho-steps 0; allowed: 1 to 10000", "bifurcation", "--landscape", "quartic", "--rho-from", "1", "--rho-to", "2",
                        "--rho-steps", "0", "--out", "x.csv"},
                {"--rho-from -1.0; allowed: a finite number > 0", "bifurcation", "--landscape", "quartic", "--rho-from", "-1", "--rho-to", "2",
                        "--out", "x.csv"},
                {"--eta-steps 0; allowed: 1 to 10000", "bifurcation", "--landscape", "quartic", "--rho-from", "1", "--rho-to", "2",
                        "--eta-to", "0.2", "--eta-steps", "0", "--out", "x.csv"},
                {"--eta-to 0.01 < --eta 0.05; allowed: eta-to >= eta", "bifurcation", "--landscape", "quartic", "--rho-from", "1",
                        "--rho-to", "2", "--eta-to", "0.01", "--out", "x.csv"},
                {"--eta-steps 3 without --eta-to; allowed: only with --eta-to", "bifurcation", "--landscape", "quartic",
                        "--rho-from", "1", "--rho-to", "2", "--eta-steps", "3", "--out", "x.csv"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            CliRun r = run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals("samlab: " + c[0], r.err().strip(), String.join(" ", args));
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void basinsWritesCsvAndRejectsBadOutputWithoutLeavingAFile() throws IOException {
        Path out = dir.resolve("sub/basins.csv");
        CliRun r = run("basins", "--landscape", "ring", "--rho", "1.5", "--eta", "0.05", "--extent", "0.3",
                "--nx", "8", "--ny", "8", "--iterations", "2000", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("x,y,outcome,label", lines.get(0));
        assertEquals(65, lines.size());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.endsWith("hallucinated_minimizer set")), lines.toString());
        assertTrue(r.out().contains("64  hallucinated_minimizer set"), r.out());

        // a parent that is a file: refused before computing, nothing written
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        CliRun bad = run("basins", "--landscape", "ring", "--rho", "1.5", "--out", file.resolve("b.csv").toString());
        assertEquals(2, bad.code());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("not writable"), bad.err());

        // bad values: exit 2 and no file at the target
        Path none = dir.resolve("none.csv");
        CliRun bad2 = run("basins", "--landscape", "ring", "--rho", "-1", "--out", none.toString());
        assertEquals(2, bad2.code());
        assertEquals("samlab: --rho -1.0; allowed: a finite number > 0", bad2.err().strip());
        CliRun bad3 = run("basins", "--landscape", "ring", "--rho", "1", "--nx", "0", "--out", none.toString());
        assertEquals(2, bad3.code());
        assertEquals("samlab: --nx 0; allowed: 1 to 20000", bad3.err().strip());
        assertFalse(Files.exists(none));
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
    }

    @Test
    void bifurcationAndRegionCsv() throws IOException {
        Path out = dir.resolve("bif.csv");
        CliRun r = run("bifurcation", "--landscape", "quartic", "--rho-from", "0.5", "--rho-to", "1.5", "--rho-steps", "3",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(0).startsWith("rho,x1,x_norm,kind,"), lines.get(0));
        // ρ = 0.5: two hallucinated_other at ±0.5; ρ = 1.0: none of either kind in the interior; ρ = 1.5: two minimizers
        assertEquals(2, lines.stream().filter(l -> l.startsWith("0.5,") && l.contains("hallucinated_other")).count());
        assertEquals(2, lines.stream().filter(l -> l.startsWith("1.5,") && l.contains("hallucinated_minimizer")).count());

        Path region = dir.resolve("region.csv");
        CliRun r2 = run("bifurcation", "--landscape", "quartic", "--rho-from", "1.5", "--rho-to", "1.5", "--rho-steps", "1",
                "--eta", "0.1", "--eta-to", "0.3", "--eta-steps", "2", "--out", region.toString());
        assertEquals(0, r2.code(), r2.err());
        List<String> rl = Files.readAllLines(region);
        assertEquals("eta,rho,hallucinated_minimizers,attracting,min_normal_spectral_radius", rl.get(0));
        assertTrue(rl.get(1).startsWith("0.1,1.5,2,2,0.19999"), rl.get(1));
        assertTrue(rl.get(2).startsWith("0.3,1.5,2,0,1.4"), rl.get(2));

        CliRun bad = run("bifurcation", "--landscape", "quartic", "--rho-from", "1.5", "--rho-to", "1", "--out", out.toString());
        assertEquals(2, bad.code());
        assertEquals("samlab: --rho-to 1.0 < --rho-from 1.5; allowed: rho-to >= rho-from", bad.err().strip());
    }

    @Test
    void pngChartsBesideTheCsvAndTheirBadCombinations() throws IOException {
        Path csv = dir.resolve("b.csv"), png = dir.resolve("charts/b.png");
        CliRun r = run("basins", "--landscape", "ring", "--rho", "1.5", "--extent", "0.3", "--nx", "6", "--ny", "6",
                "--out", csv.toString(), "--png", png.toString());
        assertEquals(0, r.code(), r.err());
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head);

        Path bif = dir.resolve("bif.png");
        CliRun r2 = run("bifurcation", "--landscape", "quartic", "--rho-from", "0.5", "--rho-to", "1.5", "--rho-steps", "3",
                "--out", dir.resolve("bif.csv").toString(), "--png", bif.toString());
        assertEquals(0, r2.code(), r2.err());
        assertTrue(Files.size(bif) > 1000);

        // a 1-D basin map has no 2-D chart; a region sweep has no bifurcation diagram: refused before any work
        Path none = dir.resolve("none.csv");
        CliRun bad = run("basins", "--landscape", "quartic", "--rho", "1.5", "--out", none.toString(),
                "--png", dir.resolve("q.png").toString());
        assertEquals(2, bad.code());
        assertEquals("samlab: --png draws 2-D basin maps; landscape quartic has dimension 1", bad.err().strip());
        CliRun bad2 = run("bifurcation", "--landscape", "quartic", "--rho-from", "1", "--rho-to", "1.5", "--eta-to", "0.3",
                "--out", none.toString(), "--png", dir.resolve("r.png").toString());
        assertEquals(2, bad2.code());
        assertFalse(Files.exists(none));
    }

    @Test
    void oneStepRangesAreTheirFirstValue() throws IOException {
        // numpy.linspace(0.5, 1.9, 1) == [0.5]: the midpoint 1.2 must not appear
        Path out = dir.resolve("one.csv");
        CliRun r = run("bifurcation", "--landscape", "quartic", "--rho-steps", "1", "--rho-from", "0.5", "--rho-to", "1.9",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out).subList(1, Files.readAllLines(out).size());
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(l -> l.startsWith("0.5,")), rows.toString());

        Path region = dir.resolve("region1.csv");
        CliRun r2 = run("bifurcation", "--landscape", "quartic", "--rho-from", "1.5", "--rho-to", "1.5", "--rho-steps", "1",
                "--eta", "0.1", "--eta-to", "0.3", "--eta-steps", "1", "--out", region.toString());
        assertEquals(0, r2.code(), r2.err());
        List<String> rl = Files.readAllLines(region);
        assertEquals(2, rl.size(), rl.toString());
        assertTrue(rl.get(1).startsWith("0.1,1.5,"), rl.get(1));

        // one start along x: at x = -L (the 1-D quartic from -0.3 settles at the hallucinated -0.5)
        Path basins = dir.resolve("b1.csv");
        CliRun r3 = run("basins", "--landscape", "quartic", "--rho", "1.5", "--extent", "0.3", "--nx", "1",
                "--iterations", "2000", "--out", basins.toString());
        assertEquals(0, r3.code(), r3.err());
        assertEquals(List.of("x,y,outcome,label", "-0.3,0.0,1,hallucinated_minimizer (-0.5)"),
                Files.readAllLines(basins).stream().map(l -> l.replaceFirst(",\\d+,", ",1,")).toList());
    }

    @Test
    void largeRhoLabelsTheMaximizerAsAtSmallRho() {
        for (String[] c : new String[][] {{"ring", "3", "critical (0, 0)"}, {"ring", "10", "critical (0, 0)"},
                {"quartic", "3", "critical (0)"}, {"quartic", "1000", "critical (0)"}}) {
            Path out = dir.resolve(c[0] + c[1] + ".csv");
            CliRun r = run("basins", "--landscape", c[0], "--rho", c[1], "--extent", "2", "--nx", "5", "--ny", "5",
                    "--iterations", "50", "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("       1  " + c[2] + "\n"), c[0] + " rho " + c[1] + ": " + r.out());
            assertFalse(r.out().contains("unmatched"), r.out());
        }
    }

    @Test
    void chartOptionsThatCannotWorkFailBeforeAnyFileIsWritten() throws IOException {
        Path csv = dir.resolve("n1.csv"), png = dir.resolve("n1.png");
        CliRun r = run("basins", "--landscape", "ring", "--rho", "1.5", "--nx", "1", "--out", csv.toString(), "--png", png.toString());
        assertEquals(2, r.code());
        assertEquals("samlab: --png with --nx 1 --ny 200; allowed: a chart needs --nx >= 2 and --ny >= 2", r.err().strip());
        CliRun same = run("basins", "--landscape", "ring", "--rho", "1.5", "--nx", "4", "--ny", "4", "--out", csv.toString(),
                "--png", csv.toString());
        assertEquals(2, same.code());
        assertEquals("samlab: --png " + csv + " is the same file as --out; allowed: two different files", same.err().strip());
        CliRun same2 = run("bifurcation", "--landscape", "quartic", "--rho-from", "1", "--rho-to", "2", "--rho-steps", "2",
                "--out", csv.toString(), "--png", csv.toString());
        assertEquals(2, same2.code(), same2.err());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.toList(), "nothing written");
        }
    }

    @Test
    void benchPrintsStepsPerSecond() {
        CliRun r = run("bench", "basins", "--grid", "20", "--iterations", "50", "--repeats", "1", "--skip-map");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("SAM steps/s"), r.out());
        // the fast path and the one-start path end on the same bits
        assertTrue(r.out().contains("endpoints bit-identical: yes"), r.out());
        CliRun bad = run("bench", "basins", "--grid", "1");
        assertEquals(2, bad.code());
        assertEquals("samlab: --grid 1; allowed: 2 to 20000", bad.err().strip());
    }
}
