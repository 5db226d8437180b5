/**
 * The empirical notebooks' plumbing: committed run tables under {@code data/results/} read back
 * into Tablesaw tables, their per-run summary with the hallucination verdict, and small runs
 * specified in one line so that a notebook can recompute a tiny version of a committed experiment.
 *
 * <p>Entry points: {@link samlab.experiments.ResultsDirectory} (where the committed results are),
 * {@link samlab.experiments.SweepResults} (one sweep's runs: summary, curves, values at an epoch),
 * {@link samlab.experiments.Arms} (the arms of one study experiment),
 * {@link samlab.experiments.SeedStats} (mean and spread over seeds, paired differences),
 * {@link samlab.experiments.RunSpec} (a run in one line) and {@link samlab.experiments.RunName}
 * (the run-name format of {@code samlab sweep}).
 */
package samlab.experiments;
