package samlab.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The files of one run, all beside its epoch table {@code NAME.csv}: the step table
 * {@code NAME-steps.csv}, the checkpoint {@code NAME.ckpt} and the configuration
 * {@code NAME.config}. The configuration is written last, so a run is complete exactly when it
 * exists together with both tables ({@link #complete()}).
 *
 * @param csv the epoch table; its name without {@code .csv} is the run's stem
 */
public record RunFiles(Path csv) {
    public RunFiles {
        Objects.requireNonNull(csv, "csv");
    }

    /** The run {@code name} in folder {@code dir}. */
    public static RunFiles in(Path dir, String name) {
        return new RunFiles(dir.resolve(name + ".csv"));
    }

    /** The file name without a trailing {@code .csv}. */
    static String stem(Path csv) {
        String name = csv.getFileName().toString();
        return name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }

    public String stem() {
        return stem(csv);
    }

    public Path steps() {
        return csv.resolveSibling(stem() + "-steps.csv");
    }

    public Path checkpoint() {
        return csv.resolveSibling(stem() + ".ckpt");
    }

    public Path config() {
        return csv.resolveSibling(stem() + ".config");
    }

    /** Both tables and, written after them, the configuration exist. */
    public boolean complete() {
        return Files.exists(config()) && Files.exists(csv) && Files.exists(steps());
    }
}
