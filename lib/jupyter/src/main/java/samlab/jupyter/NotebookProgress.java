package samlab.jupyter;

import java.util.concurrent.CancellationException;
import java.util.function.LongSupplier;
import samlab.progress.Progress;
import samlab.progress.ProgressSink;

/**
 * A progress bar that occupies one cell output line, redrawn in place through update-display
 * messages at most every {@value #REDRAW_MILLIS} ms, and collapsed to a one-line summary on close.
 * Consecutive bars of one cell whose labels differ only in their numbers ("epoch 1/30", "epoch
 * 2/30", …) share one line while their numbers count up, so a training run shows one line, not
 * one per epoch, and the next run ("epoch 1/30" again) starts the next line. A bar started
 * while another is open draws inside that one's line ("run sam-rho5 [##…] 2/7 · epoch 3/30 …"),
 * so a named bar around each run gives one line per run with its name.
 *
 * <p>Each {@link #advance} also checks whether the kernel was asked to interrupt the cell and then
 * throws {@link CancellationException}: library loops (training, basin sweeps) stop at their next
 * progress report even where the JVM cannot stop them from outside (JDK 21+).
 * The kernelspec names {@link Sink} in {@link samlab.course.Course#PROGRESS_SINK_PROPERTY}, so that
 * {@link samlab.course.Course#progress()} in a notebook kernel is this display.
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
        String label;
        long cell;
        long seriesStartNanos;
        int bars;
        boolean open;
        /** The open bar that owns the line; bars started meanwhile draw inside it. */
        NotebookProgress owner;
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
    /** The bar whose line this one draws in, or null for a bar with its own line. */
    private final NotebookProgress parent;
    /** Text of the bar running inside this one (or the summary of the last), shown after its own. */
    private String detail = "";
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
            long cell = output.cell();
            NotebookProgress owner = line.owner;
            if (owner != null && line.open && line.cell == cell) {
                // Inside an open bar: draw in its line.
                this.parent = owner;
                this.bars = 1;
                this.seriesStartNanos = startNanos;
                this.displayId = owner.displayId;
            } else {
                this.parent = null;
                this.displayId = ownLine(line, cell);
                this.bars = line.bars;
                this.seriesStartNanos = line.seriesStartNanos;
            }
        }
        // Outside the line's lock: the parent's lock is taken second everywhere (close takes it first).
        if (parent != null) parent.showDetail(view(startNanos, false).text());
    }

    /** Starts or continues this bar's own line; returns its display id. Called holding the line's lock. */
    private String ownLine(Line line, long cell) {
        String shape = shape(label);
        boolean reuse = line.displayId != null && !line.open && line.cell == cell && line.shape.equals(shape)
                && !countsBack(line.label, label);
        if (!reuse) {
            line.bars = 0;
            line.seriesStartNanos = startNanos;
            line.shape = shape;
            line.cell = cell;
        }
        line.bars++;
        line.open = true;
        line.owner = this;
        line.label = label;
        ProgressView first = new ProgressView(label, 0, total, 0, "", false, line.bars,
                Math.max(0, startNanos - line.seriesStartNanos) / 1e9, "");
        if (reuse) {
            output.update(line.displayId, first);
        } else {
            line.displayId = output.show(first);
        }
        return line.displayId;
    }

    /** True if {@code next}'s numbers, read left to right, are below {@code previous}'s: a new run began. */
    static boolean countsBack(String previous, String next) {
        java.util.regex.Matcher a = NUMBER.matcher(previous), b = NUMBER.matcher(next);
        while (a.find() && b.find()) {
            int c = new java.math.BigInteger(a.group()).compareTo(new java.math.BigInteger(b.group()));
            if (c != 0) return c > 0;
        }
        return false;
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[0-9]+");

    /** The label with its numbers masked: "epoch 3/30" and "epoch 4/30" have one shape. */
    static String shape(String label) {
        return label.replaceAll("[0-9]+", "#");
    }

    /**
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws CancellationException    if the kernel was asked to interrupt the cell
     */
    @Override
    public synchronized void advance(long n) {
        if (n < 0) throw new IllegalArgumentException("advance " + n + " must be >= 0");
        if (output.stopRequested()) throw new CancellationException("interrupted (Kernel > Interrupt)");
        done += n;
        long now = nanoClock.getAsLong();
        if (!closed && now - lastDrawNanos >= REDRAW_MILLIS * 1_000_000L) {
            lastDrawNanos = now;
            draw(view(now, false));
        }
    }

    /** Draws this bar: in its own line, or as the detail of its parent's line. */
    private void draw(ProgressView view) {
        if (parent == null) {
            output.update(displayId, view);
        } else {
            parent.showDetail(view.text());
        }
    }

    /** Redraws this bar's line with the text of the bar running inside it. */
    private synchronized void showDetail(String text) {
        detail = text;
        if (!closed) output.update(displayId, view(nanoClock.getAsLong(), false));
    }

    @Override
    public synchronized void status(String text) {
        status = text == null ? "" : text;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (parent != null) {
            parent.showDetail(view(nanoClock.getAsLong(), true).text());
            return;
        }
        synchronized (line) {
            if (line.owner == this) {
                line.open = false;
                line.owner = null;
            }
        }
        output.update(displayId, view(nanoClock.getAsLong(), true));
    }

    private ProgressView view(long now, boolean finished) {
        return new ProgressView(label, done, total, Math.max(0, now - startNanos) / 1e9, status, finished, bars,
                Math.max(0, now - seriesStartNanos) / 1e9, detail);
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

        /**
         * A tracker drawn in the running cell's output.
         *
         * @throws IllegalArgumentException if {@code label} is null
         */
        @Override
        public Progress start(String label, long total) {
            return new NotebookProgress(KERNEL, System::nanoTime, line, label, total);
        }
    }
}
