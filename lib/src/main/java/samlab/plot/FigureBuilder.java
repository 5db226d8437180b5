package samlab.plot;

import java.util.Objects;

/**
 * What every figure builder has: a file-name-safe name, a title stating the takeaway, and axis
 * labels with symbols.
 *
 * @param <B> the concrete builder, returned by the setters so calls chain
 */
public abstract class FigureBuilder<B extends FigureBuilder<B>> {
    final String name;
    String title = "";
    String xLabel;
    String yLabel;

    FigureBuilder(String name, String xLabel, String yLabel) {
        this.name = FigureNames.check(name);
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /**
     * The takeaway, in a sentence.
     *
     * @throws NullPointerException if {@code title} is null
     */
    public B title(String title) {
        this.title = Objects.requireNonNull(title, "title");
        return self();
    }

    /**
     * Axis labels, with units or symbols.
     *
     * @throws NullPointerException if a label is null
     */
    public B axes(String xLabel, String yLabel) {
        this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
        this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
        return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
