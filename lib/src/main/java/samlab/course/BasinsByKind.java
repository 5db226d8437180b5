package samlab.course;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import samlab.landscape.BasinMap;

/**
 * A basin map with its outcomes merged by kind of rest point ("critical", "hallucinated_minimizer",
 * "hallucinated_other", then unmatched / diverged / not_converged), so that a chart needs at most
 * six colours however many rest points the landscape has.
 *
 * @param outcome outcome[iy][ix] indexes {@code labels}
 * @param labels  the merged labels, in first-seen order of the map's own labels
 */
public record BasinsByKind(double[] xs, double[] ys, int[][] outcome, List<String> labels) {
    public BasinsByKind {
        labels = List.copyOf(labels);
    }

    /** Merges the outcomes of {@code map} by the kind named at the start of each label. */
    public static BasinsByKind of(BasinMap map) {
        List<String> own = map.outcomeLabels();
        Map<String, Integer> merged = new LinkedHashMap<>();
        int[] to = new int[own.size()];
        for (int k = 0; k < own.size(); k++) {
            to[k] = merged.computeIfAbsent(kindOf(own.get(k)), key -> merged.size());
        }
        int[][] out = new int[map.outcome().length][];
        for (int iy = 0; iy < out.length; iy++) {
            int[] row = map.outcome()[iy];
            out[iy] = new int[row.length];
            for (int ix = 0; ix < row.length; ix++) out[iy][ix] = row[ix] < 0 ? -1 : to[row[ix]];
        }
        return new BasinsByKind(map.xs(), map.ys(), out, new ArrayList<>(merged.keySet()));
    }

    /** "hallucinated_minimizer (0.5, 0)" and "hallucinated_minimizer set" → "hallucinated_minimizer". */
    static String kindOf(String label) {
        int cut = label.indexOf(' ');
        return cut < 0 ? label : label.substring(0, cut);
    }

    /** The fraction of starts whose outcome is {@code label} (0 when the label does not occur). */
    public double fraction(String label) {
        int k = labels.indexOf(label);
        int hit = 0, total = 0;
        for (int[] row : outcome) {
            for (int o : row) {
                if (o < 0) continue;
                total++;
                if (o == k) hit++;
            }
        }
        return total == 0 ? 0 : (double) hit / total;
    }

    /** The label of the start nearest to (x, y). */
    public String outcomeNear(double x, double y) {
        return labels.get(outcome[nearest(ys, y)][nearest(xs, x)]);
    }

    private static int nearest(double[] axis, double v) {
        int best = 0;
        for (int i = 1; i < axis.length; i++) if (Math.abs(axis[i] - v) < Math.abs(axis[best] - v)) best = i;
        return best;
    }
}
