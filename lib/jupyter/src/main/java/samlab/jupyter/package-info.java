/** Notebook display for samlab in the rapaio Jupyter kernel: charts, tables, progress. */
package samlab.jupyter;
