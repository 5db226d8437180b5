package samlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Level lines of a sampled function: for each level, the polylines of {f = level}. */
public record ContourSet(double[] levels, List<List<Polyline>> lines) {
    /**
     * @throws NullPointerException     if {@code levels} or {@code lines} is null
     * @throws IllegalArgumentException if there is not one line set per level
     */
    public ContourSet {
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(lines, "lines");
        if (levels.length != lines.size()) {
            throw new IllegalArgumentException(levels.length + " levels but " + lines.size() + " line sets");
        }
        lines = List.copyOf(lines);
    }

    /**
     * Traces each level by marching squares ({@link MarchingSquares#levelSet}).
     *
     * @param grid   the sampled function
     * @param levels the levels, finite and strictly increasing
     * @return the level lines
     * @throws IllegalArgumentException if {@code levels} is null or empty, not finite or not strictly
     *     increasing (see {@link ContourLevels#given})
     */
    public static ContourSet of(SampledGrid grid, double[] levels) {
        double[] lv = ContourLevels.given(levels);
        List<List<Polyline>> lines = new ArrayList<>();
        for (double level : lv) lines.add(List.copyOf(MarchingSquares.levelSet(grid, level)));
        return new ContourSet(lv, lines);
    }
}
