package samlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Level lines of a sampled function: for each level, the polylines of {f = level}. */
public record ContourSet(double[] levels, List<List<Polyline>> lines) {
    public ContourSet {
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(lines, "lines");
        if (levels.length != lines.size()) {
            throw new IllegalArgumentException(levels.length + " levels but " + lines.size() + " line sets");
        }
        lines = List.copyOf(lines);
    }

    /** Traces each level by marching squares; levels must be finite and increasing. */
    public static ContourSet of(SampledGrid grid, double[] levels) {
        double[] lv = ContourLevels.given(levels);
        List<List<Polyline>> lines = new ArrayList<>();
        for (double level : lv) lines.add(List.copyOf(MarchingSquares.levelSet(grid, level)));
        return new ContourSet(lv, lines);
    }
}
