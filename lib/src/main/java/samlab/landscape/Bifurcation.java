package samlab.landscape;

import java.util.ArrayList;
import java.util.List;
import samlab.Tabular;
import samlab.progress.Progress;
import samlab.progress.ProgressSink;
import tech.tablesaw.api.Table;

/**
 * Rest points and their stability as ρ varies (the ρ-bifurcation diagram): one finder run per ρ.
 *
 * @param rhos  the ρ values, ascending as given
 * @param found one {@link RestPoints} per ρ
 */
public record Bifurcation(double[] rhos, List<RestPoints> found) implements Tabular {
    public Bifurcation {
        rhos = rhos.clone();
        found = List.copyOf(found);
    }

    /**
     * {@link #sweep(Objective, SamVariant, double, double[], double, RestPointSearch, ProgressSink)}
     * reporting no progress.
     *
     * @throws IllegalArgumentException if {@code rhos} is empty, a ρ is not a finite number &gt; 0,
     *                                  η is not a finite number &gt; 0, or {@code eps} is not a finite
     *                                  number ≥ 0 for {@link SamVariant#EPS}
     */
    public static Bifurcation sweep(Objective f, SamVariant variant, double eps, double[] rhos, double eta,
                                    RestPointSearch search) {
        return sweep(f, variant, eps, rhos, eta, search, ProgressSink.silent());
    }

    /**
     * Sweeps ρ for the given objective and variant at step size η: one rest-point finder run per ρ.
     *
     * @param variant the perturbation rule ({@link SamVariant#perturbation(double)} with {@code eps})
     * @param rhos    the radii ρ &gt; 0, in the order given
     * @param sink    receives one unit per ρ, labelled "bifurcation"
     * @throws IllegalArgumentException if {@code rhos} is empty, a ρ is not a finite number &gt; 0,
     *                                  η is not a finite number &gt; 0, or {@code eps} is not a finite
     *                                  number ≥ 0 for {@link SamVariant#EPS}
     */
    public static Bifurcation sweep(Objective f, SamVariant variant, double eps, double[] rhos, double eta,
                                    RestPointSearch search, ProgressSink sink) {
        SamMap.checkEta(eta);
        if (rhos.length == 0) throw new IllegalArgumentException("no rho values; allowed: one or more numbers > 0");
        List<RestPoints> out = new ArrayList<>();
        try (Progress progress = sink.start("bifurcation", rhos.length)) {
            for (double rho : rhos) {
                out.add(new RestPointFinder(new SamMap(f, variant.perturbation(eps), rho), search).find(eta));
                progress.advance(1);
            }
        }
        return new Bifurcation(rhos, out);
    }

    /** A column rho, then the {@link RestPoints#toTable()} columns; one row per rest point per ρ. */
    @Override
    public Table toTable() {
        List<RestPoint> all = new ArrayList<>();
        List<Double> rho = new ArrayList<>();
        for (int i = 0; i < rhos.length; i++) {
            for (RestPoint p : found.get(i).points()) {
                all.add(p);
                rho.add(rhos[i]);
            }
        }
        int d = found.get(0).map().dimension();
        return RestPoints.toTable(all, d, "rho bifurcation", "rho", rho.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
