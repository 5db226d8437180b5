package samlab.optim;

/**
 * One training step on a {@link TrainingLoss}: a plain base step or a SAM-family step. Learning
 * rate and ρ follow schedules of the step index; {@link #start} tells them the run's length
 * before the first step (constant schedules do not need it).
 */
public sealed interface Optimizer permits PlainOptimizer, Sam {
    /**
     * Binds the schedules (learning rate, ρ, warm start) to a run of this length. Call before the
     * first step of a run, and again (with the same length) after loading a checkpoint; the
     * optimizer's state (momentum, moments) is not touched.
     *
     * @throws NullPointerException  if {@code run} is null
     * @throws IllegalStateException if a schedule depends on the run length and {@code run} is {@link RunLength#UNKNOWN}
     */
    void start(RunLength run);

    /**
     * Takes step {@code step} (0-based over the whole run), updating the objective's parameters in
     * place.
     *
     * @throws IllegalStateException if a schedule depends on the run length and {@link #start} was not called
     */
    StepReport step(TrainingLoss objective, long step);

    /** The wrapped base rule. */
    BaseOptimizer base();

    /** Short description for result tables. */
    String describe();

    /**
     * What a step did. {@code rho} is 0 and {@code sam} false for plain steps (including SAM steps
     * whose scheduled ρ is 0, e.g. during a warm start); {@code perturbationNorm} is the
     * shard-weighted mean ‖e‖.
     */
    record StepReport(double loss, double rho, boolean sam, double perturbationNorm) {}
}
