/**
 * Training networks with samlab's optimizers: the loop ({@link samlab.train.Trainer}) with its
 * configuration, per-step and per-epoch records, checkpoints, and the diagnostics of the empirical
 * study (gradient norms, the hallucination check, loss slices along the SAM direction).
 */
package samlab.train;
