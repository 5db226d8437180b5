package samlab.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import samlab.progress.Progress;
import samlab.progress.ProgressSink;

/**
 * Reads an image folder {@code <split>/<class>/*.png|jpg|jpeg}: one sub-folder per class, the
 * label being the class's position in the class list. Images are decoded in parallel (javax.imageio)
 * and must all have the size of the first one.
 */
public final class ImageFolder {
    private ImageFolder() {}

    /**
     * {@link #read(Path, List, int, String, String, ProgressSink)} reporting no progress.
     *
     * @throws IllegalArgumentException as {@link #read(Path, List, int, String, String, ProgressSink)}
     * @throws InvalidDataFileException as {@link #read(Path, List, int, String, String, ProgressSink)}
     */
    public static ImageDataset read(Path splitFolder, List<String> classes, int channels, String name, String source) {
        return read(splitFolder, classes, channels, name, source, ProgressSink.silent());
    }

    /**
     * Reads {@code splitFolder}.
     *
     * @param classes  the class folder names in label order, or {@code null} for the sorted sub-folder names
     * @param channels 1 (grey) or 3 (RGB; grey images are repeated over the three channels)
     * @param progress receives one unit per decoded image, labelled "decode NAME"
     * @throws IllegalArgumentException if {@code channels} is not 1 or 3, {@code splitFolder} is not a
     *         folder, it has no class sub-folders, a listed class folder is missing, or it holds no
     *         .png/.jpg images
     * @throws InvalidDataFileException if an image cannot be decoded, differs in size from the first,
     *         or is in colour when {@code channels} is 1
     */
    public static ImageDataset read(Path splitFolder, List<String> classes, int channels, String name, String source,
                                    ProgressSink progress) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (grey) or 3 (RGB), not " + channels);
        }
        if (!Files.isDirectory(splitFolder)) {
            throw new IllegalArgumentException("image folder " + splitFolder + " does not exist or is not a folder");
        }
        List<String> names = classes != null ? List.copyOf(classes) : subfolders(splitFolder);
        if (names.isEmpty()) throw new IllegalArgumentException("image folder " + splitFolder + " has no class sub-folders");
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            Path dir = splitFolder.resolve(names.get(c));
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("class folder " + dir + " is missing (classes: " + names + ")");
            }
            for (Path f : images(dir)) {
                files.add(f);
                labels.add(c);
            }
        }
        if (files.isEmpty()) throw new IllegalArgumentException("image folder " + splitFolder + " holds no .png/.jpg images");

        ImageIO.setUseCache(false); // decode in memory: no temporary files, no shared cache folder
        int[] shape = shapeOf(files.get(0));
        int h = shape[0], w = shape[1];
        int per = channels * h * w;
        int n = files.size();
        float[] pixels = new float[Math.multiplyExact(n, per)];
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try (Progress bar = progress.start("decode " + name, n)) {
            IntStream.range(0, n).parallel().forEach(i -> {
                if (failure.get() != null) return;
                try {
                    decodeInto(files.get(i), channels, h, w, pixels, i * per);
                    bar.advance(1);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        if (failure.get() != null) throw failure.get();
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        return new ImageDataset(name, source, pixels, y, channels, h, w, names);
    }

    private static List<String> subfolders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(f -> !f.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> images(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String f = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return Files.isRegularFile(p) && (f.endsWith(".png") || f.endsWith(".jpg") || f.endsWith(".jpeg"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static int[] shapeOf(Path file) {
        BufferedImage img = decode(file);
        return new int[] {img.getHeight(), img.getWidth()};
    }

    private static BufferedImage decode(Path file) {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new InvalidDataFileException(file, "is a corrupt image (" + e.getMessage() + ")", e);
        }
        if (img == null) throw new InvalidDataFileException(file, "is not a PNG or JPEG image that javax.imageio can read");
        return img;
    }

    /**
     * Decodes one image into {@code out[offset..]} as C×H×W floats in [0, 1]: each stored sample divided
     * by its largest value (255 for 8-bit, 65535 for 16-bit, 2^b − 1 for b-bit grey), never a
     * colour-managed conversion (a grey PNG is stored in a linear grey space, and converting it to sRGB
     * would turn 128 into 188). Layouts: grey, grey+alpha, RGB, RGBA (8 or 16 bits per sample; alpha is
     * ignored), grey at 1, 2 or 4 bits and palette PNGs (their 8-bit palette entries), grey and colour
     * JPEG.
     *
     * @throws InvalidDataFileException if the file is not a readable PNG/JPEG, its size differs from
     *     {@code h×w}, it is in colour while {@code channels == 1}, or its layout is none of the above
     */
    static void decodeInto(Path file, int channels, int h, int w, float[] out, int offset) {
        BufferedImage img = decode(file);
        if (img.getHeight() != h || img.getWidth() != w) {
            throw new InvalidDataFileException(file, "is " + img.getWidth() + "x" + img.getHeight()
                    + " pixels; the other images of this folder are " + w + "x" + h);
        }
        int plane = h * w;
        Raster raster = img.getRaster();
        ColorModel model = img.getColorModel();
        int bands = raster.getNumBands();
        int[] samples = raster.getPixels(0, 0, w, h, (int[]) null);
        if (model instanceof IndexColorModel palette && bands == 1) {
            // Palette PNGs, and grey at 1, 2 or 4 bits (read as a grey ramp): the entries are the samples.
            for (int p = 0; p < plane; p++) {
                int i = samples[p], r = palette.getRed(i), g = palette.getGreen(i), b = palette.getBlue(i);
                if (channels == 1) {
                    if (r != g || g != b) throw colourAsGrey(file);
                    out[offset + p] = r / 255f;
                } else {
                    out[offset + p] = r / 255f;
                    out[offset + plane + p] = g / 255f;
                    out[offset + 2 * plane + p] = b / 255f;
                }
            }
            return;
        }
        int colourBands = model.getNumColorComponents();
        int spaceType = model.getColorSpace().getType();
        boolean samplesAreColours = (model instanceof ComponentColorModel || model instanceof DirectColorModel)
                && bands == model.getNumComponents()
                && (colourBands == 1 && spaceType == ColorSpace.TYPE_GRAY
                    || colourBands == 3 && spaceType == ColorSpace.TYPE_RGB);
        if (!samplesAreColours) {
            throw new InvalidDataFileException(file, "has a pixel layout this reader does not take (" + bands
                    + " bands, " + model.getClass().getSimpleName() + "); allowed: grey, grey+alpha, RGB, RGBA, palette");
        }
        if (channels == 1 && colourBands == 3) throw colourAsGrey(file);
        // Colour bands come first in the model's order (grey, or R, G, B), then alpha (ignored).
        float[] scale = new float[colourBands];
        for (int c = 0; c < colourBands; c++) scale[c] = (float) ((1L << raster.getSampleModel().getSampleSize(c)) - 1);
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < channels; c++) {
                int band = colourBands == 1 ? 0 : c;
                out[offset + c * plane + p] = samples[p * bands + band] / scale[band];
            }
        }
    }

    private static InvalidDataFileException colourAsGrey(Path file) {
        return new InvalidDataFileException(file, "is a colour image; this folder is read as grey (1 channel)");
    }
}
