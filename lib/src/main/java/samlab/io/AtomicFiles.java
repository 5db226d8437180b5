package samlab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that readers never see half of one: the content goes to a temporary file in the
 * same folder, which is moved over the target only once it is complete. On failure the temporary
 * file is deleted and the target is left as it was.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Something that writes the whole content to a stream. */
    @FunctionalInterface
    public interface Writer {
        /**
         * Writes the whole content.
         *
         * @param out the stream to the temporary file; the caller closes it
         * @throws IOException if writing fails (the target is then left as it was)
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically; creates missing parent folders. The finished file has mode
     * {@code rw-r--r--} where the file system has POSIX permissions.
     *
     * @param target the file to write (replaced if it exists)
     * @param writer writes the whole content
     * @throws UncheckedIOException if a parent folder or the temporary file cannot be created, the
     *     writer throws an {@link IOException}, or the move into place fails; {@code target} is then
     *     unchanged and the temporary file is deleted
     */
    public static void write(Path target, Writer writer) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".part");
            // Temp files are created owner-only; the finished file should read like any other.
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary name is hidden and marked .part
                }
            }
        }
    }

    /**
     * Writes a string (UTF-8) atomically, as {@link #write(Path, Writer)}.
     *
     * @param target the file to write (replaced if it exists)
     * @param content the whole content
     * @throws UncheckedIOException if the file cannot be written (see {@link #write(Path, Writer)})
     */
    public static void writeString(Path target, String content) {
        write(target, out -> out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Fails early with a clear message when {@code target} cannot be written (its folder cannot be
     * created or is not writable), before any long computation starts. Creates and deletes a scratch
     * file in the nearest existing ancestor folder of {@code target}; creates nothing else.
     *
     * @param target the file a later {@link #write(Path, Writer)} will write
     * @throws IllegalArgumentException if {@code target} is a directory; if no ancestor of it exists or
     *     the nearest existing ancestor is not a writable directory; if {@code target} exists and is
     *     not writable; or if a scratch file cannot be created in that ancestor
     */
    public static void checkWritable(Path target) {
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new IllegalArgumentException("output path " + target + " is a directory; expected a file path");
        }
        Path dir = abs.getParent();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new IllegalArgumentException("output path " + target + " is not writable"
                    + (existing == null ? "" : " (" + existing + " is not a writable folder)"));
        }
        if (Files.exists(abs) && !Files.isWritable(abs)) {
            throw new IllegalArgumentException("output path " + target + " exists and is not writable");
        }
        // permission bits do not tell everything (root, read-only mounts, /proc): try a scratch file
        // there now, so that a long run does not fail only when it writes its results
        try {
            Files.delete(Files.createTempFile(existing, ".samlab-write-check", ".tmp"));
        } catch (java.io.IOException | RuntimeException e) {
            String reason = e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                    ? fse.getReason() : e.getClass().getSimpleName();
            throw new IllegalArgumentException("output path " + target + " is not writable (cannot create a file in "
                    + existing + ": " + reason + ")");
        }
    }
}
