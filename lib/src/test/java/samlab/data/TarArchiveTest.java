package samlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarArchiveTest {
    @TempDir
    Path dir;

    /** A tar.gz with the given (name, content) entries; content null makes a directory entry. */
    private Path tarGz(String name, String... namesAndContents) throws IOException {
        Path archive = dir.resolve(name);
        try (OutputStream raw = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(raw))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (int i = 0; i < namesAndContents.length; i += 2) {
                String entryName = namesAndContents[i];
                String text = namesAndContents[i + 1];
                TarArchiveEntry e = new TarArchiveEntry(entryName, true); // keep names as given, even "../x"
                if (text == null) {
                    e = new TarArchiveEntry(entryName.endsWith("/") ? entryName : entryName + "/", true);
                    tar.putArchiveEntry(e);
                } else {
                    byte[] b = text.getBytes(StandardCharsets.UTF_8);
                    e.setSize(b.length);
                    tar.putArchiveEntry(e);
                    tar.write(b);
                }
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }

    private List<String> listing(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void extractsIntoDestinationAndReportsTopLevel() throws IOException {
        Path a = tarGz("a.tar.gz", "set/", null, "set/train/cat/0.txt", "meow", "set/test/dog/1.txt", "woof");
        Path dest = dir.resolve("out");
        List<Path> created = TarArchive.extractTarGz(a, dest, "set");
        assertEquals(List.of(dest.resolve("set")), created);
        assertEquals("meow", Files.readString(dest.resolve("set/train/cat/0.txt")));
        assertEquals(List.of("set", "set/test", "set/test/dog", "set/test/dog/1.txt", "set/train",
                "set/train/cat", "set/train/cat/0.txt"), listing(dest)); // no temporary folder left
    }

    @Test
    void existingTopLevelFolderIsKept() throws IOException {
        Path a = tarGz("a.tar.gz", "set/x.txt", "new");
        Path dest = dir.resolve("out");
        Files.createDirectories(dest.resolve("set"));
        Files.writeString(dest.resolve("set/x.txt"), "old");
        assertEquals(List.of(), TarArchive.extractTarGz(a, dest, "set"));
        assertEquals("old", Files.readString(dest.resolve("set/x.txt")));
        assertEquals(List.of("set", "set/x.txt"), listing(dest));
    }

    @Test
    void entryEscapingTheTargetIsRefusedAndNothingIsLeft() throws IOException {
        Path a = tarGz("evil.tar.gz", "ok/fine.txt", "x", "ok/../../escaped.txt", "gotcha");
        Path dest = dir.resolve("out");
        InvalidDataFileException e = assertThrows(InvalidDataFileException.class, () -> TarArchive.extractTarGz(a, dest, "ok"));
        assertTrue(e.getMessage().contains("'ok/../../escaped.txt' would be written outside"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("escaped.txt")));
        assertEquals(List.of(), listing(dest));
    }

    @Test
    void absolutePathIsRefused() throws IOException {
        // commons-compress strips a leading '/' from names, so write the header name directly with "../"
        Path a = tarGz("abs.tar.gz", "../outside.txt", "x");
        Path dest = dir.resolve("out");
        assertThrows(InvalidDataFileException.class, () -> TarArchive.extractTarGz(a, dest, "set"));
        assertFalse(Files.exists(dir.resolve("outside.txt")));
    }

    @Test
    void linksAreRefused() throws IOException {
        Path archive = dir.resolve("link.tar.gz");
        try (OutputStream raw = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(raw))) {
            TarArchiveEntry link = new TarArchiveEntry("set/passwd", TarConstants.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        Path dest = dir.resolve("out");
        InvalidDataFileException e = assertThrows(InvalidDataFileException.class,
                () -> TarArchive.extractTarGz(archive, dest, "set"));
        assertTrue(e.getMessage().contains("is a link"), e.getMessage());
        assertEquals(List.of(), listing(dest));
    }

    @Test
    void truncatedArchiveIsReportedAsCorrupt() throws IOException {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 20000; i++) big.append(i).append(',');
        Path a = tarGz("t.tar.gz", "set/big.txt", big.toString());
        byte[] all = Files.readAllBytes(a);
        Files.write(a, java.util.Arrays.copyOf(all, all.length / 2));
        Path dest = dir.resolve("out");
        InvalidDataFileException e = assertThrows(InvalidDataFileException.class, () -> TarArchive.extractTarGz(a, dest, "set"));
        assertEquals(a, e.file());
        assertEquals(List.of(), listing(dest));
    }

    @Test
    void onlyTheExpectedFolderIsExtracted() throws IOException {
        // An extra top-level file named like the decoded cache must not be planted beside the folder.
        Path a = tarGz("a.tar.gz", "set/train/0.txt", "ok", "decoded-train.bin", "planted", "other/x.txt", "no");
        Path dest = dir.resolve("out");
        assertEquals(List.of(dest.resolve("set")), TarArchive.extractTarGz(a, dest, "set"));
        assertEquals(List.of("set", "set/train", "set/train/0.txt"), listing(dest));
    }

    @Test
    void archiveWithoutTheExpectedFolderIsRefusedAndNothingIsLeft() throws IOException {
        Path a = tarGz("a.tar.gz", "other/x.txt", "no", "y.txt", "no");
        Path dest = dir.resolve("out");
        InvalidDataFileException e = assertThrows(InvalidDataFileException.class,
                () -> TarArchive.extractTarGz(a, dest, "set"));
        assertEquals(a + ": does not contain the expected top-level folder set/ (2 other entries)", e.getMessage());
        assertEquals(List.of(), listing(dest));
        assertThrows(IllegalArgumentException.class, () -> TarArchive.extractTarGz(a, dest, "../set"));
    }

    @Test
    void staleTemporaryFoldersAreRemovedByTheNextExtraction() throws IOException {
        Path dest = dir.resolve("out");
        long me = ProcessHandle.current().pid();
        Path dead = Files.createDirectories(dest.resolve(".extract-2147483647-123/set")); // no such process
        Files.writeString(dead.resolve("half.jpg"), "partial");
        Path live = Files.createDirectories(dest.resolve(".extract-" + me + "-456"));   // a running extraction
        Path oldUnowned = Files.createDirectories(dest.resolve(".extract-789"));         // older versions' name
        Files.setLastModifiedTime(oldUnowned, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(TarArchive.UNOWNED_STALE_AFTER).minusSeconds(60)));
        Path newUnowned = Files.createDirectories(dest.resolve(".extract-790"));
        Path a = tarGz("a.tar.gz", "set/x.txt", "new");
        TarArchive.extractTarGz(a, dest, "set");
        // sorted like the listing: where ".extract-<pid>-456" falls depends on this JVM's pid
        assertEquals(java.util.stream.Stream.of(".extract-" + me + "-456", ".extract-790", "set", "set/x.txt").sorted().toList(), listing(dest));
        assertFalse(Files.exists(dead.getParent()));
        assertFalse(Files.exists(oldUnowned));
        assertTrue(Files.isDirectory(live));
        assertTrue(Files.isDirectory(newUnowned));
    }
}
