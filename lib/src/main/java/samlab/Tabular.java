package samlab;

import tech.tablesaw.api.Table;

/** A result that can be shown as a table; notebooks render it as an HTML table, the CLI as CSV. */
public interface Tabular {
    Table toTable();
}
