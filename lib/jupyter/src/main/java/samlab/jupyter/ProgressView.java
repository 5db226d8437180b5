package samlab.jupyter;

import java.util.Locale;
import samlab.progress.ConsoleProgress;

/**
 * One frame of a notebook progress bar; the display renders it as an HTML progress element plus the
 * same text line the console shows (done/total, rate, ETA).
 */
public record ProgressView(String label, long done, long total, double seconds, String status) {
    public ProgressView {
        if (label == null) throw new IllegalArgumentException("label must not be null");
        if (done < 0) throw new IllegalArgumentException("done " + done + " must be >= 0");
        if (seconds < 0) throw new IllegalArgumentException("seconds " + seconds + " must be >= 0");
        status = status == null ? "" : status;
    }

    /** The console line for this frame. */
    public String text() {
        return ConsoleProgress.line(label, done, total, seconds, status);
    }

    /** An HTML progress bar followed by the text line. */
    public String html() {
        String bar = total > 0
                ? String.format(Locale.ROOT, "<progress value=\"%d\" max=\"%d\" style=\"width:16em\"></progress> ",
                        Math.min(done, total), total)
                : "";
        return "<div class=\"samlab-progress\">" + bar + "<code>" + HtmlTable.escape(text()) + "</code></div>";
    }
}
