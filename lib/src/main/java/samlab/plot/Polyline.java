package samlab.plot;

import java.util.Objects;

/** A connected piece of a curve; closed when its last point repeats its first. */
public record Polyline(double[] x, double[] y) {
    public Polyline {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " points but y has " + y.length);
        }
    }

    public int size() {
        return x.length;
    }

    public boolean isClosed() {
        return x.length > 2 && x[0] == x[x.length - 1] && y[0] == y[y.length - 1];
    }
}
