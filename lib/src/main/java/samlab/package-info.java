/**
 * The root of samlab: {@link samlab.Tabular} (a result that can be shown as a table, the contract
 * of every result record) and {@link samlab.Samlab} (the library version, the launchers' JVM flags);
 * the notebooks' entry point is {@link samlab.course.Course}. The packages below are organised by
 * concern in one-way layers; docs/architecture.md draws them and {@code LayeringTest} enforces them.
 */
package samlab;
