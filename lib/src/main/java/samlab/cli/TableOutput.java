package samlab.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import samlab.io.AtomicFiles;
import tech.tablesaw.api.Table;

/** Tables to CSV on a stream or, atomically, to a file. */
final class TableOutput {
    private TableOutput() {}

    static String csv(Table t) {
        StringWriter w = new StringWriter();
        t.write().csv(w);
        return w.toString();
    }

    static void print(Table t, String format, PrintWriter out) {
        switch (format) {
            case "csv" -> out.print(csv(t));
            case "table" -> out.print(text(t));
            default -> throw new IllegalArgumentException("--format " + format + "; allowed: csv, table");
        }
        out.flush();
    }

    /** An aligned text table; numbers with 6 significant digits (CSV keeps full precision). */
    static String text(Table t) {
        int cols = t.columnCount(), rows = t.rowCount();
        String[][] cells = new String[rows + 1][cols];
        int[] width = new int[cols];
        for (int c = 0; c < cols; c++) {
            var col = t.column(c);
            cells[0][c] = col.name();
            for (int r = 0; r < rows; r++) {
                Object v = col.get(r);
                cells[r + 1][c] = v == null ? "-" : v instanceof Double d ? number(d) : String.valueOf(v);
            }
            for (int r = 0; r <= rows; r++) width[c] = Math.max(width[c], cells[r][c].length());
        }
        StringBuilder sb = new StringBuilder(t.name()).append('\n');
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (c > 0) sb.append("  ");
                sb.append(" ".repeat(width[c] - cells[r][c].length())).append(cells[r][c]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String number(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (d == 0 || (Math.abs(d) >= 1e-4 && Math.abs(d) < 1e6)) {
            String s = String.format(java.util.Locale.ROOT, "%.6g", d);
            if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            return s;
        }
        return String.format(java.util.Locale.ROOT, "%.3e", d);
    }

    static void checkFormat(String format) {
        if (!format.equals("csv") && !format.equals("table")) {
            throw new IllegalArgumentException("--format " + format + "; allowed: csv, table");
        }
    }

    static void writeCsv(Table t, Path target) {
        AtomicFiles.write(target, os -> {
            Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            t.write().csv(w);
            w.flush();
        });
    }
}
