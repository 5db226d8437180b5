package samlab.progress;

/**
 * A unit of long work that reports how far it got. Obtain one from the {@link ProgressSink} the caller passed in;
 * call {@link #advance} as work completes and {@link #close} at the end (try-with-resources).
 * Implementations must be safe to call from several worker threads.
 */
public interface Progress extends AutoCloseable {
    /** Marks {@code n} more units done. */
    void advance(long n);

    /** Sets a short status text shown beside the counter (for example the current loss). */
    default void status(String text) {}

    @Override
    void close();
}
