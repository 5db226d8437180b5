package samlab.optim;

/**
 * The SAM radius ρ over a run (Foret et al. 2021 use a constant ρ). Besides the plain warm start
 * ({@link WarmStartSchedule#applyTo}: ρ = 0 for the first part), the remedies of the literature
 * move ρ: linear decay to 0 ({@link #linearDecay}) or growth ({@link #linear} with to &gt; from).
 * All return {@link RunSchedule}s, composable with {@link Schedule#join}.
 */
public final class RhoSchedule {
    private RhoSchedule() {}

    /**
     * Constant ρ.
     *
     * @throws IllegalArgumentException if {@code rho} is negative, NaN or infinite
     */
    public static RunSchedule constant(double rho) {
        check(rho);
        return RunSchedule.constant(rho);
    }

    /**
     * ρ moving linearly from {@code from} (first step) to {@code to} (last step of the run).
     *
     * @throws IllegalArgumentException if {@code from} or {@code to} is negative, NaN or infinite
     */
    public static RunSchedule linear(double from, double to) {
        check(from);
        check(to);
        return RunSchedule.linear(from, to);
    }

    /**
     * ρ decaying linearly from {@code rho} to 0 over the run.
     *
     * @throws IllegalArgumentException if {@code rho} is negative, NaN or infinite
     */
    public static RunSchedule linearDecay(double rho) {
        return linear(rho, 0);
    }

    private static void check(double rho) {
        if (!(rho >= 0) || !Double.isFinite(rho)) {
            throw new IllegalArgumentException("rho " + rho + " must be >= 0 and finite");
        }
    }
}
