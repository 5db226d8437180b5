package samlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryTest {
    static final List<String> TEN = IntStream.range(0, 10).mapToObj(i -> "c" + i).toList();

    @TempDir
    Path dir;

    @Test
    void cifar10RecordsAreReadInFileOrderAsChannelPlanes() throws IOException {
        Path a = HandBuiltFiles.write(dir.resolve("a.bin"), HandBuiltFiles.concat(
                HandBuiltFiles.cifarRecord(0, 3), HandBuiltFiles.cifarRecord(100, 9)));
        Path b = HandBuiltFiles.write(dir.resolve("b.bin"), HandBuiltFiles.cifarRecord(200, 0));
        ImageDataset d = CifarBinary.read(List.of(a, b), CifarBinary.Labels.CIFAR10, "t", "s", TEN);
        assertEquals(3, d.size());
        assertArrayEquals(new int[] {3, 9, 0}, d.labels());
        assertEquals(3, d.channels());
        assertEquals(32, d.height());
        // image 1 (seed 100): green plane (offset 1024), row 2, column 5 → byte k = 1024 + 2*32 + 5 = 1093
        int k = 1024 + 2 * 32 + 5;
        assertEquals(((100 + k) % 256) / 255f, d.pixels()[3072 + k], 0f);
        // image 2 (seed 200): first red pixel
        assertEquals(200 / 255f, d.pixels()[2 * 3072], 0f);
    }

    @Test
    void cifar100CarriesCoarseThenFineLabel() throws IOException {
        Path f = HandBuiltFiles.write(dir.resolve("train.bin"), HandBuiltFiles.concat(
                HandBuiltFiles.cifarRecord(5, 19, 99), HandBuiltFiles.cifarRecord(6, 4, 30)));
        List<String> fine = IntStream.range(0, 100).mapToObj(i -> "f" + i).toList();
        List<String> coarse = IntStream.range(0, 20).mapToObj(i -> "g" + i).toList();
        ImageDataset dFine = CifarBinary.read(List.of(f), CifarBinary.Labels.CIFAR100_FINE, "t", "s", fine);
        ImageDataset dCoarse = CifarBinary.read(List.of(f), CifarBinary.Labels.CIFAR100_COARSE, "t", "s", coarse);
        assertArrayEquals(new int[] {99, 30}, dFine.labels());
        assertArrayEquals(new int[] {19, 4}, dCoarse.labels());
        // pixels start after both label bytes: image 1, pixel 0 = seed 6
        assertEquals(6 / 255f, dFine.pixels()[3072], 0f);
    }

    @Test
    void lengthNotAMultipleOfTheRecordIsRefused() throws IOException {
        byte[] rec = HandBuiltFiles.cifarRecord(0, 1);
        Path f = HandBuiltFiles.write(dir.resolve("cut.bin"), java.util.Arrays.copyOf(rec, 3000));
        InvalidDataFileException e = assertThrows(InvalidDataFileException.class,
                () -> CifarBinary.read(List.of(f), CifarBinary.Labels.CIFAR10, "t", "s", TEN));
        assertEquals(f, e.file());
        assertTrue(e.getMessage().contains("3000 bytes") && e.getMessage().contains("3073-byte"), e.getMessage());
        // a CIFAR-10 file read as CIFAR-100 (3074-byte records) is caught the same way
        Path ten = HandBuiltFiles.write(dir.resolve("ten.bin"), HandBuiltFiles.concat(rec, rec));
        assertThrows(InvalidDataFileException.class,
                () -> CifarBinary.read(List.of(ten), CifarBinary.Labels.CIFAR100_FINE, "t", "s", TEN));
    }

    @Test
    void labelOutOfRangeNamesRecord() throws IOException {
        Path f = HandBuiltFiles.write(dir.resolve("x.bin"), HandBuiltFiles.concat(
                HandBuiltFiles.cifarRecord(0, 1), HandBuiltFiles.cifarRecord(0, 12)));
        InvalidDataFileException e = assertThrows(InvalidDataFileException.class,
                () -> CifarBinary.read(List.of(f), CifarBinary.Labels.CIFAR10, "t", "s", TEN));
        assertTrue(e.getMessage().contains("label 12 of record 1 is out of range [0, 10)"), e.getMessage());
    }

    @Test
    void classNamesFromMetaFileSkipBlankLines() throws IOException {
        Path meta = HandBuiltFiles.write(dir.resolve("batches.meta.txt"), "airplane\nautomobile\n\n".getBytes());
        assertEquals(List.of("airplane", "automobile"), CifarBinary.classNames(meta));
    }
}
