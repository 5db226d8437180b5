package samlab.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void writesContentAndCreatesFolders() throws IOException {
        Path target = dir.resolve("a/b/out.csv");
        AtomicFiles.writeString(target, "x,y\n1,2\n");
        assertEquals("x,y\n1,2\n", Files.readString(target));
        assertEquals(1, listAll(dir.resolve("a/b")), "no temporary file may remain");
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(target)));
    }

    @Test
    void failedWriteLeavesTargetUntouchedAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old");
        RuntimeException e = assertThrows(RuntimeException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().contains("out.csv"), e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(1, listAll(dir));
    }

    @Test
    void checkWritableNamesTheBadPath() throws IOException {
        Path file = dir.resolve("plain");
        Files.writeString(file, "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AtomicFiles.checkWritable(file.resolve("below/out.csv")));
        assertTrue(e.getMessage().contains("plain"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AtomicFiles.checkWritable(dir));
        AtomicFiles.checkWritable(dir.resolve("new/folder/out.csv"));
    }

    private static long listAll(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }

    /** Permission bits say /proc is writable for root; the check tries a real file there before any work. */
    @Test
    void aFolderThatRefusesNewFilesIsFoundBeforeAnyWork() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AtomicFiles.checkWritable(Path.of("/proc/results.csv")));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("output path /proc/results.csv is not writable (cannot create a file in /proc"),
                e.getMessage());
    }
}
