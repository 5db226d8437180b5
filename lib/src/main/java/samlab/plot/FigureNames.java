package samlab.plot;

import java.util.regex.Pattern;

/** Figure names become file names: lower-case letters, digits and dashes only. */
final class FigureNames {
    private FigureNames() {}

    private static final Pattern SAFE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    static String check(String name) {
        if (name == null || !SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("figure name '" + name + "' must be lower-case letters, digits and single dashes, e.g. ring-basins");
        }
        return name;
    }
}
