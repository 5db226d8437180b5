package samlab.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One mini-batch as the network takes it: {@code features} N×(C·H·W) or N×C×H×W and one-hot
 * {@code labels} N×K, both FLOAT. Filled by {@link Batches}, which reuses the arrays for the next
 * batch of the same size.
 */
public record Batch(INDArray features, INDArray labels) {
    /** The number of examples N. */
    public int size() {
        return (int) labels.size(0);
    }
}
