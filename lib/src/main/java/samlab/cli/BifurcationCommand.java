package samlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import samlab.io.AtomicFiles;
import samlab.landscape.AttractionRegion;
import samlab.landscape.Bifurcation;
import samlab.landscape.Grid;
import samlab.landscape.Objective;
import samlab.landscape.SamVariant;
import samlab.plot.BifurcationFigure;
import samlab.plot.FigureWriter;
import tech.tablesaw.api.Table;

/** {@code samlab bifurcation}: rest points and their stability as ρ varies, or the (η, ρ) region. */
@Command(name = "bifurcation", mixinStandardHelpOptions = true,
        description = "Sweep rho and write every rest point with its kind and stability as CSV; with --eta-to, "
                + "write instead for each (eta, rho) how many hallucinated minimizers exist and attract. "
                + "Ranges as numpy.linspace(from, to, steps): one step is the first value alone.")
final class BifurcationCommand implements Callable<Integer> {
    /** Values per range when --rho-steps / --eta-steps are not given. */
    static final int DEFAULT_STEPS = 41;
    static final int MAX_STEPS = 10_000;

    @Spec CommandSpec spec;
    @Mixin LandscapeOptions landscape;

    @Option(names = "--rho-from", required = true, description = "first rho > 0") double rhoFrom;
    @Option(names = "--rho-to", required = true, description = "last rho >= --rho-from") double rhoTo;
    @Option(names = "--rho-steps", defaultValue = "" + DEFAULT_STEPS,
            description = "number of rho values, 1 to " + MAX_STEPS + "; 1 gives --rho-from alone (default: ${DEFAULT-VALUE})")
    int rhoSteps;

    @Option(names = "--eta", defaultValue = "0.05", description = "step size eta > 0; with --eta-to the first eta (default: ${DEFAULT-VALUE})")
    double eta;

    @Option(names = "--eta-to", description = "last eta: switches to the (eta, rho) attraction region") Double etaTo;
    @Option(names = "--eta-steps", description = "number of eta values with --eta-to, 1 to " + MAX_STEPS
            + "; 1 gives --eta alone (default: " + DEFAULT_STEPS + ")")
    Integer etaSteps;

    @Option(names = "--out", required = true, description = "CSV file to write") Path out;

    @Option(names = "--png", description = "also draw the rho sweep as a bifurcation diagram (PNG) to this file")
    Path png;

    @Override
    public Integer call() {
        // every option first: bad input must fail before the work and write nothing
        landscape.check();
        LandscapeOptions.positive("--rho-from", rhoFrom);
        LandscapeOptions.positive("--rho-to", rhoTo);
        if (rhoTo < rhoFrom) throw new IllegalArgumentException("--rho-to " + rhoTo + " < --rho-from " + rhoFrom + "; allowed: rho-to >= rho-from");
        LandscapeOptions.count("--rho-steps", rhoSteps, 1, MAX_STEPS);
        LandscapeOptions.positive("--eta", eta);
        double[] etas = null;
        if (etaTo != null) {
            LandscapeOptions.positive("--eta-to", etaTo);
            if (etaTo < eta) throw new IllegalArgumentException("--eta-to " + etaTo + " < --eta " + eta + "; allowed: eta-to >= eta");
            int n = LandscapeOptions.count("--eta-steps", etaSteps == null ? DEFAULT_STEPS : etaSteps, 1, MAX_STEPS);
            if (png != null) throw new IllegalArgumentException("--png draws rho sweeps; it cannot be combined with --eta-to");
            etas = Grid.linspace(eta, etaTo, n);
        } else if (etaSteps != null) {
            throw new IllegalArgumentException("--eta-steps " + etaSteps + " without --eta-to; allowed: only with --eta-to");
        }
        Objective f = landscape.objective();
        SamVariant variant = landscape.samVariant();
        landscape.map(rhoFrom); // the map's own checks, before any work
        double[] rhos = Grid.linspace(rhoFrom, rhoTo, rhoSteps);
        AtomicFiles.checkWritable(out);
        if (png != null) {
            LandscapeOptions.distinctOutputs("--out", out, "--png", png);
            AtomicFiles.checkWritable(png);
        }

        Table t = etas == null
                ? Bifurcation.sweep(f, variant, landscape.eps(), rhos, eta, landscape.search(), Main.progress(spec)).toTable()
                : AttractionRegion.compute(f, variant, landscape.eps(), etas, rhos, landscape.search(), Main.progress(spec)).toTable();
        // render everything before writing anything: a chart that fails leaves no CSV behind
        byte[] chart = null;
        if (png != null) {
            // 1-D: the rest point itself; 2-D: its distance from the origin (the landscapes' maximizer or saddle)
            String y = f.dimension() == 1 ? "x1" : "x_norm";
            chart = FigureWriter.png(BifurcationFigure.fromTable("bifurcation", t, "rho", y, "kind", "attracting")
                    .title(landscape.landscape + " (" + variant.label() + "): rest points against ρ at η = " + eta)
                    .axes("ρ", f.dimension() == 1 ? "rest point x" : "‖x‖").build());
        }
        TableOutput.writeCsv(t, out);
        if (chart != null) {
            byte[] bytes = chart;
            AtomicFiles.write(png, o -> o.write(bytes));
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println("wrote " + out + " (" + t.rowCount() + " rows)");
        w.flush();
        return 0;
    }
}
