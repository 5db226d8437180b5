package samlab.train;

/**
 * Where a run stopped because a number stopped being finite: the first optimizer step whose loss,
 * or whose resulting parameters, contain NaN or ±Infinity.
 *
 * @param iteration the step (0-based, over the whole run)
 * @param epoch     its epoch (0-based)
 * @param reason    what was not finite, e.g. "loss NaN" or "parameters not finite"
 */
public record Divergence(long iteration, int epoch, String reason) {
    /** The value of the {@code status} column of a diverged step or epoch. */
    public static final String STATUS = "diverged";
    /** The value of the {@code status} column of every other row. */
    public static final String OK = "ok";

    @Override
    public String toString() {
        return "diverged at step " + iteration + " (epoch " + epoch + "): " + reason;
    }
}
