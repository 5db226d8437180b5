package samlab.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One example of every kind of figure, on the ring f = (‖x‖² − 1)²/4. {@link FigureWriterTest}
 * writes them all; run {@code main} by hand to look at them (default folder /tmp/samlab-plot).
 */
final class FigureGallery {
    private FigureGallery() {}

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/samlab-plot");
        for (Figure f : all()) FigureWriter.writeAll(f, dir).forEach(System.out::println);
    }

    static List<Figure> all() {
        // ring: f = (r^2 - 1)^2 / 4
        SampledGrid g = SampledGrid.sample((x, y) -> Math.pow(x * x + y * y - 1, 2) / 4, -2, 2, 81, -2, 2, 81);
        List<double[]> traj = new ArrayList<>();
        double x = 0.1, y = 0.05;
        for (int i = 0; i < 40; i++) {
            traj.add(new double[] {x, y});
            double r2 = x * x + y * y;
            x -= 0.2 * (r2 - 1) * x;
            y -= 0.2 * (r2 - 1) * y;
        }
        List<double[]> ring = new ArrayList<>();
        for (int k = 0; k < 24; k++) ring.add(new double[] {1.3 * Math.cos(k * Math.PI / 12), 1.3 * Math.sin(k * Math.PI / 12)});
        Figure contour = PlaneFigure.builder("example-contour").title("The ring's minimizers form a circle of radius 1")
                .contour(g, ContourLevels.quantiles(g, 8)).backdrop(g).trajectory("GD from (0.1, 0.05)", traj)
                .points("maximizer", List.of(new double[] {0, 0}), Mark.CROSS)
                .points("hallucinated set", ring, Mark.DIAMOND).build();
        Figure inline = PlaneFigure.builder("example-contour-inline").title("Level lines labelled in place")
                .contour(g, ContourLevels.logSpaced(g, 7, 3)).inlineLevelLabels(true).build();
        QuiverField q = QuiverField.sample((a, b) -> new double[] {-(a * a + b * b - 1) * a, -(a * a + b * b - 1) * b}, -2, 2, 15, -2, 2, 15);
        Figure quiver = PlaneFigure.builder("example-quiver").title("−∇f points to the ring")
                .contour(g, ContourLevels.quantiles(g, 6)).quiver("−∇f", q).build();
        double[] xs = SampledGrid.linspace("x", -2, 2, 41);
        double[] ys = SampledGrid.linspace("y", -2, 2, 41);
        int[][] out = new int[41][41];
        for (int iy = 0; iy < 41; iy++) for (int ix = 0; ix < 41; ix++) {
            double r = Math.hypot(xs[ix], ys[iy]);
            out[iy][ix] = r < 0.5 ? 2 : (xs[ix] > 0 ? 0 : 1);
        }
        Figure basin = BasinMapFigure.builder("example-basins", xs, ys, out, List.of("minimizer", "other minimizer", "hallucinated"))
                .title("Starts near the maximizer end on the hallucinated set")
                .points("maximizer", List.of(new double[] {0, 0}), Mark.CROSS).build();
        BifurcationFigure.Builder bb = BifurcationFigure.builder("example-bifurcation").title("A hallucinated rest point appears once ρ > 1");
        for (double rho = 0.1; rho <= 2.0; rho += 0.05) {
            bb.point(rho, 1, "critical", true);
            if (rho > 1) bb.point(rho, rho - 1, "hallucinated", rho < 1.6);
        }
        Figure bif = bb.threshold("ρ = d = 1", 1).build();
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("train",
                tech.tablesaw.api.DoubleColumn.create("step", java.util.stream.IntStream.rangeClosed(1, 200).asDoubleStream().toArray()),
                tech.tablesaw.api.DoubleColumn.create("SGD", java.util.stream.IntStream.rangeClosed(1, 200).mapToDouble(i -> 2 * Math.exp(-i / 30.0) + 1e-3).toArray()),
                tech.tablesaw.api.DoubleColumn.create("SAM", java.util.stream.IntStream.rangeClosed(1, 200).mapToDouble(i -> 2 * Math.exp(-i / 50.0) + 1e-2).toArray()));
        Figure line = LineFigure.fromTable("example-line", t, "step", "SGD", "SAM").axes("step t", "‖∇f(x_t)‖").logY(true)
                .title("SAM's gradient norm stalls above SGD's").build();
        return List.of(contour, inline, quiver, basin, bif, line);
    }
}
