/**
 * Training networks with samlab's optimizers: the loop ({@code Trainer}) with its configuration
 * ({@code TrainConfig}), per-step and per-epoch records, checkpoints, and the diagnostics of the
 * empirical study (gradient norms, the hallucination check, loss slices along the SAM direction).
 *
 * <p>Entry points: {@code Trainer.train} returns a {@link samlab.train.TrainResult} (tables, CSV
 * files named by {@link samlab.train.RunFiles}, the {@link samlab.train.RunConfig} that produced
 * it); {@link samlab.train.NetworkLoss} exposes a DL4J network as a
 * {@link samlab.optim.TrainingLoss}; diagnostics: {@code HallucinationCheck},
 * {@link samlab.train.LossSlice}, {@link samlab.train.TopEigenvalue} (λ_max by power iteration),
 * {@link samlab.train.ActiveUnits}, {@link samlab.train.GeometricDecay}; data for tests and the
 * CLI: {@link samlab.train.SyntheticImages}, batched by {@link samlab.train.Batches}. The SAM
 * perturbation of the diagnostics is {@link samlab.landscape.Perturbation}, the one of training
 * (Foret et al. 2021, arXiv:2010.01412; the warm start of Park, Jang, Ryu and Yang,
 * arXiv:2509.21818, is a ρ schedule in {@code samlab.optim}).
 */
package samlab.train;
