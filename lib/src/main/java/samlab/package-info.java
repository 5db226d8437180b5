/**
 * The root of samlab: {@link samlab.Tabular} (a result that can be shown as a table, the contract
 * of every result record), {@link samlab.Samlab} (the library version) and {@link samlab.Course}
 * (the notebooks' entry point: fast or full mode, claims). The packages below are organised by
 * concern in one-way layers; docs/architecture.md draws them and {@code LayeringTest} enforces them.
 */
package samlab;
