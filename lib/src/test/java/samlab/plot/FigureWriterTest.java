package samlab.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureWriterTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void writesEveryGalleryFigureAsPngAndSvg(@TempDir Path dir) throws Exception {
        List<Figure> all = FigureGallery.all();
        for (Figure f : all) {
            List<Path> paths = FigureWriter.writeAll(f, dir);
            assertEquals(List.of(dir.resolve(f.name() + ".png"), dir.resolve(f.name() + ".svg")), paths);
            byte[] png = Files.readAllBytes(paths.get(0));
            assertArrayEquals(PNG_MAGIC, java.util.Arrays.copyOf(png, 8), f.name());
            int width = java.nio.ByteBuffer.wrap(png, 16, 4).getInt(); // IHDR width
            assertEquals(720, width, f.name());
            String svg = new String(Files.readAllBytes(paths.get(1)), StandardCharsets.UTF_8);
            assertTrue(svg.startsWith("<?xml"), f.name());
            assertTrue(svg.contains("<svg"), f.name());
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(2 * all.size(), s.count(), "no temporary files left behind");
        }
    }

    /** The PNG is the chart's own size, width and height, also for non-3:2 and square charts. */
    @Test
    void pngIsTheChartsOwnSize() throws Exception {
        for (int[] size : new int[][] {{400, 300}, {300, 500}, {480, 480}}) {
            org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder()
                    .width(size[0]).height(size[1]).title("size").build();
            chart.addSeries("line", new double[] {0, 1}, new double[] {0, 1});
            byte[] png = FigureWriter.png(chart);
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            assertEquals(size[0], image.getWidth());
            assertEquals(size[1], image.getHeight());
            // IHDR, read independently of ImageIO: width at byte 16, height at byte 20.
            assertEquals(size[0], java.nio.ByteBuffer.wrap(png, 16, 4).getInt());
            assertEquals(size[1], java.nio.ByteBuffer.wrap(png, 20, 4).getInt());
        }
    }

    @Test
    void emptyChartSizeIsRejected() {
        org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder().width(0).height(10).title("flat").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FigureWriter.png(chart));
        assertTrue(e.getMessage().contains("0x10"), e.getMessage());
    }
}
