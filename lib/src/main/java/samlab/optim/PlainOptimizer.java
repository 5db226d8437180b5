package samlab.optim;

import java.util.Objects;

/** The base optimizer alone: one gradient, one update. */
public record PlainOptimizer(BaseOptimizer base) implements Optimizer {
    /** @throws NullPointerException if {@code base} is null */
    public PlainOptimizer {
        Objects.requireNonNull(base, "base");
    }

    @Override
    public void start(RunLength run) {
        base.start(run);
    }

    @Override
    public StepReport step(TrainingLoss objective, long step) {
        return plainStep(base, objective, step);
    }

    /** One gradient at w and the base update with it. */
    static StepReport plainStep(BaseOptimizer base, TrainingLoss objective, long step) {
        double loss = objective.computeGradient(0, 1);
        base.update(objective.parameters(), objective.gradient(), objective.layout(), step);
        return new StepReport(loss, 0, false, 0);
    }

    @Override
    public String describe() {
        return base.describe();
    }
}
