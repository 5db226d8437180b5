package samlab.progress;

/**
 * Where a long computation reports its progress: the caller passes one in (the listener API of
 * samlab, in the manner of SLF4J's API: no display, no global state). Algorithms of every layer take
 * a sink as an argument; only the edge chooses one: the command line draws console bars
 * ({@code samlab.console.ConsoleProgress}), a notebook draws them in the cell
 * ({@code samlab.course.Course.progress()}), tests and quiet runs pass {@link #silent()}.
 */
@FunctionalInterface
public interface ProgressSink {
    /**
     * Starts a progress report.
     *
     * @param label what is being done, e.g. {@code "basins"} or {@code "epoch 3/30"}
     * @param total units of work expected (steps, starts, bytes); total ≤ 0: unknown
     * @return the tracker; close it when the work ends (try-with-resources)
     */
    Progress start(String label, long total);

    /** A sink that shows nothing (tests, quiet runs, the default of calls that take no sink). */
    static ProgressSink silent() {
        return (label, total) -> new Progress() {
            @Override public void advance(long n) {}
            @Override public void close() {}
        };
    }
}
