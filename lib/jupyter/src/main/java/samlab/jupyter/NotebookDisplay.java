package samlab.jupyter;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import samlab.Tabular;
import samlab.plot.Figure;
import samlab.plot.FigureWriter;
import tech.tablesaw.api.Table;

/**
 * How the kernel shows a value: samlab figures and XChart {@code XYChart}s as PNG at the chart's own size,
 * images as PNG, Tablesaw tables and tabular results as HTML ({@link HtmlTable}), progress frames as
 * HTML, and every value also as {@code text/plain} for text-only front ends. Plain values are shown
 * by a bounded text: at most {@value #MAX_ELEMENTS} elements of an array or collection and
 * {@value #MAX_CHARS} characters, so a huge value never builds a huge string.
 */
public final class NotebookDisplay {
    static final String PNG = "image/png";
    static final String HTML = "text/html";
    static final String TEXT = "text/plain";
    /** Elements of an array, collection or map shown before "… (N more)". */
    public static final int MAX_ELEMENTS = 100;
    /** Characters of a value's text shown before it is cut. */
    public static final int MAX_CHARS = 10_000;

    private NotebookDisplay() {}

    /** A Jupyter MIME bundle: data by MIME type (PNG as base64) and per-type metadata. */
    public record Bundle(Map<String, String> data, Map<String, Map<String, Object>> metadata) {
        public Bundle {
            data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
            metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }

        static Bundle text(String text) {
            return new Bundle(Map.of(TEXT, text), Map.of());
        }
    }

    /**
     * The bundle for any value, null included.
     *
     * @param value a figure, chart, image, table, tabular result, progress frame or any object
     * @return the MIME bundle (always with {@code text/plain})
     * @throws IllegalArgumentException if a chart's width or height is not positive
     * @throws UncheckedIOException     if a chart or image cannot be encoded as PNG
     */
    public static Bundle of(Object value) {
        if (value instanceof Figure figure) return figure(figure);
        if (value instanceof XYChart chart) return figure(Figure.of("chart", chart));
        if (value instanceof RenderedImage image) return image(image);
        if (value instanceof Tabular tabular) return table(tabular.toTable());
        if (value instanceof Table table) return table(table);
        if (value instanceof ProgressView view) {
            return new Bundle(Map.of(HTML, view.html(), TEXT, view.text()), Map.of());
        }
        return Bundle.text(text(value));
    }

    static Bundle figure(Figure figure) {
        String title = figure.title().isBlank() ? "chart" : figure.title();
        return png(FigureWriter.png(figure), figure.width(), figure.height(), title);
    }

    static Bundle image(RenderedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the image as PNG: " + e.getMessage(), e);
        }
        return png(out.toByteArray(), image.getWidth(), image.getHeight(), "image");
    }

    private static Bundle png(byte[] png, int width, int height, String title) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(PNG, Base64.getEncoder().encodeToString(png));
        data.put(TEXT, "<" + title + ": " + width + "x" + height + " PNG>");
        return new Bundle(data, Map.of(PNG, Map.of("width", width, "height", height)));
    }

    static Bundle table(Table table) {
        String name = table.name() == null || table.name().isBlank() ? "" : table.name() + ": ";
        return new Bundle(Map.of(HTML, HtmlTable.html(table), TEXT, "<table " + name + HtmlTable.summary(table) + ">"),
                Map.of());
    }

    /** A bounded text for a plain value, in JShell's notation for arrays. */
    public static String text(Object value) {
        String s;
        if (value == null) {
            s = "null";
        } else if (value.getClass().isArray()) {
            s = array(value);
        } else if (value instanceof Collection<?> c) {
            s = elements("[", c.iterator(), c.size(), "]");
        } else if (value instanceof Map<?, ?> m) {
            s = elements("{", m.entrySet().iterator(), m.size(), "}");
        } else {
            s = String.valueOf(value);
        }
        return s.length() <= MAX_CHARS ? s
                : s.substring(0, MAX_CHARS) + "… (" + (s.length() - MAX_CHARS) + " more characters)";
    }

    private static String array(Object array) {
        int n = Array.getLength(array);
        String type = array.getClass().getComponentType().getSimpleName();
        Iterator<Object> it = new Iterator<>() {
            int i;
            @Override public boolean hasNext() { return i < n; }
            @Override public Object next() { return Array.get(array, i++); }
        };
        return type + "[" + n + "] " + elements("{ ", it, n, " }");
    }

    private static String elements(String open, Iterator<?> it, int size, String close) {
        StringBuilder sb = new StringBuilder(open);
        int shown = 0;
        while (it.hasNext() && shown < MAX_ELEMENTS && sb.length() < MAX_CHARS) {
            Object e = it.next();
            if (shown++ > 0) sb.append(", ");
            sb.append(e != null && e.getClass().isArray() ? array(e) : String.valueOf(e));
        }
        if (size > shown) sb.append(shown > 0 ? ", " : "").append("… (").append(size - shown).append(" more)");
        return sb.append(close).toString();
    }
}
