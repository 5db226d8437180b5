package samlab.plot;

import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A course figure: a named chart built from a result table. Notebooks render it as PNG;
 * {@code samlab figure} writes it as PNG and SVG ({@link FigureWriter}). The XChart chart behind it
 * stays inside this package (XChart's common chart type is in its {@code internal} package); tests
 * in {@code samlab.plot} read the chart's data through the package-private {@link #chart()}.
 */
public abstract class Figure {
    private final String name;
    private final Chart<?, ?> chart;

    /** Subclasses live in this package; {@code name} is checked by their builders. */
    Figure(String name, Chart<?, ?> chart) {
        this.name = Objects.requireNonNull(name, "name");
        this.chart = Objects.requireNonNull(chart, "chart");
    }

    /**
     * A figure of a chart built with XChart's public API (a notebook's own {@code XYChart}).
     *
     * @param name  a file-name-safe identifier
     * @param chart the chart, rendered at its own width × height
     * @throws NullPointerException if {@code name} or {@code chart} is null
     */
    public static Figure of(String name, XYChart chart) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(chart, "chart");
        return new Figure(name, chart) {};
    }

    /** A file-name-safe identifier, e.g. {@code ring-basins}. */
    public final String name() {
        return name;
    }

    /** The chart, ready to render. */
    Chart<?, ?> chart() {
        return chart;
    }

    /** The width in pixels at which the figure is rendered (720 for the course figures). */
    public final int width() {
        return chart().getWidth();
    }

    /** The height in pixels at which the figure is rendered (480 for the course figures). */
    public final int height() {
        return chart().getHeight();
    }

    /** The chart's title; empty if it has none. */
    public final String title() {
        String t = chart().getTitle();
        return t == null ? "" : t;
    }
}
