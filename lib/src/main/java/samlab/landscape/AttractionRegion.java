package samlab.landscape;

import java.util.ArrayList;
import java.util.List;
import samlab.Tabular;
import samlab.progress.Progress;
import samlab.progress.ProgressSink;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Where in the (η, ρ) plane hallucinated minimizers exist and attract (Theorems 1 and 2): for each
 * ρ the finder runs once; each η then only changes DT = I − η H(x⁺)(I + ρ Dv).
 *
 * @param cells one per (η, ρ) pair, η varying fastest
 */
public record AttractionRegion(List<Cell> cells) implements Tabular {
    /**
     * @param hallucinatedMinimizers number of hallucinated minimizers found (samples, on manifolds)
     * @param attracting             how many of them attract (normal spectral radius &lt; 1)
     * @param minNormalSpectralRadius the smallest normal spectral radius among them (NaN if none)
     */
    public record Cell(double eta, double rho, int hallucinatedMinimizers, int attracting,
                       double minNormalSpectralRadius) {}

    public AttractionRegion {
        cells = List.copyOf(cells);
    }

    /**
     * {@link #compute(Objective, SamVariant, double, double[], double[], RestPointSearch, ProgressSink)}
     * reporting no progress.
     *
     * @throws IllegalArgumentException if an η is not a finite number &gt; 0, a ρ is not a finite
     *                                  number &gt; 0, or {@code eps} is not a finite number ≥ 0 for {@link SamVariant#EPS}
     */
    public static AttractionRegion compute(Objective f, SamVariant variant, double eps, double[] etas, double[] rhos,
                                           RestPointSearch search) {
        return compute(f, variant, eps, etas, rhos, search, ProgressSink.silent());
    }

    /**
     * The region over the grid etas × rhos: for each ρ the rest-point finder runs once (at etas[0])
     * and each η reclassifies its hallucinated minimizers.
     *
     * @param variant  the perturbation rule ({@link SamVariant#perturbation(double)} with {@code eps})
     * @param etas     step sizes η &gt; 0
     * @param rhos     radii ρ &gt; 0
     * @param sink     receives one unit per ρ, labelled "eta-rho region"
     * @throws IllegalArgumentException if an η is not a finite number &gt; 0, a ρ is not a finite
     *                                  number &gt; 0, or {@code eps} is not a finite number ≥ 0 for {@link SamVariant#EPS}
     */
    public static AttractionRegion compute(Objective f, SamVariant variant, double eps, double[] etas, double[] rhos,
                                           RestPointSearch search, ProgressSink sink) {
        for (double eta : etas) SamMap.checkEta(eta);
        List<Cell> out = new ArrayList<>();
        try (Progress progress = sink.start("eta-rho region", rhos.length)) {
            for (double rho : rhos) {
                RestPointFinder finder = new RestPointFinder(new SamMap(f, variant.perturbation(eps), rho), search);
                List<RestPoint> h = finder.find(etas[0]).ofKind(RestPoint.Kind.HALLUCINATED_MINIMIZER);
                for (double eta : etas) {
                    int attracting = 0;
                    double min = Double.NaN;
                    for (RestPoint p : h) {
                        RestPoint q = finder.classify(p.x(), eta);
                        if (q.attracting()) attracting++;
                        double r = q.normalSpectralRadius();
                        if (!Double.isNaN(r) && (Double.isNaN(min) || r < min)) min = r;
                    }
                    out.add(new Cell(eta, rho, h.size(), attracting, min));
                }
                progress.advance(1);
            }
        }
        return new AttractionRegion(out);
    }

    /** Columns eta, rho, hallucinated_minimizers, attracting, min_normal_spectral_radius. */
    @Override
    public Table toTable() {
        return Table.create("where hallucinated minimizers attract").addColumns(
                DoubleColumn.create("eta", cells.stream().mapToDouble(Cell::eta).toArray()),
                DoubleColumn.create("rho", cells.stream().mapToDouble(Cell::rho).toArray()),
                IntColumn.create("hallucinated_minimizers", cells.stream().mapToInt(Cell::hallucinatedMinimizers).toArray()),
                IntColumn.create("attracting", cells.stream().mapToInt(Cell::attracting).toArray()),
                DoubleColumn.create("min_normal_spectral_radius",
                        cells.stream().mapToDouble(Cell::minNormalSpectralRadius).toArray()));
    }
}
