package samlab.optim;

/**
 * The remedy for hallucinated minimizers: run the plain base optimizer first, then switch to SAM.
 * Either a fraction of all iterations ({@code fraction}, default 10%, the paper's choice) or a
 * number of epochs ({@code epochs} &gt; 0 takes precedence). SAM is active from iteration
 * ⌈fraction·total⌉ on (0-based), resp. from epoch {@code epochs} on.
 */
public record WarmStartSchedule(double fraction, int epochs) {
    /** The paper's default: plain steps for the first 10% of the iterations. */
    public static final double DEFAULT_FRACTION = 0.1;

    public WarmStartSchedule {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("warm-start fraction " + fraction + " must be in [0, 1]");
        }
        if (epochs < 0) throw new IllegalArgumentException("warm-start epochs " + epochs + " must be >= 0");
    }

    /** SAM from the first iteration. */
    public static WarmStartSchedule none() {
        return new WarmStartSchedule(0, 0);
    }

    /** Plain steps for {@code fraction} of the iterations. */
    public static WarmStartSchedule fraction(double fraction) {
        return new WarmStartSchedule(fraction, 0);
    }

    /** Plain steps for the first {@code epochs} epochs. */
    public static WarmStartSchedule epochs(int epochs) {
        return new WarmStartSchedule(0, epochs);
    }

    /** First iteration (0-based) at which SAM is active, for the fraction form. */
    public long switchIteration(long totalIterations) {
        return (long) Math.ceil(fraction * totalIterations - 1e-9);
    }

    /** Whether SAM (rather than the plain base step) runs at this iteration/epoch (both 0-based). */
    public boolean samActive(long iteration, long totalIterations, int epoch) {
        if (epochs > 0) return epoch >= epochs;
        return iteration >= switchIteration(totalIterations);
    }

    @Override
    public String toString() {
        return epochs > 0 ? "warm(" + epochs + " epochs)" : fraction == 0 ? "none" : "warm(" + fraction + ")";
    }
}
