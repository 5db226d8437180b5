package samlab.progress;

import java.util.Objects;

/**
 * Where progress goes: the console by default; the notebook display module installs one that
 * updates a single output line in place. Library code asks {@link #current()} for the sink.
 */
public interface ProgressSink {
    /** Starts a progress report for {@code total} units (total &le; 0: unknown). */
    Progress start(String label, long total);

    /** The sink library code reports to. */
    static ProgressSink current() {
        return Holder.sink;
    }

    /** Replaces the sink for this JVM (the notebook kernel's init script calls this). */
    static void install(ProgressSink sink) {
        Holder.sink = Objects.requireNonNull(sink, "sink");
    }

    /** A sink that shows nothing (tests, quiet runs). */
    static ProgressSink silent() {
        return (label, total) -> new Progress() {
            @Override public void advance(long n) {}
            @Override public void close() {}
        };
    }

    final class Holder {
        private static volatile ProgressSink sink = new ConsoleProgress.Sink(System.err);
        private Holder() {}
    }
}
