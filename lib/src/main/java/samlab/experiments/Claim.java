package samlab.experiments;

import java.util.Objects;

/**
 * A sentence of a notebook's prose checked against the numbers the notebook shows: prints
 * "✔ claim (evidence)" when it holds, and fails the cell (so {@code ./course execute} fails) when it
 * does not.
 */
public final class Claim {
    private Claim() {}

    /** Checks {@code holds} and prints the claim with its evidence; throws {@link AssertionError} if it does not hold. */
    public static void check(String claim, boolean holds, String evidence) {
        System.out.println(line(claim, holds, evidence));
    }

    /** The line {@link #check} prints (without printing it). */
    static String line(String claim, boolean holds, String evidence) {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(evidence, "evidence");
        if (!holds) throw new AssertionError("claim does not hold: " + claim + " (" + evidence + ")");
        return "\u2714 " + claim + " (" + evidence + ")";
    }
}
