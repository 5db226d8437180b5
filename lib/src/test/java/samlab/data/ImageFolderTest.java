package samlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
    @TempDir
    Path dir;

    /** A w×h RGB PNG whose pixel (x, y) has red = base + x, green = base + 10·y, blue = base. */
    static void png(Path file, int w, int h, int base) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) img.setRGB(x, y, ((base + x) << 16) | ((base + 10 * y) << 8) | base);
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    @Test
    void readsClassFoldersInGivenOrderWithPixelsAsPlanes() throws IOException {
        Path train = dir.resolve("train");
        png(train.resolve("cat/0001.png"), 4, 3, 20);
        png(train.resolve("cat/0000.png"), 4, 3, 10);
        png(train.resolve("ant/0000.png"), 4, 3, 30);
        ImageDataset d = ImageFolder.read(train, List.of("cat", "ant"), 3, "t", "s");
        assertEquals(3, d.size());
        assertEquals(List.of("cat", "ant"), d.classes());
        assertArrayEquals(new int[] {0, 0, 1}, d.labels());
        assertEquals(3, d.height());
        assertEquals(4, d.width());
        // files sorted by name: image 1 is cat/0001.png (base 20). Pixel (x=2, y=1):
        int plane = 12, p = 1 * 4 + 2;
        assertEquals((20 + 2) / 255f, d.pixels()[12 * 3 + p], 0f);          // red
        assertEquals((20 + 10) / 255f, d.pixels()[36 + plane + p], 0f);     // green
        assertEquals(20 / 255f, d.pixels()[36 + 2 * plane + p], 0f);        // blue
    }

    @Test
    void classesDefaultToSortedFolderNames() throws IOException {
        Path test = dir.resolve("test");
        png(test.resolve("b/x.png"), 2, 2, 0);
        png(test.resolve("a/x.png"), 2, 2, 0);
        ImageDataset d = ImageFolder.read(test, null, 3, "t", "s");
        assertEquals(List.of("a", "b"), d.classes());
        assertArrayEquals(new int[] {0, 1}, d.labels());
    }

    @Test
    void greyImagesAsOneChannelAndRepeatedForThree() throws IOException {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(0, 0, 0, 51);
        img.getRaster().setSample(1, 0, 0, 204);
        Path f = dir.resolve("g/only/a.png");
        Files.createDirectories(f.getParent());
        ImageIO.write(img, "png", f.toFile());
        ImageDataset one = ImageFolder.read(dir.resolve("g"), null, 1, "t", "s");
        assertArrayEquals(new float[] {0.2f, 0.8f}, one.pixels(), 1e-7f);
        ImageDataset three = ImageFolder.read(dir.resolve("g"), null, 3, "t", "s");
        assertArrayEquals(new float[] {0.2f, 0.8f, 0.2f, 0.8f, 0.2f, 0.8f}, three.pixels(), 1e-7f);
    }

    @Test
    void jpegIsDecodedCloseToItsSource() throws IOException {
        // a flat colour survives JPEG almost exactly
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) img.setRGB(x, y, (200 << 16) | (100 << 8) | 50);
        Path f = dir.resolve("j/c/a.jpg");
        Files.createDirectories(f.getParent());
        ImageIO.write(img, "jpg", f.toFile());
        ImageDataset d = ImageFolder.read(dir.resolve("j"), null, 3, "t", "s");
        assertEquals(200 / 255f, d.pixels()[0], 3 / 255f);
        assertEquals(100 / 255f, d.pixels()[64], 3 / 255f);
        assertEquals(50 / 255f, d.pixels()[128], 3 / 255f);
    }

    @Test
    void wrongSizeNamesTheFile() throws IOException {
        Path train = dir.resolve("train");
        png(train.resolve("a/0.png"), 4, 4, 0);
        png(train.resolve("a/1.png"), 4, 5, 0);
        InvalidDataFileException e = assertThrows(InvalidDataFileException.class,
                () -> ImageFolder.read(train, null, 3, "t", "s"));
        assertEquals(train.resolve("a/1.png"), e.file());
        assertTrue(e.getMessage().contains("is 4x5 pixels; the other images of this folder are 4x4"), e.getMessage());
    }

    @Test
    void corruptImageNamesTheFile() throws IOException {
        Path train = dir.resolve("train");
        png(train.resolve("a/0.png"), 2, 2, 0);
        Path bad = HandBuiltFiles.write(train.resolve("a/1.png"), new byte[] {1, 2, 3, 4});
        InvalidDataFileException e = assertThrows(InvalidDataFileException.class,
                () -> ImageFolder.read(train, null, 3, "t", "s"));
        assertEquals(bad, e.file());
    }

    @Test
    void missingClassFolderAndBadChannels() throws IOException {
        png(dir.resolve("s/a/0.png"), 2, 2, 0);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ImageFolder.read(dir.resolve("s"), List.of("a", "b"), 3, "t", "s"))
                .getMessage().contains("class folder " + dir.resolve("s/b") + " is missing"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ImageFolder.read(dir.resolve("s"), null, 2, "t", "s")).getMessage().contains("not 2"));
    }
}
