package samlab.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Not a test: renders examples to /tmp/samlab-plot for eyeballing (run by hand). */
class ExampleRender {
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/samlab-plot");
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
        for (Figure f : List.of(contour, inline, quiver)) {
            FigureWriter.writeAll(f, dir).forEach(System.out::println);
        }
    }
}
