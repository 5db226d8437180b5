package samlab.jupyter;

import java.util.function.LongSupplier;
import org.rapaio.jupyter.kernel.global.Global;
import samlab.progress.Progress;
import samlab.progress.ProgressSink;

/**
 * A progress bar that occupies one cell output line and is redrawn in place through the kernel's
 * update-display messages, at most every {@value #REDRAW_MILLIS} ms and once more on close.
 * The kernelspec makes {@link Sink} the default {@link ProgressSink} of notebook kernels.
 */
public final class NotebookProgress implements Progress {
    static final long REDRAW_MILLIS = 250;

    /** Where frames go: the kernel's display in a notebook, a list in tests. */
    interface Output {
        /** Shows a new output and returns its display id. */
        String show(ProgressView view);

        /** Replaces the output with the given id. */
        void update(String displayId, ProgressView view);
    }

    private final Output output;
    private final LongSupplier nanoClock;
    private final String label;
    private final long total;
    private final long startNanos;
    private final String displayId;
    private long done;
    private long lastDrawNanos;
    private String status = "";
    private boolean closed;

    NotebookProgress(Output output, LongSupplier nanoClock, String label, long total) {
        if (label == null) throw new IllegalArgumentException("label must not be null");
        this.output = output;
        this.nanoClock = nanoClock;
        this.label = label;
        this.total = total;
        this.startNanos = nanoClock.getAsLong();
        this.lastDrawNanos = startNanos;
        this.displayId = output.show(view(startNanos));
    }

    @Override
    public synchronized void advance(long n) {
        if (n < 0) throw new IllegalArgumentException("advance " + n + " must be >= 0");
        done += n;
        long now = nanoClock.getAsLong();
        if (!closed && now - lastDrawNanos >= REDRAW_MILLIS * 1_000_000L) {
            lastDrawNanos = now;
            output.update(displayId, view(now));
        }
    }

    @Override
    public synchronized void status(String text) {
        status = text == null ? "" : text;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        output.update(displayId, view(nanoClock.getAsLong()));
    }

    private ProgressView view(long now) {
        return new ProgressView(label, done, total, Math.max(0, now - startNanos) / 1e9, status);
    }

    /** The notebook sink: bars in the cell output, through the kernel's display functions. */
    public static final class Sink implements ProgressSink {
        private static final Output KERNEL = new Output() {
            @Override
            public String show(ProgressView view) {
                return Global.display(view);
            }

            @Override
            public void update(String displayId, ProgressView view) {
                Global.updateDisplay(displayId, view);
            }
        };

        public Sink() {}

        @Override
        public Progress start(String label, long total) {
            return new NotebookProgress(KERNEL, System::nanoTime, label, total);
        }
    }
}
