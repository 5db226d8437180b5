package samlab.optim;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SGD with heavy-ball or Nesterov momentum, PyTorch semantics (dampening 0):
 * d = g + λw (weight decay as an L2 term added to the gradient, coupled, on all trainable entries),
 * b ← μb + d, step = d + μb (Nesterov) or b, w ← w − η·step.
 */
public final class Sgd implements BaseOptimizer {
    private final double learningRate;
    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;
    private INDArray buffer;
    private INDArray direction;
    private INDArray scratch;

    public Sgd(double learningRate, double momentum, boolean nesterov, double weightDecay) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate " + learningRate + " must be positive and finite");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum " + momentum + " must be in [0, 1)");
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Nesterov needs momentum > 0 (got 0)");
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay " + weightDecay + " must be >= 0 and finite");
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    /** Plain gradient descent with step {@code learningRate}. */
    public static Sgd plain(double learningRate) {
        return new Sgd(learningRate, 0, false, 0);
    }

    @Override
    public void update(INDArray params, INDArray gradient, ParameterLayout layout) {
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
        params.subi(direction.muli(learningRate));
    }

    @Override
    public double learningRate() {
        return learningRate;
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
        return "sgd(lr=" + learningRate + (momentum > 0 ? ",momentum=" + momentum : "")
                + (nesterov ? ",nesterov" : "") + (weightDecay > 0 ? ",wd=" + weightDecay : "") + ")";
    }

}
