package samlab.jupyter;

import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * A Tablesaw table as an HTML table for notebooks. Long tables show their first and last rows with
 * an ellipsis row between; the caption always gives the full size, so truncation is never silent.
 * Cells use each column's own print format.
 */
public final class HtmlTable {
    /** Tables up to this many rows are shown whole. */
    public static final int DEFAULT_MAX_ROWS = 20;

    private HtmlTable() {}

    /** The table as HTML, truncated past {@value #DEFAULT_MAX_ROWS} rows. */
    public static String html(Table table) {
        return html(table, DEFAULT_MAX_ROWS);
    }

    /** The table as HTML; past {@code maxRows} rows, the first 2/3 and last 1/3 of them are shown. */
    public static String html(Table table, int maxRows) {
        if (maxRows < 2) throw new IllegalArgumentException("maxRows " + maxRows + " must be >= 2");
        int rows = table.rowCount();
        int cols = table.columnCount();
        boolean truncated = rows > maxRows;
        int head = truncated ? maxRows - maxRows / 3 : rows;
        int tail = truncated ? maxRows / 3 : 0;

        StringBuilder sb = new StringBuilder("<table class=\"samlab-table\">\n<caption>");
        if (table.name() != null && !table.name().isBlank()) sb.append(escape(table.name())).append(": ");
        sb.append(summary(table));
        if (truncated) sb.append(String.format(Locale.ROOT, " (showing first %d and last %d)", head, tail));
        sb.append("</caption>\n<thead><tr>");
        for (int c = 0; c < cols; c++) {
            sb.append("<th>").append(escape(table.column(c).name())).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < head; r++) row(sb, table, r);
        if (truncated) {
            sb.append("<tr>");
            for (int c = 0; c < cols; c++) sb.append("<td>&#8942;</td>");
            sb.append("</tr>\n");
            for (int r = rows - tail; r < rows; r++) row(sb, table, r);
        }
        return sb.append("</tbody>\n</table>").toString();
    }

    /** "N rows × M columns", the plain-text stand-in for the HTML table. */
    public static String summary(Table table) {
        int rows = table.rowCount();
        int cols = table.columnCount();
        return String.format(Locale.ROOT, "%,d %s \u00d7 %d %s",
                rows, rows == 1 ? "row" : "rows", cols, cols == 1 ? "column" : "columns");
    }

    private static void row(StringBuilder sb, Table table, int r) {
        sb.append("<tr>");
        for (int c = 0; c < table.columnCount(); c++) {
            sb.append("<td>").append(escape(table.column(c).getString(r))).append("</td>");
        }
        sb.append("</tr>\n");
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
