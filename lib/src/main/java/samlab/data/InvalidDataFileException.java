package samlab.data;

import java.nio.file.Path;

/**
 * A dataset file that cannot be used: truncated, corrupt, wrong magic number, label out of range,
 * wrong image size. The message names the file and the problem. It is an
 * {@link IllegalArgumentException} because the fix lies with the input (download it again).
 */
public final class InvalidDataFileException extends IllegalArgumentException {
    private final transient Path file;

    /**
     * @param file    the offending file
     * @param problem what is wrong, as a phrase after the file name ("is truncated: ...")
     */
    public InvalidDataFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /**
     * @param file    the offending file
     * @param problem what is wrong, as a phrase after the file name
     * @param cause   the underlying exception
     */
    public InvalidDataFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }
}
