package samlab.course;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import samlab.console.ConsoleProgress;
import samlab.progress.ProgressSink;

/**
 * How much work the course notebooks do. {@code ./course execute --fast} (what CI runs) sets the
 * environment variable {@code SAMLAB_MODE=fast}; notebooks ask {@link #fast()} and scale their
 * sweeps and epochs down. Unset means {@code full}: the course as the text describes it.
 * {@link #progress()} is where the notebooks' computations report their progress.
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

    /**
     * The system property naming the notebooks' progress sink class (public, with a public
     * no-argument constructor). The notebook kernelspec sets it to the notebook display's sink, so
     * {@link #progress()} draws bars in the cell output.
     */
    public static final String PROGRESS_SINK_PROPERTY = "samlab.progress.sink";

    /** Created on first use: one sink per JVM, so that the notebook display can join a cell's bars into one line. */
    private static final class ProgressHolder {
        static final ProgressSink SINK = progressSink(System.getProperty(PROGRESS_SINK_PROPERTY), System.err);
    }

    /**
     * Where notebooks send progress: pass it to the library's long computations (basin maps, sweeps,
     * training), e.g. {@code spec.train(train, test, Course.progress())}. In a notebook kernel it is the
     * sink named by {@link #PROGRESS_SINK_PROPERTY} (the notebook display); elsewhere (jshell, a
     * test) a console bar on stderr. The same sink on every call.
     */
    public static ProgressSink progress() {
        return ProgressHolder.SINK;
    }

    /** The sink class named {@code className}, or a console sink on {@code console} when null, blank or unusable (with a warning). */
    static ProgressSink progressSink(String className, java.io.PrintStream console) {
        ProgressSink fallback = new ConsoleProgress.Sink(console);
        if (className == null || className.isBlank()) return fallback;
        try {
            Class<?> type = Class.forName(className.trim(), true, Course.class.getClassLoader());
            return (ProgressSink) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            console.println("samlab: " + PROGRESS_SINK_PROPERTY + "=" + className + " is not a usable ProgressSink ("
                    + e + "); progress goes to the console");
            return fallback;
        }
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
     * Checks a numeric claim the course text makes against the evidence the notebook shows, and
     * prints {@code ✔ claim (evidence)} ({@code ✔ claim} when the evidence is empty): notebooks call this after computing the number, so a claim
     * that stops holding fails the notebook instead of going unnoticed.
     *
     * @param claim    the claim in words, as the text states it
     * @param holds    whether it holds on the computed numbers
     * @param evidence the numbers it rests on, rounded to what they mean (not null)
     * @throws AssertionError naming the claim and the evidence when {@code holds} is false
     * @throws NullPointerException when {@code evidence} is null
     */
    public static void claim(String claim, boolean holds, String evidence) {
        System.out.println(claimLine(claim, holds, evidence));
    }

    /**
     * Evidence for {@link #claim}: the values rounded to 3 significant digits, comma-separated
     * ("2.68, 1.36, 1.52"; NaN and ±Infinity as Java prints them), so that a claim line shows numbers
     * rounded to what they mean rather than float noise.
     *
     * @param values the numbers, in the order the claim states them
     * @return the text; empty for no values
     */
    public static String numbers(double... values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(Double.isFinite(v) ? new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString()
                    : String.valueOf(v));
        }
        return sb.toString();
    }

    /**
     * A matrix as claim evidence: rows as {@link #numbers(double...)}, separated by "; " ("0, 0; 0, 1.33").
     *
     * @param rows the matrix, row by row
     * @return the text; empty for no rows
     */
    public static String numbers(double[][] rows) {
        StringBuilder sb = new StringBuilder();
        for (double[] row : rows) {
            if (sb.length() > 0) sb.append("; ");
            sb.append(numbers(row));
        }
        return sb.toString();
    }

    /** The line {@link #claim} prints. */
    static String claimLine(String claim, boolean holds, String evidence) {
        Objects.requireNonNull(evidence, "evidence");
        String stated = evidence.isEmpty() ? claim : claim + " (" + evidence + ")";
        if (!holds) throw new AssertionError("claim does not hold: " + stated);
        return "\u2714 " + stated;
    }

    /**
     * Tells a learner whether an exercise's answer is right (prints one line); never fails the cell (a notebook run
     * headless keeps the unanswered placeholder, and the solution cell asserts with {@link #claim}).
     *
     * @param exercise the exercise's name, e.g. "Exercise 2.1"
     * @param answered false while the answer cell still holds its placeholder
     * @param right    whether the answer is right (ignored when not answered)
     * @param hint     what to look at when it is not
     */
    public static void exercise(String exercise, boolean answered, boolean right, String hint) {
        System.out.println(exerciseLine(exercise, answered, right, hint));
    }

    /**
     * A numeric answer: NaN is the placeholder; right when within {@code tolerance} of {@code expected}.
     *
     * @throws IllegalArgumentException when {@code tolerance} is negative or NaN
     */
    public static void exercise(String exercise, double answer, double expected, double tolerance, String hint) {
        if (!(tolerance >= 0)) throw new IllegalArgumentException("tolerance = " + tolerance + "; allowed: >= 0");
        exercise(exercise, !Double.isNaN(answer), Math.abs(answer - expected) <= tolerance, hint);
    }

    /** The line {@link #exercise(String, boolean, boolean, String)} prints. */
    static String exerciseLine(String exercise, boolean answered, boolean right, String hint) {
        if (!answered) return "\u270e " + exercise + ": not answered yet (replace the placeholder in the cell above). Hint: " + hint;
        if (right) return "\u2714 " + exercise + ": right";
        return "\u2718 " + exercise + ": not right yet. Hint: " + hint;
    }

    /**
     * Registers the parameters of a notebook, read from its parameters cell (the cell tagged
     * {@code parameters}), each with the value the notebook's text documents. Replaces any earlier
     * registration in this kernel.
     *
     * @param notebook the notebook's name as its cells pass it to {@link #requireParameters}
     * @throws NullPointerException if {@code notebook} is null
     */
    public static Parameters parameters(String notebook) {
        Parameters p = new Parameters(Objects.requireNonNull(notebook, "notebook"));
        current = p;
        return p;
    }

    /**
     * The first line of every cell that reads a parameter: a clear message, instead of the compiler's
     * "cannot find symbol", when the parameters and setup cells have not run in this kernel.
     *
     * @throws IllegalStateException when the parameters of {@code notebook} are not registered
     */
    public static Parameters requireParameters(String notebook) {
        Parameters p = current;
        if (p == null || !p.notebook.equals(notebook)) {
            throw new IllegalStateException("run the parameters cell and the setup cell at the top of notebook "
                    + notebook + " first (the first two code cells; then run the cells in order)"
                    + (p == null ? "" : "; this kernel last ran the setup of " + p.notebook));
        }
        return p;
    }

    /**
     * Whether a check stated for the documented parameters applies: true when every registered
     * parameter has its documented value; otherwise prints why the check is skipped and returns false.
     *
     * @param check the check's name, for the message
     * @throws IllegalStateException when no parameters are registered (see {@link #requireParameters})
     */
    public static boolean atDocumentedParameters(String check) {
        Parameters p = current;
        if (p == null) throw new IllegalStateException("run the parameters cell and the setup cell at the top of the notebook first");
        String differ = p.differences();
        if (differ.isEmpty()) return true;
        System.out.println("\u23ed skipped: " + check + " is stated for the documented parameters (" + p.documentedText()
                + "); this run has " + differ);
        return false;
    }

    private static volatile Parameters current;

    /** A notebook's parameters with their documented values, in the order registered. */
    public static final class Parameters {
        private final String notebook;
        private final Map<String, Object[]> values = new LinkedHashMap<>();

        private Parameters(String notebook) {
            this.notebook = notebook;
        }

        /**
         * Registers one parameter: its value in this run and the value the text documents.
         *
         * @throws IllegalArgumentException when {@code name} is already registered
         */
        public Parameters documented(String name, double value, double documentedValue) {
            return put(name, value, documentedValue);
        }

        /**
         * Registers a list-valued parameter (e.g. the radii of a sweep), equal when element-wise equal.
         *
         * @throws IllegalArgumentException when {@code name} is already registered
         */
        public Parameters documented(String name, double[] value, double[] documentedValue) {
            return put(name, value.clone(), documentedValue.clone());
        }

        /**
         * Registers a list-valued integer parameter (e.g. seeds), equal when element-wise equal.
         *
         * @throws IllegalArgumentException when {@code name} is already registered
         */
        public Parameters documented(String name, long[] value, long[] documentedValue) {
            return put(name, value.clone(), documentedValue.clone());
        }

        private Parameters put(String name, Object value, Object documentedValue) {
            if (values.putIfAbsent(name, new Object[] {value, documentedValue}) != null) {
                throw new IllegalArgumentException("parameter " + name + " is registered twice");
            }
            return this;
        }

        /** The notebook these parameters belong to. */
        public String notebook() {
            return notebook;
        }

        /** "rho = 1.2 (documented 1.5), ..." for the parameters that differ; empty when none does. */
        String differences() {
            StringBuilder sb = new StringBuilder();
            values.forEach((k, v) -> {
                if (!Objects.deepEquals(v[0], v[1])) {
                    if (sb.length() > 0) sb.append(", ");
                    sb.append(k).append(" = ").append(text(v[0]));
                }
            });
            return sb.toString();
        }

        String documentedText() {
            StringBuilder sb = new StringBuilder();
            values.forEach((k, v) -> {
                if (sb.length() > 0) sb.append(", ");
                sb.append(k).append(" = ").append(text(v[1]));
            });
            return sb.toString();
        }

        private static String text(Object v) {
            if (v instanceof double[] a) return Arrays.toString(a);
            if (v instanceof long[] a) return Arrays.toString(a);
            return String.valueOf(v);
        }
    }
}
