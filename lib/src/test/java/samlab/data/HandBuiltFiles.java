package samlab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Dataset files written byte by byte in the tests, so that readers are checked against the spec, not themselves. */
final class HandBuiltFiles {
    private HandBuiltFiles() {}

    /** An IDX images file: magic 0x803, n, rows, cols, then pixels. */
    static byte[] idxImages(int n, int rows, int cols, byte[] pixels) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixels.length);
        b.putInt(0x00000803).putInt(n).putInt(rows).putInt(cols).put(pixels);
        return b.array();
    }

    /** An IDX labels file: magic 0x801, n, then labels. */
    static byte[] idxLabels(byte[] labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(0x00000801).putInt(labels.length).put(labels);
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, content);
    }

    /**
     * A small IDX pair in {@code folder} with base name {@code prefix} (train or t10k): image i has
     * pixel j = (i * 7 + j) mod 256 and label i mod 10.
     */
    static void idxPair(Path folder, String prefix, int n, int rows, int cols, boolean gz) throws IOException {
        byte[] px = new byte[n * rows * cols];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < rows * cols; j++) px[i * rows * cols + j] = (byte) ((i * 7 + j) % 256);
        }
        byte[] lab = new byte[n];
        for (int i = 0; i < n; i++) lab[i] = (byte) (i % 10);
        byte[] images = idxImages(n, rows, cols, px);
        byte[] labels = idxLabels(lab);
        String ext = gz ? ".gz" : "";
        write(folder.resolve(prefix + "-images-idx3-ubyte" + ext), gz ? gzip(images) : images);
        write(folder.resolve(prefix + "-labels-idx1-ubyte" + ext), gz ? gzip(labels) : labels);
    }

    /** One CIFAR record: label bytes, then 3072 pixels where pixel k = (seed + k) mod 256. */
    static byte[] cifarRecord(int seed, int... labels) {
        byte[] r = new byte[labels.length + 3072];
        for (int i = 0; i < labels.length; i++) r[i] = (byte) labels[i];
        for (int k = 0; k < 3072; k++) r[labels.length + k] = (byte) ((seed + k) % 256);
        return r;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
