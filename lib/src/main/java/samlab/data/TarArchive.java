package samlab.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
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
 * Extracts one folder of a {@code .tar.gz} archive safely and atomically: entries are written into a
 * hidden temporary folder {@code .extract-<pid>-*} beside the destination, and the expected folder is
 * then renamed into the destination, so a reader sees either nothing or a complete folder. Entries
 * outside the expected folder are not written (an archive cannot plant, say, a decoded-cache file
 * beside it); entries whose path would leave the destination (absolute paths, {@code ..}) and links
 * are refused; the temporary folder is removed on any failure, and temporary folders left by a
 * process that no longer runs (killed mid-extraction) are removed by the next extraction.
 */
public final class TarArchive {
    /** Prefix of the temporary extraction folders. */
    static final String TEMP_PREFIX = ".extract-";
    /** A temporary folder without an owner pid (older versions) counts as stale after this long. */
    static final Duration UNOWNED_STALE_AFTER = Duration.ofHours(1);

    private TarArchive() {}

    /**
     * Extracts the top-level folder {@code folder} of {@code archive} into {@code destination} and
     * returns the paths it created there: {@code [destination/folder]}, or nothing when that folder
     * already exists (another process extracted it first; it is kept). Entries outside {@code folder}/
     * are skipped.
     *
     * @throws InvalidDataFileException if the archive is corrupt or truncated, holds a link or an entry
     *     that would leave the destination, or has no entry under {@code folder}/
     * @throws IllegalArgumentException if {@code folder} is empty, contains '/' or starts with '.'
     * @throws UncheckedIOException on an I/O error, with its reason
     */
    public static List<Path> extractTarGz(Path archive, Path destination, String folder) {
        return extractTarGz(archive, destination, folder, ProgressSink.silent());
    }

    /**
     * As {@link #extractTarGz(Path, Path, String)}, reporting the compressed bytes read to
     * {@code progress} (labelled "extract ARCHIVE").
     *
     * @throws InvalidDataFileException if the archive is corrupt or truncated, holds a link or an entry
     *     that would leave the destination, or has no entry under {@code folder}/
     * @throws IllegalArgumentException if {@code folder} is empty, contains '/' or starts with '.'
     * @throws UncheckedIOException on an I/O error, with its reason
     */
    public static List<Path> extractTarGz(Path archive, Path destination, String folder, ProgressSink sink) {
        if (folder.isEmpty() || folder.contains("/") || folder.startsWith(".")) {
            throw new IllegalArgumentException("folder must be one plain top-level name, not '" + folder + "'");
        }
        Path dest = destination.toAbsolutePath().normalize();
        Path tmp = null;
        int skipped = 0;
        try {
            Files.createDirectories(dest);
            removeStaleTemporaryFolders(dest);
            tmp = Files.createTempDirectory(dest, TEMP_PREFIX + ProcessHandle.current().pid() + "-");
            long size = Files.size(archive);
            try (InputStream raw = Files.newInputStream(archive);
                 Progress progress = sink.start("extract " + archive.getFileName(), size);
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
                    if (!out.startsWith(tmp.resolve(folder))) {
                        skipped++; // not part of the expected folder: never written
                        continue;
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
            if (!Files.isDirectory(tmp.resolve(folder))) {
                throw new InvalidDataFileException(archive, "does not contain the expected top-level folder " + folder
                        + "/" + (skipped > 0 ? " (" + skipped + " other entries)" : ""));
            }
            Path target = dest.resolve(folder);
            return moveIfAbsent(tmp.resolve(folder), target) ? List.of(target) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + archive + " into " + dest + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) deleteRecursively(tmp);
        }
    }

    /**
     * Removes {@code .extract-<pid>-*} folders in {@code dest} whose process no longer runs, and
     * older unowned {@code .extract-*} folders last modified over {@link #UNOWNED_STALE_AFTER} ago.
     * Returns how many were removed.
     */
    static int removeStaleTemporaryFolders(Path dest) throws IOException {
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> s = Files.list(dest)) {
            for (Path p : s.filter(q -> q.getFileName().toString().startsWith(TEMP_PREFIX)).toList()) {
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
                String rest = p.getFileName().toString().substring(TEMP_PREFIX.length());
                int dash = rest.indexOf('-');
                Long pid = null;
                try {
                    if (dash > 0) pid = Long.parseLong(rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    pid = null;
                }
                boolean gone = pid != null
                        ? ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)
                        : Files.getLastModifiedTime(p).toInstant().isBefore(Instant.now().minus(UNOWNED_STALE_AFTER));
                if (gone) stale.add(p);
            }
        }
        for (Path p : stale) deleteRecursively(p);
        return stale.size();
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
