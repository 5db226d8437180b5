package samlab.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Lemma 1 and Theorem 1 of theory.md, checked numerically. */
class TheoremsTest {

    /** f(x) = ¼‖x‖⁴ + ½ xᵀAx + bᵀx with random A (an eigenvalue pushed negative) and b: smooth, coercive. */
    static Objective randomQuartic(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double a11 = rnd.nextDouble(-3, -0.5), a22 = rnd.nextDouble(-1, 2), a12 = rnd.nextDouble(-1, 1);
        double b1 = rnd.nextDouble(-0.3, 0.3), b2 = rnd.nextDouble(-0.3, 0.3);
        return Objective.of("random" + seed, 2,
                x -> {
                    double r2 = x[0] * x[0] + x[1] * x[1];
                    return 0.25 * r2 * r2 + 0.5 * (a11 * x[0] * x[0] + 2 * a12 * x[0] * x[1] + a22 * x[1] * x[1])
                            + b1 * x[0] + b2 * x[1];
                },
                (x, g) -> {
                    double r2 = x[0] * x[0] + x[1] * x[1];
                    g[0] = r2 * x[0] + a11 * x[0] + a12 * x[1] + b1;
                    g[1] = r2 * x[1] + a12 * x[0] + a22 * x[1] + b2;
                });
    }

    /**
     * Lemma 1 both ways: every hallucinated rest point found lies at distance ρ from its image with
     * ∇f(x) antiparallel to x − x⁺; and every point of a circle S(c, ρ) around a critical point c
     * where ∇f is antiparallel to the outward normal (found here independently, by bisection on
     * the circle's angle) is among the rest points found.
     */
    @Test
    void lemmaOneOnRandomQuartics() {
        SplittableRandom rnd = new SplittableRandom(42);
        int checkedConverse = 0;
        for (long seed = 1; seed <= 6; seed++) {
            Objective f = randomQuartic(seed);
            double rho = rnd.nextDouble(0.3, 1.5);
            SamMap map = SamMap.sam(f, rho);
            RestPoints found = new RestPointFinder(map, RestPointSearch.DEFAULT.withSeeds(225)).find(0.05);
            List<RestPoint> critical = found.ofKind(RestPoint.Kind.CRITICAL);
            assertFalse(critical.isEmpty());
            for (RestPoint p : found.points()) {
                if (!p.hallucinated()) continue;
                double[] x = p.x(), c = p.image(), g = f.gradient(x);
                assertEquals(rho, p.distToImage(), 1e-9);
                assertTrue(Vectors.norm(f.gradient(c)) < 1e-9);
                double cos = ((x[0] - c[0]) * g[0] + (x[1] - c[1]) * g[1]) / (rho * Vectors.norm(g));
                assertEquals(-1, cos, 1e-9, "gradient antiparallel to x − x⁺");
            }
            for (RestPoint cp : critical) {
                for (double[] q : antiparallelPointsOnCircle(f, cp.x(), rho)) {
                    checkedConverse++;
                    double best = Double.MAX_VALUE;
                    for (RestPoint p : found.points()) best = Math.min(best, Vectors.dist(p.x(), q));
                    assertTrue(best < 1e-7, "circle point " + java.util.Arrays.toString(q) + " missing; nearest " + best
                            + " in " + found.points());
                }
            }
        }
        assertTrue(checkedConverse >= 6, "too few circle points checked: " + checkedConverse);
    }

    /** Points on S(c, ρ) where the tangential part of ∇f vanishes and its radial part is negative. */
    static List<double[]> antiparallelPointsOnCircle(Objective f, double[] c, double rho) {
        List<double[]> out = new ArrayList<>();
        int n = 3600;
        double prevT = tangential(f, c, rho, 0);
        for (int k = 1; k <= n; k++) {
            double a = 2 * Math.PI * k / n, lo = 2 * Math.PI * (k - 1) / n;
            double t = tangential(f, c, rho, a);
            if (Math.signum(t) != Math.signum(prevT)) {
                double hi = a, flo = prevT;
                for (int it = 0; it < 100; it++) {
                    double mid = 0.5 * (lo + hi), fm = tangential(f, c, rho, mid);
                    if (Math.signum(fm) == Math.signum(flo)) { lo = mid; flo = fm; } else hi = mid;
                }
                double m = 0.5 * (lo + hi);
                double[] x = {c[0] + rho * Math.cos(m), c[1] + rho * Math.sin(m)};
                double[] g = f.gradient(x);
                double radial = g[0] * Math.cos(m) + g[1] * Math.sin(m);
                if (radial < -1e-6) out.add(x);
            }
            prevT = t;
        }
        return out;
    }

    private static double tangential(Objective f, double[] c, double rho, double a) {
        double[] g = f.gradient(new double[] {c[0] + rho * Math.cos(a), c[1] + rho * Math.sin(a)});
        return -g[0] * Math.sin(a) + g[1] * Math.cos(a);
    }

    /** Theorem 1 on the quartic and the ring (d = 1): hallucinated minimizers for ρ just above d, none just below. */
    @Test
    void theoremOneExistenceAboveAndAbsenceBelowTheDistance() {
        for (String name : new String[] {"quartic", "ring"}) {
            Objective f = Landscapes.create(name);
            for (double rho : new double[] {1.001, 1.05, 1.9}) {
                List<RestPoint> h = new RestPointFinder(SamMap.sam(f, rho)).find(0.05)
                        .ofKind(RestPoint.Kind.HALLUCINATED_MINIMIZER);
                assertFalse(h.isEmpty(), name + " rho " + rho);
                for (RestPoint p : h) assertEquals(rho - 1, Vectors.norm(p.x()), 1e-9);
            }
            for (double rho : new double[] {0.9, 0.99}) {
                RestPoints all = new RestPointFinder(SamMap.sam(f, rho)).find(0.05);
                assertTrue(all.ofKind(RestPoint.Kind.HALLUCINATED_MINIMIZER).isEmpty(), name + " rho " + rho);
                // below d the hallucinated points that exist have the maximizer as image
                for (RestPoint p : all.ofKind(RestPoint.Kind.HALLUCINATED_OTHER)) {
                    assertEquals(RestPoint.ImageType.MAX, p.imageType());
                    assertEquals(rho, Vectors.norm(p.x()), 1e-9);
                }
            }
        }
    }

    /** Theorem 1 on the bent ring, whose distance d from the maximizer to the minimizer set is not symmetric. */
    @Test
    void theoremOneOnTheBentRing() {
        Objective f = Landscapes.create("bent-ring");
        // d = distance from the maximizer (origin) to the minimizer curve, by dense sampling of the curve
        double d = Double.MAX_VALUE;
        for (int k = 0; k <= 200_000; k++) {
            double y = -1 + 2.0 * k / 200_000;
            for (double s : new double[] {-1, 1}) {
                double x = 1.5 * (s * Math.sqrt(1 - y * y) - 0.5 * y * y);
                d = Math.min(d, Math.hypot(x, y));
            }
        }
        List<RestPoint> above = new RestPointFinder(SamMap.sam(f, d + 0.02)).find(0.05)
                .ofKind(RestPoint.Kind.HALLUCINATED_MINIMIZER);
        assertFalse(above.isEmpty(), "rho = d + 0.02 = " + (d + 0.02));
        double nearest = above.stream().mapToDouble(p -> Vectors.norm(p.x())).min().orElseThrow();
        assertTrue(nearest < 0.1, "a hallucinated minimizer near the maximizer; nearest at " + nearest);
        List<RestPoint> below = new RestPointFinder(SamMap.sam(f, 0.95 * d)).find(0.05)
                .ofKind(RestPoint.Kind.HALLUCINATED_MINIMIZER);
        assertTrue(below.isEmpty(), "rho = 0.95 d: " + below);
    }
}
