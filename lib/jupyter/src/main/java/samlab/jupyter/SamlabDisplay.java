package samlab.jupyter;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.internal.chartpart.Chart;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import samlab.Tabular;
import samlab.plot.Figure;
import tech.tablesaw.api.Table;

/**
 * The kernel display extension (listed in {@code META-INF/services}): XChart charts as PNG,
 * Tablesaw tables as HTML, samlab figures as their chart, tabular results as their table, and
 * progress frames. Each output also carries a short text/plain line for text-only front ends.
 * A null MIME type means "the default" and must be accepted, or the kernel skips the renderer.
 */
public final class SamlabDisplay implements DisplayProvider {
    static final String PNG = "image/png";
    static final String HTML = "text/html";
    static final String TEXT = "text/plain";
    private static final Set<String> PNG_NAMES = Set.of("png", PNG);
    private static final Set<String> HTML_NAMES = Set.of("html", HTML);

    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return List.of(new ChartRenderer(), new TableRenderer(), new ProgressRenderer());
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of(new FigureTransformer(), new TabularTransformer());
    }

    static boolean isDefaultOr(String mime, Set<String> names) {
        return mime == null || mime.isBlank() || names.contains(mime.trim());
    }

    static final class ChartRenderer implements DisplayRenderer {
        @Override public Class<?> rendererClass() { return Chart.class; }

        @Override public boolean canRender(String mime) { return isDefaultOr(mime, PNG_NAMES); }

        @Override
        public DisplayData render(String mime, Object o) {
            Chart<?, ?> chart = (Chart<?, ?>) o;
            DisplayData dd = DisplayData.withType(PNG, Base64.getEncoder().encodeToString(ChartImage.png(chart)));
            String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "chart" : chart.getTitle();
            dd.putData(TEXT, "<" + title + ": " + ChartImage.WIDTH + "x" + ChartImage.HEIGHT + " PNG>");
            dd.putMetaData(PNG, Map.of("width", ChartImage.WIDTH, "height", ChartImage.HEIGHT));
            return dd;
        }
    }

    static final class TableRenderer implements DisplayRenderer {
        @Override public Class<?> rendererClass() { return Table.class; }

        @Override public boolean canRender(String mime) { return isDefaultOr(mime, HTML_NAMES); }

        @Override
        public DisplayData render(String mime, Object o) {
            Table table = (Table) o;
            DisplayData dd = DisplayData.withType(HTML, HtmlTable.html(table));
            dd.putData(TEXT, "<table " + (table.name() == null ? "" : table.name() + ": ")
                    + HtmlTable.summary(table) + ">");
            return dd;
        }
    }

    static final class ProgressRenderer implements DisplayRenderer {
        @Override public Class<?> rendererClass() { return ProgressView.class; }

        @Override public boolean canRender(String mime) { return isDefaultOr(mime, HTML_NAMES); }

        @Override
        public DisplayData render(String mime, Object o) {
            ProgressView view = (ProgressView) o;
            DisplayData dd = DisplayData.withType(HTML, view.html());
            dd.putData(TEXT, view.text());
            return dd;
        }
    }

    static final class FigureTransformer implements DisplayTransformer {
        @Override public boolean canTransform(Object o) { return o instanceof Figure; }

        @Override public Class<?> transformedClass() { return Chart.class; }

        @Override public Object transform(Object o) { return ((Figure) o).chart(); }
    }

    static final class TabularTransformer implements DisplayTransformer {
        @Override public boolean canTransform(Object o) { return o instanceof Tabular; }

        @Override public Class<?> transformedClass() { return Table.class; }

        @Override public Object transform(Object o) { return ((Tabular) o).toTable(); }
    }
}
