package samlab.jupyter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import samlab.io.AtomicFiles;
import samlab.progress.ProgressSink;

/**
 * The project-local Jupyter kernelspec for the course: a {@code kernel.json} that starts the rapaio
 * kernel on the JDK that ran this generator, with that JDK's flags, the library on the kernel's
 * classpath, the notebook progress sink, and an init script importing the course packages.
 * Everything is absolute and generated at build time into {@code build/}; nothing is committed.
 *
 * <p>Run by {@code ./course}: {@code KernelSpec --dir D --kernel-jar K --samlab-jar S --classpath E ...}.
 */
public record KernelSpec(Path java, int javaFeature, Path kernelJar, List<String> classpath,
                         List<String> imports, Map<String, String> extraEnv) {
    public static final String NAME = "samlab-java";
    public static final String DISPLAY_NAME = "Java (samlab)";
    /** Packages imported in every notebook besides the samlab packages found in the jar. */
    static final List<String> THIRD_PARTY_IMPORTS = List.of("tech.tablesaw.api", "org.knowm.xchart");
    /** samlab packages that are plumbing, not course vocabulary. */
    static final List<String> NOT_IMPORTED = List.of("samlab.cli", "samlab.jupyter");

    public KernelSpec {
        if (javaFeature < 17) throw new IllegalArgumentException("Java " + javaFeature + " is too old; the course needs 17 or newer");
        if (classpath.isEmpty()) throw new IllegalArgumentException("classpath must name the samlab jars");
        for (String entry : classpath) {
            if (!Path.of(entry.replace("*", "x")).isAbsolute() || entry.contains(";")) {
                throw new IllegalArgumentException("classpath entry '" + entry + "' must be an absolute path without ';'");
            }
        }
        classpath = List.copyOf(classpath);
        imports = List.copyOf(imports);
        extraEnv = Map.copyOf(extraEnv);
    }

    /** JVM flags for a JDK feature release: native access for ND4J, headless AWT for charts. */
    public static List<String> jvmFlags(int javaFeature) {
        List<String> flags = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true"));
        // JDK 24+ warns on JavaCPP's sun.misc.Unsafe use; JDK 17 rejects the flag.
        if (javaFeature >= 24) flags.add("--sun-misc-unsafe-memory-access=allow");
        flags.add("-D" + ProgressSink.SINK_PROPERTY + "=" + NotebookProgress.Sink.class.getName());
        // The kernel jar bundles its own slf4j-simple; keep ND4J's start-up INFO lines out of cells.
        flags.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        return flags;
    }

    /** The samlab packages in a jar that notebooks import, sorted; plumbing packages left out. */
    public static List<String> samlabPackages(Path jar) {
        TreeSet<String> packages = new TreeSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith("samlab/") && n.endsWith(".class") && !n.endsWith("package-info.class"))
                    .map(n -> n.substring(0, n.lastIndexOf('/')).replace('/', '.'))
                    .filter(p -> NOT_IMPORTED.stream().noneMatch(x -> p.equals(x) || p.startsWith(x + ".")))
                    .forEach(packages::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the samlab jar " + jar, e);
        }
        if (packages.isEmpty()) throw new IllegalArgumentException(jar + " holds no samlab classes");
        return List.copyOf(packages);
    }

    /** The kernel's argv and environment as Jupyter reads them. */
    public String kernelJson(Path initScript) {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(jvmFlags(javaFeature));
        argv.add("-jar");
        argv.add(kernelJar.toString());
        argv.add("{connection_file}");
        Map<String, String> env = new TreeMap<>(extraEnv);
        env.put("RJK_CLASSPATH", String.join(";", classpath));
        env.put("RJK_INIT_SCRIPT", initScript.toString());
        env.put("RJK_COMPILER_OPTIONS", "");
        env.put("RJK_TIMEOUT_MILLIS", "-1");

        StringBuilder sb = new StringBuilder("{\n  \"argv\": [");
        for (int i = 0; i < argv.size(); i++) sb.append(i == 0 ? "" : ", ").append(quote(argv.get(i)));
        sb.append("],\n  \"display_name\": ").append(quote(DISPLAY_NAME));
        sb.append(",\n  \"language\": \"java\",\n  \"interrupt_mode\": \"message\",\n  \"env\": {");
        int i = 0;
        for (var e : env.entrySet()) {
            sb.append(i++ == 0 ? "\n" : ",\n").append("    ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
        }
        return sb.append("\n  },\n  \"metadata\": {\"generated_by\": \"./course (samlab.jupyter.KernelSpec)\"}\n}\n").toString();
    }

    /**
     * The init script: imports only. The kernel evaluates the file as one JShell snippet, so a
     * statement after the imports is rejected and the kernel dies at start (measured on 3.0.1).
     */
    public String initScript() {
        StringBuilder sb = new StringBuilder();
        for (String p : imports) sb.append("import ").append(p).append(".*;\n");
        return sb.toString();
    }

    /** Writes kernel.json and init.jshell into {@code dir} (created if needed), each atomically. */
    public void writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create kernel directory " + dir, e);
        }
        Path init = dir.toAbsolutePath().resolve("init.jshell");
        AtomicFiles.writeString(init, initScript());
        AtomicFiles.writeString(dir.resolve("kernel.json"), kernelJson(init));
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Command line: {@code --dir D --kernel-jar K --samlab-jar S --classpath E [--classpath E ...] [--env K=V ...]}. */
    public static void main(String[] args) {
        try {
            Path dir = null, kernelJar = null, samlabJar = null;
            List<String> cp = new ArrayList<>();
            Map<String, String> env = new TreeMap<>();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) throw new IllegalArgumentException("option " + args[i] + " needs a value");
                switch (args[i]) {
                    case "--dir" -> dir = Path.of(value);
                    case "--kernel-jar" -> kernelJar = Path.of(value).toAbsolutePath();
                    case "--samlab-jar" -> samlabJar = Path.of(value).toAbsolutePath();
                    case "--classpath" -> cp.add(value);
                    case "--env" -> {
                        int eq = value.indexOf('=');
                        if (eq <= 0) throw new IllegalArgumentException("--env " + value + " must look like NAME=VALUE");
                        env.put(value.substring(0, eq), value.substring(eq + 1));
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; allowed: --dir, --kernel-jar, --samlab-jar, --classpath, --env");
                }
                i++;
            }
            if (dir == null || kernelJar == null || samlabJar == null) {
                throw new IllegalArgumentException("--dir, --kernel-jar and --samlab-jar are required");
            }
            if (!Files.isRegularFile(kernelJar)) throw new IllegalArgumentException("kernel jar " + kernelJar + " does not exist");
            List<String> imports = new ArrayList<>(samlabPackages(samlabJar));
            imports.addAll(THIRD_PARTY_IMPORTS);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            KernelSpec spec = new KernelSpec(java, Runtime.version().feature(), kernelJar, cp, imports, env);
            spec.writeTo(dir);
            System.out.println(dir.resolve("kernel.json"));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("KernelSpec: " + e.getMessage());
            System.exit(2);
        }
    }
}
