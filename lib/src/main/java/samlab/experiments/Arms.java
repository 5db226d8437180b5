package samlab.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The arms of one experiment of the study: each subfolder of an experiment folder that holds run
 * tables is one arm, named by the folder (e.g. {@code sam}, {@code warm0.1}, {@code gd} under
 * {@code data/results/study/e0-confound/eta0.5}); runs inside an arm are named by {@code samlab sweep}
 * ({@code sam-rho5.0-seed2}). One summary table over all arms, with the arm as its first column.
 */
public final class Arms {
    private final Map<String, SweepResults> arms;

    private Arms(Map<String, SweepResults> arms) {
        if (arms.isEmpty()) throw new IllegalArgumentException("no arms");
        this.arms = arms;
    }

    /**
     * Arms given in this order.
     *
     * @param arms arm name → its runs
     * @return the arms
     * @throws IllegalArgumentException if {@code arms} is empty
     */
    public static Arms of(Map<String, SweepResults> arms) {
        return new Arms(new LinkedHashMap<>(arms));
    }

    /**
     * Every subfolder of {@code dir} with at least one run table, in the order of {@code order} (names
     * not listed come after, alphabetically); folders without run tables are skipped.
     *
     * @param dir   an experiment folder
     * @param order arm names to put first, in this order (names without a folder are skipped)
     * @return the arms
     * @throws IllegalArgumentException if {@code dir} is not a folder, has no subfolder with a run
     *     table, or an arm's run tables fail {@link SweepResults#load}
     * @throws UncheckedIOException     if a folder cannot be listed
     */
    public static Arms load(Path dir, String... order) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("results folder " + dir + " does not exist");
        List<Path> subs;
        try (Stream<Path> s = Files.list(dir)) {
            subs = s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<String> ordered = new ArrayList<>(List.of(order));
        for (Path p : subs) if (!ordered.contains(p.getFileName().toString())) ordered.add(p.getFileName().toString());
        Map<String, SweepResults> m = new LinkedHashMap<>();
        for (String name : ordered) {
            Path p = dir.resolve(name);
            if (Files.isDirectory(p) && hasRuns(p)) m.put(name, SweepResults.load(p));
        }
        if (m.isEmpty()) throw new IllegalArgumentException("no arm with run tables under " + dir);
        return new Arms(m);
    }

    private static boolean hasRuns(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .anyMatch(n -> n.endsWith(".csv") && !n.endsWith("-steps.csv") && !n.equals("summary.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** @return the arm names, in order */
    public List<String> names() {
        return List.copyOf(arms.keySet());
    }

    /**
     * The runs of one arm.
     *
     * @param name an arm name ({@link #names()})
     * @return its runs
     * @throws NullPointerException     if {@code name} is null
     * @throws IllegalArgumentException if there is no arm {@code name}
     */
    public SweepResults arm(String name) {
        SweepResults r = arms.get(Objects.requireNonNull(name, "name"));
        if (r == null) throw new IllegalArgumentException("no arm '" + name + "'; arms: " + arms.keySet());
        return r;
    }

    /** {@link SweepResults#summary()} of every arm, one table, with an {@code arm} column first. */
    public Table summary() {
        Table out = null;
        for (var e : arms.entrySet()) {
            Table s = e.getValue().summary();
            StringColumn arm = StringColumn.create("arm");
            for (int i = 0; i < s.rowCount(); i++) arm.append(e.getKey());
            s.insertColumn(0, arm);
            if (out == null) out = s.copy();
            else out.append(s);
        }
        out.setName("runs by arm");
        return out;
    }
}
