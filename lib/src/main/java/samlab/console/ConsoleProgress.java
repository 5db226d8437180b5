package samlab.console;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import samlab.progress.Progress;
import samlab.progress.ProgressSink;

/**
 * A text progress bar on a console: {@code label [#####.....] done/total  rate/s  ETA}. The command
 * line's progress display ({@link Sink} on stderr); the notebook's lives in lib/jupyter.
 * On a terminal it redraws in place with a carriage return at most every 200 ms; elsewhere (a CI log,
 * a pipe, a file) it prints a whole line every {@value #LOG_INTERVAL_SECONDS} s instead, so a log holds
 * a few readable lines rather than hundreds of {@code \r} updates. Either way one final line on close.
 */
public final class ConsoleProgress implements Progress {
    /** Seconds between lines when the output is not a terminal. */
    public static final int LOG_INTERVAL_SECONDS = 5;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long LOG_NANOS = LOG_INTERVAL_SECONDS * 1_000_000_000L;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final boolean inPlace;
    private final LongSupplier clock;
    private final long startNanos;
    private final AtomicLong done = new AtomicLong();
    private volatile long lastDraw;
    private volatile String status = "";
    private volatile boolean closed;

    ConsoleProgress(PrintStream out, String label, long total, boolean inPlace, LongSupplier clock) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.inPlace = inPlace;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        // In place the first draw is immediate; in a log the first line comes after one interval.
        this.lastDraw = inPlace ? startNanos - REDRAW_NANOS - 1 : startNanos;
    }

    @Override
    public void advance(long n) {
        long d = done.addAndGet(n);
        long now = clock.getAsLong();
        if (now - lastDraw > (inPlace ? REDRAW_NANOS : LOG_NANOS - 1)) {
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
        draw(done.get(), clock.getAsLong(), true);
    }

    private synchronized void draw(long d, long now, boolean last) {
        if (closed && !last) return;
        String text = line(label, d, total, (now - startNanos) / 1e9, status);
        if (inPlace) out.print("\r" + text + (last ? "\n" : ""));
        else out.println(text);
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

    /**
     * Whether a file descriptor's target, as {@code /proc/self/fd/N} names it, is a terminal
     * ({@code /dev/pts/3}, {@code /dev/tty1}, {@code /dev/console}) rather than a pipe, socket or file.
     */
    static boolean isTerminalTarget(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    /**
     * Whether {@code out} is this process's standard output or error and that is a terminal. Read from
     * Linux's {@code /proc/self/fd}; elsewhere {@link System#console()} decides (it needs both stdin
     * and stdout to be terminals, so it errs toward line output). {@code TERM=dumb} counts as no terminal.
     */
    static boolean isTerminal(PrintStream out) {
        int fd = out == System.out ? 1 : out == System.err ? 2 : -1;
        if (fd < 0 || "dumb".equals(System.getenv("TERM"))) return false;
        try {
            return isTerminalTarget(Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** The default sink: a bar on the given stream, in place on a terminal, a line every few seconds elsewhere. */
    public static final class Sink implements ProgressSink {
        private final PrintStream out;
        private final boolean inPlace;

        /** A sink on {@code out}; it redraws in place only if {@code out} is the process's stdout/stderr on a terminal. */
        public Sink(PrintStream out) {
            this(out, isTerminal(out));
        }

        /** A sink on {@code out}: {@code inPlace} redraws one line with {@code \r}; otherwise a line every few seconds. */
        public Sink(PrintStream out, boolean inPlace) {
            this.out = out;
            this.inPlace = inPlace;
        }

        @Override
        public Progress start(String label, long total) {
            return new ConsoleProgress(out, label, total, inPlace, System::nanoTime);
        }
    }
}
