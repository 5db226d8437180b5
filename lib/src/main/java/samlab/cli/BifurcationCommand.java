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
import samlab.landscape.SamMap;
import samlab.plot.BifurcationFigure;
import samlab.plot.FigureWriter;
import tech.tablesaw.api.Table;

/** {@code samlab bifurcation}: rest points and their stability as ρ varies, or the (η, ρ) region. */
@Command(name = "bifurcation", mixinStandardHelpOptions = true,
        description = "Sweep rho and write every rest point with its kind and stability as CSV; with --eta-to, "
                + "write instead for each (eta, rho) how many hallucinated minimizers exist and attract.")
final class BifurcationCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LandscapeOptions landscape;

    @Option(names = "--rho-from", required = true, description = "first rho > 0") double rhoFrom;
    @Option(names = "--rho-to", required = true, description = "last rho >= --rho-from") double rhoTo;
    @Option(names = "--rho-steps", defaultValue = "41", description = "number of rho values (default: ${DEFAULT-VALUE})") int rhoSteps;

    @Option(names = "--eta", defaultValue = "0.05", description = "step size eta > 0; with --eta-to the first eta (default: ${DEFAULT-VALUE})")
    double eta;

    @Option(names = "--eta-to", description = "last eta: switches to the (eta, rho) attraction region") Double etaTo;
    @Option(names = "--eta-steps", defaultValue = "41", description = "number of eta values with --eta-to (default: ${DEFAULT-VALUE})") int etaSteps;

    @Option(names = "--out", required = true, description = "CSV file to write") Path out;

    @Option(names = "--png", description = "also draw the rho sweep as a bifurcation diagram (PNG) to this file")
    Path png;

    @Override
    public Integer call() {
        LandscapeOptions.positive("--rho-from", rhoFrom);
        LandscapeOptions.positive("--rho-to", rhoTo);
        if (rhoTo < rhoFrom) throw new IllegalArgumentException("--rho-to " + rhoTo + " < --rho-from " + rhoFrom + "; allowed: rho-to >= rho-from");
        if (rhoSteps < 1 || rhoSteps > 10_000) throw new IllegalArgumentException("--rho-steps " + rhoSteps + "; allowed: 1 to 10000");
        SamMap.checkEta(eta);
        var f = landscape.objective();
        var variant = landscape.samVariant();
        landscape.map(rhoFrom); // validates eps with the variant before any work
        double[] rhos = Bifurcation.range(rhoFrom, rhoTo, rhoSteps);
        Table t;
        AtomicFiles.checkWritable(out);
        if (png != null) {
            if (etaTo != null) throw new IllegalArgumentException("--png draws rho sweeps; it cannot be combined with --eta-to");
            AtomicFiles.checkWritable(png);
        }
        if (etaTo == null) {
            t = Bifurcation.sweep(f, variant, landscape.eps, rhos, eta, landscape.search()).toTable();
        } else {
            SamMap.checkEta(etaTo);
            if (etaTo < eta) throw new IllegalArgumentException("--eta-to " + etaTo + " < --eta " + eta + "; allowed: eta-to >= eta");
            if (etaSteps < 1 || etaSteps > 10_000) throw new IllegalArgumentException("--eta-steps " + etaSteps + "; allowed: 1 to 10000");
            t = AttractionRegion.compute(f, variant, landscape.eps, Bifurcation.range(eta, etaTo, etaSteps), rhos,
                    landscape.search()).toTable();
        }
        TableOutput.writeCsv(t, out);
        if (png != null) {
            // 1-D: the rest point itself; 2-D: its distance from the origin (the landscapes' maximizer or saddle)
            String y = f.dimension() == 1 ? "x1" : "x_norm";
            byte[] bytes = FigureWriter.png(BifurcationFigure.fromTable("bifurcation", t, "rho", y, "kind", "attracting")
                    .title(landscape.landscape + " (" + variant.label() + "): rest points against ρ at η = " + eta)
                    .axes("ρ", f.dimension() == 1 ? "rest point x" : "‖x‖").build());
            AtomicFiles.write(png, o -> o.write(bytes));
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println("wrote " + out + " (" + t.rowCount() + " rows)");
        w.flush();
        return 0;
    }
}
