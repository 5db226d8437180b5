package samlab.landscape;

/**
 * Where and how hard the rest-point finder looks.
 *
 * @param box             seeds lie in the cube [−box, box]^d; found points may lie up to ρ + box/2 outside
 * @param seeds           number of seeds (a grid for d ≤ 2, seeded uniform random points otherwise,
 *                        plus as many random ones again)
 * @param randomSeed      seed of the random seeds (results are reproducible)
 * @param maxIterations   damped Newton iterations per seed
 * @param manifoldSpacing minimal distance kept between samples of one manifold of rest points
 */
public record RestPointSearch(double box, int seeds, long randomSeed, int maxIterations, double manifoldSpacing) {
    /** box 3, 400 seeds, random seed 1, 80 Newton iterations, manifold spacing 0.1. */
    public static final RestPointSearch DEFAULT = new RestPointSearch(3, 400, 1, 80, 0.1);

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException if {@code box} is not a finite number &gt; 0, {@code seeds} is
     *     outside 1..1,000,000, {@code maxIterations < 1}, or {@code manifoldSpacing} is not a finite
     *     number &gt; 0
     */
    public RestPointSearch {
        if (!(box > 0) || !Double.isFinite(box)) {
            throw new IllegalArgumentException("box = " + box + "; allowed: a finite number > 0");
        }
        if (seeds < 1 || seeds > 1_000_000) {
            throw new IllegalArgumentException("seeds = " + seeds + "; allowed: 1 to 1000000");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations = " + maxIterations + "; allowed: >= 1");
        }
        if (!(manifoldSpacing > 0) || !Double.isFinite(manifoldSpacing)) {
            throw new IllegalArgumentException("manifoldSpacing = " + manifoldSpacing + "; allowed: a finite number > 0");
        }
    }

    /**
     * This search with another box.
     *
     * @param b the new half side of the seed cube, a finite number &gt; 0
     * @return a copy with {@code box = b}
     * @throws IllegalArgumentException if {@code b} is not a finite number &gt; 0
     */
    public RestPointSearch withBox(double b) {
        return new RestPointSearch(b, seeds, randomSeed, maxIterations, manifoldSpacing);
    }

    /**
     * This search with another number of seeds.
     *
     * @param n the new number of seeds, 1 to 1,000,000
     * @return a copy with {@code seeds = n}
     * @throws IllegalArgumentException if {@code n} is outside 1..1,000,000
     */
    public RestPointSearch withSeeds(int n) {
        return new RestPointSearch(box, n, randomSeed, maxIterations, manifoldSpacing);
    }
}
