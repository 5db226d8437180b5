package samlab.experiments;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of one run of a sweep, {@code OPTIMIZER-rhoRHO-seedSEED} (e.g. {@code sam-rho2.0-seed1};
 * plain runs have ρ = 0.0), as {@code samlab sweep} names its files and the notebooks name their
 * runs. The one place that knows the format.
 *
 * @param optimizer sgd, sam, usam or asam (lower case)
 * @param rho       the radius, written with {@link Double#toString} (0.0 for plain runs)
 * @param seed      the run's seed
 */
public record RunName(String optimizer, double rho, long seed) {
    private static final Pattern FORMAT = Pattern.compile("(.+?)-rho([0-9.]+(?:E-?[0-9]+)?)-seed(-?[0-9]+)");
    private static final Pattern SORTABLE = Pattern.compile("(.*?)-rho([0-9.]+)(.*)");

    public RunName {
        Objects.requireNonNull(optimizer, "optimizer");
        optimizer = optimizer.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s-rho%s-seed%d", optimizer, rho, seed);
    }

    /** The run name {@code name} as its parts, or empty if it is not in the format. */
    public static Optional<RunName> parse(String name) {
        Matcher m = FORMAT.matcher(name);
        if (!m.matches()) return Optional.empty();
        try {
            return Optional.of(new RunName(m.group(1), Double.parseDouble(m.group(2)), Long.parseLong(m.group(3))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The optimizer of a run table's name: the part before {@code -rho}, or the whole name. */
    public static String optimizerOf(String name) {
        return name.contains("-rho") ? name.substring(0, name.indexOf("-rho")) : name;
    }

    /**
     * Sort key of a run's file name: its optimizer prefix, then ρ as a number (so rho2.0 comes before
     * rho10.0), then the rest of the name; names not in the format sort by themselves.
     */
    public static String sortKey(String fileName) {
        Matcher m = SORTABLE.matcher(fileName);
        if (!m.matches()) return fileName;
        double rho;
        try {
            rho = Double.parseDouble(m.group(2).replaceAll("\\.$", ""));
        } catch (NumberFormatException e) {
            return fileName;
        }
        return m.group(1) + "\u0000" + String.format(Locale.ROOT, "%020.6f", rho) + "\u0000" + m.group(3);
    }
}
