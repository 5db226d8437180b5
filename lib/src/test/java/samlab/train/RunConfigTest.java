package samlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigTest {
    private static RunConfig of(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return new RunConfig(m);
    }

    @Test
    void canonicalTextRoundTripsInOrder(@TempDir Path dir) throws Exception {
        RunConfig c = of("--epochs", "2", "--rho", "0.05", "train-data", "synthetic:60:samlab.train.SyntheticImages(n=60)");
        Path f = dir.resolve("run.config");
        c.write(f);
        assertEquals("# samlab run configuration: every setting that shapes the run's numbers\n"
                + "--epochs = 2\n--rho = 0.05\ntrain-data = synthetic:60:samlab.train.SyntheticImages(n=60)\n", Files.readString(f));
        assertEquals(c, RunConfig.read(f));
        assertEquals(java.util.List.copyOf(c.values().keySet()), java.util.List.copyOf(RunConfig.read(f).values().keySet()));
    }

    @Test
    void firstDifferenceInCanonicalOrderIncludingMissingEntries() {
        RunConfig a = of("--epochs", "2", "--rho", "0.05", "eval-every", "24");
        assertEquals(Optional.empty(), a.firstDifference(of("--epochs", "2", "--rho", "0.05", "eval-every", "24")));
        var d = a.firstDifference(of("--epochs", "3", "--rho", "0.1", "eval-every", "24")).orElseThrow();
        assertEquals(new RunConfig.Difference("--epochs", "2", "3"), d);
        assertEquals("--epochs 2 (stored), 3 (this sweep)", d.describe("stored", "this sweep"));
        var missing = a.firstDifference(of("--epochs", "2", "--rho", "0.05")).orElseThrow();
        assertEquals("eval-every 24 (checkpoint), (not set) (this run)", missing.describe("checkpoint", "this run"));
    }

    @Test
    void refusesWhatCannotBeOneLineAndNamesAFileThatIsNotAConfiguration(@TempDir Path dir) throws Exception {
        assertThrows(IllegalArgumentException.class, () -> of("a", "x\ny"));
        Path f = dir.resolve("x.config");
        Files.writeString(f, "hello\n");
        var e = assertThrows(IllegalArgumentException.class, () -> RunConfig.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("hello"), e.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> RunConfig.read(dir.resolve("none.config")));
        assertTrue(missing.getMessage().contains("does not exist"));
    }

    @Test
    void nullNameOrValueIsNamed() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        m.put("epochs", null);
        var e = assertThrows(NullPointerException.class, () -> new RunConfig(m));
        assertTrue(e.getMessage().contains("'epochs' has a null value"), e.getMessage());
        java.util.Map<String, String> n = new java.util.HashMap<>();
        n.put(null, "3");
        e = assertThrows(NullPointerException.class, () -> new RunConfig(n));
        assertTrue(e.getMessage().contains("name is null"), e.getMessage());
    }
}
