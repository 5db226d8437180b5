package samlab.optim;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sharpness-Aware Minimization (Foret et al. 2021, arXiv:2010.01412, Algorithm 1) wrapping any
 * {@link BaseOptimizer}, like optax's {@code sam} wrapper: gradient g₁ at w, perturbation e (see
 * {@link SamConfig}), gradient g₂ at w + e, w restored bit for bit from a saved copy, then the base
 * update with g₂. ρ at each step comes from one schedule, {@code warmStart.applyTo(config.rho())}:
 * ρ = 0 during the warm start ({@link WarmStartSchedule}), whose steps are plain base steps (one
 * gradient), then the SAM schedule. With ρ = 0 after the warm start a SAM step equals the base step
 * exactly (e = 0), at the cost of two gradients.
 */
public final class Sam implements Optimizer {
    private final BaseOptimizer base;
    private final SamConfig config;
    private final WarmStartSchedule warmStart;
    private final BoundSchedule rho;
    /** First step of the SAM phase (after the warm start). */
    private long samFrom;
    private INDArray saved;
    private INDArray secondGradient;
    private INDArray firstStatistics;
    private INDArray perturbation;

    /**
     * SAM after a plain warm start (Park, Jang, Ryu and Yang, arXiv:2509.21818: the remedy for
     * hallucinated minimizers).
     *
     * @param base      the base rule that takes the step with the perturbed gradient (SGD, Adam)
     * @param config    the perturbation (variant, ρ schedule, ε, m-sharpness)
     * @param warmStart the plain share of the run before SAM switches on
     * @throws NullPointerException if an argument is null
     */
    public Sam(BaseOptimizer base, SamConfig config, WarmStartSchedule warmStart) {
        this.base = Objects.requireNonNull(base, "base");
        this.config = Objects.requireNonNull(config, "config");
        this.warmStart = Objects.requireNonNull(warmStart, "warmStart");
        this.rho = new BoundSchedule(warmStart.applyTo(config.rho()));
    }

    /**
     * SAM from the first step.
     *
     * @param base   the base rule that takes the step with the perturbed gradient (SGD, Adam)
     * @param config the perturbation (variant, ρ schedule, ε, m-sharpness)
     * @throws NullPointerException if an argument is null
     */
    public Sam(BaseOptimizer base, SamConfig config) {
        this(base, config, WarmStartSchedule.none());
    }

    /** The perturbation settings. */
    public SamConfig config() {
        return config;
    }

    /** The plain warm start. */
    public WarmStartSchedule warmStart() {
        return warmStart;
    }

    @Override
    public BaseOptimizer base() {
        return base;
    }

    @Override
    public void start(RunLength run) {
        rho.start(run);
        samFrom = warmStart.switchStep(run);
        base.start(run);
    }

    /** ρ at {@code step} (0 during the warm start). */
    public double rhoAt(long step) {
        return rho.at(step);
    }

    @Override
    public StepReport step(TrainingLoss objective, long step) {
        double rho = this.rho.at(step);
        if (step < samFrom) return PlainOptimizer.plainStep(base, objective, step); // warm start: ρ = 0, one gradient
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
        base.update(w, secondGradient, layout, step);
        return new StepReport(loss, rho, true, perturbationNorm);
    }

    @Override
    public String describe() {
        return config + "+" + base.describe() + (warmStart.equals(WarmStartSchedule.none()) ? "" : "+" + warmStart);
    }
}
