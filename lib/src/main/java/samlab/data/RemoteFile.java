package samlab.data;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A file to download: where from, the name to save it under, its size in bytes and its SHA-256
 * (lower-case hex). The checksum is verified before the file is moved into place.
 */
public record RemoteFile(URI url, String fileName, long size, String sha256) {
    /**
     * Checks the fields; {@code sha256} is stored in lower case.
     *
     * @throws NullPointerException     if {@code url}, {@code fileName} or {@code sha256} is null
     * @throws IllegalArgumentException if {@code fileName} is blank, contains '/' or a backslash or starts
     *     with '.'; {@code size <= 0}; {@code sha256} is not 64 hex digits; or the URL's scheme is
     *     not http or https
     */
    public RemoteFile {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
        if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("file name '" + fileName + "' must be a plain name (no folders, not hidden)");
        }
        if (size <= 0) throw new IllegalArgumentException("size of " + fileName + " must be positive, not " + size);
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 of " + fileName + " must be 64 hex digits, not '" + sha256 + "'");
        }
        String scheme = url.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException("url " + url + " must be http(s)");
        }
    }

    /**
     * @param url      an http(s) URL
     * @param fileName the plain file name to save it under
     * @param size     its size in bytes, &gt; 0
     * @param sha256   its SHA-256, 64 hex digits
     * @return the file
     * @throws IllegalArgumentException if {@code url} is not a valid URI, or a field is invalid (see
     *     the canonical constructor)
     * @throws NullPointerException     if an argument is null
     */
    public static RemoteFile of(String url, String fileName, long size, String sha256) {
        return new RemoteFile(URI.create(url), fileName, size, sha256);
    }
}
