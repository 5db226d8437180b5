package samlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import samlab.Tabular;
import samlab.plot.Figure;
import tech.tablesaw.api.Table;

class NotebookDisplayTest {
    static XYChart line(int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title("parabola").build();
        double[] x = {0, 1, 2, 3, 4};
        chart.addSeries("x^2", x, Arrays.stream(x).map(v -> v * v).toArray());
        return chart;
    }

    static BufferedImage decode(NotebookDisplay.Bundle b) throws Exception {
        byte[] png = Base64.getDecoder().decode(b.data().get("image/png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void chartIsAPngAtItsOwnWidthAndHeight() throws Exception {
        for (int[] size : new int[][] {{720, 480}, {400, 400}, {300, 520}}) {
            NotebookDisplay.Bundle b = NotebookDisplay.of(line(size[0], size[1]));
            BufferedImage image = decode(b);
            assertEquals(size[0], image.getWidth());
            assertEquals(size[1], image.getHeight());
            assertEquals(Map.of("width", size[0], "height", size[1]), b.metadata().get("image/png"));
            assertEquals("<parabola: " + size[0] + "x" + size[1] + " PNG>", b.data().get("text/plain"));
        }
    }

    @Test
    void figureShowsItsChartAndAnImageItsPixels() throws Exception {
        XYChart chart = line(500, 250);
        Figure figure = Figure.of("parabola", chart);
        assertEquals(500, decode(NotebookDisplay.of(figure)).getWidth());
        BufferedImage img = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 4, 0xff0000);
        BufferedImage back = decode(NotebookDisplay.of(img));
        assertEquals(30, back.getWidth());
        assertEquals(20, back.getHeight());
        assertEquals(0xff0000, back.getRGB(3, 4) & 0xffffff);
    }

    @Test
    void tableAndTabularAreHtmlWithATextSummary() {
        Table t = HtmlTableTest.squares(30);
        NotebookDisplay.Bundle b = NotebookDisplay.of(t);
        assertTrue(b.data().get("text/html").contains(">29</td><td>841</td>"), b.data().get("text/html"));
        assertEquals("<table squares: 30 rows \u00d7 2 columns>", b.data().get("text/plain"));
        Tabular result = () -> HtmlTableTest.squares(4);
        assertTrue(NotebookDisplay.of(result).data().get("text/html").contains(">3</td><td>9</td>"));
    }

    @Test
    void plainValuesAreText() {
        assertEquals(Map.of("text/plain", "42"), NotebookDisplay.of(42).data());
        assertEquals("null", NotebookDisplay.of(null).data().get("text/plain"));
        assertEquals("double[3] { 1.5, 2.0, -3.0 }", NotebookDisplay.text(new double[] {1.5, 2, -3}));
        assertEquals("int[0] {  }", NotebookDisplay.text(new int[0]));
        assertEquals("[a, b]", NotebookDisplay.text(List.of("a", "b")));
        assertEquals("{k=1}", NotebookDisplay.text(Map.of("k", 1)));
    }

    @Test
    void hugeValuesAreCutNotBuiltWhole() {
        long[] big = new long[10_000_000];
        String s = NotebookDisplay.text(big);
        assertTrue(s.startsWith("long[10000000] { 0, 0,"), s.substring(0, 40));
        assertTrue(s.endsWith(", … (" + (10_000_000 - NotebookDisplay.MAX_ELEMENTS) + " more) }"), s);
        // 100 elements "0" with ", " separators plus the frame: a few hundred characters, not 30 million.
        assertTrue(s.length() < 400, "length " + s.length());
        List<Integer> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) many.add(i);
        assertTrue(NotebookDisplay.text(many).endsWith("99, … (900 more)]"));
        String longText = "x".repeat(NotebookDisplay.MAX_CHARS + 5);
        assertEquals("x".repeat(NotebookDisplay.MAX_CHARS) + "… (5 more characters)", NotebookDisplay.text(longText));
    }

    @Test
    void progressFrameIsHtmlAndText() {
        ProgressView view = new ProgressView("train", 3, 12, 1.5, "");
        NotebookDisplay.Bundle b = NotebookDisplay.of(view);
        assertTrue(b.data().get("text/html").contains("<progress value=\"3\" max=\"12\""));
        assertTrue(b.data().get("text/plain").contains("3/12"));
        assertFalse(b.data().containsKey("image/png"));
    }
}
