package samlab.optim;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A first-order update rule applied in place to a flattened parameter vector: what SAM wraps.
 * Trainable entries follow the rule; running-statistics entries (see {@link ParameterLayout}) take
 * {@code params -= gradient}, DL4J's convention for BatchNorm mean/variance. Weight decay belongs
 * to the base optimizer (never to the loss the SAM perturbation sees): each rule says how.
 */
public sealed interface BaseOptimizer permits Sgd, Adam {
    /**
     * Applies the update of step {@code step} (0-based over the run; it picks the learning rate
     * from the schedule) with {@code gradient} (not modified). {@code params} and {@code gradient}
     * are flattened parameter vectors of the layout's length.
     *
     * @throws IllegalStateException if the learning-rate schedule depends on the run length and
     *                               {@link #start} was not called
     */
    void update(INDArray params, INDArray gradient, ParameterLayout layout, long step);

    /**
     * Binds the learning-rate schedule to a run of this length (see {@link Optimizer#start}).
     *
     * @throws IllegalStateException if the schedule depends on the run length and {@code run} is {@link RunLength#UNKNOWN}
     */
    void start(RunLength run);

    /**
     * The learning rate η at step {@code step}.
     *
     * @throws IllegalStateException as {@link #update}
     */
    double learningRate(long step);

    /** The learning-rate schedule (its {@code toString()} is a constant's value, e.g. "0.1", or the recipe). */
    RunSchedule learningRateSchedule();

    /** Optimizer state for checkpoints (momentum buffers, moments, step count as a scalar). */
    List<INDArray> state();

    /** Restores state saved by {@link #state()}. */
    void loadState(List<INDArray> state);

    /** Short description for result tables, e.g. "sgd(lr=0.1,momentum=0.9,nesterov,wd=5e-4)". */
    String describe();

    /** params -= gradient on the running-statistics entries (no-op without statistics). */
    static void updateStatistics(INDArray params, INDArray gradient, ParameterLayout layout) {
        if (layout.hasStatistics()) {
            params.subi(gradient.mul(layout.statistics()));
        }
    }
}
