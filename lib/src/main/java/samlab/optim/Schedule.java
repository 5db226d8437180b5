package samlab.optim;

import java.util.List;

/**
 * A value as a function of the optimizer step (0-based): learning rate η(t) or SAM radius ρ(t).
 * Composable like optax's schedules ({@link #join}); {@link RunSchedule} builds them once the run
 * length is known.
 */
@FunctionalInterface
public interface Schedule {
    /**
     * The value at a step.
     *
     * @param step the optimizer step, 0-based, ≥ 0
     * @return the value (η or ρ) at that step
     */
    double at(long step);

    /**
     * The same value at every step.
     *
     * @param value the value
     * @return the schedule
     */
    static Schedule constant(double value) {
        return step -> value;
    }

    /**
     * Linear from {@code from} at step 0 to {@code to} at step {@code steps − 1}, then {@code to}
     * (optax {@code linear_schedule}, reaching its end value on the last step of a run of
     * {@code steps}); {@code to} at every step when {@code steps} ≤ 1.
     *
     * @param from  the value at step 0
     * @param to    the value from step steps − 1 on
     * @param steps the length of the ramp in steps
     * @return the schedule
     */
    static Schedule linear(double from, double to, long steps) {
        return step -> steps <= 1 ? to : from + (to - from) * Math.min(1.0, (double) step / (steps - 1));
    }

    /**
     * Cosine decay from {@code from} to {@code floor} over {@code steps} steps, then {@code floor}:
     * floor + (from − floor)·(1 + cos(π·min(t, steps)/steps))/2 (Loshchilov and Hutter 2017,
     * SGDR without restarts; PyTorch {@code CosineAnnealingLR} with T_max = steps, optax
     * {@code cosine_decay_schedule}).
     *
     * @param from  the value at step 0
     * @param floor the value from step {@code steps} on
     * @param steps the length of the decay in steps, ≥ 1
     * @return the schedule
     * @throws IllegalArgumentException if {@code steps} &lt; 1
     */
    static Schedule cosine(double from, double floor, long steps) {
        if (steps < 1) throw new IllegalArgumentException("cosine schedule over " + steps + " steps; allowed: >= 1");
        return step -> floor + (from - floor) * 0.5 * (1 + Math.cos(Math.PI * Math.min(step, steps) / steps));
    }

    /**
     * Step decay: from·γ^⌊t/every⌋ (PyTorch {@code StepLR}).
     *
     * @param from  the value at step 0
     * @param gamma the factor per interval
     * @param every the interval in steps, ≥ 1
     * @return the schedule
     * @throws IllegalArgumentException if {@code every} &lt; 1
     */
    static Schedule stepDecay(double from, double gamma, long every) {
        if (every < 1) throw new IllegalArgumentException("step decay every " + every + " steps; allowed: >= 1");
        return step -> from * Math.pow(gamma, step / every);
    }

    /**
     * Schedules one after the other (optax {@code join_schedules}): schedule 0 before
     * {@code boundaries[0]}, schedule i+1 from {@code boundaries[i]} on, evaluated at
     * {@code step − boundaries[i]} (each schedule counts its own steps from 0).
     *
     * @param schedules  the schedules, at least one (copied)
     * @param boundaries the steps where the next schedule takes over, one fewer than schedules
     * @return the joined schedule
     * @throws NullPointerException     if {@code schedules} or one of them is null
     * @throws IllegalArgumentException if there is not exactly one boundary fewer than schedules,
     *                                  or the boundaries are negative or decreasing
     */
    static Schedule join(List<Schedule> schedules, long... boundaries) {
        List<Schedule> s = List.copyOf(schedules);
        long[] b = boundaries.clone();
        if (s.isEmpty() || b.length != s.size() - 1) {
            throw new IllegalArgumentException(s.size() + " schedules need " + Math.max(0, s.size() - 1)
                    + " boundaries, not " + b.length);
        }
        for (int i = 0; i < b.length; i++) {
            if (b[i] < 0 || (i > 0 && b[i] < b[i - 1])) {
                throw new IllegalArgumentException("boundaries must be >= 0 and non-decreasing, not " + java.util.Arrays.toString(b));
            }
        }
        return step -> {
            int i = 0;
            while (i < b.length && step >= b[i]) i++;
            return s.get(i).at(i == 0 ? step : step - b[i - 1]);
        };
    }

    /**
     * This schedule started {@code steps} steps in: t ↦ at(t + steps).
     *
     * @param steps the offset in steps
     * @return the shifted schedule
     */
    default Schedule shifted(long steps) {
        return step -> at(step + steps);
    }
}
