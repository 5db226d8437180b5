package samlab.optim;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SGD with heavy-ball or Nesterov momentum, PyTorch semantics (dampening 0):
 * d = g + λw (weight decay as an L2 term added to the gradient, coupled, on all trainable entries),
 * b ← μb + d, step = d + μb (Nesterov) or b, w ← w − η·step.
 */
public final class Sgd implements BaseOptimizer {
    private final BoundSchedule learningRate;
    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;
    private INDArray buffer;
    private INDArray direction;
    private INDArray scratch;

    /**
     * SGD with a constant learning rate.
     *
     * @throws IllegalArgumentException if {@code learningRate} is not finite and &gt; 0, {@code momentum}
     *                                  not in [0, 1), {@code nesterov} with momentum 0, or {@code weightDecay}
     *                                  not finite and ≥ 0
     */
    public Sgd(double learningRate, double momentum, boolean nesterov, double weightDecay) {
        this(constantRate(learningRate), momentum, nesterov, weightDecay);
    }

    /**
     * SGD with a learning-rate schedule (e.g. {@link RunSchedule#cosine}).
     *
     * @throws NullPointerException     if {@code learningRate} is null
     * @throws IllegalArgumentException if {@code momentum} is not in [0, 1), {@code nesterov} with
     *                                  momentum 0, or {@code weightDecay} not finite and ≥ 0
     */
    public Sgd(RunSchedule learningRate, double momentum, boolean nesterov, double weightDecay) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum " + momentum + " must be in [0, 1)");
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Nesterov needs momentum > 0 (got 0)");
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay " + weightDecay + " must be >= 0 and finite");
        }
        this.learningRate = new BoundSchedule(learningRate);
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    /**
     * Plain gradient descent with step {@code learningRate}.
     *
     * @throws IllegalArgumentException if {@code learningRate} is not finite and &gt; 0
     */
    public static Sgd plain(double learningRate) {
        return new Sgd(learningRate, 0, false, 0);
    }

    @Override
    public void update(INDArray params, INDArray gradient, ParameterLayout layout, long step) {
        double lr = learningRate.at(step);
        if (direction == null) {
            direction = params.ulike();
            buffer = params.ulike().assign(0);
            scratch = params.ulike();
        }
        direction.assign(gradient);
        if (weightDecay > 0) direction.addi(scratch.assign(params).muli(weightDecay));
        direction.muli(layout.trainable());
        if (momentum > 0) {
            buffer.muli(momentum).addi(direction);
            if (nesterov) direction.addi(scratch.assign(buffer).muli(momentum));
            else direction.assign(buffer);
        }
        if (layout.hasStatistics()) params.subi(scratch.assign(gradient).muli(layout.statistics()));
        params.subi(direction.muli(lr));
    }

    @Override
    public double learningRate(long step) {
        return learningRate.at(step);
    }

    @Override
    public RunSchedule learningRateSchedule() {
        return learningRate.recipe();
    }

    @Override
    public void start(RunLength run) {
        learningRate.start(run);
    }

    /** A constant learning-rate schedule, checked. */
    static RunSchedule constantRate(double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate " + learningRate + " must be positive and finite");
        }
        return RunSchedule.constant(learningRate);
    }

    @Override
    public List<INDArray> state() {
        return buffer == null ? List.of() : List.of(buffer.dup());
    }

    @Override
    public void loadState(List<INDArray> state) {
        if (state.isEmpty()) {
            buffer = null;
            direction = null;
            return;
        }
        buffer = state.get(0).dup();
        direction = buffer.ulike();
        scratch = buffer.ulike();
    }

    @Override
    public String describe() {
        return "sgd(lr=" + learningRate.recipe() + (momentum > 0 ? ",momentum=" + momentum : "")
                + (nesterov ? ",nesterov" : "") + (weightDecay > 0 ? ",wd=" + weightDecay : "") + ")";
    }

}
