package samlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import samlab.course.BasinsByKind;
import samlab.io.AtomicFiles;
import samlab.landscape.BasinConfig;
import samlab.landscape.BasinMap;
import samlab.landscape.RestPoints;
import samlab.landscape.SamMap;
import samlab.plot.BasinMapFigure;
import samlab.plot.FigureWriter;

/** {@code samlab basins}: where SAM goes from each start of a grid, as CSV. */
@Command(name = "basins", mixinStandardHelpOptions = true,
        description = "Iterate SAM from an nx x ny grid of starts over [-L, L]^2 (a line for 1-D landscapes) "
                + "and write which rest point each start reaches (or diverged / not_converged) as CSV. "
                + "Grid axes as numpy.linspace(-L, L, n): n = 1 puts the starts at -L.")
final class BasinsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LandscapeOptions landscape;

    @Mixin SamStepOptions step;

    @Option(names = "--extent", defaultValue = "2", paramLabel = "L", description = "starts cover [-L, L]^d (default: ${DEFAULT-VALUE})")
    double extent;

    @Option(names = "--nx", defaultValue = "200", description = "starts along x, 1 to 20000 (default: ${DEFAULT-VALUE})")
    int nx;

    @Option(names = "--ny", defaultValue = "200", description = "starts along y, 1 to 20000; ignored for 1-D landscapes (default: ${DEFAULT-VALUE})")
    int ny;

    @Option(names = "--iterations", defaultValue = "1000", description = "SAM steps per start at most, 1 to 10000000 (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--out", required = true, description = "CSV file to write (columns x, y, outcome, label)")
    Path out;

    @Option(names = "--png", description = "also draw the basin map (2-D landscapes, nx and ny >= 2) as a PNG chart to this file")
    Path png;

    @Override
    public Integer call() {
        // every option first: bad input must fail before the work and write nothing
        landscape.check();
        step.check();
        LandscapeOptions.positive("--extent", extent);
        LandscapeOptions.count("--nx", nx, 1, 20_000);
        LandscapeOptions.count("--ny", ny, 1, 20_000);
        LandscapeOptions.count("--iterations", iterations, 1, 10_000_000);
        SamMap map = landscape.map(step.rho);
        int rows = map.dimension() == 1 ? 1 : ny;
        BasinConfig cfg = new BasinConfig(-extent, extent, -extent, extent, nx, rows, step.eta, iterations);
        AtomicFiles.checkWritable(out);
        if (png != null) {
            if (map.dimension() != 2) throw new IllegalArgumentException("--png draws 2-D basin maps; landscape "
                    + landscape.landscape + " has dimension " + map.dimension());
            if (nx < 2 || ny < 2) {
                throw new IllegalArgumentException("--png with --nx " + nx + " --ny " + ny + "; allowed: a chart needs --nx >= 2 and --ny >= 2");
            }
            LandscapeOptions.distinctOutputs("--out", out, "--png", png);
            AtomicFiles.checkWritable(png);
        }
        RestPoints rest = BasinMap.restPoints(map, cfg, landscape.search());
        BasinMap b = BasinMap.compute(map, cfg, rest, Main.progress(spec));
        // render everything before writing anything: a chart that fails leaves no CSV behind
        byte[] chart = null;
        if (png != null) {
            BasinsByKind byKind = BasinsByKind.of(b);
            chart = FigureWriter.png(BasinMapFigure.builder("basins", byKind.xs(), byKind.ys(), byKind.outcome(),
                    byKind.labels()).title(landscape.landscape + ", ρ = " + step.rho + ", η = " + step.eta + ": where SAM ends").build());
        }
        TableOutput.writeCsv(b.toTable(), out);
        if (chart != null) {
            byte[] bytes = chart;
            AtomicFiles.write(png, o -> o.write(bytes));
        }
        PrintWriter w = spec.commandLine().getOut();
        for (Map.Entry<String, Integer> e : b.counts().entrySet()) {
            if (e.getValue() > 0) w.printf(Locale.ROOT, "%8d  %s%n", e.getValue(), e.getKey());
        }
        w.printf(Locale.ROOT, "wrote %s (%d starts, %.3g SAM steps/s)%n", out, nx * rows, b.stepsPerSecond());
        w.flush();
        return 0;
    }
}
