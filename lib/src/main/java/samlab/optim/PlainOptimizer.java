package samlab.optim;

import java.util.Objects;

/** The base optimizer alone: one gradient, one update. */
public record PlainOptimizer(BaseOptimizer base) implements Optimizer {
    public PlainOptimizer {
        Objects.requireNonNull(base, "base");
    }

    @Override
    public StepReport step(Objective objective, long iteration, long totalIterations, int epoch) {
        double loss = objective.computeGradient(0, 1);
        base.update(objective.parameters(), objective.gradient(), objective.layout());
        return new StepReport(loss, 0, false, 0);
    }

    @Override
    public String describe() {
        return base.describe();
    }
}
