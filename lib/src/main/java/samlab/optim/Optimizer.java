package samlab.optim;

/** One training step on an {@link Objective}: a plain base step or a SAM-family step. */
public sealed interface Optimizer permits PlainOptimizer, Sam {
    /**
     * Takes one step at {@code iteration} (0-based) of {@code totalIterations}, in {@code epoch}
     * (0-based), updating the objective's parameters in place.
     */
    StepReport step(Objective objective, long iteration, long totalIterations, int epoch);

    /** The wrapped base rule. */
    BaseOptimizer base();

    /** Short description for result tables. */
    String describe();

    /** What a step did. {@code rho} is 0 and {@code sam} false for plain steps. */
    record StepReport(double loss, double rho, boolean sam, double perturbationNorm) {}
}
