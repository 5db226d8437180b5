package samlab.experiments;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where committed results live: {@code data/results/} of the checkout, found from the working directory upwards. */
public final class ResultsDirectory {
    private ResultsDirectory() {}

    /**
     * {@code data/results} in {@code start} or the closest parent that has one.
     *
     * @param start the folder to search from (relative paths against the working directory)
     * @return the absolute, normalised {@code data/results} folder
     * @throws IllegalArgumentException if neither {@code start} nor any parent of it has a
     *     {@code data/results} folder
     */
    public static Path locate(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("data").resolve("results");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalArgumentException("no data/results folder in " + start.toAbsolutePath() + " or its parents; "
                + "run the notebook from inside the samlab checkout");
    }

    /**
     * The folder of one experiment, e.g. {@code mnist-fullbatch}, from the working directory.
     *
     * @param name the experiment's folder under {@code data/results}
     * @return that folder
     * @throws IllegalArgumentException if no {@code data/results} folder is found from the working
     *     directory upwards, or it has no folder {@code name}
     */
    public static Path experiment(String name) {
        Path dir = locate(Path.of("")).resolve(name);
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no committed results for experiment '" + name + "' at " + dir);
        return dir;
    }
}
