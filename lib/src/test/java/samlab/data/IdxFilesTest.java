package samlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxFilesTest {
    static final List<String> DIGITS = IntStream.range(0, 10).mapToObj(Integer::toString).toList();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsHandBuiltFilesGzipOrNot(boolean gz) throws IOException {
        // 3 images of 2x3: image i, pixel j = (i*7 + j) mod 256; one pixel 255 to check the scale.
        HandBuiltFiles.idxPair(dir, "train", 3, 2, 3, gz);
        String ext = gz ? ".gz" : "";
        ImageDataset d = IdxFiles.read(dir.resolve("train-images-idx3-ubyte" + ext),
                dir.resolve("train-labels-idx1-ubyte" + ext), "t", "src", DIGITS);
        assertEquals(3, d.size());
        assertEquals(1, d.channels());
        assertEquals(2, d.height());
        assertEquals(3, d.width());
        assertArrayEquals(new int[] {0, 1, 2}, d.labels());
        // image 2, pixel 4 (row 1, column 1) = (14 + 4) / 255
        assertEquals(18 / 255f, d.pixels()[2 * 6 + 4], 0f);
        assertEquals(0f, d.pixels()[0], 0f);
        assertEquals("src", d.source());
    }

    @Test
    void fullByteRangeMapsOntoZeroToOne() throws IOException {
        byte[] px = {0, (byte) 128, (byte) 255, 1};
        Path img = HandBuiltFiles.write(dir.resolve("i"), HandBuiltFiles.idxImages(1, 2, 2, px));
        Path lab = HandBuiltFiles.write(dir.resolve("l"), HandBuiltFiles.idxLabels(new byte[] {9}));
        ImageDataset d = IdxFiles.read(img, lab, "t", "s", DIGITS);
        assertArrayEquals(new float[] {0f, 128 / 255f, 1f, 1 / 255f}, d.pixels());
        assertArrayEquals(new int[] {9}, d.labels());
    }

    @Test
    void wrongMagicNumberIsNamed() throws IOException {
        HandBuiltFiles.idxPair(dir, "train", 2, 2, 2, false);
        // labels file given as images: magic 0x801 where 0x803 is expected
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        InvalidDataFileException e = assertThrows(InvalidDataFileException.class,
                () -> IdxFiles.read(labels, labels, "t", "s", DIGITS));
        assertEquals(labels, e.file());
        assertTrue(e.getMessage().contains("wrong magic number 0x00000801"), e.getMessage());
        assertTrue(e.getMessage().contains("0x00000803"), e.getMessage());
    }

    @Test
    void truncatedImagesFileIsNamedWithSizes() throws IOException {
        HandBuiltFiles.idxPair(dir, "train", 4, 3, 3, false);
        Path images = dir.resolve("train-images-idx3-ubyte");
        byte[] all = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(all, all.length - 5));
        InvalidDataFileException e = assertThrows(InvalidDataFileException.class,
                () -> IdxFiles.read(images, dir.resolve("train-labels-idx1-ubyte"), "t", "s", DIGITS));
        assertTrue(e.getMessage().startsWith(images.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("36 bytes")
                && e.getMessage().contains("only 31 bytes"), e.getMessage());
    }

    @Test
    void fileShorterThanHeader() throws IOException {
        Path images = HandBuiltFiles.write(dir.resolve("img"), new byte[] {0, 0, 8, 3, 0, 0});
        InvalidDataFileException e = assertThrows(InvalidDataFileException.class,
                () -> IdxFiles.read(images, images, "t", "s", DIGITS));
        assertTrue(e.getMessage().contains("shorter than the 16-byte IDX header"), e.getMessage());
    }

    @Test
    void truncatedGzipIsReportedAsCorrupt() throws IOException {
        HandBuiltFiles.idxPair(dir, "train", 20, 8, 8, true);
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        byte[] all = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(all, all.length / 2));
        InvalidDataFileException e = assertThrows(InvalidDataFileException.class,
                () -> IdxFiles.read(images, dir.resolve("train-labels-idx1-ubyte.gz"), "t", "s", DIGITS));
        assertEquals(images, e.file());
        assertTrue(e.getMessage().contains("corrupt or truncated gzip"), e.getMessage());
    }

    @Test
    void labelOutOfRangeNamesIndexAndFile() throws IOException {
        Path img = HandBuiltFiles.write(dir.resolve("i"), HandBuiltFiles.idxImages(3, 1, 1, new byte[3]));
        Path lab = HandBuiltFiles.write(dir.resolve("l"), HandBuiltFiles.idxLabels(new byte[] {1, 10, 2}));
        InvalidDataFileException e = assertThrows(InvalidDataFileException.class,
                () -> IdxFiles.read(img, lab, "t", "s", DIGITS));
        assertEquals(lab, e.file());
        assertTrue(e.getMessage().contains("label 10 of image 1 is out of range [0, 10)"), e.getMessage());
    }

    @Test
    void countMismatchAndTrailingBytes() throws IOException {
        Path img = HandBuiltFiles.write(dir.resolve("i"), HandBuiltFiles.idxImages(3, 1, 1, new byte[3]));
        Path lab = HandBuiltFiles.write(dir.resolve("l"), HandBuiltFiles.idxLabels(new byte[] {1, 2}));
        assertTrue(assertThrows(InvalidDataFileException.class, () -> IdxFiles.read(img, lab, "t", "s", DIGITS))
                .getMessage().contains("holds 2 labels but i holds 3 images"));
        Path img2 = HandBuiltFiles.write(dir.resolve("i2"), HandBuiltFiles.idxImages(2, 1, 1, new byte[3]));
        assertTrue(assertThrows(InvalidDataFileException.class, () -> IdxFiles.read(img2, lab, "t", "s", DIGITS))
                .getMessage().contains("1 unexpected bytes"));
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.gz");
        InvalidDataFileException e = assertThrows(InvalidDataFileException.class,
                () -> IdxFiles.read(missing, missing, "t", "s", DIGITS));
        assertTrue(e.getMessage().contains("nope.gz: does not exist"), e.getMessage());
    }
}
