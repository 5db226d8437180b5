package samlab.optim;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sharpness-Aware Minimization wrapping any {@link BaseOptimizer}: gradient g₁ at w, perturbation
 * e (see {@link SamConfig}), gradient g₂ at w + e, w restored bit for bit from a saved copy, then
 * the base update with g₂. During warm-start (see {@link WarmStartSchedule}) a step is the plain
 * base step. With ρ = 0 a SAM step equals the base step exactly.
 */
public final class Sam implements Optimizer {
    private final BaseOptimizer base;
    private final SamConfig config;
    private final WarmStartSchedule warmStart;
    private INDArray saved;
    private INDArray secondGradient;
    private INDArray firstStatistics;
    private INDArray perturbation;

    public Sam(BaseOptimizer base, SamConfig config, WarmStartSchedule warmStart) {
        this.base = Objects.requireNonNull(base, "base");
        this.config = Objects.requireNonNull(config, "config");
        this.warmStart = Objects.requireNonNull(warmStart, "warmStart");
    }

    /** SAM from the first step. */
    public Sam(BaseOptimizer base, SamConfig config) {
        this(base, config, WarmStartSchedule.none());
    }

    public SamConfig config() {
        return config;
    }

    public WarmStartSchedule warmStart() {
        return warmStart;
    }

    @Override
    public BaseOptimizer base() {
        return base;
    }

    @Override
    public StepReport step(Objective objective, long iteration, long totalIterations, int epoch) {
        if (!warmStart.samActive(iteration, totalIterations, epoch)) {
            double loss = objective.computeGradient(0, 1);
            base.update(objective.parameters(), objective.gradient(), objective.layout());
            return new StepReport(loss, 0, false, 0);
        }
        double rho = config.rho().rho(iteration, totalIterations);
        INDArray w = objective.parameters();
        ParameterLayout layout = objective.layout();
        boolean stats = layout.hasStatistics() && !config.secondPassStatistics();
        if (saved == null || saved.length() != w.length()) {
            saved = w.ulike();
            secondGradient = w.ulike();
            firstStatistics = w.ulike();
            perturbation = w.ulike();
        }
        saved.assign(w);
        int m = config.shards();
        long total = 0;
        for (int s = 0; s < m; s++) total += objective.shardSize(s, m);
        double loss = 0;
        double perturbationNorm = 0;
        for (int s = 0; s < m; s++) {
            double weight = m == 1 ? 1.0 : (double) objective.shardSize(s, m) / total;
            loss += weight * objective.computeGradient(s, m);
            INDArray g1 = objective.gradient();
            if (stats) {
                if (s == 0) firstStatistics.assign(g1).muli(layout.statistics()).muli(weight);
                else firstStatistics.addi(g1.mul(layout.statistics()).muli(weight));
            }
            INDArray e = config.perturbation(g1, w, layout, rho, perturbation);
            perturbationNorm += weight * e.norm2Number().doubleValue();
            w.addi(e);
            objective.computeGradient(s, m);
            INDArray g2 = objective.gradient();
            if (s == 0) secondGradient.assign(m == 1 ? g2 : g2.mul(weight));
            else secondGradient.addi(g2.mul(weight));
            w.assign(saved); // exact restore, no (w + e) − e rounding
        }
        if (stats) secondGradient.muli(layout.trainable()).addi(firstStatistics);
        base.update(w, secondGradient, layout);
        return new StepReport(loss, rho, true, perturbationNorm);
    }

    @Override
    public String describe() {
        return config + "+" + base.describe() + (warmStart.equals(WarmStartSchedule.none()) ? "" : "+" + warmStart);
    }
}
