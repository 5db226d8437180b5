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
    public static final double RATIO_THRESHOLD = HallucinationCheck.RATIO_THRESHOLD;
    /** ...while ‖∇L(w)‖ is above this (else w is near a true critical point). */
    public static final double MIN_GRADIENT_NORM = HallucinationCheck.MIN_GRADIENT_NORM;

    private final Map<String, Table> runs;

    private SweepResults(Map<String, Table> runs) {
        if (runs.isEmpty()) throw new IllegalArgumentException("no runs");
        this.runs = runs;
    }

    /** Runs given as tables (e.g. fresh {@code TrainResult.toTable()}), in the given order. */
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
     * by optimizer, then by ρ as a number.
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

    public List<String> names() {
        return List.copyOf(runs.keySet());
    }

    public Table run(String name) {
        Table t = runs.get(name);
        if (t == null) throw new IllegalArgumentException("no run '" + name + "'; runs: " + runs.keySet());
        return t;
    }

    /** Only the runs whose name satisfies {@code keep}. */
    public SweepResults filter(java.util.function.Predicate<String> keep) {
        Map<String, Table> m = new LinkedHashMap<>();
        runs.forEach((n, t) -> {
            if (keep.test(n)) m.put(n, t);
        });
        return new SweepResults(m);
    }

    /**
     * One row per run: its optimizer (the name's prefix before "-rho"), ρ, the fraction of epochs
     * without SAM (warm start), final train loss, best train loss, final test accuracy, and the last
     * diagnostics (‖∇L(w)‖, ‖∇L(w⁺)‖, ratio) with the verdict of {@link HallucinationCheck}, or
     * DIVERGED for a run that stopped at a non-finite number.
     */
    public Table summary() {
        StringColumn run = StringColumn.create("run");
        StringColumn opt = StringColumn.create("optimizer");
        DoubleColumn rho = DoubleColumn.create("rho");
        DoubleColumn warm = DoubleColumn.create("warm_fraction");
        DoubleColumn loss = DoubleColumn.create("final_train_loss");
        DoubleColumn best = DoubleColumn.create("min_train_loss");
        DoubleColumn acc = DoubleColumn.create("final_test_accuracy");
        DoubleColumn g = DoubleColumn.create("grad_norm");
        DoubleColumn gp = DoubleColumn.create("grad_norm_perturbed");
        DoubleColumn ratio = DoubleColumn.create("grad_ratio");
        StringColumn verdict = StringColumn.create("verdict");
        for (var e : runs.entrySet()) {
            Table t = e.getValue();
            int last = t.rowCount() - 1;
            int d = lastDiagnosticsRow(t);
            run.append(e.getKey());
            String n = e.getKey();
            opt.append(RunName.optimizerOf(n));
            rho.append(number(t, "rho", last));
            warm.append(plainFraction(t));
            loss.append(number(t, "train_loss", last));
            best.append(((NumericColumn<?>) t.column("train_loss")).min());
            acc.append(t.columnNames().contains("test_accuracy") ? number(t, "test_accuracy", last) : Double.NaN);
            double gn = d < 0 ? Double.NaN : number(t, "grad_norm", d);
            double gpn = d < 0 ? Double.NaN : number(t, "grad_norm_perturbed", d);
            g.append(gn);
            gp.append(gpn);
            ratio.append(gpn / gn);
            verdict.append(diverged(t) ? Divergence.STATUS.toUpperCase(java.util.Locale.ROOT) : d < 0 ? "NO_DIAGNOSTICS"
                    : HallucinationCheck.classify(new Diagnostics(Double.NaN, Double.NaN, gn, gpn, gpn / gn, Double.NaN),
                            RATIO_THRESHOLD, MIN_GRADIENT_NORM).name());
        }
        return Table.create("runs", run, opt, rho, warm, loss, best, acc, g, gp, ratio, verdict);
    }

    /**
     * {@code column} over epochs, one column per run, keeping the epochs at which every run has a
     * value (the diagnostics epochs for gradient norms). The first column is "epoch".
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
