package samlab.optim;

import java.util.Objects;

/** A {@link RunSchedule} and the {@link Schedule} it gave for the current run (resolved on demand for length-free recipes). */
final class BoundSchedule {
    private final RunSchedule recipe;
    private Schedule schedule;

    BoundSchedule(RunSchedule recipe) {
        this.recipe = Objects.requireNonNull(recipe, "schedule");
    }

    void start(RunLength run) {
        schedule = recipe.forRun(Objects.requireNonNull(run, "run"));
    }

    double at(long step) {
        if (schedule == null) schedule = recipe.forRun(RunLength.UNKNOWN);
        return schedule.at(step);
    }

    RunSchedule recipe() {
        return recipe;
    }
}
