package samlab.landscape;

import java.util.List;
import samlab.Tabular;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The rest points a finder found for one SAM map, classified at step size η. */
public record RestPoints(SamMap map, double eta, List<RestPoint> points) implements Tabular {
    public RestPoints {
        points = List.copyOf(points);
    }

    /** The points of one kind. */
    public List<RestPoint> ofKind(RestPoint.Kind kind) {
        return points.stream().filter(p -> p.kind() == kind).toList();
    }

    /** Columns x1..xd, x_norm, kind, value, grad_norm, image1..imaged, image_type, dist_to_image,
     *  spectral_radius, normal_spectral_radius, marginal, attracting. */
    @Override
    public Table toTable() {
        return toTable(points, map.dimension(), "rest points of " + map.objective().name()
                + " (" + map.variant().label() + ", rho=" + map.rho() + ", eta=" + eta + ")", null, null);
    }

    /** Shared with sweeps: optional leading columns (name, one value per point). */
    static Table toTable(List<RestPoint> pts, int d, String title, String leadName, double[] lead) {
        Table t = Table.create(title);
        if (leadName != null) t.addColumns(DoubleColumn.create(leadName, lead));
        for (int i = 0; i < d; i++) {
            final int k = i;
            t.addColumns(DoubleColumn.create("x" + (i + 1), pts.stream().mapToDouble(p -> p.x(k)).toArray()));
        }
        // ‖x‖: the y axis of a bifurcation diagram for rotation-invariant landscapes (ring)
        t.addColumns(DoubleColumn.create("x_norm", pts.stream().mapToDouble(p -> Vectors.norm(p.x())).toArray()));
        t.addColumns(StringColumn.create("kind", pts.stream().map(p -> p.kind().label()).toArray(String[]::new)));
        t.addColumns(DoubleColumn.create("value", pts.stream().mapToDouble(RestPoint::value).toArray()));
        t.addColumns(DoubleColumn.create("grad_norm", pts.stream().mapToDouble(RestPoint::gradNorm).toArray()));
        for (int i = 0; i < d; i++) {
            final int k = i;
            t.addColumns(DoubleColumn.create("image" + (i + 1), pts.stream().mapToDouble(p -> p.image(k)).toArray()));
        }
        t.addColumns(StringColumn.create("image_type", pts.stream().map(p -> p.imageType().label()).toArray(String[]::new)));
        t.addColumns(DoubleColumn.create("dist_to_image", pts.stream().mapToDouble(RestPoint::distToImage).toArray()));
        t.addColumns(DoubleColumn.create("spectral_radius", pts.stream().mapToDouble(RestPoint::spectralRadius).toArray()));
        t.addColumns(DoubleColumn.create("normal_spectral_radius",
                pts.stream().mapToDouble(RestPoint::normalSpectralRadius).toArray()));
        BooleanColumn marginal = BooleanColumn.create("marginal");
        BooleanColumn attracting = BooleanColumn.create("attracting");
        for (RestPoint p : pts) {
            marginal.append(p.marginal());
            attracting.append(p.attracting());
        }
        t.addColumns(marginal, attracting);
        return t;
    }
}
