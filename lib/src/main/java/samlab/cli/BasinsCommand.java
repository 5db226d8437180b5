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
import samlab.landscape.RestPointFinder;
import samlab.landscape.RestPoints;
import samlab.landscape.SamMap;
import samlab.plot.BasinMapFigure;
import samlab.plot.FigureWriter;

/** {@code samlab basins}: where SAM goes from each start of a grid, as CSV. */
@Command(name = "basins", mixinStandardHelpOptions = true,
        description = "Iterate SAM from an nx x ny grid of starts over [-L, L]^2 (a line for 1-D landscapes) "
                + "and write which rest point each start reaches (or diverged / not_converged) as CSV.")
final class BasinsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LandscapeOptions landscape;

    @Mixin SamStepOptions step;

    @Option(names = "--extent", defaultValue = "2", paramLabel = "L", description = "starts cover [-L, L]^d (default: ${DEFAULT-VALUE})")
    double extent;

    @Option(names = "--nx", defaultValue = "200", description = "starts along x (default: ${DEFAULT-VALUE})")
    int nx;

    @Option(names = "--ny", defaultValue = "200", description = "starts along y; ignored for 1-D landscapes (default: ${DEFAULT-VALUE})")
    int ny;

    @Option(names = "--iterations", defaultValue = "1000", description = "SAM steps per start at most (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--out", required = true, description = "CSV file to write (columns x, y, outcome, label)")
    Path out;

    @Option(names = "--png", description = "also draw the basin map (2-D landscapes) as a PNG chart to this file")
    Path png;

    @Override
    public Integer call() {
        LandscapeOptions.positive("--extent", extent);
        SamMap map = landscape.map(step.rho);
        int rows = map.dimension() == 1 ? 1 : ny;
        BasinConfig cfg = new BasinConfig(-extent, extent, -extent, extent, nx, rows, step.eta, iterations);
        AtomicFiles.checkWritable(out);
        if (png != null) {
            if (map.dimension() != 2) throw new IllegalArgumentException("--png draws 2-D basin maps; landscape "
                    + landscape.landscape + " has dimension " + map.dimension());
            AtomicFiles.checkWritable(png);
        }
        // the rest points that label the outcomes: seeds cover the grid widened by rho at least
        RestPoints rest = new RestPointFinder(map, landscape.search().withBox(Math.max(landscape.box, extent + step.rho)))
                .find(step.eta);
        BasinMap b = BasinMap.compute(map, cfg, rest);
        TableOutput.writeCsv(b.toTable(), out);
        if (png != null) {
            BasinsByKind byKind = BasinsByKind.of(b);
            byte[] bytes = FigureWriter.png(BasinMapFigure.builder("basins", byKind.xs(), byKind.ys(), byKind.outcome(),
                    byKind.labels()).title(landscape.landscape + ", ρ = " + step.rho + ", η = " + step.eta + ": where SAM ends").build());
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
