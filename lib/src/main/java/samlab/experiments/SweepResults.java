package samlab.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import samlab.train.Diagnostics;
import samlab.train.GeometricDecay;
import samlab.train.Divergence;
import samlab.train.HallucinationCheck;
import samlab.train.TrainResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The epoch tables of a set of runs (as written by {@code samlab train}/{@code sweep}, or
 * {@code TrainResult.toTable()}), keyed by run name, with the two views the notebooks need: one
 * summary row per run (final numbers and the hallucination verdict) and one column per run for a
 * chosen quantity over epochs (for curves).
 */
public final class SweepResults {
    /** Verdict rule of {@link HallucinationCheck}: ‖∇L(w⁺)‖/‖∇L(w)‖ at most this... */
    public static final double RATIO_THRESHOLD = HallucinationCheck.Thresholds.DEFAULT.ratio();
    /** ...while ‖∇L(w)‖ is above this (else w is near a true critical point). */
    public static final double MIN_GRADIENT_NORM = HallucinationCheck.Thresholds.DEFAULT.minGradientNorm();
    /** The decay rate of ‖∇L(w⁺)‖ is fitted over this many of the last diagnostics rows. */
    public static final int DECAY_WINDOW = 10;

    private final Map<String, Table> runs;

    private SweepResults(Map<String, Table> runs) {
        if (runs.isEmpty()) throw new IllegalArgumentException("no runs");
        this.runs = runs;
    }

    /**
     * Runs given as tables (e.g. fresh {@code TrainResult.toTable()}), in the given order.
     *
     * @param runs run name → epoch table (not copied)
     * @return the results
     * @throws IllegalArgumentException if {@code runs} is empty or a table lacks one of the columns
     *     epoch, train_loss, grad_norm, grad_norm_perturbed, grad_ratio, rho, sam_active
     */
    public static SweepResults of(Map<String, Table> runs) {
        Map<String, Table> copy = new LinkedHashMap<>();
        runs.forEach((name, t) -> {
            requireColumns(name, t);
            copy.put(name, t);
        });
        return new SweepResults(copy);
    }

    /**
     * Every run CSV in {@code dir} (not the {@code -steps.csv} files nor {@code summary.csv}), ordered
     * by optimizer, then by ρ as a number. Runs are named by their file name without {@code .csv}.
     *
     * @param dir a folder of run tables written by {@code TrainResult.writeCsv}
     * @return the results
     * @throws IllegalArgumentException if {@code dir} is not a folder, holds no run table, or a table
     *     lacks one of the columns epoch, train_loss, grad_norm, grad_norm_perturbed, grad_ratio, rho, sam_active
     * @throws UncheckedIOException     if {@code dir} cannot be listed
     */
    public static SweepResults load(Path dir) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("results folder " + dir + " does not exist");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".csv") && !n.endsWith("-steps.csv") && !n.equals("summary.csv");
            }).sorted(java.util.Comparator.comparing((Path p) -> runOrder(p.getFileName().toString()))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (files.isEmpty()) throw new IllegalArgumentException("no run tables (*.csv) in " + dir);
        Map<String, Table> runs = new LinkedHashMap<>();
        for (Path f : files) {
            String n = f.getFileName().toString();
            Table t = TrainResult.readCsv(f);
            requireColumns(n, t);
            runs.put(n.substring(0, n.length() - 4), t);
        }
        return new SweepResults(runs);
    }

    private static void requireColumns(String name, Table t) {
        for (String c : List.of("epoch", "train_loss", "grad_norm", "grad_norm_perturbed", "grad_ratio", "rho", "sam_active")) {
            if (!t.columnNames().contains(c)) throw new IllegalArgumentException("run table " + name + " has no column '" + c + "'");
        }
    }

    /** @return the run names, in order */
    public List<String> names() {
        return List.copyOf(runs.keySet());
    }

    /**
     * The epoch table of one run.
     *
     * @param name a run name ({@link #names()})
     * @return its table (not a copy)
     * @throws IllegalArgumentException if there is no run {@code name}
     */
    public Table run(String name) {
        Table t = runs.get(name);
        if (t == null) throw new IllegalArgumentException("no run '" + name + "'; runs: " + runs.keySet());
        return t;
    }

    /**
     * Every run cut after epoch {@code lastEpoch} (rows with epoch ≤ lastEpoch), so that
     * {@link #summary()} reports the runs as they stood then: a 600-step run read at step 400 equals a
     * 400-step run when the schedule does not depend on the run length (full batch, constant lr and ρ).
     *
     * @param lastEpoch the last epoch kept (0-based)
     * @return the cut results
     * @throws IllegalArgumentException if a run has no row up to that epoch
     */
    public SweepResults upTo(int lastEpoch) {
        Map<String, Table> m = new LinkedHashMap<>();
        runs.forEach((n, t) -> {
            Table cut = t.where(((NumericColumn<?>) t.column("epoch")).isLessThanOrEqualTo(lastEpoch));
            if (cut.rowCount() == 0) throw new IllegalArgumentException("run " + n + " has no epoch <= " + lastEpoch);
            m.put(n, cut);
        });
        return new SweepResults(m);
    }

    /**
     * Only the runs whose name satisfies {@code keep}.
     *
     * @param keep the test on run names
     * @return the kept runs, in order
     * @throws IllegalArgumentException if no run is kept
     */
    public SweepResults filter(java.util.function.Predicate<String> keep) {
        Map<String, Table> m = new LinkedHashMap<>();
        runs.forEach((n, t) -> {
            if (keep.test(n)) m.put(n, t);
        });
        return new SweepResults(m);
    }

    /**
     * One row per run: its optimizer (the name's prefix before "-rho"), ρ (from the name "-rhoR-", the
     * sweep's ρ — the start of a ρ schedule —, else the last row's), the last row's ρ, seed (from "-seedN", NaN
     * if none), step size η (the last row's lr), the fraction of epochs without SAM (warm start), final
     * train loss, best train loss, final test accuracy, and the mechanism diagnostics: the last
     * ‖∇L(w)‖, ‖∇L(w⁺)‖, ratio, ‖w‖ and active fraction at w⁺; λ_max at the first estimate (after the
     * first epoch; NaN without Hessian estimates) and η·λ_max there; the last λ_max at w and w⁺; the
     * geometric decay rate of ‖∇L(w⁺)‖ per iteration over the last {@link #DECAY_WINDOW} diagnostics
     * rows (see {@link GeometricDecay}); and the verdict of
     * {@link HallucinationCheck#classify(Diagnostics, double, double, HallucinationCheck.Thresholds)}
     * with the default thresholds, or DIVERGED for a run that stopped at a non-finite number. Columns
     * missing from older tables give NaN (and the ratio-only verdict).
     */
    public Table summary() {
        StringColumn run = StringColumn.create("run");
        StringColumn opt = StringColumn.create("optimizer");
        DoubleColumn rho = DoubleColumn.create("rho");
        DoubleColumn finalRho = DoubleColumn.create("final_rho");
        DoubleColumn seed = DoubleColumn.create("seed");
        DoubleColumn eta = DoubleColumn.create("eta");
        DoubleColumn warm = DoubleColumn.create("warm_fraction");
        DoubleColumn loss = DoubleColumn.create("final_train_loss");
        DoubleColumn best = DoubleColumn.create("min_train_loss");
        DoubleColumn acc = DoubleColumn.create("final_test_accuracy");
        DoubleColumn g = DoubleColumn.create("grad_norm");
        DoubleColumn gp = DoubleColumn.create("grad_norm_perturbed");
        DoubleColumn ratio = DoubleColumn.create("grad_ratio");
        DoubleColumn wNorm = DoubleColumn.create("weight_norm");
        DoubleColumn activePlus = DoubleColumn.create("active_fraction_perturbed");
        DoubleColumn lambdaFirst = DoubleColumn.create("lambda_max_first");
        DoubleColumn etaLambdaFirst = DoubleColumn.create("eta_lambda_max_first");
        DoubleColumn lambdaLast = DoubleColumn.create("lambda_max");
        DoubleColumn lambdaPlusLast = DoubleColumn.create("lambda_max_perturbed");
        DoubleColumn decay = DoubleColumn.create("decay_rate");
        StringColumn verdict = StringColumn.create("verdict");
        for (var e : runs.entrySet()) {
            Table t = e.getValue();
            int last = t.rowCount() - 1;
            int d = lastDiagnosticsRow(t);
            run.append(e.getKey());
            String n = e.getKey();
            opt.append(RunName.optimizerOf(n));
            double named = rhoOf(n);
            rho.append(Double.isNaN(named) ? number(t, "rho", last) : named);
            finalRho.append(number(t, "rho", last));
            seed.append(seedOf(n));
            double lr = number(t, "lr", last);
            eta.append(lr);
            warm.append(plainFraction(t));
            loss.append(number(t, "train_loss", last));
            best.append(((NumericColumn<?>) t.column("train_loss")).min());
            acc.append(number(t, "test_accuracy", last));
            double gn = d < 0 ? Double.NaN : number(t, "grad_norm", d);
            double gpn = d < 0 ? Double.NaN : number(t, "grad_norm_perturbed", d);
            double ap = d < 0 ? Double.NaN : number(t, "active_fraction_perturbed", d);
            g.append(gn);
            gp.append(gpn);
            ratio.append(gpn / gn);
            wNorm.append(d < 0 ? Double.NaN : number(t, "weight_norm", d));
            activePlus.append(ap);
            int first = firstFiniteRow(t, "lambda_max");
            double l0 = first < 0 ? Double.NaN : number(t, "lambda_max", first);
            lambdaFirst.append(l0);
            etaLambdaFirst.append(first < 0 ? Double.NaN : l0 * number(t, "lr", first));
            int lastL = lastFiniteRow(t, "lambda_max");
            int lastLp = lastFiniteRow(t, "lambda_max_perturbed");
            double lam = lastL < 0 ? Double.NaN : number(t, "lambda_max", lastL);
            double lamPlus = lastLp < 0 ? Double.NaN : number(t, "lambda_max_perturbed", lastLp);
            lambdaLast.append(lam);
            lambdaPlusLast.append(lamPlus);
            double rate = decayRate(t);
            decay.append(rate);
            verdict.append(diverged(t) ? Divergence.STATUS.toUpperCase(java.util.Locale.ROOT) : d < 0 ? "NO_DIAGNOSTICS"
                    : HallucinationCheck.classify(new Diagnostics(Double.NaN, Double.NaN, gn, gpn, gpn / gn, Double.NaN,
                            Double.NaN, Double.NaN, Double.NaN, ap, lam, lamPlus, false, false), lr, rate, // classify reads no converged flag
                            HallucinationCheck.Thresholds.DEFAULT).name());
        }
        return Table.create("runs", run, opt, rho, finalRho, seed, eta, warm, loss, best, acc, g, gp, ratio, wNorm, activePlus,
                lambdaFirst, etaLambdaFirst, lambdaLast, lambdaPlusLast, decay, verdict);
    }

    /**
     * Geometric decay rate per iteration of ‖∇L(w⁺)‖ over the last {@link #DECAY_WINDOW} diagnostics
     * rows of a run table (NaN with fewer than 2, or without an iteration column).
     */
    public static double decayRate(Table t) {
        String time = t.columnNames().contains("iteration") ? "iteration" : "epoch";
        double[] x = new double[t.rowCount()];
        double[] y = new double[t.rowCount()];
        for (int i = 0; i < x.length; i++) {
            x[i] = number(t, time, i);
            y[i] = number(t, "grad_norm_perturbed", i);
        }
        return GeometricDecay.lastRate(x, y, DECAY_WINDOW);
    }

    /** The ρ of a run named "...-rhoR-..." as {@code samlab sweep} names it (the ρ it started with), or NaN. */
    public static double rhoOf(String run) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(".*-rho([0-9.]+(?:E-?[0-9]+)?)(-.*)?$").matcher(run);
        if (!m.matches()) return Double.NaN;
        try {
            return Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The seed N of a run named "...-seedN", or NaN. */
    public static double seedOf(String run) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(".*-seed(\\d+)$").matcher(run);
        return m.matches() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /**
     * The value of {@code column} in run {@code run} at epoch {@code epoch} (0-based), e.g. a plain run
     * of 2N steps read at step N for the equal-steps comparison.
     *
     * @throws IllegalArgumentException if the run, the column or the epoch does not exist
     */
    public double at(String run, String column, int epoch) {
        Table t = run(run);
        if (!t.columnNames().contains(column)) throw new IllegalArgumentException("no column '" + column + "' in run " + run);
        for (int i = 0; i < t.rowCount(); i++) if (number(t, "epoch", i) == epoch) return number(t, column, i);
        throw new IllegalArgumentException("run " + run + " has no epoch " + epoch + " (epochs 0.." + (t.rowCount() - 1) + ")");
    }

    /**
     * {@code column} of every run at epoch {@code epoch}: a table (run, seed, rho, value), e.g. plain
     * runs of 2N steps read at step N (equal steps) for comparison with N-step SAM runs.
     *
     * @throws IllegalArgumentException if a run lacks the column or the epoch
     */
    public Table valuesAt(String column, int epoch) {
        StringColumn run = StringColumn.create("run");
        DoubleColumn seed = DoubleColumn.create("seed");
        DoubleColumn rho = DoubleColumn.create("rho");
        DoubleColumn value = DoubleColumn.create(column);
        for (String name : runs.keySet()) {
            run.append(name);
            seed.append(seedOf(name));
            rho.append(at(name, "rho", epoch));
            value.append(at(name, column, epoch));
        }
        return Table.create(column + " at epoch " + epoch, run, seed, rho, value);
    }

    /**
     * What SAM's first {@code steps} active epochs did to each run, one row per run that switches SAM
     * on after at least one plain epoch (warm-started runs): seed, ρ, the training loss and ‖w‖ at the
     * last plain epoch, the largest training loss and ‖w‖ within the first {@code steps} SAM epochs
     * (NaN where the table has no weight_norm), and their ratios to the values before.
     */
    public Table switchOnJumps(int steps) {
        StringColumn run = StringColumn.create("run");
        DoubleColumn seed = DoubleColumn.create("seed");
        DoubleColumn rho = DoubleColumn.create("rho");
        DoubleColumn lossBefore = DoubleColumn.create("loss_before");
        DoubleColumn lossMax = DoubleColumn.create("max_loss_after");
        DoubleColumn lossRatio = DoubleColumn.create("loss_jump");
        DoubleColumn wBefore = DoubleColumn.create("weight_norm_before");
        DoubleColumn wMax = DoubleColumn.create("max_weight_norm_after");
        DoubleColumn wRatio = DoubleColumn.create("weight_norm_growth");
        for (String name : runs.keySet()) {
            Table t = aroundSwitch(name, 1, steps - 1);
            if (t.booleanColumn("sam_active").get(0)) continue; // SAM from the first epoch: nothing before
            double lb = t.doubleColumn("train_loss").getDouble(0);
            double lm = Double.NEGATIVE_INFINITY;
            double wb = t.columnNames().contains("weight_norm") ? t.doubleColumn("weight_norm").getDouble(0) : Double.NaN;
            double wm = Double.NEGATIVE_INFINITY;
            for (int i = 1; i < t.rowCount(); i++) {
                lm = Math.max(lm, t.doubleColumn("train_loss").getDouble(i));
                if (!Double.isNaN(wb)) wm = Math.max(wm, t.doubleColumn("weight_norm").getDouble(i));
            }
            run.append(name);
            seed.append(seedOf(name));
            rho.append(number(run(name), "rho", run(name).rowCount() - 1));
            lossBefore.append(lb);
            lossMax.append(lm);
            lossRatio.append(lm / lb);
            wBefore.append(wb);
            wMax.append(Double.isNaN(wb) ? Double.NaN : wm);
            wRatio.append(Double.isNaN(wb) ? Double.NaN : wm / wb);
        }
        return Table.create("the first " + steps + " SAM epochs after the warm start", run, seed, rho, lossBefore, lossMax, lossRatio,
                wBefore, wMax, wRatio);
    }

    /**
     * The rows of run {@code run} from {@code before} epochs before SAM's first active epoch to
     * {@code after} epochs after it (clipped to the run), with the columns epoch, sam_active,
     * train_loss and, where the table has them, weight_norm, grad_norm and grad_norm_perturbed: what
     * happens when SAM switches on after a warm start (or at the start).
     *
     * @throws IllegalArgumentException if the run never has SAM active
     */
    public Table aroundSwitch(String run, int before, int after) {
        Table t = run(run);
        int on = -1;
        var c = t.column("sam_active");
        for (int i = 0; i < t.rowCount() && on < 0; i++) {
            Object v = c.get(i);
            if (v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v))) on = i;
        }
        if (on < 0) throw new IllegalArgumentException("run " + run + " never switches SAM on");
        int from = Math.max(0, on - before);
        int to = Math.min(t.rowCount() - 1, on + after);
        Table out = Table.create(run + " around SAM's switch-on");
        for (String col : List.of("epoch", "train_loss", "weight_norm", "grad_norm", "grad_norm_perturbed", "active_fraction_perturbed")) {
            if (!t.columnNames().contains(col)) continue;
            double[] v = new double[to - from + 1];
            for (int i = from; i <= to; i++) v[i - from] = number(t, col, i);
            out.addColumns(DoubleColumn.create(col, v));
        }
        boolean[] active = new boolean[to - from + 1];
        for (int i = from; i <= to; i++) active[i - from] = i >= on;
        out.insertColumn(1, tech.tablesaw.api.BooleanColumn.create("sam_active", active));
        return out;
    }

    /**
     * {@code column} over epochs, one column per run, keeping the epochs at which every run has a
     * value (the diagnostics epochs for gradient norms). The first column is "epoch".
     *
     * @param column a column of the run tables, e.g. {@code grad_norm_perturbed}
     * @return "epoch", then one column per run named by the run, over the first min(rows) rows
     *     where every run's value is finite
     * @throws IllegalArgumentException if the first run's table has no column {@code column}, or two
     *     runs have different epochs in the same row (within the shortest run's rows)
     */
    public Table curves(String column) {
        List<String> names = names();
        Table first = runs.get(names.get(0));
        if (!first.columnNames().contains(column)) throw new IllegalArgumentException("no column '" + column + "' in the run tables");
        List<double[]> kept = new ArrayList<>();
        int rows = runs.values().stream().mapToInt(Table::rowCount).min().orElse(0);
        for (int i = 0; i < rows; i++) {
            double[] row = new double[names.size() + 1];
            row[0] = number(first, "epoch", i);
            boolean ok = true;
            for (int k = 0; k < names.size(); k++) {
                Table t = runs.get(names.get(k));
                if (number(t, "epoch", i) != row[0]) {
                    throw new IllegalArgumentException("runs " + names.get(0) + " and " + names.get(k) + " have different epochs at row " + i);
                }
                row[k + 1] = number(t, column, i);
                ok &= Double.isFinite(row[k + 1]);
            }
            if (ok) kept.add(row);
        }
        Table out = Table.create(column + " per run");
        for (int k = 0; k <= names.size(); k++) {
            double[] col = new double[kept.size()];
            for (int i = 0; i < col.length; i++) col[i] = kept.get(i)[k];
            out.addColumns(DoubleColumn.create(k == 0 ? "epoch" : names.get(k - 1), col));
        }
        return out;
    }

    /** Sort key of a run file (see {@link RunName#sortKey}). */
    static String runOrder(String fileName) {
        return RunName.sortKey(fileName);
    }

    /** The run stopped at a non-finite loss or parameters (its table's status column says "diverged"). */
    static boolean diverged(Table t) {
        if (!t.columnNames().contains(TrainResult.STATUS_COLUMN)) return false;
        var c = t.column(TrainResult.STATUS_COLUMN);
        for (int i = 0; i < t.rowCount(); i++) if (Divergence.STATUS.equals(String.valueOf(c.get(i)))) return true;
        return false;
    }

    static int firstFiniteRow(Table t, String column) {
        if (!t.columnNames().contains(column)) return -1;
        for (int i = 0; i < t.rowCount(); i++) if (Double.isFinite(number(t, column, i))) return i;
        return -1;
    }

    static int lastFiniteRow(Table t, String column) {
        if (!t.columnNames().contains(column)) return -1;
        for (int i = t.rowCount() - 1; i >= 0; i--) if (Double.isFinite(number(t, column, i))) return i;
        return -1;
    }

    /** The last row with diagnostics, or −1. */
    static int lastDiagnosticsRow(Table t) {
        for (int i = t.rowCount() - 1; i >= 0; i--) {
            if (Double.isFinite(number(t, "grad_norm", i)) && Double.isFinite(number(t, "grad_norm_perturbed", i))) return i;
        }
        return -1;
    }

    /** Fraction of epochs that ran the plain base optimizer (sam_active false). */
    static double plainFraction(Table t) {
        var c = t.column("sam_active");
        int plain = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            Object v = c.get(i);
            boolean active = v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v));
            if (!active) plain++;
        }
        return (double) plain / t.rowCount();
    }

    static double number(Table t, String column, int row) {
        if (!t.columnNames().contains(column)) return Double.NaN;
        var c = t.column(column);
        if (c instanceof NumericColumn<?> n) return n.isMissing(row) ? Double.NaN : n.getDouble(row);
        Object v = c.get(row);
        if (v == null) return Double.NaN;
        try {
            return Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

}
