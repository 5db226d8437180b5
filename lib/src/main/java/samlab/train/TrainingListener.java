package samlab.train;

/**
 * A hook of the training loop (in the manner of DJL's {@code TrainingListener}): progress, memory
 * and checkpoints live here rather than in {@link Trainer}'s loop. Called on the training thread.
 */
interface TrainingListener {
    /** Before the first step of {@code epoch} ({@code steps} steps follow unless the run diverges). */
    default void onEpochStart(int epoch, long steps) {}

    /** After each optimizer step, with its record. */
    default void onStep(StepRecord step) {}

    /** After the steps of an epoch, also when a step threw or the run diverged. */
    default void onStepsEnd(int epoch) {}

    /** After the epoch's record is added to {@code run}. */
    default void onEpochEnd(Trainer.RunState run, int epoch) {}
}
