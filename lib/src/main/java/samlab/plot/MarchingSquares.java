package samlab.plot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Level sets of a sampled function by marching squares. Each grid cell whose corners straddle the
 * level contributes a segment between the crossing points on its edges (found by linear
 * interpolation); segments sharing an edge are joined into polylines. Saddle cells (all four edges
 * crossed) are resolved by the value at the cell centre, the mean of the corners.
 */
public final class MarchingSquares {
    private MarchingSquares() {}

    /**
     * The polylines of {f = level}; open chains end on the grid border or next to NaN cells.
     *
     * @param grid  the sampled function
     * @param level the level
     * @return the polylines, in grid coordinates (x, y)
     * @throws IllegalArgumentException if {@code level} is not finite
     */
    public static List<Polyline> levelSet(SampledGrid grid, double level) {
        if (!Double.isFinite(level)) throw new IllegalArgumentException("level " + level + " must be finite");
        int nx = grid.nx();
        int ny = grid.ny();
        double[] xs = grid.xs();
        double[] ys = grid.ys();
        double[][] v = grid.values();
        int horizontal = ny * (nx - 1); // edge ids: horizontal edges first, then vertical ones

        Map<Integer, double[]> point = new HashMap<>();
        Map<Integer, int[]> touching = new HashMap<>(); // edge id -> up to two segment indices
        List<int[]> segments = new ArrayList<>();
        int[] edge = new int[4];
        boolean[] crossed = new boolean[4];
        for (int iy = 0; iy < ny - 1; iy++) {
            for (int ix = 0; ix < nx - 1; ix++) {
                // corners counter-clockwise from bottom-left; edge k joins corner k and k+1
                double[] c = {v[iy][ix], v[iy][ix + 1], v[iy + 1][ix + 1], v[iy + 1][ix]};
                if (!(Double.isFinite(c[0]) && Double.isFinite(c[1]) && Double.isFinite(c[2]) && Double.isFinite(c[3]))) continue;
                boolean[] above = {c[0] >= level, c[1] >= level, c[2] >= level, c[3] >= level};
                edge[0] = iy * (nx - 1) + ix;
                edge[1] = horizontal + iy * nx + ix + 1;
                edge[2] = (iy + 1) * (nx - 1) + ix;
                edge[3] = horizontal + iy * nx + ix;
                int count = 0;
                for (int k = 0; k < 4; k++) {
                    crossed[k] = above[k] != above[(k + 1) % 4];
                    if (crossed[k]) {
                        count++;
                        if (!point.containsKey(edge[k])) point.put(edge[k], crossing(xs, ys, c, level, ix, iy, k));
                    }
                }
                if (count == 2) {
                    int a = -1;
                    int b = -1;
                    for (int k = 0; k < 4; k++) {
                        if (crossed[k]) {
                            if (a < 0) a = k; else b = k;
                        }
                    }
                    addSegment(segments, touching, edge[a], edge[b]);
                } else if (count == 4) {
                    boolean centreAbove = (c[0] + c[1] + c[2] + c[3]) / 4 >= level;
                    // each corner on the other side of the centre is cut off between its two edges
                    for (int k = 0; k < 4; k++) {
                        if (above[k] != centreAbove) addSegment(segments, touching, edge[(k + 3) % 4], edge[k]);
                    }
                }
            }
        }
        return join(segments, touching, point);
    }

    /** The point on edge k of cell (ix, iy) where the linear interpolant equals the level. */
    private static double[] crossing(double[] xs, double[] ys, double[] c, double level, int ix, int iy, int k) {
        double va = c[k];
        double vb = c[(k + 1) % 4];
        double t = (level - va) / (vb - va);
        double x0 = xs[ix];
        double x1 = xs[ix + 1];
        double y0 = ys[iy];
        double y1 = ys[iy + 1];
        return switch (k) {
            case 0 -> new double[] {x0 + t * (x1 - x0), y0};
            case 1 -> new double[] {x1, y0 + t * (y1 - y0)};
            case 2 -> new double[] {x1 + t * (x0 - x1), y1};
            default -> new double[] {x0, y1 + t * (y0 - y1)};
        };
    }

    private static void addSegment(List<int[]> segments, Map<Integer, int[]> touching, int a, int b) {
        int s = segments.size();
        segments.add(new int[] {a, b});
        for (int e : new int[] {a, b}) {
            int[] t = touching.computeIfAbsent(e, id -> new int[] {-1, -1});
            if (t[0] < 0) t[0] = s; else t[1] = s;
        }
    }

    /** Walks segments into chains: first from loose ends (open chains), then around loops. */
    private static List<Polyline> join(List<int[]> segments, Map<Integer, int[]> touching, Map<Integer, double[]> point) {
        boolean[] used = new boolean[segments.size()];
        List<Polyline> out = new ArrayList<>();
        for (Map.Entry<Integer, int[]> e : touching.entrySet()) {
            int[] t = e.getValue();
            if (t[1] < 0 && !used[t[0]]) out.add(walk(e.getKey(), t[0], segments, touching, point, used));
        }
        for (int s = 0; s < segments.size(); s++) {
            if (!used[s]) out.add(walk(segments.get(s)[0], s, segments, touching, point, used));
        }
        return out;
    }

    private static Polyline walk(int startEdge, int startSegment, List<int[]> segments, Map<Integer, int[]> touching,
                                 Map<Integer, double[]> point, boolean[] used) {
        List<double[]> pts = new ArrayList<>();
        pts.add(point.get(startEdge));
        int edge = startEdge;
        int s = startSegment;
        while (s >= 0 && !used[s]) {
            used[s] = true;
            int[] seg = segments.get(s);
            edge = seg[0] == edge ? seg[1] : seg[0];
            pts.add(point.get(edge));
            int[] t = touching.get(edge);
            s = t[0] == s ? t[1] : t[0];
        }
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pts.get(i)[0];
            y[i] = pts.get(i)[1];
        }
        return new Polyline(x, y);
    }
}
