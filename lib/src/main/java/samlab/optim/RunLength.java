package samlab.optim;

/**
 * How long a run is, which schedules need before its first step: the number of optimizer steps
 * and the steps per epoch. {@link #UNKNOWN} stands for "not told": schedules that do not depend
 * on the run length (constant ones, no warm start) accept it; the others refuse it.
 *
 * @param totalSteps    optimizer steps in the whole run, ≥ 1 (epochs × steps per epoch)
 * @param stepsPerEpoch optimizer steps per epoch, 1 ≤ stepsPerEpoch ≤ totalSteps
 */
public record RunLength(long totalSteps, long stepsPerEpoch) {
    /** A run of unknown length (before {@link Optimizer#start}). */
    public static final RunLength UNKNOWN = new RunLength(Long.MAX_VALUE, Long.MAX_VALUE);

    /** @throws IllegalArgumentException unless 1 ≤ stepsPerEpoch ≤ totalSteps */
    public RunLength {
        if (stepsPerEpoch < 1 || totalSteps < stepsPerEpoch) {
            throw new IllegalArgumentException("run length " + totalSteps + " steps, " + stepsPerEpoch
                    + " per epoch; allowed: 1 <= steps per epoch <= total steps");
        }
    }

    /**
     * {@code epochs} epochs of {@code stepsPerEpoch} steps.
     *
     * @throws IllegalArgumentException if {@code epochs} or {@code stepsPerEpoch} is &lt; 1
     */
    public static RunLength ofEpochs(int epochs, long stepsPerEpoch) {
        if (epochs < 1) throw new IllegalArgumentException("epochs " + epochs + "; allowed: >= 1");
        if (stepsPerEpoch < 1) throw new IllegalArgumentException("steps per epoch " + stepsPerEpoch + "; allowed: >= 1");
        return new RunLength(Math.multiplyExact((long) epochs, stepsPerEpoch), stepsPerEpoch);
    }

    /** Whether this is {@link #UNKNOWN}. */
    public boolean isUnknown() {
        return this.equals(UNKNOWN);
    }

    /**
     * This run length, for a schedule named {@code what} that depends on it.
     *
     * @throws IllegalStateException if the length is {@link #UNKNOWN}
     */
    RunLength require(String what) {
        if (isUnknown()) {
            throw new IllegalStateException(what + " depends on the run length: call Optimizer.start(RunLength) before the first step");
        }
        return this;
    }
}
