package samlab.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureWriterTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void writesEveryGalleryFigureAsPngAndSvg(@TempDir Path dir) throws Exception {
        List<Figure> all = FigureGallery.all();
        for (Figure f : all) {
            List<Path> paths = FigureWriter.writeAll(f, dir);
            assertEquals(List.of(dir.resolve(f.name() + ".png"), dir.resolve(f.name() + ".svg")), paths);
            byte[] png = Files.readAllBytes(paths.get(0));
            assertArrayEquals(PNG_MAGIC, java.util.Arrays.copyOf(png, 8), f.name());
            int width = java.nio.ByteBuffer.wrap(png, 16, 4).getInt(); // IHDR width
            assertEquals(720, width, f.name());
            String svg = new String(Files.readAllBytes(paths.get(1)), StandardCharsets.UTF_8);
            assertTrue(svg.startsWith("<?xml"), f.name());
            assertTrue(svg.contains("<svg"), f.name());
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(2 * all.size(), s.count(), "no temporary files left behind");
        }
    }
}
