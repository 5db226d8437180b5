package samlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
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

    // ---- every PNG/JPEG sample layout: the loaded value is the stored sample / its maximum ----

    /** A 2×1 image of the given colour space, alpha and sample type holding {@code samples} (interleaved). */
    static BufferedImage component(int space, boolean alpha, int dataType, int... samples) {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(space), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, dataType);
        WritableRaster raster = cm.createCompatibleWritableRaster(2, 1);
        raster.setPixels(0, 0, 2, 1, samples);
        return new BufferedImage(cm, raster, false, null);
    }

    /** A 2×1 palette image ({@code bits} per index) holding palette indices i0, i1. */
    static BufferedImage palette(int bits, byte[] r, byte[] g, byte[] b, int i0, int i1) {
        IndexColorModel cm = new IndexColorModel(bits, r.length, r, g, b);
        BufferedImage img = new BufferedImage(2, 1,
                bits == 8 ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_BYTE_BINARY, cm);
        img.getRaster().setSample(0, 0, 0, i0);
        img.getRaster().setSample(1, 0, 0, i1);
        return img;
    }

    static byte[] greyRamp(int bits) {
        int n = 1 << bits;
        byte[] ramp = new byte[n];
        for (int i = 0; i < n; i++) ramp[i] = (byte) (i * 255 / (n - 1));
        return ramp;
    }

    /** Writes img as {@code folder/only/a.<format>}; returns the file. */
    Path write(String folder, BufferedImage img, String format) throws IOException {
        Path f = dir.resolve(folder).resolve("only").resolve("a." + format);
        Files.createDirectories(f.getParent());
        assertTrue(ImageIO.write(img, format, f.toFile()), "no " + format + " writer for this layout");
        return f;
    }

    /** The PNG header's {bit depth, colour type} (0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA). */
    static int[] pngLayout(Path png) throws IOException {
        byte[] b = Files.readAllBytes(png);
        return new int[] {b[24] & 0xff, b[25] & 0xff};
    }

    float[] load(String folder, int channels) {
        return ImageFolder.read(dir.resolve(folder), null, channels, "t", "s").pixels();
    }

    @Test
    void greyWithAlphaLoadsItsSamplesNotAnSrgbConversion() throws IOException {
        // The reported case: grey 128 with alpha loaded as 0.737 (128 taken as linear grey, converted to sRGB).
        Path f = write("ga8", component(ColorSpace.CS_GRAY, true, DataBuffer.TYPE_BYTE, 128, 255, 3, 0), "png");
        assertArrayEquals(new int[] {8, 4}, pngLayout(f));
        assertArrayEquals(new float[] {128 / 255f, 3 / 255f}, load("ga8", 1), 0f);
        assertEquals(0.50196f, load("ga8", 1)[0], 1e-5f);
        assertArrayEquals(new float[] {128 / 255f, 3 / 255f, 128 / 255f, 3 / 255f, 128 / 255f, 3 / 255f},
                load("ga8", 3), 0f);
    }

    @Test
    void sixteenBitGreyAndGreyAlphaDivideBy65535() throws IOException {
        Path g = write("g16", component(ColorSpace.CS_GRAY, false, DataBuffer.TYPE_USHORT, 40000, 65535), "png");
        assertArrayEquals(new int[] {16, 0}, pngLayout(g));
        assertArrayEquals(new float[] {40000 / 65535f, 1f}, load("g16", 1), 0f);
        Path ga = write("ga16", component(ColorSpace.CS_GRAY, true, DataBuffer.TYPE_USHORT, 1, 65535, 32768, 0), "png");
        assertArrayEquals(new int[] {16, 4}, pngLayout(ga));
        assertArrayEquals(new float[] {1 / 65535f, 32768 / 65535f}, load("ga16", 1), 0f);
    }

    @Test
    void rgbaAndSixteenBitColourKeepTheirSamples() throws IOException {
        Path rgba = write("rgba8", component(ColorSpace.CS_sRGB, true, DataBuffer.TYPE_BYTE,
                10, 20, 30, 0, 200, 100, 50, 255), "png");
        assertArrayEquals(new int[] {8, 6}, pngLayout(rgba));
        assertArrayEquals(new float[] {10 / 255f, 200 / 255f, 20 / 255f, 100 / 255f, 30 / 255f, 50 / 255f},
                load("rgba8", 3), 0f);
        Path rgb16 = write("rgb16", component(ColorSpace.CS_sRGB, false, DataBuffer.TYPE_USHORT,
                1000, 2000, 3000, 65535, 0, 12345), "png");
        assertArrayEquals(new int[] {16, 2}, pngLayout(rgb16));
        assertArrayEquals(new float[] {1000 / 65535f, 65535 / 65535f, 2000 / 65535f, 0f, 3000 / 65535f, 12345 / 65535f},
                load("rgb16", 3), 0f);
        Path rgba16 = write("rgba16", component(ColorSpace.CS_sRGB, true, DataBuffer.TYPE_USHORT,
                7, 8, 9, 0, 60000, 50000, 40000, 65535), "png");
        assertArrayEquals(new int[] {16, 6}, pngLayout(rgba16));
        assertArrayEquals(new float[] {7 / 65535f, 60000 / 65535f, 8 / 65535f, 50000 / 65535f, 9 / 65535f, 40000 / 65535f},
                load("rgba16", 3), 0f);
        // A colour image in a folder read as grey is refused, naming the file.
        InvalidDataFileException e = assertThrows(InvalidDataFileException.class, () -> load("rgba8", 1));
        assertEquals(rgba, e.file());
    }

    @Test
    void lowBitGreyIsScaledToItsOwnMaximum() throws IOException {
        // 1, 2 and 4 bits per sample: value v loads as v / (2^bits - 1).
        for (int bits : new int[] {1, 2, 4}) {
            int top = (1 << bits) - 1, mid = top / 2;
            byte[] ramp = greyRamp(bits);
            Path f = write("g" + bits, palette(bits, ramp, ramp, ramp, mid, top), "png");
            assertArrayEquals(new int[] {bits, 0}, pngLayout(f), "grey at " + bits + " bits");
            assertArrayEquals(new float[] {(float) mid / top, 1f}, load("g" + bits, 1), 1e-7f, "bits " + bits);
        }
    }

    @Test
    void paletteImagesLoadTheirEntries() throws IOException {
        byte[] r = {(byte) 255, 12, 0}, g = {0, 34, 0}, b = {0, 56, (byte) 255};
        Path f = write("pal", palette(8, r, g, b, 1, 2), "png");
        assertArrayEquals(new int[] {8, 3}, pngLayout(f));
        assertArrayEquals(new float[] {12 / 255f, 0f, 34 / 255f, 0f, 56 / 255f, 1f}, load("pal", 3), 0f);
        assertThrows(InvalidDataFileException.class, () -> load("pal", 1));
        // A grey palette (not a ramp, so it stays a palette PNG) is fine as one channel.
        byte[] grey = {5, 77, (byte) 250};
        Path gp = write("greypal", palette(8, grey, grey, grey, 2, 1), "png");
        assertEquals(3, pngLayout(gp)[1]);
        assertArrayEquals(new float[] {250 / 255f, 77 / 255f}, load("greypal", 1), 0f);
    }

    @Test
    void greyJpegIsNotColourConverted() throws IOException {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) img.getRaster().setSample(x, y, 0, 128);
        write("gj", img, "jpg");
        float[] px = load("gj", 1);
        // A flat block survives JPEG to within one level; an sRGB conversion would give 0.737.
        for (float v : px) assertEquals(128 / 255f, v, 1 / 255f);
    }
}
