package samlab.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Seed statistics of a per-run table (e.g. {@link Arms#summary()}): rows grouped by key columns
 * (e.g. arm and ρ), and for one value column the number of seeds, mean, sample standard deviation
 * (n − 1; NaN for one seed), min, max and every seed's value. The course's tables show these, never
 * a single seed.
 */
public final class SeedStats {
    private SeedStats() {}

    /**
     * One row per distinct combination of {@code keys} (in order of first appearance): the keys, then
     * n, mean, sd, min, max of {@code value} and {@code per_seed} ("s1 0.512, s2 0.498, …" from the
     * {@code seed} column, 3 significant digits). NaN values count in n and make mean and sd NaN.
     *
     * @throws IllegalArgumentException if a column is missing or no key is given
     */
    public static Table of(Table runs, String value, String... keys) {
        Objects.requireNonNull(runs, "runs");
        if (keys.length == 0) throw new IllegalArgumentException("group by at least one key column");
        for (String c : concat(value, keys)) {
            if (!runs.columnNames().contains(c)) throw new IllegalArgumentException("no column '" + c + "'; columns: " + runs.columnNames());
        }
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < runs.rowCount(); i++) {
            List<String> k = keyOf(runs, keys, i);
            groups.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
        }
        List<StringColumn> keyCols = keyColumns(keys);
        IntColumn n = IntColumn.create("n");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn sd = DoubleColumn.create("sd");
        DoubleColumn min = DoubleColumn.create("min");
        DoubleColumn max = DoubleColumn.create("max");
        StringColumn perSeed = StringColumn.create("per_seed");
        boolean seeds = runs.columnNames().contains("seed");
        for (var g : groups.entrySet()) {
            for (int k = 0; k < keys.length; k++) keyCols.get(k).append(g.getKey().get(k));
            double[] v = g.getValue().stream().mapToDouble(i -> SweepResults.number(runs, value, i)).toArray();
            n.append(v.length);
            double m = mean(v);
            mean.append(m);
            sd.append(sd(v, m));
            min.append(java.util.Arrays.stream(v).min().orElse(Double.NaN));
            max.append(java.util.Arrays.stream(v).max().orElse(Double.NaN));
            List<String> parts = new ArrayList<>();
            for (int j = 0; j < v.length; j++) {
                int row = g.getValue().get(j);
                String label = seeds ? "s" + (long) SweepResults.number(runs, "seed", row) : "#" + (j + 1);
                parts.add(label + " " + String.format(Locale.ROOT, "%.3g", v[j]));
            }
            perSeed.append(String.join(", ", parts));
        }
        Table out = Table.create(value + " over seeds");
        for (StringColumn c : keyCols) out.addColumns(c);
        out.addColumns(n, mean, sd, min, max, perSeed);
        return out;
    }

    /**
     * How often each value of a text column occurs per combination of {@code keys}: e.g. the mechanism
     * verdicts per arm and ρ. One row per key combination (in order of first appearance): the keys,
     * {@code n} and {@code counts}: "VALUE ×COUNT" parts, most frequent first (ties in order of first
     * appearance), e.g. "DEAD_PLATEAU ×2, NOT_AT_REST ×1".
     *
     * @param runs   one row per run
     * @param column the text column counted, e.g. {@code verdict}
     * @param keys   the grouping columns (none: one row for all runs)
     * @return the counts table, named "COLUMN per KEYS"
     * @throws IllegalArgumentException if a column is missing
     */
    public static Table tally(Table runs, String column, String... keys) {
        Objects.requireNonNull(runs, "runs");
        for (String c : concat(column, keys)) {
            if (!runs.columnNames().contains(c)) throw new IllegalArgumentException("no column '" + c + "'; columns: " + runs.columnNames());
        }
        Map<List<String>, Map<String, Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < runs.rowCount(); i++) {
            groups.computeIfAbsent(keyOf(runs, keys, i), x -> new LinkedHashMap<>()).merge(runs.column(column).getString(i), 1, Integer::sum);
        }
        List<StringColumn> keyCols = keyColumns(keys);
        IntColumn n = IntColumn.create("n");
        StringColumn counts = StringColumn.create("counts");
        for (var g : groups.entrySet()) {
            for (int k = 0; k < keys.length; k++) keyCols.get(k).append(g.getKey().get(k));
            n.append(g.getValue().values().stream().mapToInt(Integer::intValue).sum());
            List<Map.Entry<String, Integer>> byCount = new ArrayList<>(g.getValue().entrySet());
            byCount.sort((x, y) -> Integer.compare(y.getValue(), x.getValue())); // stable: ties keep first appearance
            List<String> parts = new ArrayList<>();
            for (var e : byCount) parts.add(e.getKey() + " \u00d7" + e.getValue());
            counts.append(String.join(", ", parts));
        }
        Table out = Table.create(column + (keys.length == 0 ? "" : " per " + String.join(", ", keys)));
        for (StringColumn c : keyCols) out.addColumns(c);
        out.addColumns(n, counts);
        return out;
    }

    /**
     * The entry of {@code column} in the row of a {@link #of} table whose key columns equal
     * {@code key} (compared as text, or as numbers when both parse: "5" matches "5.0").
     *
     * @throws IllegalArgumentException if no row or more than one matches
     */
    public static double get(Table stats, String column, String... key) {
        int found = -1;
        for (int i = 0; i < stats.rowCount(); i++) {
            boolean match = true;
            for (int k = 0; k < key.length && match; k++) match = sameKey(stats.column(k).getString(i), key[k]);
            if (match) {
                if (found >= 0) throw new IllegalArgumentException("more than one row matches " + List.of(key));
                found = i;
            }
        }
        if (found < 0) throw new IllegalArgumentException("no row " + List.of(key) + " in " + stats.name());
        Column<?> c = stats.column(column);
        return ((tech.tablesaw.api.NumericColumn<?>) c).getDouble(found);
    }

    private static boolean sameKey(String a, String b) {
        if (a.equals(b)) return true;
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Paired comparison of two arms seed by seed: for each combination of {@code keys} (e.g. ρ) present
     * in both arms, the differences {@code value(armB) − value(armA)} of runs with the same seed, with
     * n, mean, sd, how many are &gt; 0 ({@code b_higher}) and &lt; 0 ({@code b_lower}) and every seed's difference. {@code runs}
     * needs the columns {@code arm} and {@code seed} (as {@link Arms#summary()} gives).
     *
     * @param runs  one row per run, with the columns {@code arm}, {@code seed}, {@code value} and {@code keys}
     * @param value the numeric column compared, e.g. {@code final_test_accuracy}
     * @param armA  the arm subtracted (A)
     * @param armB  the arm subtracted from (B)
     * @param keys  the columns that must match between the paired runs besides the seed (none: seed only)
     * @return one row per key combination present in both arms: the keys, {@code n}, {@code mean_difference},
     *         {@code sd_difference} (n − 1; NaN for one pair), {@code b_higher}, {@code b_lower} and {@code per_seed}
     * @throws IllegalArgumentException if a column is missing, an arm has no runs (e.g. a misspelt name), or an
     *         arm has two runs with the same seed and keys (the pairing would be ambiguous: pass the key that
     *         tells them apart)
     */
    public static Table paired(Table runs, String value, String armA, String armB, String... keys) {
        requireColumns(runs, value, keys);
        Map<List<String>, Map<Long, Double>> a = valuesBySeed(runs, value, armA, keys);
        Map<List<String>, Map<Long, Double>> b = valuesBySeed(runs, value, armB, keys);
        return differences(a, b, keys, value + ": " + armB + " minus " + armA + ", same seed");
    }

    /**
     * Each run of {@code arm} against the run of a {@code reference} arm with the same seed, for every
     * combination of {@code keys} the arm has: e.g. SAM at each ρ minus SGD (which has no ρ) with the same
     * seed. The output is that of {@link #paired} with the reference as arm A.
     *
     * @param runs      one row per run, with the columns {@code arm}, {@code seed}, {@code value} and {@code keys}
     * @param value     the numeric column compared
     * @param reference the arm subtracted; exactly one run per seed
     * @param arm       the arm subtracted from
     * @param keys      the columns grouping the arm's runs (e.g. rho); the reference's values of them are ignored
     * @return as {@link #paired}: one row per key combination of {@code arm}
     * @throws IllegalArgumentException if a column is missing, either arm has no runs, the reference has two runs
     *         with one seed, or the arm has two runs with the same seed and keys
     */
    public static Table versusReference(Table runs, String value, String reference, String arm, String... keys) {
        requireColumns(runs, value, keys);
        Map<Long, Double> ref = valuesBySeed(runs, value, reference).get(List.of());
        Map<List<String>, Map<Long, Double>> b = valuesBySeed(runs, value, arm, keys);
        Map<List<String>, Map<Long, Double>> a = new LinkedHashMap<>();
        for (List<String> k : b.keySet()) a.put(k, ref);
        return differences(a, b, keys, value + ": " + arm + " minus " + reference + ", same seed");
    }

    private static void requireColumns(Table runs, String value, String... keys) {
        for (String c : concat(value, concat("arm", concat("seed", keys).toArray(String[]::new)).toArray(String[]::new))) {
            if (!runs.columnNames().contains(c)) throw new IllegalArgumentException("no column '" + c + "'; columns: " + runs.columnNames());
        }
    }

    /** Key combination → seed → value, for the runs of one arm; refuses a seed twice under one key. */
    private static Map<List<String>, Map<Long, Double>> valuesBySeed(Table runs, String value, String arm, String... keys) {
        Map<List<String>, Map<Long, Double>> out = new LinkedHashMap<>();
        for (int i = 0; i < runs.rowCount(); i++) {
            if (!runs.column("arm").getString(i).equals(arm)) continue;
            List<String> k = keyOf(runs, keys, i);
            long seed = (long) SweepResults.number(runs, "seed", i);
            Double before = out.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(seed, SweepResults.number(runs, value, i));
            if (before != null) {
                throw new IllegalArgumentException("arm '" + arm + "' has two runs with seed " + seed
                        + (keys.length == 0 ? "" : " and " + List.of(keys) + " = " + k) + ": pair by the key that tells them apart");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no runs of arm '" + arm + "'; arms: "
                    + runs.column("arm").asList().stream().map(String::valueOf).distinct().toList());
        }
        return out;
    }

    private static Table differences(Map<List<String>, Map<Long, Double>> a, Map<List<String>, Map<Long, Double>> b,
                                     String[] keys, String title) {
        List<StringColumn> keyCols = keyColumns(keys);
        IntColumn n = IntColumn.create("n");
        DoubleColumn mean = DoubleColumn.create("mean_difference");
        DoubleColumn sd = DoubleColumn.create("sd_difference");
        IntColumn higher = IntColumn.create("b_higher");
        IntColumn lower = IntColumn.create("b_lower");
        StringColumn perSeed = StringColumn.create("per_seed");
        for (var e : a.entrySet()) {
            Map<Long, Double> other = b.get(e.getKey());
            if (other == null) continue;
            List<Double> d = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            for (var s : e.getValue().entrySet()) {
                if (!other.containsKey(s.getKey())) continue;
                double diff = other.get(s.getKey()) - s.getValue();
                d.add(diff);
                parts.add("s" + s.getKey() + " " + String.format(Locale.ROOT, "%+.3g", diff));
            }
            if (d.isEmpty()) continue;
            for (int k = 0; k < keys.length; k++) keyCols.get(k).append(e.getKey().get(k));
            double[] v = d.stream().mapToDouble(Double::doubleValue).toArray();
            n.append(v.length);
            double m = mean(v);
            mean.append(m);
            sd.append(sd(v, m));
            higher.append((int) java.util.Arrays.stream(v).filter(x -> x > 0).count());
            lower.append((int) java.util.Arrays.stream(v).filter(x -> x < 0).count());
            perSeed.append(String.join(", ", parts));
        }
        Table out = Table.create(title);
        for (StringColumn c : keyCols) out.addColumns(c);
        out.addColumns(n, mean, sd, higher, lower, perSeed);
        return out;
    }

    /**
     * Sensitivity to a setting: for each value of {@code group} in an {@link #of} table (e.g. each arm,
     * over its ρ grid), the best and worst mean, their difference ({@code spread}), the setting of
     * each ({@code setting} column, e.g. "rho"), and the largest seed sd among its rows (the noise the
     * spread should be compared with).
     *
     * @throws IllegalArgumentException if a column is missing
     */
    public static Table spread(Table stats, String group, String setting) {
        for (String c : List.of(group, setting, "mean", "sd")) {
            if (!stats.columnNames().contains(c)) throw new IllegalArgumentException("no column '" + c + "'; columns: " + stats.columnNames());
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < stats.rowCount(); i++) groups.computeIfAbsent(stats.column(group).getString(i), x -> new ArrayList<>()).add(i);
        StringColumn g = StringColumn.create(group);
        DoubleColumn best = DoubleColumn.create("best_mean");
        StringColumn bestAt = StringColumn.create("best_at");
        DoubleColumn worst = DoubleColumn.create("worst_mean");
        StringColumn worstAt = StringColumn.create("worst_at");
        DoubleColumn spread = DoubleColumn.create("spread");
        DoubleColumn noise = DoubleColumn.create("largest_sd");
        for (var e : groups.entrySet()) {
            int hi = -1;
            int lo = -1;
            double sdMax = 0;
            for (int i : e.getValue()) {
                double m = SweepResults.number(stats, "mean", i);
                if (hi < 0 || m > SweepResults.number(stats, "mean", hi)) hi = i;
                if (lo < 0 || m < SweepResults.number(stats, "mean", lo)) lo = i;
                double sdv = SweepResults.number(stats, "sd", i);
                if (Double.isFinite(sdv)) sdMax = Math.max(sdMax, sdv);
            }
            g.append(e.getKey());
            best.append(SweepResults.number(stats, "mean", hi));
            bestAt.append(stats.column(setting).getString(hi));
            worst.append(SweepResults.number(stats, "mean", lo));
            worstAt.append(stats.column(setting).getString(lo));
            spread.append(SweepResults.number(stats, "mean", hi) - SweepResults.number(stats, "mean", lo));
            noise.append(sdMax);
        }
        return Table.create("spread over " + setting, g, best, bestAt, worst, worstAt, spread, noise);
    }

    /**
     * The {@link #paired} table with an {@code effect} column: "B higher" when the difference is &gt; 0
     * on every seed and its mean is at least {@code minEffect}, "A higher" when it is &lt; 0 on every
     * seed and its mean at most −minEffect, else "no clear effect" (A and B as passed to paired).
     *
     * @param paired    a {@link #paired} or {@link #versusReference} table
     * @param minEffect the smallest mean difference that counts, ≥ 0, in the value's units
     * @return a copy with the {@code effect} column
     * @throws IllegalArgumentException if {@code minEffect} is negative or not finite, or a column is missing
     */
    public static Table withEffect(Table paired, double minEffect) {
        if (!(minEffect >= 0) || !Double.isFinite(minEffect)) {
            throw new IllegalArgumentException("minEffect " + minEffect + "; allowed: a finite number >= 0");
        }
        StringColumn effect = StringColumn.create("effect");
        for (int i = 0; i < paired.rowCount(); i++) {
            int n = (int) SweepResults.number(paired, "n", i);
            int higher = (int) SweepResults.number(paired, "b_higher", i);
            double m = SweepResults.number(paired, "mean_difference", i);
            int negative = (int) SweepResults.number(paired, "b_lower", i);
            effect.append(higher == n && m >= minEffect ? "B higher" : negative == n && m <= -minEffect ? "A higher" : "no clear effect");
        }
        Table out = paired.copy();
        out.addColumns(effect);
        return out;
    }

    /**
     * The means of an {@link #of} table as one numeric column {@code x} (e.g. rho) and one column per
     * value of {@code series} (e.g. arm), for charts; missing combinations are NaN.
     */
    public static Table pivot(Table stats, String x, String series) {
        List<String> xs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < stats.rowCount(); i++) {
            String xv = stats.column(x).getString(i);
            String sv = stats.column(series).getString(i);
            if (!xs.contains(xv)) xs.add(xv);
            if (!names.contains(sv)) names.add(sv);
        }
        xs.sort(java.util.Comparator.comparingDouble(Double::parseDouble));
        Table out = Table.create("mean " + " by " + x);
        out.addColumns(DoubleColumn.create(x, xs.stream().mapToDouble(Double::parseDouble).toArray()));
        for (String name : names) {
            double[] v = new double[xs.size()];
            java.util.Arrays.fill(v, Double.NaN);
            for (int i = 0; i < stats.rowCount(); i++) {
                if (stats.column(series).getString(i).equals(name)) {
                    v[xs.indexOf(stats.column(x).getString(i))] = SweepResults.number(stats, "mean", i);
                }
            }
            out.addColumns(DoubleColumn.create(name, v));
        }
        return out;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    static double sd(double[] v, double mean) {
        if (v.length < 2) return Double.NaN;
        double s = 0;
        for (double x : v) s += (x - mean) * (x - mean);
        return Math.sqrt(s / (v.length - 1));
    }

    private static List<String> concat(String first, String... rest) {
        List<String> l = new ArrayList<>();
        l.add(first);
        l.addAll(List.of(rest));
        return l;
    }

    /** The values of the grouping columns {@code keys} in row {@code row}, as text. */
    private static List<String> keyOf(Table runs, String[] keys, int row) {
        List<String> k = new ArrayList<>();
        for (String key : keys) k.add(runs.column(key).getString(row));
        return k;
    }

    /** One empty text column per grouping key, for the output table. */
    private static List<StringColumn> keyColumns(String[] keys) {
        List<StringColumn> cols = new ArrayList<>();
        for (String key : keys) cols.add(StringColumn.create(key));
        return cols;
    }
}
