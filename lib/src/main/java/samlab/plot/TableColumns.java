package samlab.plot;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Reads chart inputs from Tablesaw tables with messages that name the missing or wrong column. */
final class TableColumns {
    private TableColumns() {}

    static Column<?> column(Table table, String name) {
        if (name == null || !table.columnNames().contains(name)) {
            throw new IllegalArgumentException("table " + table.name() + " has no column '" + name + "'; it has " + table.columnNames());
        }
        return table.column(name);
    }

    /** A numeric column as doubles; missing values become NaN. */
    static double[] numeric(Table table, String name) {
        Column<?> c = column(table, name);
        if (!(c instanceof NumericColumn<?> n)) {
            throw new IllegalArgumentException("column '" + name + "' is " + c.type() + "; expected a numeric column");
        }
        return n.asDoubleArray();
    }
}
