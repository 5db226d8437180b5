package samlab.optim;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Which entries of a flattened parameter vector are what. Two 0/1 masks of the vector's length:
 * {@code trainable} (everything the loss gradient moves; 0 for BatchNorm running statistics, which
 * DL4J keeps in the same vector and updates by subtracting their "gradient" slot) and
 * {@code weights} (conv/dense kernels: no biases, no BatchNorm scale/shift), used by ASAM's
 * elementwise scaling.
 */
public record ParameterLayout(INDArray trainable, INDArray weights) {
    public ParameterLayout {
        Objects.requireNonNull(trainable, "trainable");
        Objects.requireNonNull(weights, "weights");
        if (trainable.length() != weights.length()) {
            throw new IllegalArgumentException("masks differ in length: " + trainable.length() + " vs " + weights.length());
        }
    }

    /** All entries trainable and all of them weights (plain models in tests). */
    public static ParameterLayout allWeights(INDArray params) {
        INDArray ones = params.ulike().assign(1);
        return new ParameterLayout(ones, ones);
    }

    /** Number of entries. */
    public long length() {
        return trainable.length();
    }

    /** 1 − trainable: the running statistics. */
    public INDArray statistics() {
        return trainable.rsub(1.0);
    }

    /** Whether some entries are not trainable (running statistics present). */
    public boolean hasStatistics() {
        return trainable.minNumber().doubleValue() < 1.0;
    }
}
