/**
 * The empirical notebooks' plumbing: committed run tables under {@code data/results/} read back
 * into Tablesaw tables ({@link samlab.experiments.SweepResults}), their per-run summary with the
 * hallucination verdict, and small runs specified in one line ({@link samlab.experiments.RunSpec})
 * so that a notebook can recompute a tiny version of a committed experiment.
 */
package samlab.experiments;
