package samlab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST: an images file (magic 0x00000803, count,
 * rows, columns, then one unsigned byte per pixel) and a labels file (magic 0x00000801, count,
 * then one byte per label), big-endian, each gzip-compressed or not (detected from the content,
 * not the name).
 */
public final class IdxFiles {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxFiles() {}

    /**
     * Reads an images file and its labels file into one dataset (pixels scaled to [0, 1]).
     *
     * @param images  the idx3 images file, gzip or not
     * @param labels  the idx1 labels file, gzip or not
     * @param name    the dataset's name
     * @param source  the dataset's provenance
     * @param classes class names in label order
     * @return N images of 1×rows×cols
     * @throws InvalidDataFileException if a file does not exist, is a corrupt or truncated gzip file,
     *     is shorter than its header, has the wrong magic number or a negative count, holds fewer or
     *     more bytes than its header promises; if the images file holds 0 images or a non-positive
     *     image size; if the two counts differ; or if a label is ≥ {@code classes.size()}
     * @throws UncheckedIOException     if a file exists but cannot be read
     */
    public static ImageDataset read(Path images, Path labels, String name, String source, List<String> classes) {
        ByteBuffer img = ByteBuffer.wrap(readMaybeGzip(images));
        ByteBuffer lab = ByteBuffer.wrap(readMaybeGzip(labels));
        int n = header(img, images, IMAGES_MAGIC, "images (idx3)", 16);
        if (n == 0) throw new InvalidDataFileException(images, "holds 0 images; a dataset needs at least one");
        int rows = img.getInt();
        int cols = img.getInt();
        if (rows <= 0 || cols <= 0) {
            throw new InvalidDataFileException(images, "image size " + rows + "x" + cols + " in the header is not positive");
        }
        long expected = (long) n * rows * cols;
        expectBody(images, img.remaining(), expected, n + " images of " + rows + "x" + cols);
        int nl = header(lab, labels, LABELS_MAGIC, "labels (idx1)", 8);
        expectBody(labels, lab.remaining(), nl, nl + " labels");
        if (nl != n) {
            throw new InvalidDataFileException(labels, "holds " + nl + " labels but " + images.getFileName()
                    + " holds " + n + " images");
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int v = lab.get() & 0xff;
            if (v >= classes.size()) {
                throw new InvalidDataFileException(labels, "label " + v + " of image " + i
                        + " is out of range [0, " + classes.size() + ")");
            }
            y[i] = v;
        }
        float[] x = new float[(int) expected];
        byte[] raw = img.array();
        int off = img.position();
        for (int i = 0; i < x.length; i++) x[i] = (raw[off + i] & 0xff) / 255f;
        return new ImageDataset(name, source, x, y, 1, rows, cols, classes);
    }

    private static int header(ByteBuffer b, Path file, int magic, String kind, int headerBytes) {
        if (b.remaining() < 4) {
            throw new InvalidDataFileException(file, "is truncated: " + b.remaining()
                    + " bytes, shorter than the " + headerBytes + "-byte IDX header");
        }
        int m = b.getInt();
        if (m != magic) {
            throw new InvalidDataFileException(file, String.format(
                    "wrong magic number 0x%08x; an IDX %s file starts with 0x%08x", m, kind, magic));
        }
        if (b.remaining() < headerBytes - 4) {
            throw new InvalidDataFileException(file, "is truncated: " + (b.remaining() + 4)
                    + " bytes, shorter than the " + headerBytes + "-byte IDX header");
        }
        int n = b.getInt();
        if (n < 0) throw new InvalidDataFileException(file, "negative item count " + n + " in the header");
        return n;
    }

    private static void expectBody(Path file, int have, long expected, String what) {
        if (have < expected) {
            throw new InvalidDataFileException(file, "is truncated: the header promises " + what + " ("
                    + expected + " bytes) but only " + have + " bytes follow");
        }
        if (have > expected) {
            throw new InvalidDataFileException(file, "has " + (have - expected) + " unexpected bytes after "
                    + what);
        }
    }

    /** The file's bytes, gunzipped when it starts with the gzip magic 1f 8b. */
    static byte[] readMaybeGzip(Path file) {
        try {
            byte[] raw = Files.readAllBytes(file);
            if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
                try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw), 1 << 16)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, raw.length * 4));
                    in.transferTo(out);
                    return out.toByteArray();
                } catch (java.io.EOFException | ZipException e) {
                    throw new InvalidDataFileException(file, "is a corrupt or truncated gzip file ("
                            + e.getMessage() + ")", e);
                }
            }
            return raw;
        } catch (NoSuchFileException e) {
            throw new InvalidDataFileException(file, "does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
