package samlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import samlab.progress.Progress;
import samlab.progress.ProgressSink;

/**
 * Downloads {@link RemoteFile}s over HTTP(S). Bytes go to {@code <name>.part} beside the target;
 * an interrupted download resumes from there with an HTTP Range request (or restarts when the
 * server ignores it). The SHA-256 is checked before the file is moved into place: on a mismatch the
 * partial file is deleted and nothing is left behind. A target that already has the right checksum
 * is not downloaded again. A {@code .part} that cannot be resumed (longer than the file, or left
 * beside a target that is already complete) is deleted on the next fetch; one that can is kept.
 */
public final class Downloader {
    private static final int ATTEMPTS = 3;

    private final HttpClient client;
    private final ProgressSink progress;

    /** A downloader on a default HTTP client (redirects followed, 30 s to connect) that reports no progress. */
    public Downloader() {
        this(ProgressSink.silent());
    }

    /**
     * A downloader on a default HTTP client (redirects followed, 30 s to connect).
     *
     * @param progress receives the bytes of each file, labelled "download FILE" (and of the
     *                 extraction that follows, in {@link Datasets#download})
     * @throws NullPointerException if {@code progress} is null
     */
    public Downloader(ProgressSink progress) {
        this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build(), progress);
    }

    /** A downloader on {@code client} that reports no progress (tests serve their own files). */
    public Downloader(HttpClient client) {
        this(client, ProgressSink.silent());
    }

    /**
     * A downloader on {@code client} reporting to {@code progress}.
     *
     * @throws NullPointerException if {@code client} or {@code progress} is null
     */
    public Downloader(HttpClient client, ProgressSink progress) {
        this.client = java.util.Objects.requireNonNull(client, "client");
        this.progress = java.util.Objects.requireNonNull(progress, "progress");
    }

    /** Where this downloader reports progress (the extraction after a download reports there too). */
    ProgressSink progress() {
        return progress;
    }

    /** The path of the partial download of {@code file} in {@code folder}. */
    public static Path partPath(Path folder, RemoteFile file) {
        return folder.resolve(file.fileName() + ".part");
    }

    /**
     * Downloads {@code file} into {@code folder} (created if missing) and returns its path.
     *
     * @throws IllegalArgumentException if the target exists but its size or SHA-256 differs from {@code file}'s
     * @throws UncheckedIOException     if the download fails after all attempts, its SHA-256 does not
     *                                  match (the download is deleted), or a file operation fails
     */
    public Path fetch(RemoteFile file, Path folder) {
        Path target = folder.resolve(file.fileName());
        try {
            Files.createDirectories(folder);
            Path leftover = partPath(folder, file);
            if (Files.isRegularFile(target)) {
                if (Files.size(target) == file.size() && sha256(target).equals(file.sha256())) {
                    Files.deleteIfExists(leftover); // nothing left to resume
                    return target;
                }
                throw new IllegalArgumentException(target + " exists but its size or SHA-256 differs from the official "
                        + file.url() + "; delete it to download again");
            }
            if (Files.isRegularFile(leftover) && Files.size(leftover) > file.size()) {
                Files.delete(leftover); // longer than the real file: not a prefix of it, cannot be resumed
            }
            IOException last = null;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try {
                    transfer(file, partPath(folder, file));
                    last = null;
                    break;
                } catch (IOException e) {
                    last = e; // the .part file keeps what arrived; the next attempt resumes
                }
            }
            if (last != null) {
                Path part = partPath(folder, file);
                throw new UncheckedIOException("cannot download " + file.url() + " after " + ATTEMPTS
                        + " attempts: " + describe(last) + (Files.exists(part)
                        ? " (run again to resume from " + part + ")" : " (check the network and run again)"), last);
            }
            Path part = partPath(folder, file);
            String actual = sha256(part);
            if (!actual.equals(file.sha256())) {
                Files.deleteIfExists(part);
                throw new UncheckedIOException(new IOException("SHA-256 mismatch for " + file.url() + ": expected "
                        + file.sha256() + ", got " + actual + "; the download was deleted"));
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download " + file.url() + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Brings {@code part} to the full length, resuming from its current length when possible. */
    private void transfer(RemoteFile file, Path part) throws IOException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (have > file.size()) {
            Files.delete(part); // longer than the real file: not a prefix of it
            have = 0;
        }
        if (have == file.size()) return;
        HttpRequest.Builder request = HttpRequest.newBuilder(file.url()).timeout(Duration.ofMinutes(10)).GET();
        if (have > 0) request.header("Range", "bytes=" + have + "-");
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        int status = response.statusCode();
        boolean append;
        if (status == 206 && have > 0) {
            String range = response.headers().firstValue("Content-Range").orElse("");
            if (!range.startsWith("bytes " + have + "-")) {
                response.body().close();
                Files.deleteIfExists(part); // not the continuation we asked for: start over next attempt
                throw new IOException("server answered the range request with '" + range + "'");
            }
            append = true;
        } else if (status == 200) {
            append = false; // the server sent the whole file: start over
            have = 0;
        } else if (status == 416) {
            response.body().close();
            Files.deleteIfExists(part);
            throw new IOException("server refused the range request (HTTP 416); restarting");
        } else {
            response.body().close();
            throw new IOException("HTTP " + status + " from " + file.url());
        }
        try (InputStream in = response.body();
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
             Progress progress = this.progress.start("download " + file.fileName(), file.size())) {
            progress.advance(have);
            byte[] buffer = new byte[1 << 16];
            long written = have;
            int r;
            while ((r = in.read(buffer)) >= 0) {
                if (written + r > file.size()) {
                    throw new IOException("server sent more than the expected " + file.size() + " bytes");
                }
                out.write(buffer, 0, r);
                written += r;
                progress.advance(r);
            }
            if (written != file.size()) {
                throw new IOException("connection ended after " + written + " of " + file.size() + " bytes");
            }
        }
    }

    /** A readable reason: some network exceptions carry no message, only a type and a cause. */
    private static String describe(Throwable e) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 5; t = t.getCause()) {
            String part = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            if (parts.isEmpty() || !parts.get(parts.size() - 1).equals(part)) parts.add(part);
        }
        return String.join(": ", parts);
    }

    /**
     * The SHA-256 of a file, lower-case hex.
     *
     * @throws UncheckedIOException  if the file cannot be read
     * @throws IllegalStateException if the JDK offers no SHA-256 (it must, by the Java SE specification)
     */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int r;
            while ((r = in.read(buffer)) >= 0) digest.update(buffer, 0, r);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
