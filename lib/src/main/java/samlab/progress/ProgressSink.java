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

    /**
     * The system property naming the default sink's class (public, with a public no-argument
     * constructor). The notebook kernelspec sets it to the notebook display's sink, so library code
     * in a notebook draws its bars in the cell output without any setup cell.
     */
    String SINK_PROPERTY = "samlab.progress.sink";

    final class Holder {
        private static volatile ProgressSink sink = byName(System.getProperty(SINK_PROPERTY), System.err);
        private Holder() {}

        /** The sink class named {@code className}, or the console sink when null or unusable (with a warning). */
        static ProgressSink byName(String className, java.io.PrintStream console) {
            ProgressSink fallback = new ConsoleProgress.Sink(console);
            if (className == null || className.isBlank()) return fallback;
            try {
                Class<?> type = Class.forName(className.trim(), true, ProgressSink.class.getClassLoader());
                return (ProgressSink) type.getConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                console.println("samlab: " + SINK_PROPERTY + "=" + className + " is not a usable ProgressSink ("
                        + e + "); progress goes to the console");
                return fallback;
            }
        }
    }
}
