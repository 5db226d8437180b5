/**
 * The theory of SAM's hallucinated minimizers on plain {@code double[]} (no ND4J, no charts):
 * objectives with closed-form derivatives ({@link samlab.landscape.Landscapes}, checked by
 * {@link samlab.landscape.FiniteDifferences}), the SAM map and its Jacobian
 * ({@link samlab.landscape.SamMap}), rest points and their classification
 * ({@link samlab.landscape.RestPointFinder}), and sweeps: {@link samlab.landscape.Trajectory},
 * {@link samlab.landscape.BasinMap}, {@link samlab.landscape.Bifurcation},
 * {@link samlab.landscape.AttractionRegion}. Results are records that turn into Tablesaw tables.
 *
 * <p>Entry points: {@link samlab.landscape.Landscapes#create(String)} or
 * {@link samlab.landscape.Objective#of} for a landscape; {@code SamMap.sam(f, rho)} for the map;
 * {@link samlab.landscape.Trajectory#run}, {@link samlab.landscape.RestPointFinder#find(double)} and
 * the sweeps above; {@link samlab.landscape.Grid#linspace} for every grid;
 * {@link samlab.landscape.Perturbation} for the perturbation rule shared with training.
 *
 * <p>Sources: SAM, Foret et al. 2021, arXiv:2010.01412; USAM, Andriushchenko and Flammarion 2022,
 * arXiv:2206.06232; hallucinated minimizers, Park, Jang, Ryu and Yang, arXiv:2509.21818. The
 * statements tested here are the course's own: notebook 02, Lemma 1 (where rest points live),
 * Lemma 2 and Theorem 1 (existence for ρ in (d, d + r)); notebook 04, Theorem 2 (linear stability).
 */
package samlab.landscape;
