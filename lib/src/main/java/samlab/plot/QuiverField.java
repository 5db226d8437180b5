package samlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Arrows of a vector field, ready to draw: each arrow has a shaft from its tail to its head and two
 * barbs at the head, {@link #HEAD_FRACTION} of the shaft long and {@link #HEAD_ANGLE} off it.
 */
public record QuiverField(List<Arrow> arrows) {
    /** Barb length as a fraction of the shaft. */
    public static final double HEAD_FRACTION = 0.3;
    /** Angle between a barb and the shaft, in radians (25°). */
    public static final double HEAD_ANGLE = Math.toRadians(25);

    public QuiverField {
        arrows = List.copyOf(Objects.requireNonNull(arrows, "arrows"));
    }

    /** One arrow: tail (x, y), head (x + dx, y + dy). */
    public record Arrow(double x, double y, double dx, double dy) {
        public double headX() {
            return x + dx;
        }

        public double headY() {
            return y + dy;
        }

        public double length() {
            return Math.hypot(dx, dy);
        }

        /** The two barb end points {lx, ly, rx, ry}: the shaft turned back by ± the head angle. */
        public double[] barbs() {
            double back = Math.atan2(-dy, -dx);
            double len = HEAD_FRACTION * length();
            return new double[] {
                headX() + len * Math.cos(back + HEAD_ANGLE), headY() + len * Math.sin(back + HEAD_ANGLE),
                headX() + len * Math.cos(back - HEAD_ANGLE), headY() + len * Math.sin(back - HEAD_ANGLE)
            };
        }
    }

    /** How vectors become arrows. */
    public sealed interface Scaling {
        /** Arrow = factor · vector: lengths compare magnitudes. */
        record Proportional(double factor) implements Scaling {
            /** @throws IllegalArgumentException if {@code factor} is not finite and &gt; 0 */
            public Proportional {
                if (!(factor > 0 && Double.isFinite(factor))) {
                    throw new IllegalArgumentException("arrow scale factor " + factor + " must be finite and > 0");
                }
            }
        }

        /** Every arrow the same length, pointing along its vector: shows direction only. */
        record Normalised(double length) implements Scaling {
            /** @throws IllegalArgumentException if {@code length} is not finite and &gt; 0 */
            public Normalised {
                if (!(length > 0 && Double.isFinite(length))) {
                    throw new IllegalArgumentException("arrow length " + length + " must be finite and > 0");
                }
            }
        }
    }

    /**
     * Arrows for vectors {@code vectors.get(i)} attached at {@code points.get(i)} (both of length 2).
     * Zero vectors (and non-finite ones) get no arrow: they have no direction to show.
     *
     * @param points  arrow tails, each {x, y}
     * @param vectors the vectors, each {dx, dy}, one per point
     * @param scaling how vectors become arrows
     * @return the arrows
     * @throws NullPointerException     if {@code points}, {@code vectors} or {@code scaling} is null
     * @throws IllegalArgumentException if the lists differ in size, or a point or vector is null or
     *     not of length 2
     */
    public static QuiverField of(List<double[]> points, List<double[]> vectors, Scaling scaling) {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(scaling, "scaling");
        if (points.size() != vectors.size()) {
            throw new IllegalArgumentException(points.size() + " points but " + vectors.size() + " vectors; need one vector per point");
        }
        List<Arrow> arrows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            double[] v = vectors.get(i);
            if (p == null || p.length != 2) throw new IllegalArgumentException("point " + i + " must have 2 coordinates");
            if (v == null || v.length != 2) throw new IllegalArgumentException("vector " + i + " must have 2 components");
            double norm = Math.hypot(v[0], v[1]);
            if (!(norm > 0) || !Double.isFinite(norm)) continue;
            double s = scaling instanceof Scaling.Proportional prop ? prop.factor() : ((Scaling.Normalised) scaling).length() / norm;
            arrows.add(new Arrow(p[0], p[1], s * v[0], s * v[1]));
        }
        return new QuiverField(arrows);
    }

    /**
     * Samples a field on an nx × ny grid over the rectangle and draws every vector with the same
     * length, 0.8 of the smaller grid spacing, so arrows never overlap.
     *
     * @param field (x, y) ↦ {dx, dy}
     * @return the arrows
     * @throws NullPointerException     if {@code field} is null
     * @throws IllegalArgumentException if a range is not finite with min &lt; max, nx or ny is &lt; 2,
     *     or the field returns null or an array not of length 2
     */
    public static QuiverField sample(java.util.function.BiFunction<Double, Double, double[]> field,
                                     double xMin, double xMax, int nx, double yMin, double yMax, int ny) {
        Objects.requireNonNull(field, "field");
        double[] xs = SampledGrid.linspace("x", xMin, xMax, nx);
        double[] ys = SampledGrid.linspace("y", yMin, yMax, ny);
        List<double[]> pts = new ArrayList<>();
        List<double[]> vs = new ArrayList<>();
        for (double y : ys) {
            for (double x : xs) {
                pts.add(new double[] {x, y});
                vs.add(field.apply(x, y));
            }
        }
        double spacing = Math.min(xs[1] - xs[0], ys[1] - ys[0]);
        return of(pts, vs, new Scaling.Normalised(0.8 * spacing));
    }

    /**
     * All arrows as one polyline for a line chart: per arrow, tail → head, NaN break, barb → head →
     * barb, NaN break. Returns {x, y}.
     */
    public double[][] segments() {
        int n = arrows.size() * 7;
        double[] x = new double[n];
        double[] y = new double[n];
        int i = 0;
        for (Arrow a : arrows) {
            double[] b = a.barbs();
            double[] px = {a.x(), a.headX(), Double.NaN, b[0], a.headX(), b[2], Double.NaN};
            double[] py = {a.y(), a.headY(), Double.NaN, b[1], a.headY(), b[3], Double.NaN};
            System.arraycopy(px, 0, x, i, 7);
            System.arraycopy(py, 0, y, i, 7);
            i += 7;
        }
        return new double[][] {x, y};
    }
}
