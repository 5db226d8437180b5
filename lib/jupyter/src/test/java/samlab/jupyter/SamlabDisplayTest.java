package samlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import samlab.Tabular;
import samlab.plot.Figure;
import tech.tablesaw.api.Table;

class SamlabDisplayTest {
    final SamlabDisplay display = new SamlabDisplay();

    DisplayRenderer rendererFor(Object o) {
        return display.getDisplayRenderers().stream()
                .filter(r -> r.rendererClass().isInstance(o)).findFirst().orElseThrow();
    }

    Object transformed(Object o) {
        return display.getDisplayTransformers().stream()
                .filter(t -> t.canTransform(o)).findFirst().orElseThrow().transform(o);
    }

    @Test
    void registeredAsKernelService() {
        assertTrue(ServiceLoader.load(DisplayProvider.class).stream()
                .anyMatch(p -> p.type() == SamlabDisplay.class));
    }

    @Test
    void rendererAcceptsTheDefaultMimeTypeOrItsOwn() {
        DisplayRenderer chart = rendererFor(ChartImageTest.line());
        assertTrue(chart.canRender(null));
        assertTrue(chart.canRender("image/png"));
        assertFalse(chart.canRender("text/html"));
        DisplayRenderer table = rendererFor(HtmlTableTest.squares(2));
        assertTrue(table.canRender(null));
        assertTrue(table.canRender("html"));
        assertFalse(table.canRender("image/png"));
    }

    @Test
    void chartRendersAsBase64PngWithSize() {
        XYChart chart = ChartImageTest.line();
        DisplayData dd = rendererFor(chart).render(null, chart);
        byte[] png = Base64.getDecoder().decode((String) dd.data().get("image/png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        assertEquals("<parabola: 720x480 PNG>", dd.data().get("text/plain"));
        assertTrue(dd.metadata().get("image/png").toString().contains("720"));
    }

    @Test
    void tableRendersAsHtmlWithItsData() {
        Table t = HtmlTableTest.squares(30);
        DisplayData dd = rendererFor(t).render(null, t);
        String html = (String) dd.data().get("text/html");
        assertTrue(html.contains("30 rows"), html);
        assertTrue(html.contains("<tr><td>29</td><td>841</td></tr>"), html);
        assertEquals("<table squares: 30 rows \u00d7 2 columns>", dd.data().get("text/plain"));
    }

    @Test
    void figureBecomesItsChartAndTabularItsTable() {
        XYChart chart = ChartImageTest.line();
        Figure figure = new Figure() {
            @Override public String name() { return "parabola"; }
            @Override public Chart<?, ?> chart() { return chart; }
        };
        assertTrue(transformed(figure) == chart);
        Table t = HtmlTableTest.squares(4);
        Tabular result = () -> t;
        Object table = transformed(result);
        assertTrue(table == t);
        String html = (String) rendererFor(table).render(null, table).data().get("text/html");
        assertTrue(html.contains("<tr><td>3</td><td>9</td></tr>"), html);
    }

    @Test
    void progressFrameRendersHtmlAndText() {
        ProgressView view = new ProgressView("train", 3, 12, 1.5, "");
        DisplayData dd = rendererFor(view).render(null, view);
        assertTrue(((String) dd.data().get("text/html")).contains("<progress value=\"3\" max=\"12\""));
        assertTrue(((String) dd.data().get("text/plain")).contains("3/12"));
    }

    @Test
    void serviceFileNamesTheProvider() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/services/org.rapaio.jupyter.kernel.display.spi.DisplayProvider")) {
            assertEquals(SamlabDisplay.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }
}
