package samlab.plot;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;
import samlab.progress.ProgressSink;

/**
 * A named set of course figures, found by {@link ServiceLoader}: list an implementation in
 * {@code META-INF/services/samlab.plot.FigureCatalog}. {@code samlab figure NAME --out DIR} writes any
 * of them. Figures are built only when asked for, since some run a sweep first.
 */
public interface FigureCatalog {
    /**
     * Figure name (as {@link Figure#name()} will return it) → how to build it.
     *
     * @param progress where a figure that runs a sweep first reports it
     */
    Map<String, Supplier<Figure>> figures(ProgressSink progress);

    /**
     * Every catalog's figures by name, sorted; a name claimed twice is an error.
     *
     * @param progress where a figure that runs a sweep first reports it
     * @return figure name → how to build it, over all catalogs the {@link ServiceLoader} finds
     * @throws IllegalArgumentException if a catalog's figure name is not lower-case letters and
     *     digits in dash-separated words
     * @throws IllegalStateException    if two catalogs claim the same name
     */
    static Map<String, Supplier<Figure>> all(ProgressSink progress) {
        Map<String, Supplier<Figure>> all = new TreeMap<>();
        for (FigureCatalog c : ServiceLoader.load(FigureCatalog.class)) {
            for (var e : c.figures(progress).entrySet()) {
                if (all.putIfAbsent(FigureNames.check(e.getKey()), e.getValue()) != null) {
                    throw new IllegalStateException("figure name " + e.getKey() + " is claimed by two catalogs (one is "
                            + c.getClass().getName() + ")");
                }
            }
        }
        return all;
    }
}
