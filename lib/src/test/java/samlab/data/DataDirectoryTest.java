package samlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
    final Path home = Path.of("/home/u");
    final Map<String, String> property = Map.of("samlab.data", "/from/property");
    final Map<String, String> env = Map.of("SAMLAB_DATA", "/from/env");

    @Test
    void explicitBeatsPropertyBeatsEnvironmentBeatsDefault() {
        assertEquals(Path.of("/explicit"), DataDirectory.resolve(Path.of("/explicit"), property, env, home).root());
        assertEquals(Path.of("/from/property"), DataDirectory.resolve(null, property, env, home).root());
        assertEquals(Path.of("/from/env"), DataDirectory.resolve(null, Map.of(), env, home).root());
        DataDirectory d = DataDirectory.resolve(null, Map.of(), Map.of(), home);
        assertEquals(Path.of("/home/u/.samlab/data"), d.root());
        assertEquals("default", d.origin());
        assertEquals("environment variable SAMLAB_DATA", DataDirectory.resolve(null, Map.of(), env, home).origin());
    }

    @Test
    void blankSettingsAreIgnoredAndCacheHasItsOwnSetting() {
        DataDirectory d = DataDirectory.resolve(null, Map.of("samlab.data", " "), Map.of("SAMLAB_DATA", "/e"), home);
        assertEquals(Path.of("/e"), d.root());
        assertEquals(Path.of("/home/u/.samlab/cache"), d.cache());
        assertEquals(Path.of("/c"), DataDirectory.resolve(null, Map.of(), Map.of("SAMLAB_CACHE", "/c"), home).cache());
        assertEquals(Path.of("/p"), DataDirectory.resolve(null, Map.of("samlab.cache", "/p"),
                Map.of("SAMLAB_CACHE", "/c"), home).cache());
    }

    @Test
    void relativePathsBecomeAbsolute() {
        DataDirectory d = DataDirectory.resolve(Path.of("rel/../data"), Map.of(), Map.of(), home);
        assertEquals(Path.of("data").toAbsolutePath(), d.root());
    }
}
