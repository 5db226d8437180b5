package samlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecTest {
    static KernelSpec spec(int feature) {
        return new KernelSpec(Path.of("/jdk/bin/java"), feature, Path.of("/repo/kernel.jar"),
                List.of("/repo/lib/target/samlab.jar", "/repo/lib/target/lib/*"),
                List.of("samlab", "samlab.progress"), Map.of("MALLOC_CONF", "retain:true"));
    }

    @Test
    void unsafeFlagOnlyFromJdk24() {
        assertFalse(KernelSpec.jvmFlags(17).contains("--sun-misc-unsafe-memory-access=allow"));
        assertFalse(KernelSpec.jvmFlags(23).contains("--sun-misc-unsafe-memory-access=allow"));
        assertTrue(KernelSpec.jvmFlags(24).contains("--sun-misc-unsafe-memory-access=allow"));
        for (int v : new int[] {17, 25}) {
            List<String> flags = KernelSpec.jvmFlags(v);
            assertTrue(flags.contains("--enable-native-access=ALL-UNNAMED"));
            assertTrue(flags.contains("-Djava.awt.headless=true"));
            assertTrue(flags.contains("-Dsamlab.progress.sink=samlab.jupyter.NotebookProgress$Sink"));
        }
    }

    @Test
    void kernelJsonStartsTheKernelJarWithClasspathAndInitScript() {
        String json = spec(25).kernelJson(Path.of("/k/init.jshell"));
        assertTrue(json.contains("\"argv\": [\"/jdk/bin/java\", \"--enable-native-access=ALL-UNNAMED\""), json);
        assertTrue(json.contains("\"--sun-misc-unsafe-memory-access=allow\""), json);
        assertTrue(json.contains("\"-jar\", \"/repo/kernel.jar\", \"{connection_file}\"]"), json);
        assertTrue(json.contains("\"RJK_CLASSPATH\": \"/repo/lib/target/samlab.jar;/repo/lib/target/lib/*\""), json);
        assertTrue(json.contains("\"RJK_INIT_SCRIPT\": \"/k/init.jshell\""), json);
        assertTrue(json.contains("\"MALLOC_CONF\": \"retain:true\""), json);
        assertTrue(json.contains("\"display_name\": \"Java (samlab)\""), json);
        assertFalse(spec(17).kernelJson(Path.of("/k/i")).contains("unsafe"));
    }

    @Test
    void initScriptIsImportsOnly() {
        assertEquals("import samlab.*;\nimport samlab.progress.*;\n", spec(17).initScript());
    }

    @Test
    void quoteEscapesJson() {
        assertEquals("\"a\\\"b\\\\c\\n\"", KernelSpec.quote("a\"b\\c\n"));
    }

    @Test
    void badInputIsRejectedWithTheValue() {
        IllegalArgumentException old = assertThrows(IllegalArgumentException.class, () -> new KernelSpec(
                Path.of("/j"), 11, Path.of("/k.jar"), List.of("/a.jar"), List.of(), Map.of()));
        assertTrue(old.getMessage().contains("11"), old.getMessage());
        IllegalArgumentException rel = assertThrows(IllegalArgumentException.class, () -> new KernelSpec(
                Path.of("/j"), 17, Path.of("/k.jar"), List.of("lib/*"), List.of(), Map.of()));
        assertTrue(rel.getMessage().contains("lib/*"), rel.getMessage());
    }

    @Test
    void packagesComeFromTheJarLeavingPlumbingOut(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("samlab.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("samlab/Samlab.class", "samlab/landscape/Objective.class",
                    "samlab/landscape/package-info.class", "samlab/cli/Main.class", "samlab/io/AtomicFiles.class",
                    "samlab/empty/package-info.class", "simplelogger.properties")) {
                out.putNextEntry(new ZipEntry(name));
                out.closeEntry();
            }
        }
        assertEquals(List.of("samlab", "samlab.io", "samlab.landscape"), KernelSpec.samlabPackages(jar));
    }

    @Test
    void writesBothFiles(@TempDir Path dir) throws IOException {
        Path k = dir.resolve("kernels/samlab-java");
        spec(17).writeTo(k);
        assertEquals(spec(17).initScript(), Files.readString(k.resolve("init.jshell")));
        assertTrue(Files.readString(k.resolve("kernel.json")).contains(k.resolve("init.jshell").toAbsolutePath().toString()));
    }
}
