package samlab.experiments;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where committed results live: {@code data/results/} of the checkout, found from the working directory upwards. */
public final class ResultsDirectory {
    private ResultsDirectory() {}

    /** {@code data/results} in {@code start} or the closest parent that has one. */
    public static Path locate(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("data").resolve("results");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalArgumentException("no data/results folder in " + start.toAbsolutePath() + " or its parents; "
                + "run the notebook from inside the samlab checkout");
    }

    /** The folder of one experiment, e.g. {@code mnist-fullbatch}, from the working directory. */
    public static Path experiment(String name) {
        Path dir = locate(Path.of("")).resolve(name);
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no committed results for experiment '" + name + "' at " + dir);
        return dir;
    }
}
