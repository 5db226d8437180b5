/**
 * Optimizers for networks on flattened parameter vectors (ND4J): the base rules {@link samlab.optim.Sgd}
 * and {@link samlab.optim.Adam}, and {@link samlab.optim.Sam} wrapping either with SAM, USAM or ASAM
 * ({@link samlab.optim.SamConfig}; the perturbation rule itself is {@link samlab.landscape.Perturbation},
 * shared with the theory map and the diagnostics). Learning rate and ρ are schedules of the step
 * ({@link samlab.optim.Schedule}, composable like optax's, built for a run by
 * {@link samlab.optim.RunSchedule} once {@link samlab.optim.Optimizer#start} gives the
 * {@link samlab.optim.RunLength}); the warm start is a ρ schedule ({@link samlab.optim.WarmStartSchedule}).
 *
 * <p>Sources: Foret et al. 2021, arXiv:2010.01412 (SAM, m-sharpness); Kwon et al. 2021,
 * arXiv:2102.11600 (ASAM); Andriushchenko and Flammarion 2022, arXiv:2206.06232 (USAM,
 * m-sharpness); Park, Jang, Ryu and Yang, arXiv:2509.21818 (hallucinated minimizers, the warm start);
 * Loshchilov and Hutter 2017 (cosine schedule) and 2019 (AdamW).
 */
package samlab.optim;
