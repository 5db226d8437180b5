package samlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {
    @TempDir
    Path dir;
    LocalServer server;
    final Downloader downloader = new Downloader();
    byte[] content;
    String sha;

    @BeforeEach
    void start() throws Exception {
        server = new LocalServer();
        content = new byte[300_000];
        new SplittableRandom(7).nextBytes(content);
        sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RemoteFile remote(String name, byte[] body, String checksum) {
        return new RemoteFile(server.serve(name, body), name, body.length, checksum);
    }

    private List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void downloadsVerifiesAndMovesIntoPlace() throws IOException {
        Path got = downloader.fetch(remote("a.bin", content, sha), dir.resolve("sub"));
        assertEquals(dir.resolve("sub/a.bin"), got);
        assertArrayEquals(content, Files.readAllBytes(got));
        assertEquals(List.of("a.bin"), filesIn(dir.resolve("sub")));
        assertEquals(List.of("none"), server.ranges);
    }

    @Test
    void resumesFromPartFileWithRangeRequest() throws IOException {
        RemoteFile f = remote("b.bin", content, sha);
        Files.write(Downloader.partPath(dir, f), Arrays.copyOf(content, 123_456));
        Path got = downloader.fetch(f, dir);
        assertEquals(List.of("bytes=123456-"), server.ranges);
        assertArrayEquals(content, Files.readAllBytes(got));
        assertEquals(List.of("b.bin"), filesIn(dir));
    }

    @Test
    void restartsWhenServerIgnoresRange() throws IOException {
        server.honourRange = false;
        RemoteFile f = remote("c.bin", content, sha);
        Files.write(Downloader.partPath(dir, f), Arrays.copyOf(content, 1000));
        Path got = downloader.fetch(f, dir);
        assertEquals(List.of("bytes=1000-"), server.ranges); // asked, got 200 with the whole file
        assertArrayEquals(content, Files.readAllBytes(got));
    }

    @Test
    void partialAnswerForTheWrongRangeIsDiscardedAndTheDownloadRestarts() throws IOException {
        server.wrongRange = true;
        RemoteFile f = remote("w.bin", content, sha);
        Files.write(Downloader.partPath(dir, f), Arrays.copyOf(content, 1000));
        Path got = downloader.fetch(f, dir);
        assertEquals(List.of("bytes=1000-", "none"), server.ranges);
        assertArrayEquals(content, Files.readAllBytes(got));
    }

    @Test
    void interruptedTransferResumesOnTheNextAttempt() throws IOException {
        // each response stops after 200 kB of the 300 kB: the second attempt resumes from the .part file
        server.cutAfter = 200_000;
        Path got = downloader.fetch(remote("d.bin", content, sha), dir);
        assertEquals(2, server.ranges.size(), server.ranges.toString());
        assertEquals("none", server.ranges.get(0));
        long resumedAt = Long.parseLong(server.ranges.get(1).replaceAll("bytes=(\\d+)-", "$1"));
        assertTrue(resumedAt > 0 && resumedAt <= 200_000, server.ranges.toString());
        assertArrayEquals(content, Files.readAllBytes(got));
    }

    @Test
    void checksumMismatchLeavesNoFile() throws IOException {
        String wrong = "0".repeat(64);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> downloader.fetch(remote("e.bin", content, wrong), dir));
        assertTrue(e.getMessage().contains("SHA-256 mismatch") && e.getMessage().contains(sha), e.getMessage());
        assertEquals(List.of(), filesIn(dir));
    }

    @Test
    void verifiedFileIsNotDownloadedAgainButAForeignOneIsRefused() throws IOException {
        RemoteFile f = remote("g.bin", content, sha);
        downloader.fetch(f, dir);
        downloader.fetch(f, dir);
        assertEquals(1, server.ranges.size());
        Files.write(dir.resolve("g.bin"), new byte[content.length]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> downloader.fetch(f, dir));
        assertTrue(e.getMessage().contains("delete it to download again"), e.getMessage());
    }

    @Test
    void httpErrorIsReportedWithUrl() {
        RemoteFile missing = new RemoteFile(server.serve("x", new byte[1]).resolve("/missing"), "m.bin", 10, sha);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> downloader.fetch(missing, dir));
        assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains("/missing"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("m.bin")));
    }

    @Test
    void remoteFileValidation() {
        assertThrows(IllegalArgumentException.class, () -> RemoteFile.of("https://x/y", "../y", 1, sha));
        assertThrows(IllegalArgumentException.class, () -> RemoteFile.of("https://x/y", "y", 1, "abc"));
        assertThrows(IllegalArgumentException.class, () -> RemoteFile.of("ftp://x/y", "y", 1, sha));
    }

    @Test
    void unresumablePartFilesAreCleanedAndAResumableOneIsKept() throws IOException {
        RemoteFile f = remote("h.bin", content, sha);
        // Longer than the file: not a prefix, so it cannot be resumed; the download starts from 0.
        Files.write(Downloader.partPath(dir, f), new byte[content.length + 10]);
        Path got = downloader.fetch(f, dir);
        assertEquals(List.of("none"), server.ranges);
        assertArrayEquals(content, Files.readAllBytes(got));
        // A .part beside a complete, verified target (e.g. from a second, interrupted download): removed.
        Files.write(Downloader.partPath(dir, f), Arrays.copyOf(content, 1000));
        downloader.fetch(f, dir);
        assertEquals(List.of("h.bin"), filesIn(dir));
        assertEquals(1, server.ranges.size()); // nothing fetched again
        // A resumable .part of another file is left alone.
        RemoteFile other = remote("i.bin", content, sha);
        Files.write(Downloader.partPath(dir, other), Arrays.copyOf(content, 5000));
        downloader.fetch(f, dir);
        assertEquals(List.of("h.bin", "i.bin.part"), filesIn(dir));
    }
}
