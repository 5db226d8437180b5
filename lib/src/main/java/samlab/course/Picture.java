package samlab.course;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import samlab.landscape.Landscapes;
import samlab.landscape.Objective;
import samlab.landscape.RestPoint;
import samlab.landscape.RestPointFinder;
import samlab.landscape.RestPointSearch;
import samlab.landscape.RestPoints;
import samlab.landscape.SamMap;
import samlab.landscape.Trajectory;
import samlab.plot.ContourLevels;
import samlab.plot.Figure;
import samlab.plot.Mark;
import samlab.plot.PanelFigure;
import samlab.plot.PlaneFigure;
import samlab.plot.QuiverField;
import samlab.plot.SampledGrid;

/**
 * The course's Figure 1 for one landscape with an isolated maximizer at the origin and a set of
 * minimizers around it: its SAM rest points at (ρ, η) and SAM runs started next to the maximizer.
 *
 * @param key    the figure-name prefix ("ring", "bent-ring")
 * @param map    the SAM map (normalised SAM at radius ρ)
 * @param eta    the step size of the runs and of the stability classification
 * @param extent the pictures show [−extent, extent]²
 * @param rest   every rest point the finder found
 * @param runs   SAM runs from the starts around the maximizer
 * @param grid   grid points per axis of the contour and field pictures
 */
public record Picture(String key, SamMap map, double eta, double extent, RestPoints rest, List<Trajectory> runs, int grid) {
    /** Starts: this many points on a small circle around the maximizer. */
    public static final int STARTS = 6;
    /** Radius of that circle. */
    public static final double START_RADIUS = 0.15;
    /** SAM steps per run. */
    public static final int STEPS = 600;

    /** Level lines of f^SAM: its interesting range is [0, f(maximizer)] = [0, 1]. */
    static final double[] SURROGATE_LEVELS = ContourLevels.given(0.01, 0.05, 0.2, 0.5, 1, 2, 5);

    public Picture {
        runs = List.copyOf(runs);
    }

    /** The ring's documented radius (notebook 03). */
    public static final double RING_RHO = 1.5;
    /** The bent ring's documented radius (notebook 03). */
    public static final double BENT_RING_RHO = 1.4;
    /** The documented step size of both pictures. */
    public static final double ETA = 0.05;

    /** The ring f = (‖x‖² − 1)² at ρ = 1.5, η = 0.05. */
    public static Picture ring(boolean fast) {
        return ring(RING_RHO, ETA, fast);
    }

    /**
     * The ring f = (‖x‖² − 1)² at radius ρ &gt; 0 and step η &gt; 0 (a notebook's parameters).
     *
     * @throws IllegalArgumentException if {@code rho} or {@code eta} is not a finite number &gt; 0
     */
    public static Picture ring(double rho, double eta, boolean fast) {
        return of("ring", Landscapes.ring(), rho, eta, 2.0, fast);
    }

    /** The bent ring (alpha 1.5, beta 0.5) at ρ = 1.4, η = 0.05. */
    public static Picture bentRing(boolean fast) {
        return bentRing(BENT_RING_RHO, ETA, fast);
    }

    /**
     * The bent ring (alpha 1.5, beta 0.5) at radius ρ &gt; 0 and step η &gt; 0 (a notebook's parameters).
     *
     * @throws IllegalArgumentException if {@code rho} or {@code eta} is not a finite number &gt; 0
     */
    public static Picture bentRing(double rho, double eta, boolean fast) {
        return of("bent-ring", Landscapes.bentRing(1.5, 0.5), rho, eta, 2.2, fast);
    }

    /**
     * Finds the rest points in [−extent, extent]² and runs SAM from around the maximizer (the origin):
     * {@link #STARTS} runs of {@link #STEPS} steps from a circle of radius {@link #START_RADIUS}.
     *
     * @param key    the figure-name prefix
     * @param f      a 2-D landscape with an isolated maximizer at the origin
     * @param rho    the radius ρ, a finite number &gt; 0
     * @param eta    the step size η, a finite number &gt; 0
     * @param extent half the side of the pictured square and of the seed box, a finite number &gt; 0
     * @param fast   fewer finder seeds (225 instead of 900) and a coarser grid (61 instead of 161)
     * @return the picture
     * @throws IllegalArgumentException if {@code rho}, {@code eta} or {@code extent} is not a finite
     *     number &gt; 0, or {@code f} is not 2-dimensional
     */
    public static Picture of(String key, Objective f, double rho, double eta, double extent, boolean fast) {
        SamMap map = SamMap.sam(f, rho);
        RestPointSearch search = RestPointSearch.DEFAULT.withBox(extent).withSeeds(fast ? 225 : 900);
        RestPoints rest = new RestPointFinder(map, search).find(eta);
        List<Trajectory> runs = new ArrayList<>();
        for (int k = 0; k < STARTS; k++) {
            double a = 2 * Math.PI * (k + 0.5) / STARTS;
            runs.add(Trajectory.run(map, new double[] {START_RADIUS * Math.cos(a), START_RADIUS * Math.sin(a)}, eta, STEPS));
        }
        return new Picture(key, map, eta, extent, rest, runs, fast ? 61 : 161);
    }

    /** Rest points that are critical points of f of the given image type's minimality. */
    public List<double[]> criticalPoints(boolean minimizers) {
        return rest.ofKind(RestPoint.Kind.CRITICAL).stream()
                .filter(p -> p.imageType().isMinimizer() == minimizers).map(RestPoint::x).toList();
    }

    /** The hallucinated minimizers that attract (or that do not). */
    public List<double[]> hallucinatedMinimizers(boolean attracting) {
        return rest.ofKind(RestPoint.Kind.HALLUCINATED_MINIMIZER).stream()
                .filter(p -> p.attracting() == attracting).map(RestPoint::x).toList();
    }

    /** (a) f with its minimizer set and maximizer. */
    public Figure figureOfF() {
        Objective f = map.objective();
        SampledGrid g = SampledGrid.sample(f, -extent, extent, grid, -extent, extent, grid);
        PlaneFigure.Builder b = PlaneFigure.builder(key + "-f")
                .title("f: a minimizer set (f = 0) around a maximizer")
                .axes("x₁", "x₂").contour(g, ContourLevels.logSpaced(g, 7, 3)).backdrop(g, true);
        addPoints(b, "minimizers of f", criticalPoints(true), Mark.CIRCLE);
        addPoints(b, "maximizer of f", criticalPoints(false), Mark.CROSS);
        return b.build();
    }

    /**
     * (b) f^SAM(x) = f(x⁺) with the hallucinated minimizers marked. Level lines are drawn from
     * {@link #maskJumps}: f^SAM jumps where u = ∇f/‖∇f‖ flips, and contouring across a jump would draw
     * a bundle of false level lines along it; the shading keeps every value.
     */
    public Figure figureOfSurrogate() {
        SampledGrid g = SampledGrid.sample((x, y) -> map.surrogate(new double[] {x, y}), -extent, extent, grid, -extent, extent, grid);
        PlaneFigure.Builder b = PlaneFigure.builder(key + "-fsam")
                .title(SURROGATE_SYMBOL + " at ρ = " + map.rho() + " and the hallucinated set")
                .axes("x₁", "x₂").contour(SURROGATE_SYMBOL, maskJumps(g, map), SURROGATE_LEVELS).backdrop(g, true);
        addPoints(b, "hallucinated minimizers (attracting)", hallucinatedMinimizers(true), Mark.DIAMOND);
        addPoints(b, "hallucinated minimizers (repelling)", hallucinatedMinimizers(false), Mark.OPEN_CIRCLE);
        return b.build();
    }

    /**
     * The course's Figure 1 as one figure: (a) f with its minimizer set and maximizer, (b) f^SAM with
     * the hallucinated minimizers, (c) the field −∇f(x⁺) with SAM runs — the same level lines (in the
     * same colours) and the same shading scale, [0, f(maximizer)] on a log scale, in all three panels,
     * with one colour bar (values above it are drawn in its top shade).
     */
    public PanelFigure figure1() {
        Objective f = map.objective();
        SampledGrid gf = SampledGrid.sample(f, -extent, extent, grid, -extent, extent, grid);
        SampledGrid gs = SampledGrid.sample((x, y) -> map.surrogate(new double[] {x, y}), -extent, extent, grid, -extent, extent, grid);
        double top = criticalPoints(false).stream().mapToDouble(f::value).max().orElse(gf.max());
        PlaneFigure.Builder a = PlaneFigure.builder(key + "-figure1-f").title("(a) f")
                .axes("x₁", "x₂").contour(gf, SURROGATE_LEVELS).backdrop(gf, true).shadeRange(0, top);
        addPoints(a, "minimizers of f", criticalPoints(true), Mark.CIRCLE);
        addPoints(a, "maximizer of f", criticalPoints(false), Mark.CROSS);
        PlaneFigure.Builder b = PlaneFigure.builder(key + "-figure1-fsam").title("(b) " + SURROGATE_SYMBOL + ", ρ = " + map.rho())
                .axes("x₁", "x₂").contour(SURROGATE_SYMBOL, maskJumps(gs, map), SURROGATE_LEVELS).backdrop(gs, true).shadeRange(0, top);
        addPoints(b, "hallucinated minimizers (attracting)", hallucinatedMinimizers(true), Mark.DIAMOND);
        addPoints(b, "hallucinated minimizers (repelling)", hallucinatedMinimizers(false), Mark.OPEN_CIRCLE);
        PlaneFigure.Builder c = PlaneFigure.builder(key + "-figure1-field").title("(c) −∇f(x⁺) and SAM runs")
                .axes("x₁", "x₂").contour(gf, SURROGATE_LEVELS).backdrop(gf, true).shadeRange(0, top);
        addPoints(c, "hallucinated minimizers (attracting)", hallucinatedMinimizers(true), Mark.DIAMOND);   // first: (b)'s colour
        c.quiver("−∇f(x⁺)", field());
        c.trajectory("SAM runs", joinedRuns());
        c.points("starts", runs.stream().map(t -> t.points()[0]).toList(), Mark.OPEN_CIRCLE);
        c.points("ends", runs.stream().map(Trajectory::last).toList(), Mark.CIRCLE);
        return PanelFigure.builder(key + "-figure1")
                .title(key.replace('-', ' ') + ": SAM hallucinates minimizers (ρ = " + map.rho() + ", η = " + eta + ")")
                .panel(a.build()).panel(b.build()).panel(c.build()).colourBar("f, " + SURROGATE_SYMBOL, 0, top, true).build();
    }

    private QuiverField field() {
        Objective f = map.objective();
        int arrows = Math.max(9, grid / 8);
        return QuiverField.sample((x, y) -> {
            double[] gp = f.gradient(map.perturbed(new double[] {x, y}));
            return new double[] {-gp[0], -gp[1]};
        }, -extent, extent, arrows, -extent, extent, arrows);
    }

    /** All runs as one series broken by NaN, so the legend has one entry for them. */
    private List<double[]> joinedRuns() {
        List<double[]> joined = new ArrayList<>();
        for (Trajectory t : runs) {
            if (!joined.isEmpty()) joined.add(new double[] {Double.NaN, Double.NaN});
            joined.addAll(Arrays.asList(t.points()));
        }
        return joined;
    }

    /** (c) the field −∇f(x⁺) that SAM follows, the hallucinated set and SAM runs from near the maximizer. */
    public Figure figureOfField() {
        Objective f = map.objective();
        SampledGrid g = SampledGrid.sample(f, -extent, extent, grid, -extent, extent, grid);
        PlaneFigure.Builder b = PlaneFigure.builder(key + "-field")
                .title("SAM runs end on the hallucinated set")
                .axes("x₁", "x₂").contour(g, ContourLevels.given(0.01, 0.1, 0.5, 2, 8)).quiver("−∇f(x⁺)", field());
        addPoints(b, "hallucinated minimizers (attracting)", hallucinatedMinimizers(true), Mark.DIAMOND);
        b.trajectory("SAM runs", joinedRuns());
        b.points("starts", runs.stream().map(t -> t.points()[0]).toList(), Mark.OPEN_CIRCLE);
        b.points("ends", runs.stream().map(Trajectory::last).toList(), Mark.CIRCLE);
        return b.build();
    }

    /** f^SAM with "SAM" as a superscript, for titles and legends. */
    public static final String SURROGATE_SYMBOL = "f\u02e2\u1d2c\u1d39";

    /**
     * The grid with NaN at both nodes of every horizontal or vertical neighbour pair across which the
     * perturbation direction u = ∇f/‖∇f‖ turns by more than 90° (u·u' &lt; 0) or vanishes at one node
     * only: there f^SAM(x) = f(x + ρu) jumps, so no level line should be drawn between the two.
     */
    public static SampledGrid maskJumps(SampledGrid g, SamMap map) {
        int nx = g.nx(), ny = g.ny();
        double[][][] u = new double[ny][nx][];
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                double[] grad = map.objective().gradient(new double[] {g.xs()[ix], g.ys()[iy]});
                double n = Math.hypot(grad[0], grad[1]);
                u[iy][ix] = n == 0 ? new double[] {0, 0} : new double[] {grad[0] / n, grad[1] / n};
            }
        }
        double[][] v = new double[ny][];
        for (int iy = 0; iy < ny; iy++) v[iy] = g.values()[iy].clone();
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                if (ix + 1 < nx && jumps(u[iy][ix], u[iy][ix + 1])) v[iy][ix] = v[iy][ix + 1] = Double.NaN;
                if (iy + 1 < ny && jumps(u[iy][ix], u[iy + 1][ix])) v[iy][ix] = v[iy + 1][ix] = Double.NaN;
            }
        }
        return new SampledGrid(g.xs(), g.ys(), v);
    }

    /** u turns by more than 90°, or vanishes at exactly one of the two nodes (a critical point: x⁺ = x there). */
    private static boolean jumps(double[] a, double[] b) {
        boolean za = a[0] == 0 && a[1] == 0, zb = b[0] == 0 && b[1] == 0;
        return za != zb || a[0] * b[0] + a[1] * b[1] < 0;
    }

    private static void addPoints(PlaneFigure.Builder b, String label, List<double[]> pts, Mark mark) {
        if (!pts.isEmpty()) b.points(label, pts, mark);
    }
}
