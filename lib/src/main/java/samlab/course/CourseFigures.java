package samlab.course;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import samlab.landscape.AttractionRegion;
import samlab.landscape.BasinConfig;
import samlab.landscape.BasinMap;
import samlab.landscape.Bifurcation;
import samlab.landscape.Grid;
import samlab.landscape.Landscapes;
import samlab.landscape.Objective;
import samlab.landscape.RestPointSearch;
import samlab.landscape.SamMap;
import samlab.landscape.SamVariant;
import samlab.landscape.Trajectory;
import samlab.plot.BasinMapFigure;
import samlab.plot.BifurcationFigure;
import samlab.plot.ContourLevels;
import samlab.plot.Figure;
import samlab.plot.FigureCatalog;
import samlab.progress.ProgressSink;
import samlab.plot.Mark;
import samlab.plot.PlaneFigure;
import samlab.plot.QuiverField;
import samlab.plot.SampledGrid;

/**
 * Every figure of the theory notebooks (01–04), defined once: the notebooks call these methods with
 * their fast/full flag, {@code samlab figure NAME} calls them in full. The runs and sweeps behind
 * the figures are public too, so that a notebook asserts on exactly what it shows.
 */
public final class CourseFigures implements FigureCatalog {
    // 01: the sharp/flat pair
    /** Start of the GD and SAM runs on sharp-flat: inside the sharp minimum's basin for GD. */
    public static final double[] SHARP_FLAT_START = {0.6, 0.05};
    /** SAM's radius on sharp-flat. */
    public static final double SHARP_FLAT_RHO = 0.1;
    /** Small enough for GD to be stable at the sharp minimum (η·200 &lt; 2). */
    public static final double SHARP_FLAT_ETA = 0.005;
    /** Steps of each sharp-flat run. */
    public static final int SHARP_FLAT_STEPS = 4000;
    // 01: the mismatch between ∇f(x⁺) and ∇f^SAM
    /** The radius of the mismatch field. */
    public static final double MISMATCH_RHO = 0.5;
    // 02 and 04: the quartic and the anisotropic landscape
    /** The step size of the theory figures. */
    public static final double ETA = 0.05;
    /** The quartic's documented radius, inside (d, d + r) = (1, 2) (notebook 02, Theorem 1). */
    public static final double QUARTIC_RHO = 1.5;

    @Override
    public Map<String, Supplier<Figure>> figures(ProgressSink progress) {
        Map<String, Supplier<Figure>> m = new LinkedHashMap<>();
        m.put("sharp-flat-paths", () -> sharpFlatPaths(sharpFlatRuns()));
        m.put("anisotropic-mismatch", () -> mismatchField(false));
        m.put("quartic-bifurcation", () -> bifurcationFigure("quartic-bifurcation", quarticSweep(SamVariant.SAM, false, progress)));
        m.put("quartic-usam-bifurcation", () -> bifurcationFigure("quartic-usam-bifurcation", quarticSweep(SamVariant.USAM, false, progress)));
        for (boolean bent : new boolean[] {false, true}) {
            String k = bent ? "bent-ring" : "ring";
            Supplier<Picture> p = () -> bent ? Picture.bentRing(false) : Picture.ring(false);
            m.put(k + "-f", () -> p.get().figureOfF());
            m.put(k + "-fsam", () -> p.get().figureOfSurrogate());
            m.put(k + "-field", () -> p.get().figureOfField());
            m.put(k + "-figure1", () -> p.get().figure1());
        }
        m.put("ring-basins", () -> basinFigure("ring-basins", ringBasins(false, progress), "Ring, ρ = 1.5: SAM hallucinates inside, diverges outside"));
        m.put("ring-basins-small-rho", () -> basinFigure("ring-basins-small-rho", ringBasins(0.5, false, progress),
                "Ring, ρ = 0.5 < d: no hallucination, SAM keeps bouncing"));
        m.put("ring-end-loss-small-rho", () -> basinFigure("ring-end-loss-small-rho", ringEndLossSmallRho(false, progress),
                "Ring, ρ = 0.5: starts next to the maximizer stay there"));
        m.put("anisotropic-basins", () -> basinFigure("anisotropic-basins", anisotropicBasins(false, progress),
                "Anisotropic, ρ = 1.5: where each start ends"));
        m.put("anisotropic-eta-rho", () -> regionFigure(anisotropicRegion(false, progress)));
        return m;
    }

    /** GD and SAM (ρ = 0.1) on sharp-flat from {@link #SHARP_FLAT_START} at η = 0.005: {GD, SAM}. */
    public static List<Trajectory> sharpFlatRuns() {
        return sharpFlatRuns(SHARP_FLAT_START, SHARP_FLAT_RHO, SHARP_FLAT_ETA, SHARP_FLAT_STEPS);
    }

    /**
     * GD and SAM (radius ρ) on sharp-flat from {@code start} at step η for {@code steps} steps: {GD, SAM}.
     *
     * @param start the start, 2 coordinates
     * @return {GD, SAM}
     * @throws IllegalArgumentException if {@code rho} or {@code eta} is not a finite number &gt; 0, {@code steps < 0}, or {@code start} has not 2
     *     coordinates
     */
    public static List<Trajectory> sharpFlatRuns(double[] start, double rho, double eta, int steps) {
        Objective f = Landscapes.sharpFlat();
        return List.of(GradientDescent.run(f, start, eta, steps), Trajectory.run(SamMap.sam(f, rho), start, eta, steps));
    }

    /**
     * The GD and SAM paths over sharp-flat's contours.
     *
     * @param runs {GD, SAM}, as {@link #sharpFlatRuns()} returns them
     * @return the figure "sharp-flat-paths"
     * @throws IndexOutOfBoundsException if {@code runs} has fewer than 2 entries
     * @throws IllegalArgumentException  if a path has an infinite coordinate
     */
    public static Figure sharpFlatPaths(List<Trajectory> runs) {
        SampledGrid g = SampledGrid.sample(Landscapes.sharpFlat(), -0.5, 2.8, 166, -0.6, 0.6, 121);
        return PlaneFigure.builder("sharp-flat-paths")
                .title("From one start: GD stays sharp, SAM goes flat")
                .axes("x₁", "x₂").equalAspect(false)
                .contour(g, ContourLevels.linear(-0.95, -0.05, 7)).backdrop(g)
                .trajectory("GD", Arrays.asList(runs.get(0).points()))
                .trajectory("SAM", Arrays.asList(runs.get(1).points())).build();
    }

    /** The two fields −∇f(x⁺) (what SAM follows) and −∇f^SAM(x) on the anisotropic landscape, ρ = 0.5. */
    public static Figure mismatchField(boolean fast) {
        return mismatchField(MISMATCH_RHO, fast);
    }

    /**
     * {@link #mismatchField(boolean)} at radius ρ.
     *
     * @throws IllegalArgumentException if {@code rho} is not a finite number &gt; 0
     */
    public static Figure mismatchField(double rho, boolean fast) {
        Objective f = Landscapes.anisotropic(1);
        SamMap map = SamMap.sam(f, rho);
        int n = fast ? 61 : 121;
        SampledGrid g = SampledGrid.sample(f, -2, 2, n, -2, 2, n);
        QuiverField follows = QuiverField.sample((x, y) -> negate(f.gradient(map.perturbed(new double[] {x, y}))), -1.9, 1.9, 13, -1.9, 1.9, 13);
        QuiverField descends = QuiverField.sample((x, y) -> negate(Surrogate.gradient(map, new double[] {x, y})), -1.9, 1.9, 13, -1.9, 1.9, 13);
        return PlaneFigure.builder("anisotropic-mismatch")
                .title("SAM follows −∇f(x⁺), not −∇" + Picture.SURROGATE_SYMBOL + "(x) (ρ = " + rho + ")")
                .axes("x₁", "x₂").contour(g, ContourLevels.logSpaced(g, 6, 3))
                .quiver("−∇f(x⁺) (SAM)", follows).quiver("−∇" + Picture.SURROGATE_SYMBOL + "(x)", descends).build();
    }

    private static double[] negate(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) o[i] = -v[i];
        return o;
    }

    /**
     * Rest points of the quartic for ρ from 0.05 to 2.5 at η = 0.05.
     *
     * @param progress receives one unit per ρ ({@link Bifurcation#sweep})
     */
    public static Bifurcation quarticSweep(SamVariant variant, boolean fast, ProgressSink progress) {
        return quarticSweep(variant, ETA, fast ? 50 : 246, fast ? 100 : 400, progress);
    }

    /**
     * Rest points of the quartic for {@code nRho} radii from 0.05 to 2.5 at step η, {@code seeds} finder seeds.
     *
     * @param progress receives one unit per ρ ({@link Bifurcation#sweep}); a notebook passes {@code Course.progress()}
     * @throws IllegalArgumentException if {@code eta} is not a finite number &gt; 0, {@code nRho < 1}, or
     *     {@code seeds} is outside 1..1,000,000
     */
    public static Bifurcation quarticSweep(SamVariant variant, double eta, int nRho, int seeds, ProgressSink progress) {
        return Bifurcation.sweep(Landscapes.quartic(), variant, SamMap.DEFAULT_EPS,
                Grid.linspace(0.05, 2.5, nRho), eta, RestPointSearch.DEFAULT.withSeeds(seeds), progress);
    }

    /**
     * Every rest point x against ρ, by kind and stability, with the thresholds ρ = d = 1 and ρ = d + r = 2
     * of notebook 02, Theorem 1 (not drawn for USAM).
     *
     * @param name  the figure's name (lower-case letters and digits in dash-separated words)
     * @param sweep a sweep of the quartic
     * @return the figure
     * @throws IllegalArgumentException if {@code name} is not of that form or the sweep found no rest point
     * @throws IndexOutOfBoundsException if the sweep has no ρ
     */
    public static Figure bifurcationFigure(String name, Bifurcation sweep) {
        String variant = sweep.found().get(0).map().variant().label();
        BifurcationFigure.Builder b = BifurcationFigure.fromTable(name, sweep.toTable(), "rho", "x1", "kind", "attracting")
                .title("Quartic (" + variant + "): rest points x against ρ at η = " + sweep.found().get(0).eta())
                .axes("ρ", "rest point x");
        if (sweep.found().get(0).map().variant() != SamVariant.USAM) b.threshold("ρ = d = 1", 1).threshold("ρ = d + r = 2", 2);
        return b.build();
    }

    /** Basins of SAM on the ring at ρ = 1.5, η = 0.05 over [−2, 2]²; one progress unit per start. */
    public static BasinsByKind ringBasins(boolean fast, ProgressSink progress) {
        return ringBasins(1.5, fast, progress);
    }

    /**
     * Basins of SAM on the ring at radius ρ, η = 0.05 over [−2, 2]².
     *
     * @throws IllegalArgumentException if {@code rho} is not a finite number &gt; 0
     */
    public static BasinsByKind ringBasins(double rho, boolean fast, ProgressSink progress) {
        return ringBasins(rho, ETA, fast ? 41 : 161, fast ? 600 : 1500, progress);
    }

    /**
     * Basins of SAM on the ring at radius ρ, step η over [−2, 2]², n × n starts, at most {@code steps} steps each.
     *
     * @param progress receives one unit per start ({@link BasinMap#compute}); a notebook passes {@code Course.progress()}
     * @throws IllegalArgumentException if {@code rho} or {@code eta} is not a finite number &gt; 0, {@code n} is outside 1..20,000 or
     *     {@code steps} outside 1..10,000,000
     */
    public static BasinsByKind ringBasins(double rho, double eta, int n, int steps, ProgressSink progress) {
        return BasinsByKind.of(BasinMap.compute(SamMap.sam(Landscapes.ring(), rho), BasinConfig.square(2, n, eta, steps), progress));
    }

    /** Basins of SAM on the anisotropic landscape (a = 1) at ρ = 1.5, η = 0.05 over [−2, 2]²; one progress unit per start. */
    public static BasinsByKind anisotropicBasins(boolean fast, ProgressSink progress) {
        return anisotropicBasins(1.5, ETA, fast ? 41 : 161, fast ? 600 : 1500, progress);
    }

    /**
     * Basins of SAM on the anisotropic landscape (a = 1) at radius ρ, step η over [−2, 2]², n × n starts.
     *
     * @param progress receives one unit per start ({@link BasinMap#compute}); a notebook passes {@code Course.progress()}
     * @throws IllegalArgumentException if {@code rho} or {@code eta} is not a finite number &gt; 0, {@code n} is outside 1..20,000 or
     *     {@code steps} outside 1..10,000,000
     */
    public static BasinsByKind anisotropicBasins(double rho, double eta, int n, int steps, ProgressSink progress) {
        return BasinsByKind.of(BasinMap.compute(SamMap.sam(Landscapes.anisotropic(1), rho), BasinConfig.square(2, n, eta, steps),
                progress));
    }

    /** Labels of {@link #endLoss}. */
    public static final List<String> END_LOSS_LABELS = List.of("ends at low loss (f < 0.1)", "ends at high loss (f > 0.5)",
            "ends in between", BasinMap.DIVERGED);

    /**
     * Where SAM is after a fixed number of steps, by the loss there: for maps where most starts never
     * settle (e.g. SAM bouncing around a minimizer set, or around a maximizer).
     *
     * @param map the SAM map, dimension 1 or 2
     * @param cfg the starts and the step budget
     * @param progress receives one unit per start ({@link BasinMap#endpoints})
     * @return the map with the labels {@link #END_LOSS_LABELS}
     * @throws IllegalArgumentException if the map's dimension is above 2
     */
    public static BasinsByKind endLoss(SamMap map, BasinConfig cfg, ProgressSink progress) {
        double[][][] end = BasinMap.endpoints(map, cfg, progress);
        int[][] out = new int[end.length][];
        for (int iy = 0; iy < end.length; iy++) {
            out[iy] = new int[end[iy].length];
            for (int ix = 0; ix < end[iy].length; ix++) {
                double[] x = end[iy][ix];
                double f = map.objective().value(x);
                boolean diverged = !Double.isFinite(f) || Trajectory.diverged(x);
                out[iy][ix] = diverged ? 3 : f < 0.1 ? 0 : f > 0.5 ? 1 : 2;
            }
        }
        return new BasinsByKind(cfg.xs(), cfg.ys(), out, END_LOSS_LABELS);
    }

    /** The ring at ρ = 0.5 (below d = 1), η = 0.05: the loss where SAM is after the step budget. */
    public static BasinsByKind ringEndLossSmallRho(boolean fast, ProgressSink progress) {
        return ringEndLoss(0.5, ETA, fast ? 41 : 161, fast ? 600 : 1500, progress);
    }

    /**
     * The ring at radius ρ, step η over [−2, 2]², n × n starts: the loss where SAM is after {@code steps} steps.
     *
     * @param progress receives one unit per start; a notebook passes {@code Course.progress()}
     * @throws IllegalArgumentException if {@code rho} or {@code eta} is not a finite number &gt; 0, {@code n} is outside 1..20,000 or
     *     {@code steps} outside 1..10,000,000
     */
    public static BasinsByKind ringEndLoss(double rho, double eta, int n, int steps, ProgressSink progress) {
        return endLoss(SamMap.sam(Landscapes.ring(), rho), BasinConfig.square(2, n, eta, steps), progress);
    }

    /**
     * A basin map with the maximizer (or saddle) at the origin marked; diverged starts drawn faintly.
     *
     * @throws IllegalArgumentException if {@code name} is not lower-case letters and digits in
     *     dash-separated words, the map has more than 6 labels or fewer than 2 starts per axis, or
     *     every outcome is −1
     */
    public static Figure basinFigure(String name, BasinsByKind basins, String title) {
        BasinMapFigure.Builder b = BasinMapFigure.builder(name, basins.xs(), basins.ys(), basins.outcome(), basins.labels())
                .title(title).points("maximizer / saddle", List.of(new double[] {0, 0}), Mark.CROSS);
        if (basins.labels().contains(BasinMap.DIVERGED)) b.faint(BasinMap.DIVERGED);
        return b.build();
    }

    /** Where hallucinated minimizers of the anisotropic landscape exist and attract, η ∈ [0.02, 0.4], ρ ∈ [0.5, 2.5]. */
    public static AttractionRegion anisotropicRegion(boolean fast, ProgressSink progress) {
        return anisotropicRegion(fast ? 20 : 39, fast ? 21 : 41, fast ? 100 : 400, progress);
    }

    /**
     * {@link #anisotropicRegion(boolean, ProgressSink)} with nEta × nRho cells and {@code seeds} finder seeds per ρ.
     *
     * @param progress receives one unit per ρ ({@link AttractionRegion#compute}); a notebook passes {@code Course.progress()}
     * @throws IllegalArgumentException if {@code nEta} or {@code nRho} is &lt; 1, or {@code seeds} is
     *     outside 1..1,000,000
     */
    public static AttractionRegion anisotropicRegion(int nEta, int nRho, int seeds, ProgressSink progress) {
        return AttractionRegion.compute(Landscapes.anisotropic(1), SamVariant.SAM, SamMap.DEFAULT_EPS,
                Grid.linspace(0.02, 0.4, nEta), Grid.linspace(0.5, 2.5, nRho), RestPointSearch.DEFAULT.withSeeds(seeds),
                progress);
    }

    /** Outcome labels of {@link #regionFigure}. */
    public static final List<String> REGION_LABELS = List.of("no hallucinated minimizer", "hallucinated minimizers repel",
            "hallucinated minimizers attract");

    /**
     * The (η, ρ) plane painted by {@link #REGION_LABELS}.
     *
     * @return out[iρ][iη]: 0, 1 or 2, an index into {@link #REGION_LABELS}, for the sorted distinct ρ and η
     */
    public static int[][] regionOutcome(AttractionRegion region) {
        double[] etas = region.cells().stream().mapToDouble(AttractionRegion.Cell::eta).distinct().sorted().toArray();
        double[] rhos = region.cells().stream().mapToDouble(AttractionRegion.Cell::rho).distinct().sorted().toArray();
        int[][] out = new int[rhos.length][etas.length];
        for (AttractionRegion.Cell c : region.cells()) {
            int o = c.hallucinatedMinimizers() == 0 ? 0 : c.attracting() > 0 ? 2 : 1;
            out[Arrays.binarySearch(rhos, c.rho())][Arrays.binarySearch(etas, c.eta())] = o;
        }
        return out;
    }

    /**
     * The region as a map over the (η, ρ) plane.
     *
     * @throws IllegalArgumentException if the region has fewer than 2 distinct η or ρ
     */
    public static Figure regionFigure(AttractionRegion region) {
        double[] etas = region.cells().stream().mapToDouble(AttractionRegion.Cell::eta).distinct().sorted().toArray();
        double[] rhos = region.cells().stream().mapToDouble(AttractionRegion.Cell::rho).distinct().sorted().toArray();
        return BasinMapFigure.builder("anisotropic-eta-rho", etas, rhos, regionOutcome(region), REGION_LABELS)
                .title("Where hallucinated minimizers attract")
                .axes("step size η", "radius ρ").build();
    }
}
