/** The course's Jupyter kernel (JShell on jjava-jupyter) and the notebook display: charts, tables, progress. */
package samlab.jupyter;
