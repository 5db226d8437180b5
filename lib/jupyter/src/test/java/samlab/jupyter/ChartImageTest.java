package samlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class ChartImageTest {
    static XYChart line() {
        XYChart chart = new XYChartBuilder().title("parabola").xAxisTitle("x").yAxisTitle("y").build();
        double[] x = {0, 1, 2, 3, 4};
        chart.addSeries("x^2", x, Arrays.stream(x).map(v -> v * v).toArray());
        return chart;
    }

    @Test
    void pngHasMagicBytesAndNotebookSize() throws Exception {
        byte[] png = ChartImage.png(line());
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        assertArrayEquals(magic, Arrays.copyOf(png, 8));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(ChartImage.WIDTH, image.getWidth());
        assertEquals(ChartImage.HEIGHT, image.getHeight());
    }

    @Test
    void chartIsActuallyDrawn() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ChartImage.png(line(), 300, 200)));
        // A blank canvas has one colour; axes, labels, the series and anti-aliasing give many.
        long colours = java.util.stream.IntStream.range(0, 300 * 200)
                .map(i -> image.getRGB(i % 300, i / 300)).distinct().count();
        assertTrue(colours > 20, "only " + colours + " colours: nothing drawn?");
    }

    @Test
    void nonPositiveSizeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChartImage.png(line(), 0, 10));
        assertTrue(e.getMessage().contains("0x10"), e.getMessage());
    }
}
