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
        return new KernelSpec(Path.of("/jdk/bin/java"), feature,
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
    void kernelJsonStartsTheKernelClassWithClasspathAndInitScript() {
        String json = spec(25).kernelJson(Path.of("/k/init.jshell"));
        assertTrue(json.contains("\"argv\": [\"/jdk/bin/java\", \"--enable-native-access=ALL-UNNAMED\""), json);
        assertTrue(json.contains("\"--sun-misc-unsafe-memory-access=allow\""), json);
        assertTrue(json.contains("\"-Dsamlab.kernel.init=/k/init.jshell\", \"-cp\", "
                + "\"/repo/lib/target/samlab.jar:/repo/lib/target/lib/*\", \"samlab.jupyter.SamlabKernel\", "
                + "\"{connection_file}\"]"), json);
        assertTrue(json.contains("\"interrupt_mode\": \"message\""), json);
        assertEquals(SamlabKernel.class.getName(), KernelSpec.KERNEL_CLASS);
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
                Path.of("/j"), 11, List.of("/a.jar"), List.of(), Map.of()));
        assertTrue(old.getMessage().contains("11"), old.getMessage());
        IllegalArgumentException rel = assertThrows(IllegalArgumentException.class, () -> new KernelSpec(
                Path.of("/j"), 17, List.of("lib/*"), List.of(), Map.of()));
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

    @Test
    void commandLineWritesTheSpecAndRejectsBadInputWithExitCode2(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("samlab.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("samlab/landscape/Objective.class"));
            out.closeEntry();
        }
        java.io.StringWriter err = new java.io.StringWriter();
        Path k = dir.resolve("k");
        assertEquals(0, KernelSpec.run(new String[] {"--dir", k.toString(), "--samlab-jar", jar.toString(),
                "--classpath", jar.toString(), "--env", "A=b"}, new java.io.PrintWriter(err, true)));
        assertEquals("import samlab.landscape.*;\nimport tech.tablesaw.api.*;\nimport org.knowm.xchart.*;\n",
                Files.readString(k.resolve("init.jshell")));
        assertTrue(Files.readString(k.resolve("kernel.json")).contains("\"A\": \"b\""));
        err.getBuffer().setLength(0);
        assertEquals(2, KernelSpec.run(new String[] {"--dir", k.toString(), "--samlab-jar", jar.toString(),
                "--classpath", "relative/lib"}, new java.io.PrintWriter(err, true)));
        assertTrue(err.toString().contains("'relative/lib'"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }
}
