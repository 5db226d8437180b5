package samlab.optim;

import java.util.List;

/**
 * The remedy for hallucinated minimizers of Park, Jang, Ryu and Yang (arXiv:2509.21818): run the
 * plain base optimizer first, then switch to SAM. As a ρ schedule ({@link #applyTo}): ρ = 0 for
 * the first part, then the SAM schedule. Either a fraction of all steps ({@code fraction}, default
 * 10%, the paper's choice) or a number of epochs ({@code epochs} &gt; 0 takes precedence). SAM is
 * active from step ⌈fraction·total⌉ on (0-based), resp. from the first step of epoch {@code epochs}.
 *
 * @param fraction the plain share of the run's steps, in [0, 1]
 * @param epochs   plain epochs, ≥ 0; when &gt; 0 it replaces {@code fraction}
 */
public record WarmStartSchedule(double fraction, int epochs) {
    /** The paper's default: plain steps for the first 10% of the iterations. */
    public static final double DEFAULT_FRACTION = 0.1;

    /** @throws IllegalArgumentException if {@code fraction} is not in [0, 1] or {@code epochs} &lt; 0 */
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

    /**
     * Plain steps for {@code fraction} of the steps.
     *
     * @throws IllegalArgumentException if {@code fraction} is not in [0, 1]
     */
    public static WarmStartSchedule fraction(double fraction) {
        return new WarmStartSchedule(fraction, 0);
    }

    /**
     * Plain steps for the first {@code epochs} epochs.
     *
     * @throws IllegalArgumentException if {@code epochs} &lt; 0
     */
    public static WarmStartSchedule epochs(int epochs) {
        return new WarmStartSchedule(0, epochs);
    }

    /**
     * First step (0-based) at which SAM is active, for the fraction form: ⌈fraction·total⌉ (no float overshoot).
     *
     * @param totalIterations the run's number of steps, ≥ 0
     * @return the switch step in [0, totalIterations]
     */
    public long switchIteration(long totalIterations) {
        return (long) Math.ceil(fraction * totalIterations - 1e-9);
    }

    /**
     * First step (0-based) at which SAM is active in a run of this length.
     *
     * @throws IllegalStateException if a warm start is set and {@code run} is {@link RunLength#UNKNOWN}
     */
    public long switchStep(RunLength run) {
        if (isNone()) return 0;
        run.require("a warm start");
        return epochs > 0 ? Math.multiplyExact((long) epochs, run.stepsPerEpoch()) : switchIteration(run.totalSteps());
    }

    /** Whether there is no warm start (SAM from the first step). */
    public boolean isNone() {
        return epochs == 0 && fraction == 0;
    }

    /**
     * The ρ schedule with this warm start: ρ = 0 before {@link #switchStep}, then {@code rho} at the
     * same (global) step, so that a linear ρ schedule keeps its values of a run without warm start
     * ({@link Schedule#join} of 0 and {@code rho} shifted by the switch step). {@code rho} itself
     * when there is no warm start.
     */
    public RunSchedule applyTo(RunSchedule rho) {
        java.util.Objects.requireNonNull(rho, "rho");
        if (isNone()) return rho;
        return RunSchedule.of(this + "+" + rho, run -> {
            long at = switchStep(run);
            return Schedule.join(List.of(Schedule.constant(0), rho.forRun(run).shifted(at)), at);
        });
    }

    @Override
    public String toString() {
        return epochs > 0 ? "warm(" + epochs + " epochs)" : fraction == 0 ? "none" : "warm(" + fraction + ")";
    }
}
