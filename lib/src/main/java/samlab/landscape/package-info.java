/**
 * The theory of SAM's hallucinated minimizers on plain {@code double[]} (no ND4J, no charts):
 * objectives with closed-form derivatives ({@link samlab.landscape.Landscapes}, checked by
 * {@link samlab.landscape.FiniteDifferences}), the SAM map and its Jacobian
 * ({@link samlab.landscape.SamMap}), rest points and their classification
 * ({@link samlab.landscape.RestPointFinder}), and sweeps: {@link samlab.landscape.Trajectory},
 * {@link samlab.landscape.BasinMap}, {@link samlab.landscape.Bifurcation},
 * {@link samlab.landscape.AttractionRegion}. Results are records that turn into Tablesaw tables.
 */
package samlab.landscape;
