/**
 * Optimizers on a network's flattened parameter vector (ND4J): the base optimizers
 * ({@link samlab.optim.Sgd}, {@link samlab.optim.Adam}) and SAM wrapping any of them
 * ({@link samlab.optim.Sam}: SAM of Foret et al. 2021, arXiv:2010.01412; ASAM of Kwon et al. 2021;
 * m-sharpness and USAM of Andriushchenko &amp; Flammarion 2022), with ρ schedules including the
 * warm start ({@link samlab.optim.WarmStartSchedule}).
 */
package samlab.optim;
