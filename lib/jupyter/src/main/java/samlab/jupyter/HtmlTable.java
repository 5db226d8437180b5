package samlab.jupyter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as an HTML table for notebooks. Long tables show their first and last rows with
 * an ellipsis row between; the caption always gives the full size, so truncation is never silent.
 * Floating-point cells are rounded to {@value #DEFAULT_SIGNIFICANT_DIGITS} significant digits (the
 * table itself keeps full precision); other cells use their column's print format. A
 * {@value #KEY_COLUMN} column moves next to the first column so that wide tables show it without
 * scrolling, and the first column (the run's name) does not wrap.
 */
public final class HtmlTable {
    /** Tables up to this many rows are shown whole. */
    public static final int DEFAULT_MAX_ROWS = 20;
    /** Significant digits of floating-point cells. */
    public static final int DEFAULT_SIGNIFICANT_DIGITS = 4;
    /** The column that states a run's outcome; shown second. */
    public static final String KEY_COLUMN = "verdict";

    private HtmlTable() {}

    /** The table as HTML, truncated past {@value #DEFAULT_MAX_ROWS} rows, numbers to 4 significant digits. */
    public static String html(Table table) {
        return html(table, DEFAULT_MAX_ROWS);
    }

    /** The table as HTML; past {@code maxRows} rows, the first 2/3 and last 1/3 of them are shown. */
    public static String html(Table table, int maxRows) {
        return html(table, maxRows, DEFAULT_SIGNIFICANT_DIGITS);
    }

    /**
     * The table as HTML.
     *
     * @param maxRows rows shown before truncating to the first 2/3 and last 1/3 of them
     * @param significantDigits significant digits of floating-point cells, 1 to 17
     * @throws IllegalArgumentException if {@code maxRows < 2} or {@code significantDigits} is outside 1..17
     */
    public static String html(Table table, int maxRows, int significantDigits) {
        if (maxRows < 2) throw new IllegalArgumentException("maxRows " + maxRows + " must be >= 2");
        if (significantDigits < 1 || significantDigits > 17) {
            throw new IllegalArgumentException("significantDigits " + significantDigits + " must be in 1..17");
        }
        List<Column<?>> columns = displayOrder(table);
        int rows = table.rowCount();
        int cols = columns.size();
        boolean truncated = rows > maxRows;
        int head = truncated ? maxRows - maxRows / 3 : rows;
        int tail = truncated ? maxRows / 3 : 0;

        StringBuilder sb = new StringBuilder("<table class=\"samlab-table\">\n<caption>");
        if (table.name() != null && !table.name().isBlank()) sb.append(escape(table.name())).append(": ");
        sb.append(summary(table));
        if (truncated) sb.append(String.format(Locale.ROOT, " (showing first %d and last %d)", head, tail));
        sb.append("</caption>\n<thead><tr>");
        for (Column<?> column : columns) sb.append("<th>").append(escape(column.name())).append("</th>");
        sb.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < head; r++) row(sb, columns, r, significantDigits);
        if (truncated) {
            sb.append("<tr>");
            for (int c = 0; c < cols; c++) sb.append("<td>&#8942;</td>");
            sb.append("</tr>\n");
            for (int r = rows - tail; r < rows; r++) row(sb, columns, r, significantDigits);
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

    /** The columns in display order: the key column, if any, moved to second place. */
    static List<Column<?>> displayOrder(Table table) {
        List<Column<?>> columns = new ArrayList<>(table.columns());
        for (int i = 2; i < columns.size(); i++) {
            if (columns.get(i).name().equals(KEY_COLUMN)) {
                columns.add(1, columns.remove(i));
                break;
            }
        }
        return columns;
    }

    private static void row(StringBuilder sb, List<Column<?>> columns, int r, int digits) {
        sb.append("<tr>");
        for (int c = 0; c < columns.size(); c++) {
            sb.append(c == 0 ? "<td style=\"white-space:nowrap\">" : "<td>")
                    .append(escape(cell(columns.get(c), r, digits))).append("</td>");
        }
        sb.append("</tr>\n");
    }

    private static String cell(Column<?> column, int r, int digits) {
        if (column.isMissing(r)) return column.getString(r);
        // by class, not by ColumnType identity: Tablesaw's ColumnType.DOUBLE constant and the instance a
        // DoubleColumn reports are not always the same object (seen in the kernel)
        if (column instanceof DoubleColumn || column instanceof FloatColumn) {
            return significant(((Number) column.get(r)).doubleValue(), digits);
        }
        return column.getString(r);
    }

    /**
     * {@code x} to {@code digits} significant digits without trailing zeros: plain notation from
     * 1e-4 to below 10^digits, scientific otherwise ({@code -1.4400000000000002} → {@code -1.44},
     * {@code 0.00146612} → {@code 0.001466}, {@code 1234567} → {@code 1.235e+06}).
     */
    public static String significant(double x, int digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return Double.toString(x);
        if (x == 0) return "0";
        String s = String.format(Locale.ROOT, "%." + digits + "g", x);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) mantissa = mantissa.substring(0, mantissa.length() - 1);
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
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
