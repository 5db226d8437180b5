package samlab.landscape;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How SAM builds its perturbation x⁺ = x + ρ·v(x). */
public enum SamVariant {
    /** Normalised SAM: v = g/‖g‖ (v = 0 where g = 0, where the map is not differentiable). */
    SAM,
    /** ε-regularised SAM, as in common implementations: v = g/(‖g‖ + ε). */
    EPS,
    /** Unnormalised SAM: v = g. */
    USAM;

    /** The command-line name: sam, eps or usam. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses sam, eps or usam (any case). */
    public static SamVariant parse(String s) {
        for (SamVariant v : values()) if (v.label().equalsIgnoreCase(s)) return v;
        throw new IllegalArgumentException("unknown SAM variant '" + s + "'; allowed: "
                + Arrays.stream(values()).map(SamVariant::label).collect(Collectors.joining(", ")));
    }
}
