package samlab.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.factory.Nd4j;
import samlab.Samlab;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Where a result came from; appended as constant columns to every result table. */
public record Provenance(String dataset, String datasetSource, String model, String optimizer, long seed,
                        String version, String commit, String jdk, String backend, String date) {

    /** No provenance (all fields empty), e.g. for a table's column layout. */
    static final Provenance EMPTY = new Provenance("", "", "", "", 0, "", "", "", "", "");

    /** Captures the environment now: library version, git commit (or "unknown"), JDK, ND4J backend, UTC date. */
    public static Provenance capture(String dataset, String datasetSource, String model, String optimizer, long seed) {
        return new Provenance(dataset, datasetSource, model, optimizer, seed, Samlab.version(), gitCommit(),
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"), currentBackend(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** The ND4J backend, its BLAS and whether oneDNN is in use, e.g. "CPU CpuBackend, OPENBLAS, oneDNN". */
    public static String currentBackend() {
        try {
            var env = Nd4j.getExecutioner().getEnvironmentInformation();
            String b = env.getProperty("backend") + " " + Nd4j.getBackend().getClass().getSimpleName()
                    + ", " + env.getProperty("blas.vendor");
            return org.nd4j.nativeblas.Nd4jCpu.Environment.getInstance().isUseMKLDNN() ? b + ", oneDNN" : b;
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
    }

    private static volatile String cachedCommit;

    /**
     * SAMLAB_GIT_COMMIT if set, else the commit of the checkout the library was loaded from
     * ({@code git describe --always --dirty}, so a modified tree says so), else "unknown" (asked once per JVM).
     */
    static String gitCommit() {
        String c = cachedCommit;
        if (c == null) cachedCommit = c = askGit();
        return c;
    }

    private static String askGit() {
        String env = System.getenv("SAMLAB_GIT_COMMIT");
        if (env != null && !env.isBlank()) return env.trim();
        try {
            // ask in the folder of the library's jar or classes, not the working folder: runs started
            // from elsewhere still record the checkout that produced them
            java.io.File where = new java.io.File(Samlab.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Process p = new ProcessBuilder("git", "describe", "--always", "--long", "--dirty", "--abbrev=12")
                    .directory(where.isDirectory() ? where : where.getParentFile()).redirectErrorStream(true).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unknown";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && out.matches("[\\w.-]{7,80}") ? out : "unknown";
        } catch (IOException | InterruptedException | java.net.URISyntaxException | SecurityException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** Adds the provenance columns to {@code table} (same value on every row). */
    public Table appendTo(Table table) {
        int n = table.rowCount();
        String[][] text = {{"dataset", dataset}, {"dataset_source", datasetSource}, {"model", model},
                {"optimizer", optimizer}, {"samlab_version", version}, {"git_commit", commit}, {"jdk", jdk},
                {"backend", backend}, {"date", date}};
        for (String[] kv : text) {
            StringColumn c = StringColumn.create(kv[0]);
            for (int i = 0; i < n; i++) c.append(kv[1]);
            table.addColumns(c);
        }
        LongColumn s = LongColumn.create("seed");
        for (int i = 0; i < n; i++) s.append(seed);
        table.addColumns(s);
        return table;
    }
}
