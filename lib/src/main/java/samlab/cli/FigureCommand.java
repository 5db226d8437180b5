package samlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import samlab.io.AtomicFiles;
import samlab.plot.Figure;
import samlab.plot.FigureCatalog;
import samlab.plot.FigureWriter;

/** {@code samlab figure NAME… --out DIR}: writes course figures as PNG and SVG, no Jupyter needed. */
@Command(name = "figure", mixinStandardHelpOptions = true,
        description = "Write course figures as NAME.png and NAME.svg (720 px wide, each at its own height). Use --list to see the names.")
public final class FigureCommand implements Runnable {
    @Parameters(arity = "0..*", paramLabel = "NAME", description = "figures to write")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "write every figure")
    boolean all;

    @Option(names = "--list", description = "print the figure names and exit")
    boolean list;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "figures", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Spec
    CommandSpec spec;

    /**
     * Writes the named figures (or lists them); the CLI turns each exception into one line and exit code 2.
     *
     * @throws IllegalArgumentException if --list is combined with --all or names, --all with names, no
     *         figure is named, a name is unknown, or the output folder is not writable
     * @throws IllegalStateException    if two figure catalogs claim one name
     */
    @Override
    public void run() {
        // every option first: bad input must fail before the work and write nothing
        if (list && (all || !names.isEmpty())) {
            throw new IllegalArgumentException("--list with " + (all ? "--all" : "figure names " + names) + "; allowed: --list alone");
        }
        if (all && !names.isEmpty()) {
            throw new IllegalArgumentException("--all with figure names " + names + "; allowed: --all or names, not both");
        }
        Map<String, Supplier<Figure>> catalog = FigureCatalog.all(Main.progress(spec));
        var stdout = spec.commandLine().getOut();
        if (list) {
            catalog.keySet().forEach(stdout::println);
            return;
        }
        List<String> wanted = all ? new ArrayList<>(catalog.keySet()) : names;
        if (wanted.isEmpty()) throw new IllegalArgumentException("name at least one figure, or use --all or --list");
        for (String n : wanted) {
            if (!catalog.containsKey(n)) {
                throw new IllegalArgumentException("no figure named '" + n + "'; known figures: "
                        + (catalog.isEmpty() ? "none (no FigureCatalog is registered)" : String.join(", ", catalog.keySet())));
            }
        }
        AtomicFiles.checkWritable(out.resolve(wanted.get(0) + ".png"));
        for (String n : wanted) {
            Figure f = catalog.get(n).get();
            if (!f.name().equals(n)) throw new IllegalStateException("catalog entry " + n + " built a figure named " + f.name());
            for (Path p : FigureWriter.writeAll(f, out)) stdout.println(p);
        }
    }
}
