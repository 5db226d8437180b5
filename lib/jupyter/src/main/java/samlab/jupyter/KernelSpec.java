package samlab.jupyter;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import picocli.CommandLine;
import samlab.course.Course;
import samlab.io.AtomicFiles;

/**
 * The project-local Jupyter kernelspec for the course: a {@code kernel.json} that starts
 * {@link SamlabKernel} on the JDK that ran this generator, with that JDK's flags, the library on the
 * class path, the notebook progress sink, and an init script importing the course packages.
 * Everything is absolute and generated at build time into {@code build/}; nothing is committed.
 *
 * <p>Run by {@code ./course build}: {@code KernelSpec --dir D --samlab-jar S --classpath E ...}.
 *
 * @param java the {@code java} launcher the kernel runs on
 * @param javaFeature its feature release, &ge; 17
 * @param classpath absolute class path entries (a trailing {@code *} is the launcher's wildcard)
 * @param imports packages the init script imports on demand
 * @param extraEnv environment variables for the kernel process
 */
public record KernelSpec(Path java, int javaFeature, List<String> classpath,
                         List<String> imports, Map<String, String> extraEnv) {
    /** The kernelspec's folder name (what notebooks' metadata name). */
    public static final String NAME = "samlab-java";
    /** The name Jupyter shows in its kernel menu. */
    public static final String DISPLAY_NAME = "Java (samlab)";
    /** The kernel's main class, by name: the generator runs without the kernel's protocol jars. */
    static final String KERNEL_CLASS = "samlab.jupyter.SamlabKernel";
    /** Packages imported in every notebook besides the samlab packages found in the jar. */
    static final List<String> THIRD_PARTY_IMPORTS = List.of("tech.tablesaw.api", "org.knowm.xchart");
    /** samlab packages that are plumbing, not course vocabulary. */
    static final List<String> NOT_IMPORTED = List.of("samlab.cli", "samlab.jupyter");

    /**
     * Checks the JDK and the class path; copies the lists and the map.
     *
     * @throws IllegalArgumentException if {@code javaFeature < 17}, {@code classpath} is empty, or a
     *     class path entry (with '*' read as a letter) is not absolute or contains the path separator
     * @throws NullPointerException     if {@code classpath}, {@code imports}, {@code extraEnv} or an
     *     element of them is null
     */
    public KernelSpec {
        if (javaFeature < 17) throw new IllegalArgumentException("Java " + javaFeature + " is too old; the course needs 17 or newer");
        if (classpath.isEmpty()) throw new IllegalArgumentException("classpath must name the samlab jars");
        for (String entry : classpath) {
            if (!Path.of(entry.replace("*", "x")).isAbsolute() || entry.contains(File.pathSeparator)) {
                throw new IllegalArgumentException("classpath entry '" + entry + "' must be an absolute path without '"
                        + File.pathSeparator + "'");
            }
        }
        classpath = List.copyOf(classpath);
        imports = List.copyOf(imports);
        extraEnv = Map.copyOf(extraEnv);
    }

    /**
     * JVM flags for a JDK feature release: native access for ND4J, headless AWT for charts, quiet logs.
     *
     * @param javaFeature the JDK's feature release (24+ adds {@code --sun-misc-unsafe-memory-access=allow})
     * @return the flags, in order, including the notebook progress sink
     */
    public static List<String> jvmFlags(int javaFeature) {
        List<String> flags = new ArrayList<>(samlab.Samlab.jvmFlags());
        // JDK 24+ warns on JavaCPP's sun.misc.Unsafe use; JDK 17 rejects the flag.
        if (javaFeature >= 24) flags.add("--sun-misc-unsafe-memory-access=allow");
        flags.add("-D" + Course.PROGRESS_SINK_PROPERTY + "=" + NotebookProgress.Sink.class.getName());
        // slf4j-simple: keep ND4J's and the protocol's start-up INFO lines out of cells and terminals.
        flags.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        return flags;
    }

    /**
     * The samlab packages in a jar that notebooks import, sorted; plumbing packages left out.
     *
     * @param jar the samlab jar
     * @return the packages holding classes under {@code samlab/}, without samlab.cli and samlab.jupyter
     * @throws UncheckedIOException     if the jar cannot be opened or read as a zip file
     * @throws IllegalArgumentException if it holds no class of an importable samlab package
     */
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

    /**
     * The kernel's argv and environment as Jupyter reads them; interrupts arrive as messages.
     *
     * @param initScript the absolute path of the init script
     * @return the {@code kernel.json} text
     */
    public String kernelJson(Path initScript) {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(jvmFlags(javaFeature));
        argv.add("-D" + SamlabKernel.INIT_PROPERTY + "=" + initScript);
        argv.add("-cp");
        argv.add(String.join(File.pathSeparator, classpath));
        argv.add(KERNEL_CLASS);
        argv.add("{connection_file}");
        Map<String, String> env = new TreeMap<>(extraEnv);

        StringBuilder sb = new StringBuilder("{\n  \"argv\": [");
        for (int i = 0; i < argv.size(); i++) sb.append(i == 0 ? "" : ", ").append(quote(argv.get(i)));
        sb.append("],\n  \"display_name\": ").append(quote(DISPLAY_NAME));
        sb.append(",\n  \"language\": \"java\",\n  \"interrupt_mode\": \"message\",\n  \"env\": {");
        int i = 0;
        for (var e : env.entrySet()) {
            sb.append(i++ == 0 ? "\n" : ",\n").append("    ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
        }
        return sb.append(env.isEmpty() ? "},\n" : "\n  },\n")
                .append("  \"metadata\": {\"generated_by\": \"./course (samlab.jupyter.KernelSpec)\"}\n}\n").toString();
    }

    /** The init script: package imports only, so that any Java kernel (IJava, JJava) can run it. */
    public String initScript() {
        StringBuilder sb = new StringBuilder();
        for (String p : imports) sb.append("import ").append(p).append(".*;\n");
        return sb.toString();
    }

    /**
     * Writes kernel.json and init.jshell into {@code dir} (created if needed), each atomically.
     *
     * @param dir the kernelspec folder
     * @throws UncheckedIOException if {@code dir} cannot be created or a file cannot be written
     */
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

    /** The command line of {@code ./course build}. */
    @CommandLine.Command(name = "kernelspec", mixinStandardHelpOptions = true,
            description = "Writes the course kernelspec (kernel.json, init.jshell) into a folder.")
    static final class Command implements Callable<Integer> {
        @CommandLine.Option(names = "--dir", required = true, description = "folder to write, e.g. build/jupyter/kernels/samlab-java")
        Path dir;

        @CommandLine.Option(names = "--samlab-jar", required = true, description = "the samlab jar, scanned for the packages to import")
        Path samlabJar;

        @CommandLine.Option(names = "--classpath", required = true, description = "a kernel class path entry (repeatable)")
        List<String> classpath = new ArrayList<>();

        @CommandLine.Option(names = "--env", description = "NAME=VALUE for the kernel's environment (repeatable)")
        Map<String, String> env = new TreeMap<>();

        @Override
        public Integer call() {
            Path jar = samlabJar.toAbsolutePath();
            if (!Files.isRegularFile(jar)) throw new IllegalArgumentException("samlab jar " + jar + " does not exist");
            List<String> imports = new ArrayList<>(samlabPackages(jar));
            imports.addAll(THIRD_PARTY_IMPORTS);
            Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
            KernelSpec spec = new KernelSpec(javaBin, Runtime.version().feature(), classpath, imports, env);
            spec.writeTo(dir);
            System.out.println(dir.resolve("kernel.json"));
            return 0;
        }
    }

    /** Runs the command line and returns its exit code: 0, or 2 with one line for bad input. */
    static int run(String[] args, PrintWriter err) {
        CommandLine cl = new CommandLine(new Command());
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("KernelSpec: " + ex.getMessage());
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException) {
                err.println("KernelSpec: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.err, true)));
    }
}
