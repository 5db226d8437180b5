package samlab.train;

/** One optimizer step: the loss at w on the batch, ρ used (0 for plain steps). */
public record StepRecord(long iteration, int epoch, double loss, double rho, boolean sam) {}
