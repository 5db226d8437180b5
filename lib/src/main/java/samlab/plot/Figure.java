package samlab.plot;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A course figure: a named XChart chart built from a result table. Notebooks render it as PNG;
 * {@code samlab figure} writes it as PNG and SVG.
 */
public interface Figure {
    /** A file-name-safe identifier, e.g. {@code ring-basins}. */
    String name();

    /** The chart, ready to render. */
    Chart<?, ?> chart();
}
