package samlab.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import samlab.io.AtomicFiles;

/**
 * A run's complete configuration in canonical form: every setting that shapes its numbers, by name,
 * with its value as text, in a fixed order (the caller's options sorted by name, then the trainer's
 * own settings). Written as {@code RUN.config} beside a run's CSVs (one {@code name = value} line
 * each) and inside its checkpoint; a resumed run or a repeated sweep compares the whole of it.
 *
 * @param values name → value, in canonical order
 */
public record RunConfig(Map<String, String> values) {
    private static final String HEADER = "# samlab run configuration: every setting that shapes the run's numbers";

    /**
     * Copies {@code values}, keeping their order.
     *
     * @throws NullPointerException     if {@code values}, a name or a value is null
     * @throws IllegalArgumentException if a name is blank or holds '=' or a line break, or a value
     *     holds a line break
     */
    public RunConfig {
        java.util.Objects.requireNonNull(values, "values");
        for (var e : values.entrySet()) {
            java.util.Objects.requireNonNull(e.getKey(), "a configuration name is null");
            java.util.Objects.requireNonNull(e.getValue(), () -> "configuration entry '" + e.getKey() + "' has a null value");
        }
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        for (var e : values.entrySet()) {
            if (e.getKey().isBlank() || e.getKey().contains("=") || e.getKey().contains("\n") || e.getValue().contains("\n")) {
                throw new IllegalArgumentException("configuration entry '" + e.getKey() + "' cannot be written on one line");
            }
        }
    }

    /** The first setting (in canonical order) whose value differs, with both values. */
    public record Difference(String name, String expected, String actual) {
        /** E.g. {@code --rho 0.05 (this run: 0.1)}; an absent value reads "(not set)". */
        public String describe(String expectedLabel, String actualLabel) {
            return name + " " + show(expected) + " (" + expectedLabel + "), " + show(actual) + " (" + actualLabel + ")";
        }

        private static String show(String v) {
            return v == null ? "(not set)" : v;
        }
    }

    /** The first difference between {@code this} (what was stored) and {@code other} (this run), if any. */
    public Optional<Difference> firstDifference(RunConfig other) {
        Set<String> names = new LinkedHashSet<>(values.keySet());
        names.addAll(other.values.keySet());
        for (String n : names) {
            String a = values.get(n);
            String b = other.values.get(n);
            if (a == null ? b != null : !a.equals(b)) return Optional.of(new Difference(n, a, b));
        }
        return Optional.empty();
    }

    /** The canonical text: a header line, then {@code name = value} lines. */
    public String toText() {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        values.forEach((k, v) -> s.append(k).append(" = ").append(v).append('\n'));
        return s.toString();
    }

    /**
     * Parses {@link #toText()}: blank lines and lines starting with '#' are skipped.
     *
     * @param text  the text
     * @param where what the text is, for the message (e.g. "run configuration FILE")
     * @return the configuration
     * @throws IllegalArgumentException if another line holds no {@code " = "} after a non-empty name
     */
    public static RunConfig parse(String text, String where) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty() || line.startsWith("#")) continue;
            int i = line.indexOf(" = ");
            if (i <= 0) throw new IllegalArgumentException(where + " is not a run configuration (line '" + line + "')");
            m.put(line.substring(0, i), line.substring(i + 3));
        }
        return new RunConfig(m);
    }

    /**
     * Writes the canonical text atomically ({@link AtomicFiles#write}).
     *
     * @param file the target
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public void write(Path file) {
        AtomicFiles.write(file, out -> out.write(toText().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @param file the file
     * @return the configuration
     * @throws IllegalArgumentException if it is missing or not a run configuration
     * @throws UncheckedIOException     if it exists but cannot be read
     */
    public static RunConfig read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), "run configuration " + file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("run configuration " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run configuration " + file + ": " + e.getMessage(), e);
        }
    }
}
