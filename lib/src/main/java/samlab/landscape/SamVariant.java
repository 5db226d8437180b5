package samlab.landscape;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The theory commands' names for the {@link Perturbation} rules ({@code --variant sam|eps|usam}):
 * x⁺ = x + ρ·v(x). Each name maps to one perturbation ({@link #perturbation(double)}); the formulas
 * live there. Not to be confused with {@code samlab.optim.SamConfig.Variant}, which names the
 * training algorithms (SAM, USAM, ASAM) and whose SAM is {@link #EPS} with the run's ε.
 */
public enum SamVariant {
    /**
     * Exactly normalised SAM, v = g/‖g‖ (Foret et al. 2021 without the ε guard), v = 0 where g = 0
     * (where the map is not differentiable): {@link Perturbation#EXACT}. Same as {@link #EPS} with ε = 0.
     */
    SAM,
    /** ε-regularised SAM, as in common implementations: v = g/(‖g‖ + ε), {@link Perturbation#normalised(double)}. */
    EPS,
    /** Unnormalised SAM (USAM, Andriushchenko and Flammarion 2022): v = g, {@link Perturbation#UNNORMALISED}. */
    USAM;

    /** The command-line name: sam, eps or usam. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The perturbation this name stands for; {@code eps} is used by {@link #EPS} only.
     *
     * @param eps the guard ε of {@link #EPS}
     * @return the rule
     * @throws IllegalArgumentException for {@link #EPS} if {@code eps} is negative, NaN or infinite
     */
    public Perturbation perturbation(double eps) {
        return switch (this) {
            case SAM -> Perturbation.EXACT;
            case EPS -> Perturbation.normalised(eps);
            case USAM -> Perturbation.UNNORMALISED;
        };
    }

    /** The name of a perturbation: {@link #SAM} for exact normalisation (ε = 0), {@link #EPS} for ε &gt; 0, {@link #USAM}. */
    public static SamVariant of(Perturbation p) {
        if (p.kind() == Perturbation.Kind.UNNORMALISED) return USAM;
        return p.isExact() ? SAM : EPS;
    }

    /**
     * Parses sam, eps or usam (any case).
     *
     * @param s the name
     * @return the variant
     * @throws IllegalArgumentException if {@code s} is none of them (the message lists the allowed names)
     */
    public static SamVariant parse(String s) {
        for (SamVariant v : values()) if (v.label().equalsIgnoreCase(s)) return v;
        throw new IllegalArgumentException("unknown SAM variant '" + s + "'; allowed: "
                + Arrays.stream(values()).map(SamVariant::label).collect(Collectors.joining(", ")));
    }
}
