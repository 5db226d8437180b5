package samlab.optim;

/** The perturbation radius ρ as a function of the iteration (a second remedy besides warm-starting). */
@FunctionalInterface
public interface RhoSchedule {
    /** ρ at {@code iteration} (0-based) of {@code totalIterations}. */
    double rho(long iteration, long totalIterations);

    /** Constant ρ ≥ 0. */
    static RhoSchedule constant(double rho) {
        check(rho);
        return (it, total) -> rho;
    }

    /** ρ moving linearly from {@code from} (first iteration) to {@code to} (last iteration). */
    static RhoSchedule linear(double from, double to) {
        check(from);
        check(to);
        return (it, total) -> total <= 1 ? to : from + (to - from) * Math.min(1.0, (double) it / (total - 1));
    }

    private static void check(double rho) {
        if (!(rho >= 0) || !Double.isFinite(rho)) {
            throw new IllegalArgumentException("rho " + rho + " must be >= 0 and finite");
        }
    }
}
