package samlab;

import java.util.Locale;

/**
 * How much work the course notebooks do. {@code ./course execute --fast} (what CI runs) sets the
 * environment variable {@code SAMLAB_MODE=fast}; notebooks ask {@link #fast()} and scale their
 * sweeps and epochs down. Unset means {@code full}: the course as the text describes it.
 */
public final class Course {
    /** The environment variable that carries the mode into the notebook kernel. */
    public static final String MODE_VARIABLE = "SAMLAB_MODE";

    /** The two modes. */
    public enum Mode { FAST, FULL }

    private Course() {}

    /** The mode of this JVM, from {@code SAMLAB_MODE}. */
    public static Mode mode() {
        return parseMode(System.getenv(MODE_VARIABLE));
    }

    /** True when notebooks should do the small, quick version of their work. */
    public static boolean fast() {
        return mode() == Mode.FAST;
    }

    /** Picks {@code fast} or {@code full} in fast mode and full mode. */
    public static int pick(int fast, int full) {
        return fast() ? fast : full;
    }

    /** Parses a mode name; null or blank means {@link Mode#FULL}. */
    static Mode parseMode(String value) {
        if (value == null || value.isBlank()) return Mode.FULL;
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "fast" -> Mode.FAST;
            case "full" -> Mode.FULL;
            default -> throw new IllegalArgumentException(
                    MODE_VARIABLE + "=" + value + " is not a mode; allowed: fast, full (unset means full)");
        };
    }

    /**
     * Checks a numeric claim the course text makes: notebooks call this after computing the
     * number, so a claim that stops holding fails the notebook instead of going unnoticed.
     *
     * @throws AssertionError naming the claim when {@code holds} is false
     */
    public static void check(boolean holds, String claim) {
        if (!holds) throw new AssertionError("claim does not hold: " + claim);
    }

    /**
     * Checks a claim against the evidence a notebook shows and prints {@code ✔ claim (evidence)};
     * fails the cell like {@link #check} when it does not hold.
     */
    public static void claim(String claim, boolean holds, String evidence) {
        System.out.println(claimLine(claim, holds, evidence));
    }

    /** The line {@link #claim} prints. */
    static String claimLine(String claim, boolean holds, String evidence) {
        java.util.Objects.requireNonNull(evidence, "evidence");
        check(holds, claim + " (" + evidence + ")");
        return "\u2714 " + claim + " (" + evidence + ")";
    }
}
