package samlab.landscape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import samlab.Tabular;
import samlab.progress.Progress;
import samlab.progress.ProgressSink;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Where SAM goes from each start of a grid: the basins of attraction of its rest points.
 *
 * <p>Outcome labels: one per isolated rest point ("hallucinated_minimizer (0.5, 0)"), one per kind
 * of manifold of rest points ("hallucinated_minimizer set"), then {@code unmatched} (the step fell
 * below {@link Trajectory#STEP_TOLERANCE} away from every listed rest point, e.g. on a flat plateau),
 * {@code diverged} and {@code not_converged} (budget spent: e.g. SAM bouncing around a true minimizer).
 *
 * @param outcome      outcome[iy][ix] indexes {@code outcomeLabels}
 * @param totalSteps   SAM steps taken over all starts (for throughput)
 */
public record BasinMap(double[] xs, double[] ys, int[][] outcome, List<String> outcomeLabels, long totalSteps,
                       double seconds) implements Tabular {
    public static final String UNMATCHED = "unmatched";
    public static final String DIVERGED = "diverged";
    public static final String NOT_CONVERGED = "not_converged";

    /**
     * Starts iterated together, one step each in turn: a single start's steps form one long
     * dependency chain (sqrt, division); interleaving independent starts lets the CPU overlap
     * them (measured 2.9x single-thread on the ring, blocks of 4 to 64 alike).
     */
    static final int BLOCK = 16;

    /**
     * Lanes of the fast path ({@link SamLanes}): enough for the JIT's vector loops to pay off, few
     * enough that a row's working arrays (4d + 3 doubles per lane: 22 KB for d = 2) stay in the L1/L2 cache.
     */
    static final int LANES = 256;

    /** Distance (relative to 1 + ‖x‖) within which a converged start is attributed to an isolated rest point. */
    static final double MATCH_DISTANCE = 1e-4;
    /**
     * ‖∇f(x)‖ at or below this: a converged start lies on a manifold of critical points. Looser than
     * {@link RestPointFinder#CRITICAL_GRADIENT}, which judges Newton-polished roots: an iterate stops
     * once its step is below {@link Trajectory#STEP_TOLERANCE}, which leaves ∇f(x) itself only
     * approximately zero.
     */
    static final double ENDPOINT_CRITICAL_GRADIENT = 1e-6;
    /**
     * A singular image this close to a sampled manifold of critical points takes that sample's image
     * type (the manifold samples are {@link RestPointSearch#manifoldSpacing()} = 0.1 apart by default).
     */
    static final double MANIFOLD_SAMPLE_REACH = 0.25;

    public BasinMap {
        outcomeLabels = List.copyOf(outcomeLabels);
    }

    /**
     * Computes the map against {@link #restPoints} with the default search, reporting no progress.
     *
     * @throws IllegalArgumentException if the dimension is above 2, or 1 with cfg.ny() != 1
     */
    public static BasinMap compute(SamMap map, BasinConfig cfg) {
        return compute(map, cfg, ProgressSink.silent());
    }

    /**
     * Computes the map against {@link #restPoints} with the default search.
     *
     * @param progress receives one unit per start, labelled "basins"
     * @throws IllegalArgumentException if the dimension is above 2, or 1 with cfg.ny() != 1
     */
    public static BasinMap compute(SamMap map, BasinConfig cfg, ProgressSink progress) {
        return compute(map, cfg, restPoints(map, cfg, RestPointSearch.DEFAULT), progress);
    }

    /**
     * The rest points that label a basin map: the finder's seeds over the search box widened to
     * cover the grid, plus as many again over that box widened by ρ ({@link RestPointFinder#find(double, double)}).
     * Every rest point lies ρ from its image x⁺, so starts may end outside the grid; seeding only the
     * widened box (as before) spread the same seeds ever thinner as ρ grew and lost the ring's
     * maximizer at ρ = 10 and the quartic's at ρ = 1000.
     */
    public static RestPoints restPoints(SamMap map, BasinConfig cfg, RestPointSearch search) {
        double half = Math.max(Math.abs(cfg.xmin()), Math.abs(cfg.xmax()));
        if (map.dimension() > 1) half = Math.max(half, Math.max(Math.abs(cfg.ymin()), Math.abs(cfg.ymax())));
        RestPointSearch near = search.withBox(Math.max(search.box(), half));
        return new RestPointFinder(map, near).find(cfg.eta(), near.box() + map.rho());
    }

    /**
     * {@link #compute(SamMap, BasinConfig, RestPoints, ProgressSink)} reporting no progress.
     *
     * @throws IllegalArgumentException if the dimension is above 2, or 1 with cfg.ny() != 1
     */
    public static BasinMap compute(SamMap map, BasinConfig cfg, RestPoints rest) {
        return compute(map, cfg, rest, ProgressSink.silent());
    }

    /**
     * Computes the map against known rest points, in parallel over rows.
     * Normalised SAM runs on {@link SamLanes} (a row's starts as lanes; a lane that is done takes the
     * row's next start), other variants one start at a time; the outcomes and step counts are the same.
     *
     * @param progress receives one unit per start, labelled "basins" (called from the worker threads)
     * @throws IllegalArgumentException if the dimension is above 2, or 1 with cfg.ny() != 1
     */
    public static BasinMap compute(SamMap map, BasinConfig cfg, RestPoints rest, ProgressSink progress) {
        return compute(map, cfg, rest, SamLanes.applies(map), progress);
    }

    /** {@link #compute(SamMap, BasinConfig, RestPoints)} on lanes or one start at a time (tests compare the two). */
    static BasinMap compute(SamMap map, BasinConfig cfg, RestPoints rest, boolean onLanes) {
        return compute(map, cfg, rest, onLanes, ProgressSink.silent());
    }

    private static BasinMap compute(SamMap map, BasinConfig cfg, RestPoints rest, boolean onLanes, ProgressSink sink) {
        int d = checkDimension(map, cfg);
        Labels labels = new Labels(rest);
        double[] xs = cfg.xs();
        double[] ys = d == 1 ? new double[] {0} : cfg.ys();
        int[][] outcome = new int[ys.length][xs.length];
        LongAdder steps = new LongAdder();
        RestPointFinder classifier = new RestPointFinder(map);
        long t0 = System.nanoTime();
        try (Progress progress = sink.start("basins", (long) xs.length * ys.length)) {
            IntStream.range(0, ys.length).parallel().forEach(iy -> {
                int[] row = outcome[iy];
                java.util.Arrays.fill(row, labels.notConverged);
                double[] start = new double[d];
                if (d == 2) start[1] = ys[iy];
                long rowSteps = onLanes
                        ? rowOnLanes(map, cfg, xs, start, row, labels, classifier)
                        : rowPointwise(map, cfg, xs, start, row, labels, classifier);
                steps.add(rowSteps);
                progress.advance(xs.length);
            });
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        return new BasinMap(xs, ys, outcome, labels.names, steps.sum(), secs);
    }

    /** Squared step-norm bound: converged once η‖∇f(x⁺)‖ ≤ {@link Trajectory#STEP_TOLERANCE}. */
    private static double convergedNorm2(double eta) {
        return Trajectory.STEP_TOLERANCE * Trajectory.STEP_TOLERANCE / (eta * eta);
    }

    /** One row on lanes; returns the steps taken. */
    private static long rowOnLanes(SamMap map, BasinConfig cfg, double[] xs, double[] start, int[] row, Labels labels,
                                   RestPointFinder classifier) {
        int d = start.length;
        SamLanes lanes = new SamLanes(map, Math.min(LANES, xs.length));
        int[] startOf = new int[LANES];
        int[] iters = new int[LANES];
        double eta = cfg.eta();
        double tol2 = convergedNorm2(eta);
        int next = 0;
        int m = 0;
        while (m < LANES && next < xs.length) {
            load(lanes, m, start, xs[next]);
            startOf[m] = next++;
            iters[m++] = 0;
        }
        long rowSteps = 0;
        while (m > 0) {
            lanes.step(m, eta);
            rowSteps += m;
            for (int j = 0; j < m; j++) {
                iters[j]++;
                int o;
                if (lanes.diverged(j)) o = labels.diverged;
                else if (lanes.stepNorm2[j] <= tol2) o = labels.classify(classifier, lanes.point(j), eta);
                else if (iters[j] >= cfg.maxIterations()) o = labels.notConverged;
                else continue;
                row[startOf[j]] = o;
                // the lane is done: the next start takes it, or the last lane moves in
                if (next < xs.length) {
                    load(lanes, j, start, xs[next]);
                    startOf[j] = next++;
                    iters[j] = 0;
                } else {
                    m--;
                    if (j < m) {
                        lanes.move(m, j);
                        startOf[j] = startOf[m];
                        iters[j] = iters[m];
                        lanes.stepNorm2[j] = lanes.stepNorm2[m];
                        j--; // look at the moved lane's last step too
                    }
                }
            }
        }
        return rowSteps;
    }

    private static void load(SamLanes lanes, int j, double[] start, double x) {
        lanes.x[0][j] = x;
        for (int i = 1; i < start.length; i++) lanes.x[i][j] = start[i];
    }

    /** One row one start at a time, for any variant; returns the steps taken. */
    private static long rowPointwise(SamMap map, BasinConfig cfg, double[] xs, double[] start, int[] row, Labels labels,
                                     RestPointFinder classifier) {
        int d = start.length;
        SamMap.Workspace ws = map.workspace();
        double eta = cfg.eta();
        double tol2 = convergedNorm2(eta);
        long rowSteps = 0;
        double[][] pts = new double[BLOCK][d];
        boolean[] done = new boolean[BLOCK];
        for (int ix0 = 0; ix0 < xs.length; ix0 += BLOCK) {
            int m = Math.min(BLOCK, xs.length - ix0);
            for (int j = 0; j < m; j++) {
                System.arraycopy(start, 0, pts[j], 0, d);
                pts[j][0] = xs[ix0 + j];
                done[j] = false;
            }
            int active = m;
            // one step for each start of the block in turn: independent chains the CPU overlaps
            for (int k = 0; k < cfg.maxIterations() && active > 0; k++) {
                for (int j = 0; j < m; j++) {
                    if (done[j]) continue;
                    double[] x = pts[j];
                    double n2 = map.step(x, eta, x, ws);
                    rowSteps++;
                    if (Trajectory.diverged(x)) {
                        row[ix0 + j] = labels.diverged;
                    } else if (n2 <= tol2) {
                        row[ix0 + j] = labels.classify(classifier, x, eta);
                    } else {
                        continue;
                    }
                    done[j] = true;
                    active--;
                }
            }
        }
        return rowSteps;
    }

    private static int checkDimension(SamMap map, BasinConfig cfg) {
        int d = map.dimension();
        if (d > 2) throw new IllegalArgumentException("basin maps need dimension 1 or 2; got " + d);
        if (d == 1 && cfg.ny() != 1) throw new IllegalArgumentException("a 1-D landscape needs ny = 1; got " + cfg.ny());
        return d;
    }

    /**
     * Where each start of the grid is after exactly {@code cfg.maxIterations()} SAM steps, with no
     * early exit and no classification: the plain computation, for benchmarks against array code
     * and for "where are the iterates after k steps" figures. Returns end[iy][ix][coordinate].
     * Normalised SAM runs on lanes ({@link SamLanes}), bit for bit as {@link #endpointsPointwise}.
     *
     * @param progress receives one unit per start, labelled "SAM steps"
     * @throws IllegalArgumentException if the dimension is above 2
     */
    public static double[][][] endpoints(SamMap map, BasinConfig cfg, ProgressSink progress) {
        return endpoints(map, cfg, SamLanes.applies(map), progress);
    }

    /**
     * {@link #endpoints(SamMap, BasinConfig, ProgressSink)} reporting no progress.
     *
     * @throws IllegalArgumentException if the dimension is above 2
     */
    public static double[][][] endpoints(SamMap map, BasinConfig cfg) {
        return endpoints(map, cfg, ProgressSink.silent());
    }

    /**
     * {@link #endpoints} one start at a time through {@link SamMap#step} (the general path, any
     * variant): the reference the lanes must match bit for bit, and the "before" of
     * {@code samlab bench basins}.
     *
     * @param progress receives one unit per start, labelled "SAM steps"
     * @throws IllegalArgumentException if the dimension is above 2
     */
    public static double[][][] endpointsPointwise(SamMap map, BasinConfig cfg, ProgressSink progress) {
        return endpoints(map, cfg, false, progress);
    }

    /**
     * {@link #endpointsPointwise(SamMap, BasinConfig, ProgressSink)} reporting no progress.
     *
     * @throws IllegalArgumentException if the dimension is above 2
     */
    public static double[][][] endpointsPointwise(SamMap map, BasinConfig cfg) {
        return endpointsPointwise(map, cfg, ProgressSink.silent());
    }

    private static double[][][] endpoints(SamMap map, BasinConfig cfg, boolean onLanes, ProgressSink sink) {
        int d = map.dimension();
        if (d > 2) throw new IllegalArgumentException("basin maps need dimension 1 or 2; got " + d);
        double[] xs = cfg.xs();
        double[] ys = d == 1 ? new double[] {0} : cfg.ys();
        double[][][] end = new double[ys.length][xs.length][d];
        double eta = cfg.eta();
        int iters = cfg.maxIterations();
        try (Progress progress = sink.start("SAM steps", (long) xs.length * ys.length)) {
            IntStream.range(0, ys.length).parallel().forEach(iy -> {
                double[][] row = end[iy];
                for (int ix = 0; ix < xs.length; ix++) {
                    row[ix][0] = xs[ix];
                    if (d == 2) row[ix][1] = ys[iy];
                }
                if (onLanes) {
                    SamLanes lanes = new SamLanes(map, Math.min(LANES, xs.length));
                    for (int ix0 = 0; ix0 < xs.length; ix0 += LANES) {
                        int m = Math.min(LANES, xs.length - ix0);
                        for (int j = 0; j < m; j++) for (int i = 0; i < d; i++) lanes.x[i][j] = row[ix0 + j][i];
                        for (int k = 0; k < iters; k++) lanes.step(m, eta);
                        for (int j = 0; j < m; j++) for (int i = 0; i < d; i++) row[ix0 + j][i] = lanes.x[i][j];
                    }
                } else {
                    SamMap.Workspace ws = map.workspace();
                    for (int ix0 = 0; ix0 < xs.length; ix0 += BLOCK) {
                        int m = Math.min(BLOCK, xs.length - ix0);
                        // interleave the starts of a block: their step chains are independent
                        for (int k = 0; k < iters; k++) {
                            for (int j = ix0; j < ix0 + m; j++) map.step(row[j], eta, row[j], ws);
                        }
                    }
                }
                progress.advance(xs.length);
            });
        }
        return end;
    }

    /** SAM steps per second over the whole computation. */
    public double stepsPerSecond() {
        return totalSteps / seconds;
    }

    /** How many starts ended with each label. */
    public Map<String, Integer> counts() {
        int[] c = new int[outcomeLabels.size()];
        for (int[] row : outcome) for (int o : row) c[o]++;
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < c.length; i++) m.put(outcomeLabels.get(i), c[i]);
        return m;
    }

    /** One row per start: x, y, outcome (index), label. */
    @Override
    public Table toTable() {
        int n = xs.length * ys.length;
        double[] cx = new double[n], cy = new double[n];
        int[] co = new int[n];
        String[] cl = new String[n];
        int r = 0;
        for (int iy = 0; iy < ys.length; iy++) {
            for (int ix = 0; ix < xs.length; ix++, r++) {
                cx[r] = xs[ix];
                cy[r] = ys[iy];
                co[r] = outcome[iy][ix];
                cl[r] = outcomeLabels.get(co[r]);
            }
        }
        return Table.create("SAM basins").addColumns(DoubleColumn.create("x", cx), DoubleColumn.create("y", cy),
                IntColumn.create("outcome", co), StringColumn.create("label", cl));
    }

    /** The label list and the attribution of a converged point. */
    private static final class Labels {
        final List<String> names = new ArrayList<>();
        final List<RestPoint> isolated = new ArrayList<>();
        final List<Integer> isolatedLabel = new ArrayList<>();
        final Map<RestPoint.Kind, Integer> sets = new LinkedHashMap<>();
        final List<RestPoint> criticalOnManifolds = new ArrayList<>();
        final int unmatched, diverged, notConverged;

        Labels(RestPoints rest) {
            for (RestPoint p : rest.points()) {
                if (p.kind() == RestPoint.Kind.CRITICAL && p.marginal()) criticalOnManifolds.add(p);
                if (p.marginal()) {
                    if (!sets.containsKey(p.kind())) {
                        sets.put(p.kind(), names.size());
                        names.add(p.kind().label() + " set");
                    }
                } else {
                    isolated.add(p);
                    isolatedLabel.add(names.size());
                    StringBuilder sb = new StringBuilder(p.kind().label()).append(" (");
                    double[] x = p.x();
                    for (int i = 0; i < x.length; i++) {
                        sb.append(i > 0 ? ", " : "").append(coordinate(x[i]));
                    }
                    names.add(sb.append(')').toString());
                }
            }
            unmatched = names.size();
            names.add(UNMATCHED);
            diverged = names.size();
            names.add(DIVERGED);
            notConverged = names.size();
            names.add(NOT_CONVERGED);
        }

        /**
         * A singular semidefinite image: as the nearest sample of a manifold of critical points
         * when one is close (sampling f around every image would dominate the basin map's time),
         * else by sampling.
         */
        RestPoint.ImageType singularType(Objective f, double[] image) {
            RestPoint best = null;
            double bd = Double.POSITIVE_INFINITY;
            for (RestPoint c : criticalOnManifolds) {
                double dd = Vectors.dist(c.x(), image);
                if (dd < bd) { bd = dd; best = c; }
            }
            return best != null && bd <= MANIFOLD_SAMPLE_REACH ? best.imageType() : RestPointFinder.imageType(f, image);
        }

        /** Four significant digits without trailing zeros: 0.5, -1, 0.3333. */
        static String coordinate(double v) {
            if (Math.abs(v) < 1e-9) return "0";
            return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
        }

        int classify(RestPointFinder classifier, double[] x, double eta) {
            double best = Double.POSITIVE_INFINITY;
            int bestLabel = -1;
            for (int i = 0; i < isolated.size(); i++) {
                double dd = Vectors.dist(isolated.get(i).x(), x);
                if (dd < best) { best = dd; bestLabel = isolatedLabel.get(i); }
            }
            if (best <= MATCH_DISTANCE * (1 + Vectors.norm(x))) return bestLabel;
            if (!sets.isEmpty()) {
                // attribution to a manifold: critical if ∇f ≈ 0, else by what f has at the image
                SamMap map = classifier.map();
                double[] g = map.objective().gradient(x);
                RestPoint.Kind kind;
                if (Vectors.norm(g) <= ENDPOINT_CRITICAL_GRADIENT) {
                    kind = RestPoint.Kind.CRITICAL;
                } else {
                    double[] image = map.perturbed(x);
                    RestPoint.ImageType type = RestPointFinder.hessianType(map.objective(), image);
                    if (type == null) type = singularType(map.objective(), image);
                    kind = type.isMinimizer() ? RestPoint.Kind.HALLUCINATED_MINIMIZER : RestPoint.Kind.HALLUCINATED_OTHER;
                }
                Integer s = sets.get(kind);
                if (s != null) return s;
            }
            return unmatched;
        }
    }
}
