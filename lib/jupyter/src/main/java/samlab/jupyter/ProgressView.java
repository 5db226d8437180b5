package samlab.jupyter;

import java.util.Locale;
import samlab.console.ConsoleProgress;

/**
 * One frame of a notebook progress line: while running an HTML progress element plus the text line
 * the console shows (done/total, rate, ETA); when finished only a one-line summary. A line can
 * carry a series of bars with the same label shape ("epoch 1/30" … "epoch 30/30"): {@code bars}
 * counts them and {@code seriesSeconds} is the time since the first began.
 *
 * @param done units done, &ge; 0
 * @param total units in all (&le; 0: unknown)
 * @param seconds time since this bar began, &ge; 0
 * @param bars bars drawn on this line so far, &ge; 1
 * @param seriesSeconds time since the line's first bar began, &ge; {@code seconds}
 * @param detail the text of a bar running inside this one (an epoch inside a run), or empty
 */
public record ProgressView(String label, long done, long total, double seconds, String status,
                           boolean finished, int bars, double seriesSeconds, String detail) {
    /**
     * Checks the counts; a null status or detail becomes empty.
     *
     * @throws IllegalArgumentException if {@code label} is null, {@code done < 0}, {@code seconds < 0}
     *     or {@code bars < 1}
     */
    public ProgressView {
        if (label == null) throw new IllegalArgumentException("label must not be null");
        if (done < 0) throw new IllegalArgumentException("done " + done + " must be >= 0");
        if (seconds < 0) throw new IllegalArgumentException("seconds " + seconds + " must be >= 0");
        if (bars < 1) throw new IllegalArgumentException("bars " + bars + " must be >= 1");
        status = status == null ? "" : status;
        detail = detail == null ? "" : detail;
    }

    /**
     * A single running bar.
     *
     * @throws IllegalArgumentException if {@code label} is null, {@code done < 0} or {@code seconds < 0}
     */
    public ProgressView(String label, long done, long total, double seconds, String status) {
        this(label, done, total, seconds, status, false, 1, seconds, "");
    }

    /** The text line: the console's line, then for a series how many bars and their time in all. */
    public String text() {
        String line = ConsoleProgress.line(label, done, total, seconds, status);
        if (bars > 1) line += String.format(Locale.ROOT, "  (%d bars, %.1f s in all)", bars, seriesSeconds);
        if (!detail.isEmpty()) line += "  \u00b7 " + detail;
        return finished ? "\u2714 " + line : line;
    }

    /** While running: a progress element and the text line; when finished: the text line alone. */
    public String html() {
        String bar = !finished && total > 0
                ? String.format(Locale.ROOT, "<progress value=\"%d\" max=\"%d\" style=\"width:16em\"></progress> ",
                        Math.min(done, total), total)
                : "";
        return "<div class=\"samlab-progress\">" + bar + "<code>" + HtmlTable.escape(text()) + "</code></div>";
    }
}
