package samlab.optim;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam with decoupled weight decay (AdamW, Loshchilov and Hutter 2019, "Decoupled weight decay
 * regularization", arXiv:1711.05101; Adam: Kingma and Ba 2015, arXiv:1412.6980): m ← β₁m + (1−β₁)g,
 * v ← β₂v + (1−β₂)g², w ← w − η(m̂/(√v̂ + δ) + λw) with bias-corrected m̂, v̂.
 */
public final class Adam implements BaseOptimizer {
    private final BoundSchedule learningRate;
    private final double beta1;
    private final double beta2;
    private final double delta;
    private final double weightDecay;
    private INDArray m;
    private INDArray v;
    private long t;

    /**
     * AdamW with a constant learning rate.
     *
     * @throws IllegalArgumentException if {@code learningRate} is not finite and &gt; 0, a beta is not
     *                                  in [0, 1), {@code delta} ≤ 0, or {@code weightDecay} not finite and ≥ 0
     */
    public Adam(double learningRate, double beta1, double beta2, double delta, double weightDecay) {
        this(Sgd.constantRate(learningRate), beta1, beta2, delta, weightDecay);
    }

    /**
     * AdamW with a learning-rate schedule.
     *
     * @throws NullPointerException     if {@code learningRate} is null
     * @throws IllegalArgumentException if a beta is not in [0, 1), {@code delta} ≤ 0, or
     *                                  {@code weightDecay} not finite and ≥ 0
     */
    public Adam(RunSchedule learningRate, double beta1, double beta2, double delta, double weightDecay) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas (" + beta1 + ", " + beta2 + ") must be in [0, 1)");
        }
        if (!(delta > 0)) throw new IllegalArgumentException("Adam delta " + delta + " must be positive");
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay " + weightDecay + " must be >= 0 and finite");
        }
        this.learningRate = new BoundSchedule(learningRate);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.delta = delta;
        this.weightDecay = weightDecay;
    }

    /**
     * Adam(η) with β = (0.9, 0.999), δ = 1e-8, no weight decay.
     *
     * @throws IllegalArgumentException if {@code learningRate} is not finite and &gt; 0
     */
    public static Adam of(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8, 0);
    }

    @Override
    public void update(INDArray params, INDArray gradient, ParameterLayout layout, long step) {
        double lr = learningRate.at(step);
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
        INDArray update = m.div(c1).divi(Transforms.sqrt(v.div(c2), false).addi(delta));
        if (weightDecay > 0) update.addi(params.mul(weightDecay));
        update.muli(layout.trainable());
        BaseOptimizer.updateStatistics(params, gradient, layout);
        params.subi(update.muli(lr));
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
        return "adam(lr=" + learningRate.recipe() + ",b1=" + beta1 + ",b2=" + beta2
                + (weightDecay > 0 ? ",wd=" + weightDecay + " decoupled" : "") + ")";
    }
}
