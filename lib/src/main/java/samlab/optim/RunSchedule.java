package samlab.optim;

import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link Schedule} recipe that needs the run's length: "cosine over the whole run", "×γ every k
 * epochs", "ρ after a 10% warm start". {@link Optimizer#start(RunLength)} turns it into the
 * step-indexed schedule. Recipes that do not depend on the length (constants) also work with
 * {@link RunLength#UNKNOWN}. {@code toString()} is the recipe's short description (it goes into
 * {@code describe()} of the optimizers and so into result tables and checkpoint identities).
 */
@FunctionalInterface
public interface RunSchedule {
    /**
     * The schedule for a run of this length.
     *
     * @throws IllegalStateException if the recipe depends on the length and {@code run} is {@link RunLength#UNKNOWN}
     */
    Schedule forRun(RunLength run);

    /** The same value throughout; its description is the number itself. */
    static RunSchedule constant(double value) {
        return new Recipe(String.valueOf(value), run -> Schedule.constant(value));
    }

    /** Linear from {@code from} on the first step to {@code to} on the last step of the run ({@link Schedule#linear}). */
    static RunSchedule linear(double from, double to) {
        return new Recipe("linear(" + from + "->" + to + ")",
                run -> Schedule.linear(from, to, run.require("a linear schedule").totalSteps()));
    }

    /**
     * Cosine decay from {@code from} to {@code floor} over the whole run ({@link Schedule#cosine} with
     * steps = total steps): the last step's value is just above the floor.
     *
     * @throws IllegalArgumentException if {@code from} is not finite and &gt; 0, or {@code floor} is
     *                                  not in [0, from]
     */
    static RunSchedule cosine(double from, double floor) {
        if (!(from > 0) || !Double.isFinite(from)) throw new IllegalArgumentException("cosine start " + from + "; allowed: a finite number > 0");
        if (!(floor >= 0 && floor <= from)) {
            throw new IllegalArgumentException("cosine floor " + floor + "; allowed: 0 <= floor <= " + from);
        }
        return new Recipe("cosine(" + from + "->" + floor + ")",
                run -> Schedule.cosine(from, floor, run.require("a cosine schedule").totalSteps()));
    }

    /**
     * Step decay: {@code from}·γ^⌊epoch/k⌋, i.e. ×γ every {@code everyEpochs} epochs ({@link Schedule#stepDecay}
     * with every = k·steps per epoch).
     *
     * @throws IllegalArgumentException if {@code from} is not finite and &gt; 0, {@code gamma} not in (0, 1],
     *                                  or {@code everyEpochs} &lt; 1
     */
    static RunSchedule step(double from, double gamma, int everyEpochs) {
        if (!(from > 0) || !Double.isFinite(from)) throw new IllegalArgumentException("step-decay start " + from + "; allowed: a finite number > 0");
        if (!(gamma > 0 && gamma <= 1)) throw new IllegalArgumentException("step-decay gamma " + gamma + "; allowed: 0 < gamma <= 1");
        if (everyEpochs < 1) throw new IllegalArgumentException("step-decay interval " + everyEpochs + " epochs; allowed: >= 1");
        return new Recipe("step(" + from + ",x" + gamma + "/" + everyEpochs + "ep)",
                run -> Schedule.stepDecay(from, gamma, everyEpochs * run.require("a step schedule").stepsPerEpoch()));
    }

    /**
     * A recipe from a description and a function of the run length.
     *
     * @throws NullPointerException if either is null
     */
    static RunSchedule of(String description, Function<RunLength, Schedule> recipe) {
        return new Recipe(description, recipe);
    }

    /** A recipe with a description. */
    record Recipe(String description, Function<RunLength, Schedule> recipe) implements RunSchedule {
        public Recipe {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(recipe, "recipe");
        }

        @Override
        public Schedule forRun(RunLength run) {
            return recipe.apply(Objects.requireNonNull(run, "run"));
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
