/**
 * What the course notebooks show, defined once: the runs, sweeps and figures of the theory
 * notebooks, shared by the notebooks and {@code samlab figure NAME --out DIR}. Each figure takes a
 * {@code fast} flag (smaller grids and sweeps for CI) and otherwise only fixed, named settings.
 */
package samlab.course;
