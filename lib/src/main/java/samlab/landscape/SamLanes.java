package samlab.landscape;

/**
 * Normalised-SAM steps on many starts at once: the basin map's fast path. Coordinates are stored
 * coordinate-major ({@code x[i][j]}: coordinate i of lane j) so that each step is two calls of
 * {@link Objective#gradients} and a few loops over lanes without per-lane branches, which the JIT
 * vectorises; a start's iterates are bit for bit those of {@link SamMap#step} (same operations in
 * the same order, no fused multiply-add), which {@code SamLanesTest} checks.
 *
 * <p>Only {@link SamVariant#SAM}: v = g/‖g‖, and v = 0 where g = 0 (the limit SamMap uses).
 */
final class SamLanes {
    final double[][] x;
    /** ‖∇f(x⁺)‖² of each lane's last step. */
    final double[] stepNorm2;
    private final Objective f;
    private final double rho;
    private final int d;
    private final double[][] g;
    private final double[][] xp;
    private final double[][] gp;
    private final double[] scale;
    private final double[] gnorm;

    SamLanes(SamMap map, int lanes) {
        if (!applies(map)) throw new IllegalArgumentException("SamLanes runs normalised SAM; got " + map.variant());
        f = map.objective();
        rho = map.rho();
        d = map.dimension();
        x = new double[d][lanes];
        g = new double[d][lanes];
        xp = new double[d][lanes];
        gp = new double[d][lanes];
        scale = new double[lanes];
        gnorm = new double[lanes];
        stepNorm2 = new double[lanes];
    }

    /** Whether the map can run on lanes. */
    static boolean applies(SamMap map) {
        return map.variant() == SamVariant.SAM;
    }

    /** One SAM step x ← x − η∇f(x + ρ g/‖g‖) for lanes 0..m−1, leaving ‖∇f(x⁺)‖² in {@link #stepNorm2}. */
    void step(int m, double eta) {
        f.gradients(x, g, m);
        // s = ρ/‖g‖, or 0 where g = 0: Perturbation.scale for the exact rule, to the bit; the zero case
        // is patched in a separate loop so that the arithmetic loops have no select and vectorise
        if (d == 2) {
            double[] g0 = g[0], g1 = g[1];
            for (int j = 0; j < m; j++) gnorm[j] = Math.sqrt(g0[j] * g0[j] + g1[j] * g1[j]);
        } else {
            for (int j = 0; j < m; j++) {
                double n2 = 0;
                for (int i = 0; i < d; i++) n2 += g[i][j] * g[i][j];
                gnorm[j] = Math.sqrt(n2);
            }
        }
        for (int j = 0; j < m; j++) scale[j] = rho / gnorm[j];
        for (int j = 0; j < m; j++) if (!(gnorm[j] > 0)) scale[j] = 0;
        for (int i = 0; i < d; i++) {
            double[] xi = x[i], gi = g[i], pi = xp[i];
            for (int j = 0; j < m; j++) pi[j] = xi[j] + scale[j] * gi[j];
        }
        f.gradients(xp, gp, m);
        for (int j = 0; j < m; j++) stepNorm2[j] = 0;
        for (int i = 0; i < d; i++) {
            double[] xi = x[i], gi = gp[i];
            for (int j = 0; j < m; j++) {
                stepNorm2[j] += gi[j] * gi[j];
                xi[j] = xi[j] - eta * gi[j];
            }
        }
    }

    /** Whether lane j has diverged ({@link Trajectory#diverged}). */
    boolean diverged(int j) {
        for (int i = 0; i < d; i++) if (Trajectory.outOfBounds(x[i][j])) return true;
        return false;
    }

    /** Lane j's point as a new array. */
    double[] point(int j) {
        double[] p = new double[d];
        for (int i = 0; i < d; i++) p[i] = x[i][j];
        return p;
    }

    /** Moves lane {@code from} into lane {@code to}. */
    void move(int from, int to) {
        for (int i = 0; i < d; i++) x[i][to] = x[i][from];
    }
}
