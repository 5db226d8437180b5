package samlab.optim;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A differentiable training loss over live, flattened parameters: optimizers read and modify
 * {@link #parameters()} in place and ask for the gradient at the current parameters. The batch is
 * the objective's business; {@code shard}/{@code shards} split it into equal parts for m-sharpness
 * (shard 0 of 1 is the whole batch).
 */
public interface Objective {
    /** The live parameter vector (a view: writing it changes the model). */
    INDArray parameters();

    /**
     * Computes the loss and its gradient at the current parameters on shard {@code shard} of
     * {@code shards}; returns the loss. The gradient lands in {@link #gradient()}.
     */
    double computeGradient(int shard, int shards);

    /** The gradient written by the last {@link #computeGradient} call (a view; copy to keep it). */
    INDArray gradient();

    /** Which entries are trainable and which are weights. */
    ParameterLayout layout();

    /** Number of examples in shard {@code shard} of {@code shards} (weights shard averages). */
    int shardSize(int shard, int shards);
}
