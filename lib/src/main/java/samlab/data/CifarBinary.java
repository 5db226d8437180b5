package samlab.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the official CIFAR binary format: fixed-length records of label byte(s) then 3072 pixel
 * bytes (1024 red, 1024 green, 1024 blue, each 32×32 row-major), so a record is already in C×H×W
 * order. CIFAR-10 has one label byte; CIFAR-100 has a coarse then a fine label byte.
 */
public final class CifarBinary {
    static final int SIDE = 32;
    static final int PIXELS = 3 * SIDE * SIDE;

    /** Which label a record carries and which one to use. */
    public enum Labels {
        /** CIFAR-10: one label byte, 10 classes. */
        CIFAR10(1, 0),
        /** CIFAR-100, the 20 superclasses: the first of two label bytes. */
        CIFAR100_COARSE(2, 0),
        /** CIFAR-100, the 100 classes: the second of two label bytes. */
        CIFAR100_FINE(2, 1);

        final int labelBytes;
        final int labelIndex;

        Labels(int labelBytes, int labelIndex) {
            this.labelBytes = labelBytes;
            this.labelIndex = labelIndex;
        }

        int recordBytes() {
            return labelBytes + PIXELS;
        }
    }

    private CifarBinary() {}

    /**
     * Reads and concatenates the records of {@code files} in order (pixels scaled to [0, 1]).
     *
     * @param files   the batch files, read whole into memory
     * @param labels  which label byte layout the records have and which label to use
     * @param name    the dataset's name
     * @param source  the dataset's provenance
     * @param classes class names in label order
     * @return N images of 3×32×32
     * @throws IllegalArgumentException if {@code files} is empty or the images together exceed
     *     {@link Integer#MAX_VALUE} floats
     * @throws InvalidDataFileException if a file does not exist, its length is 0 or not a multiple of
     *     the record length (1 or 2 label bytes + 3072), or a label is ≥ {@code classes.size()}
     * @throws UncheckedIOException     if a file exists but cannot be read
     */
    public static ImageDataset read(List<Path> files, Labels labels, String name, String source, List<String> classes) {
        if (files.isEmpty()) throw new IllegalArgumentException("no CIFAR files given for " + name);
        int record = labels.recordBytes();
        byte[][] contents = new byte[files.size()][];
        long total = 0;
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            try {
                contents[f] = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new InvalidDataFileException(file, "does not exist", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            int len = contents[f].length;
            if (len == 0 || len % record != 0) {
                throw new InvalidDataFileException(file, "has " + len + " bytes, not a positive multiple of the "
                        + record + "-byte " + labels.name() + " record (truncated or not a CIFAR file of this kind)");
            }
            total += len / record;
        }
        if (total * PIXELS > Integer.MAX_VALUE) throw new IllegalArgumentException("too many images: " + total);
        int n = (int) total;
        float[] x = new float[n * PIXELS];
        int[] y = new int[n];
        int i = 0;
        for (int f = 0; f < files.size(); f++) {
            byte[] raw = contents[f];
            for (int r = 0; r < raw.length / record; r++, i++) {
                int base = r * record;
                int label = raw[base + labels.labelIndex] & 0xff;
                if (label >= classes.size()) {
                    throw new InvalidDataFileException(files.get(f), "label " + label + " of record " + r
                            + " is out of range [0, " + classes.size() + ")");
                }
                y[i] = label;
                int px = base + labels.labelBytes;
                int out = i * PIXELS;
                for (int k = 0; k < PIXELS; k++) x[out + k] = (raw[px + k] & 0xff) / 255f;
            }
        }
        return new ImageDataset(name, source, x, y, 3, SIDE, SIDE, classes);
    }

    /**
     * Class names, one per non-blank line (the official {@code batches.meta.txt} and friends).
     *
     * @param metaFile the names file
     * @return the stripped, non-blank lines in order
     * @throws InvalidDataFileException if {@code metaFile} does not exist
     * @throws UncheckedIOException     if it exists but cannot be read
     */
    public static List<String> classNames(Path metaFile) {
        try {
            return Files.readAllLines(metaFile).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (NoSuchFileException e) {
            throw new InvalidDataFileException(metaFile, "does not exist (class names file)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metaFile + ": " + e.getMessage(), e);
        }
    }
}
