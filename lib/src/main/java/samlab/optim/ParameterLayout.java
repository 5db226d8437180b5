package samlab.optim;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Which entries of a flattened parameter vector are what. Two 0/1 masks of the vector's length:
 * {@code trainable} (everything the loss gradient moves; 0 for BatchNorm running statistics, which
 * DL4J keeps in the same vector and updates by subtracting their "gradient" slot) and
 * {@code weights} (conv/dense kernels: no biases, no BatchNorm scale/shift), used by ASAM's
 * elementwise scaling. The complement mask {@link #statistics()} is computed once.
 */
public final class ParameterLayout {
    private final INDArray trainable;
    private final INDArray weights;
    private final INDArray statistics;
    private final boolean hasStatistics;

    /**
     * A layout from its two masks (kept, not copied).
     *
     * @param trainable 0/1 mask, the parameter vector's length: 1 where the loss gradient moves the entry
     * @param weights   0/1 mask of the same length: 1 on conv/dense kernel weights
     * @throws NullPointerException     if a mask is null
     * @throws IllegalArgumentException if the masks differ in length
     */
    public ParameterLayout(INDArray trainable, INDArray weights) {
        Objects.requireNonNull(trainable, "trainable");
        Objects.requireNonNull(weights, "weights");
        if (trainable.length() != weights.length()) {
            throw new IllegalArgumentException("masks differ in length: " + trainable.length() + " vs " + weights.length());
        }
        this.trainable = trainable;
        this.weights = weights;
        this.statistics = trainable.rsub(1.0);
        this.hasStatistics = trainable.minNumber().doubleValue() < 1.0;
    }

    /**
     * All entries trainable and all of them weights (plain models in tests).
     *
     * @param params the parameter vector, only its length and type are read
     * @return a layout whose two masks are the same all-ones array
     */
    public static ParameterLayout allWeights(INDArray params) {
        INDArray ones = params.ulike().assign(1);
        return new ParameterLayout(ones, ones);
    }

    /** 1 on entries the loss gradient moves, 0 on running statistics. */
    public INDArray trainable() {
        return trainable;
    }

    /** 1 on kernel weights. */
    public INDArray weights() {
        return weights;
    }

    /** 1 − trainable: the running statistics. */
    public INDArray statistics() {
        return statistics;
    }

    /** Whether some entries are not trainable (running statistics present). */
    public boolean hasStatistics() {
        return hasStatistics;
    }

    /** Number of entries. */
    public long length() {
        return trainable.length();
    }
}
