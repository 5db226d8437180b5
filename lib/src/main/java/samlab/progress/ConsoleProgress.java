package samlab.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A text progress bar on a console: {@code label [#####.....] done/total  rate/s  ETA}.
 * Redraws in place with a carriage return at most every 200 ms; prints one final line on close.
 */
public final class ConsoleProgress implements Progress {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile long lastDraw = 0;
    private volatile String status = "";
    private volatile boolean closed;

    ConsoleProgress(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    @Override
    public void advance(long n) {
        long d = done.addAndGet(n);
        long now = System.nanoTime();
        if (now - lastDraw > REDRAW_NANOS) {
            lastDraw = now;
            draw(d, now, false);
        }
    }

    @Override
    public void status(String text) {
        status = text == null ? "" : text;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        draw(done.get(), System.nanoTime(), true);
    }

    private synchronized void draw(long d, long now, boolean last) {
        if (closed && !last) return;
        out.print("\r" + line(label, d, total, (now - startNanos) / 1e9, status) + (last ? "\n" : ""));
        out.flush();
    }

    /** The text of one progress line; shared with the notebook display. */
    public static String line(String label, long done, long total, double seconds, String status) {
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder sb = new StringBuilder(label).append(' ');
        if (total > 0) {
            int width = 24;
            int filled = (int) Math.min(width, Math.round(width * (double) done / total));
            sb.append('[').append("#".repeat(filled)).append(".".repeat(width - filled)).append("] ");
            sb.append(done).append('/').append(total);
        } else {
            sb.append(done);
        }
        sb.append(String.format(Locale.ROOT, "  %s/s", human(rate)));
        if (total > 0 && done < total && rate > 0) {
            sb.append("  ETA ").append(duration((total - done) / rate));
        } else {
            sb.append("  ").append(duration(seconds));
        }
        if (!status.isEmpty()) sb.append("  ").append(status);
        return sb.toString();
    }

    static String human(double x) {
        if (x >= 1e6) return String.format(Locale.ROOT, "%.2fM", x / 1e6);
        if (x >= 1e3) return String.format(Locale.ROOT, "%.1fk", x / 1e3);
        return String.format(Locale.ROOT, "%.1f", x);
    }

    static String duration(double s) {
        long t = Math.round(s);
        if (t >= 3600) return String.format(Locale.ROOT, "%dh%02dm", t / 3600, (t % 3600) / 60);
        if (t >= 60) return String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60);
        return String.format(Locale.ROOT, "%.1fs", s);
    }

    /** The default sink: a bar on the given stream. */
    public static final class Sink implements ProgressSink {
        private final PrintStream out;

        public Sink(PrintStream out) {
            this.out = out;
        }

        @Override
        public Progress start(String label, long total) {
            return new ConsoleProgress(out, label, total);
        }
    }
}
