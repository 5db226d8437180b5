package samlab.optim;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam with decoupled weight decay (AdamW, Loshchilov and Hutter): m ← β₁m + (1−β₁)g,
 * v ← β₂v + (1−β₂)g², w ← w − η(m̂/(√v̂ + δ) + λw) with bias-corrected m̂, v̂.
 */
public final class Adam implements BaseOptimizer {
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double delta;
    private final double weightDecay;
    private INDArray m;
    private INDArray v;
    private long t;

    public Adam(double learningRate, double beta1, double beta2, double delta, double weightDecay) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate " + learningRate + " must be positive and finite");
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas (" + beta1 + ", " + beta2 + ") must be in [0, 1)");
        }
        if (!(delta > 0)) throw new IllegalArgumentException("Adam delta " + delta + " must be positive");
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay " + weightDecay + " must be >= 0 and finite");
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.delta = delta;
        this.weightDecay = weightDecay;
    }

    /** Adam(η) with β = (0.9, 0.999), δ = 1e-8, no weight decay. */
    public static Adam of(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8, 0);
    }

    @Override
    public void update(INDArray params, INDArray gradient, ParameterLayout layout) {
        if (m == null) {
            m = params.ulike().assign(0);
            v = params.ulike().assign(0);
        }
        t++;
        INDArray g = gradient.mul(layout.trainable());
        m.muli(beta1).addi(g.mul(1 - beta1));
        v.muli(beta2).addi(g.muli(g).muli(1 - beta2));
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        INDArray step = m.div(c1).divi(Transforms.sqrt(v.div(c2), false).addi(delta));
        if (weightDecay > 0) step.addi(params.mul(weightDecay));
        step.muli(layout.trainable());
        BaseOptimizer.updateStatistics(params, gradient, layout);
        params.subi(step.muli(learningRate));
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public List<INDArray> state() {
        return m == null ? List.of() : List.of(m.dup(), v.dup(), Nd4j.scalar((double) t));
    }

    @Override
    public void loadState(List<INDArray> state) {
        if (state.isEmpty()) {
            m = null;
            v = null;
            t = 0;
            return;
        }
        m = state.get(0).dup();
        v = state.get(1).dup();
        t = (long) state.get(2).getDouble(0);
    }

    @Override
    public String describe() {
        return "adam(lr=" + learningRate + ",b1=" + beta1 + ",b2=" + beta2
                + (weightDecay > 0 ? ",wd=" + weightDecay + " decoupled" : "") + ")";
    }
}
