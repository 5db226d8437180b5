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

    /** Sweeps ρ for the given objective and variant at step size η. */
    public static Bifurcation sweep(Objective f, SamVariant variant, double eps, double[] rhos, double eta,
                                    RestPointSearch search) {
        SamMap.checkEta(eta);
        if (rhos.length == 0) throw new IllegalArgumentException("no rho values; allowed: one or more numbers > 0");
        List<RestPoints> out = new ArrayList<>();
        try (Progress progress = ProgressSink.current().start("bifurcation", rhos.length)) {
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
