package samlab.data;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
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
     * Reads {@code splitFolder}. {@code classes}: the class folder names in label order, or
     * {@code null} for the sorted sub-folder names. {@code channels}: 1 (grey) or 3 (RGB; grey
     * images are repeated over the three channels).
     */
    public static ImageDataset read(Path splitFolder, List<String> classes, int channels, String name, String source) {
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
        try (Progress progress = ProgressSink.current().start("decode " + name, n)) {
            IntStream.range(0, n).parallel().forEach(i -> {
                if (failure.get() != null) return;
                try {
                    decodeInto(files.get(i), channels, h, w, pixels, i * per);
                    progress.advance(1);
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

    /** Decodes one image into {@code out[offset..]} as C×H×W floats in [0, 1]. */
    static void decodeInto(Path file, int channels, int h, int w, float[] out, int offset) {
        BufferedImage img = decode(file);
        if (img.getHeight() != h || img.getWidth() != w) {
            throw new InvalidDataFileException(file, "is " + img.getWidth() + "x" + img.getHeight()
                    + " pixels; the other images of this folder are " + w + "x" + h);
        }
        int plane = h * w;
        Raster raster = img.getRaster();
        int bands = raster.getNumBands();
        boolean plain8bit = img.getColorModel() instanceof ComponentColorModel
                && raster.getSampleModel().getSampleSize(0) == 8 && (bands == 1 || bands == 3 || bands == 4);
        if (plain8bit) {
            // Fast path: the raster's bands are grey, or R, G, B (and alpha, ignored).
            int colorBands = bands == 1 ? 1 : 3;
            if (channels == 1 && colorBands == 3) {
                throw new InvalidDataFileException(file, "is a colour image; this folder is read as grey (1 channel)");
            }
            int[] samples = raster.getPixels(0, 0, w, h, (int[]) null);
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < channels; c++) {
                    int band = colorBands == 1 ? 0 : c;
                    out[offset + c * plane + p] = samples[p * bands + band] / 255f;
                }
            }
            return;
        }
        // Anything else (palette PNGs, 16-bit): through the colour model as sRGB.
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        for (int p = 0; p < plane; p++) {
            int r = (argb[p] >> 16) & 0xff, g = (argb[p] >> 8) & 0xff, b = argb[p] & 0xff;
            if (channels == 1) {
                if (r != g || g != b) {
                    throw new InvalidDataFileException(file, "is a colour image; this folder is read as grey (1 channel)");
                }
                out[offset + p] = r / 255f;
            } else {
                out[offset + p] = r / 255f;
                out[offset + plane + p] = g / 255f;
                out[offset + 2 * plane + p] = b / 255f;
            }
        }
    }
}
