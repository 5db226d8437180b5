package samlab.plot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes figures as PNG and SVG at the chart's own size ({@code chart.getWidth()} ×
 * {@code chart.getHeight()} pixels; 720×480 for the course figures). The one PNG encoder of the
 * project: files, the CLI and the notebook display all use {@link #png(Figure)}. Each file is
 * rendered to memory first and then written atomically, so a failed render leaves no partial file.
 */
public final class FigureWriter {
    private FigureWriter() {}

    /**
     * The figure as PNG bytes, at its chart's size.
     *
     * @throws NullPointerException     if {@code figure} is null
     * @throws IllegalArgumentException if the chart's width or height is not positive
     * @throws UncheckedIOException     if the PNG cannot be encoded
     */
    public static byte[] png(Figure figure) {
        return png(Objects.requireNonNull(figure, "figure").chart());
    }

    /**
     * The chart as PNG bytes, {@code chart.getWidth()} × {@code chart.getHeight()} pixels.
     *
     * @throws IllegalArgumentException if the chart's width or height is not positive
     * @throws UncheckedIOException if the PNG cannot be encoded
     */
    static byte[] png(Chart<?, ?> chart) {
        Objects.requireNonNull(chart, "chart");
        if (chart.getWidth() <= 0 || chart.getHeight() <= 0) {
            throw new IllegalArgumentException("chart '" + chart.getTitle() + "' has size " + chart.getWidth() + "x"
                    + chart.getHeight() + "; width and height must be positive");
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart '" + chart.getTitle() + "' as PNG: " + e.getMessage(), e);
        }
    }

    /**
     * The figure as SVG bytes (UTF-8).
     *
     * @throws NullPointerException if {@code figure} is null
     * @throws UncheckedIOException if the SVG cannot be encoded
     */
    public static byte[] svg(Figure figure) {
        Chart<?, ?> chart = Objects.requireNonNull(figure, "figure").chart();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + figure.name() + " as SVG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * Writes {@code dir/NAME.png} atomically ({@link samlab.io.AtomicFiles}); returns the path.
     *
     * @throws IllegalArgumentException if the chart's width or height is not positive
     * @throws UncheckedIOException     if the PNG cannot be encoded or the file cannot be written
     */
    public static Path writePng(Figure figure, Path dir) {
        Path target = dir.resolve(figure.name() + ".png");
        byte[] bytes = png(figure);
        samlab.io.AtomicFiles.write(target, out -> out.write(bytes));
        return target;
    }

    /**
     * Writes {@code dir/NAME.svg} atomically ({@link samlab.io.AtomicFiles}); returns the path.
     *
     * @throws UncheckedIOException if the SVG cannot be encoded or the file cannot be written
     */
    public static Path writeSvg(Figure figure, Path dir) {
        Path target = dir.resolve(figure.name() + ".svg");
        byte[] bytes = svg(figure);
        samlab.io.AtomicFiles.write(target, out -> out.write(bytes));
        return target;
    }

    /**
     * Writes {@code dir/NAME.png} and {@code dir/NAME.svg}; returns both paths. Checks first that the
     * PNG path is writable ({@link samlab.io.AtomicFiles#checkWritable}), so nothing is rendered in vain.
     *
     * @throws IllegalArgumentException if {@code dir/NAME.png} is not writable (see
     *     {@link samlab.io.AtomicFiles#checkWritable}) or the chart's size is not positive
     * @throws UncheckedIOException     if a format cannot be encoded or a file cannot be written
     */
    public static List<Path> writeAll(Figure figure, Path dir) {
        samlab.io.AtomicFiles.checkWritable(dir.resolve(figure.name() + ".png"));
        return List.of(writePng(figure, dir), writeSvg(figure, dir));
    }
}
