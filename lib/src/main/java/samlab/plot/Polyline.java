package samlab.plot;

import java.util.Objects;

/** A connected piece of a curve; closed when its last point repeats its first. */
public record Polyline(double[] x, double[] y) {
    /**
     * @throws NullPointerException     if {@code x} or {@code y} is null
     * @throws IllegalArgumentException if {@code x} and {@code y} differ in length
     */
    public Polyline {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " points but y has " + y.length);
        }
    }

    /** @return the number of points */
    public int size() {
        return x.length;
    }

    /** @return whether there are more than 2 points and the last equals the first */
    public boolean isClosed() {
        return x.length > 2 && x[0] == x[x.length - 1] && y[0] == y[y.length - 1];
    }
}
