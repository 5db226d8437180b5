package samlab.jupyter;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/** An XChart chart drawn as a PNG at notebook size. */
public final class ChartImage {
    /** Notebook width in pixels: wide enough for axis labels, narrow enough for a laptop screen. */
    public static final int WIDTH = 720;
    /** Notebook height in pixels (3:2). */
    public static final int HEIGHT = 480;

    private ChartImage() {}

    /** The chart as PNG bytes, {@value #WIDTH}×{@value #HEIGHT}. */
    public static byte[] png(Chart<?, ?> chart) {
        return png(chart, WIDTH, HEIGHT);
    }

    /** The chart as PNG bytes of the given size; the chart's own size is ignored. */
    public static byte[] png(Chart<?, ?> chart, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size " + width + "x" + height + " must be positive");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            chart.paint(g, width, height);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart '" + chart.getTitle() + "' as PNG", e);
        }
        return out.toByteArray();
    }
}
