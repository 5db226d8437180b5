package samlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import samlab.landscape.Landscapes;
import samlab.landscape.Objective;
import samlab.landscape.RestPointSearch;
import samlab.landscape.SamMap;
import samlab.landscape.SamVariant;

/** The options shared by the theory commands: which landscape, which SAM, where to look. */
final class LandscapeOptions {
    @Option(names = "--landscape", required = true, paramLabel = "NAME",
            description = "quartic, ring, anisotropic, bent-ring or sharp-flat")
    String landscape;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "a landscape parameter (repeatable), e.g. a=2 for anisotropic; alpha, beta for bent-ring")
    List<String> params = new ArrayList<>();

    @Option(names = "--variant", defaultValue = "sam", paramLabel = "sam|eps|usam",
            description = "normalised SAM, epsilon-regularised SAM or unnormalised SAM (default: ${DEFAULT-VALUE})")
    String variant;

    @Option(names = "--eps", paramLabel = "EPS",
            description = "epsilon of --variant eps, a finite number >= 0 (default: 1e-12); refused with the other variants")
    Double eps;

    @Option(names = "--seeds", defaultValue = "400", description = "Newton seeds of the rest-point finder (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--box", defaultValue = "3", paramLabel = "L",
            description = "the finder seeds lie in [-L, L]^d (default: ${DEFAULT-VALUE})")
    double box;

    /**
     * Checks every option of this group before any work, naming the flag on failure.
     *
     * @throws IllegalArgumentException for an unknown landscape, variant or parameter, or a value
     *         outside what its flag allows
     */
    void check() {
        objective();
        samVariant();
        if (eps != null && samVariant() != SamVariant.EPS) {
            throw new IllegalArgumentException("--eps " + eps + " applies to --variant eps only, not --variant " + variant
                    + " (sam normalises exactly, usam does not normalise)");
        }
        if (!(eps() >= 0) || !Double.isFinite(eps())) throw new IllegalArgumentException("--eps " + eps + "; allowed: a finite number >= 0");
        if (seeds < 1 || seeds > 1_000_000) throw new IllegalArgumentException("--seeds " + seeds + "; allowed: 1 to 1000000");
        positive("--box", box);
    }

    Objective objective() {
        return Landscapes.create(landscape, parsedParams());
    }

    SamVariant samVariant() {
        return SamVariant.parse(variant);
    }

    /** The SAM map at radius ρ; call {@link #check} first for messages that name the flags. */
    SamMap map(double rho) {
        return new SamMap(objective(), samVariant().perturbation(eps()), rho);
    }

    /** The ε of {@code --variant eps}: the flag's value, else the library's default guard. */
    double eps() {
        return eps == null ? samlab.landscape.Perturbation.DEFAULT_EPSILON : eps;
    }

    RestPointSearch search() {
        return RestPointSearch.DEFAULT.withBox(positive("--box", box)).withSeeds(seeds);
    }

    Map<String, Double> parsedParams() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--param '" + p + "'; allowed: NAME=NUMBER, e.g. a=2");
            String value = p.substring(eq + 1).trim();
            String name = p.substring(0, eq).trim();
            if (m.containsKey(name)) throw new IllegalArgumentException("--param " + name + " is given twice; allowed: each parameter once");
            try {
                m.put(name, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--param " + p + ": '" + value + "' is not a number; allowed: NAME=NUMBER");
            }
        }
        return m;
    }

    /** Fails with a message naming the flag when a value is not a finite number > 0. */
    static double positive(String flag, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(flag + " " + v + "; allowed: a finite number > 0");
        }
        return v;
    }

    /** Fails with a message naming the flag when a count is outside [min, max]. */
    static int count(String flag, int v, int min, int max) {
        if (v < min || v > max) throw new IllegalArgumentException(flag + " " + v + "; allowed: " + min + " to " + max);
        return v;
    }

    /** Fails when two output options name the same file (the second would overwrite the first). */
    static void distinctOutputs(String flagA, java.nio.file.Path a, String flagB, java.nio.file.Path b) {
        if (a != null && b != null && a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException(flagB + " " + b + " is the same file as " + flagA + "; allowed: two different files");
        }
    }
}
