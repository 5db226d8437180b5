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

    /** Captures the environment now: library version, git commit (or "unknown"), JDK, ND4J backend, UTC date. */
    public static Provenance capture(String dataset, String datasetSource, String model, String optimizer, long seed) {
        return new Provenance(dataset, datasetSource, model, optimizer, seed, Samlab.version(), gitCommit(),
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"), currentBackend(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** The ND4J backend and its build, e.g. "CPU (nd4j-native, oneDNN)". */
    public static String currentBackend() {
        try {
            var env = Nd4j.getExecutioner().getEnvironmentInformation();
            String b = String.valueOf(env.getProperty("backend"));
            return b + " nd4j " + Nd4j.class.getPackage().getImplementationVersion();
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
    }

    private static volatile String cachedCommit;

    /** SAMLAB_GIT_COMMIT if set, else {@code git rev-parse HEAD} in the working folder, else "unknown" (asked once per JVM). */
    static String gitCommit() {
        String c = cachedCommit;
        if (c == null) cachedCommit = c = askGit();
        return c;
    }

    private static String askGit() {
        String env = System.getenv("SAMLAB_GIT_COMMIT");
        if (env != null && !env.isBlank()) return env.trim();
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unknown";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && out.matches("[0-9a-f]{7,40}") ? out : "unknown";
        } catch (IOException | InterruptedException e) {
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
