package samlab.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import samlab.progress.Progress;
import samlab.progress.ProgressSink;

/**
 * Extracts a {@code .tar.gz} archive safely and atomically: entries are written into a hidden
 * temporary folder beside the destination, and each top-level entry is then renamed into the
 * destination, so a reader sees either nothing or a complete folder. Entries whose path would leave
 * the destination (absolute paths, {@code ..}) and links are refused; the temporary folder is
 * removed on any failure.
 */
public final class TarArchive {
    private TarArchive() {}

    /**
     * Extracts {@code archive} into {@code destination} and returns the top-level paths it created
     * there. A top-level folder that already exists (another process extracted it first) is kept.
     */
    public static List<Path> extractTarGz(Path archive, Path destination) {
        Path dest = destination.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            Files.createDirectories(dest);
            tmp = Files.createTempDirectory(dest, ".extract-");
            long size = Files.size(archive);
            try (InputStream raw = Files.newInputStream(archive);
                 Progress progress = ProgressSink.current().start("extract " + archive.getFileName(), size);
                 InputStream counted = new CountingStream(new BufferedInputStream(raw, 1 << 16), progress);
                 TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(counted, 1 << 16))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextTarEntry()) != null) {
                    Path out = tmp.resolve(entry.getName()).normalize();
                    if (!out.startsWith(tmp) || out.equals(tmp) && !entry.isDirectory()) {
                        throw new InvalidDataFileException(archive, "entry '" + entry.getName()
                                + "' would be written outside the target folder; refusing to extract");
                    }
                    if (entry.isSymbolicLink() || entry.isLink()) {
                        throw new InvalidDataFileException(archive, "entry '" + entry.getName()
                                + "' is a link; refusing to extract archives with links");
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isFile()) {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    } // other kinds (devices, fifos) are skipped
                }
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                throw new InvalidDataFileException(archive, "is a corrupt or truncated archive (" + e.getMessage() + ")", e);
            }
            List<Path> created = new ArrayList<>();
            try (Stream<Path> top = Files.list(tmp)) {
                for (Path p : top.sorted().toList()) {
                    Path target = dest.resolve(p.getFileName());
                    if (moveIfAbsent(p, target)) created.add(target);
                }
            }
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + archive + " into " + dest + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) deleteRecursively(tmp);
        }
    }

    private static boolean moveIfAbsent(Path from, Path to) throws IOException {
        if (Files.exists(to)) return false;
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            return false; // someone else won the race; their copy is complete
        }
        return true;
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root + ": " + e.getMessage(), e);
        }
    }

    /** Reports compressed bytes read to a progress bar. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private final Progress progress;

        CountingStream(InputStream in, Progress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) progress.advance(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            if (r > 0) progress.advance(r);
            return r;
        }
    }
}
