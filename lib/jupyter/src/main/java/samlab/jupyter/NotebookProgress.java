package samlab.jupyter;

import java.util.concurrent.CancellationException;
import java.util.function.LongSupplier;
import samlab.progress.Progress;
import samlab.progress.ProgressSink;

/**
 * A progress bar that occupies one cell output line, redrawn in place through update-display
 * messages at most every {@value #REDRAW_MILLIS} ms, and collapsed to a one-line summary on close.
 * Consecutive bars of one cell whose labels differ only in their numbers ("epoch 1/30", "epoch
 * 2/30", …) share one line, so a training run shows one line, not one per epoch.
 *
 * <p>Each {@link #advance} also checks whether the kernel was asked to interrupt the cell and then
 * throws {@link CancellationException}: library loops (training, basin sweeps) stop at their next
 * progress report even where the JVM cannot stop them from outside (JDK 21+).
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

        /** Identifies the running cell: bars of different cells never share a line. */
        long cell();

        /** True once the kernel was asked to interrupt the running cell. */
        boolean stopRequested();
    }

    /** The last line a sink drew; the next bar of the same shape in the same cell reuses it. */
    static final class Line {
        String displayId;
        String shape;
        long cell;
        long seriesStartNanos;
        int bars;
        boolean open;
    }

    private final Output output;
    private final LongSupplier nanoClock;
    private final Line line;
    private final String label;
    private final long total;
    private final long startNanos;
    private final long seriesStartNanos;
    private final int bars;
    private final String displayId;
    private long done;
    private long lastDrawNanos;
    private String status = "";
    private boolean closed;

    NotebookProgress(Output output, LongSupplier nanoClock, Line line, String label, long total) {
        if (label == null) throw new IllegalArgumentException("label must not be null");
        this.output = output;
        this.nanoClock = nanoClock;
        this.line = line;
        this.label = label;
        this.total = total;
        this.startNanos = nanoClock.getAsLong();
        this.lastDrawNanos = startNanos;
        synchronized (line) {
            String shape = shape(label);
            long cell = output.cell();
            boolean reuse = line.displayId != null && !line.open && line.cell == cell && line.shape.equals(shape);
            if (!reuse) {
                line.bars = 0;
                line.seriesStartNanos = startNanos;
                line.shape = shape;
                line.cell = cell;
            }
            line.bars++;
            line.open = true;
            this.bars = line.bars;
            this.seriesStartNanos = line.seriesStartNanos;
            if (reuse) {
                this.displayId = line.displayId;
                output.update(displayId, view(startNanos, false));
            } else {
                this.displayId = output.show(view(startNanos, false));
                line.displayId = displayId;
            }
        }
    }

    /** The label with its numbers masked: "epoch 3/30" and "epoch 4/30" have one shape. */
    static String shape(String label) {
        return label.replaceAll("[0-9]+", "#");
    }

    /**
     * @throws CancellationException if the kernel was asked to interrupt the cell
     */
    @Override
    public synchronized void advance(long n) {
        if (n < 0) throw new IllegalArgumentException("advance " + n + " must be >= 0");
        if (output.stopRequested()) throw new CancellationException("interrupted (Kernel > Interrupt)");
        done += n;
        long now = nanoClock.getAsLong();
        if (!closed && now - lastDrawNanos >= REDRAW_MILLIS * 1_000_000L) {
            lastDrawNanos = now;
            output.update(displayId, view(now, false));
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
        synchronized (line) {
            if (displayId.equals(line.displayId)) line.open = false;
        }
        output.update(displayId, view(nanoClock.getAsLong(), true));
    }

    private ProgressView view(long now, boolean finished) {
        return new ProgressView(label, done, total, Math.max(0, now - startNanos) / 1e9, status, finished, bars,
                Math.max(0, now - seriesStartNanos) / 1e9);
    }

    /** The notebook sink: bars in the cell output, through the kernel's display. */
    public static final class Sink implements ProgressSink {
        private static final Output KERNEL = new Output() {
            @Override
            public String show(ProgressView view) {
                return Display.display(view);
            }

            @Override
            public void update(String displayId, ProgressView view) {
                Display.updateDisplay(displayId, view);
            }

            @Override
            public long cell() {
                return SamlabKernel.runningCell();
            }

            @Override
            public boolean stopRequested() {
                return SamlabKernel.interruptRequested();
            }
        };

        private final Line line = new Line();

        public Sink() {}

        @Override
        public Progress start(String label, long total) {
            return new NotebookProgress(KERNEL, System::nanoTime, line, label, total);
        }
    }
}
