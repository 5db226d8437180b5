package samlab.optim;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * How SAM perturbs. With g the loss gradient at w over the trainable entries (global norm over all
 * of them) and ρ from the schedule:
 * <ul>
 * <li>SAM: e = ρ g / (‖g‖ + ε) (ε = {@value #DEFAULT_EPSILON} by default, guards ‖g‖ = 0; 0 allowed);</li>
 * <li>USAM: e = ρ g (unnormalised);</li>
 * <li>ASAM: e = ρ T²g / (‖Tg‖ + ε) with T = |w| + η elementwise on weights (kernels) and T = 1 on
 *     biases and BatchNorm scale/shift unless {@code asamAllParameters}.</li>
 * </ul>
 * {@code shards} &gt; 1 is m-sharpness: the batch is split into m shards, each gets its own
 * perturbation and second gradient, and the base update uses their size-weighted mean.
 * {@code secondPassStatistics} false (default) keeps the BatchNorm running statistics of the first
 * pass: the second pass (at w + e) does not update them.
 */
public record SamConfig(Variant variant, RhoSchedule rho, double epsilon, double asamEta,
                        boolean asamAllParameters, int shards, boolean secondPassStatistics) {
    public static final double DEFAULT_EPSILON = 1e-12;
    public static final double DEFAULT_ASAM_ETA = 0.01;

    /** The perturbation rule. */
    public enum Variant { SAM, USAM, ASAM }

    public SamConfig {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(rho, "rho");
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon " + epsilon + " must be >= 0 and finite");
        }
        if (!(asamEta >= 0) || !Double.isFinite(asamEta)) {
            throw new IllegalArgumentException("ASAM eta " + asamEta + " must be >= 0 and finite");
        }
        if (shards < 1) throw new IllegalArgumentException("m-sharpness shards " + shards + " must be >= 1");
    }

    /** Plain SAM with constant ρ and the defaults. */
    public static SamConfig sam(double rho) {
        return of(Variant.SAM, rho);
    }

    /** A variant with constant ρ and the defaults. */
    public static SamConfig of(Variant variant, double rho) {
        return new SamConfig(variant, RhoSchedule.constant(rho), DEFAULT_EPSILON, DEFAULT_ASAM_ETA, false, 1, false);
    }

    /** This config with m-sharpness over {@code m} shards. */
    public SamConfig withShards(int m) {
        return new SamConfig(variant, rho, epsilon, asamEta, asamAllParameters, m, secondPassStatistics);
    }

    /** This config with another ρ schedule. */
    public SamConfig withRho(RhoSchedule schedule) {
        return new SamConfig(variant, schedule, epsilon, asamEta, asamAllParameters, shards, secondPassStatistics);
    }

    /**
     * The perturbation e for gradient {@code g} at parameters {@code w} (a new array; zero on
     * running-statistics entries).
     */
    public INDArray perturbation(INDArray g, INDArray w, ParameterLayout layout, double rho) {
        return perturbation(g, w, layout, rho, g.ulike());
    }

    /** As {@link #perturbation(INDArray, INDArray, ParameterLayout, double)}, written into {@code out} (returned). */
    public INDArray perturbation(INDArray g, INDArray w, ParameterLayout layout, double rho, INDArray out) {
        INDArray gt = out.assign(g).muli(layout.trainable());
        if (variant == Variant.USAM) return gt.muli(rho);
        INDArray scale = null;
        if (variant == Variant.ASAM) {
            INDArray mask = asamAllParameters ? layout.trainable() : layout.weights();
            // T = 1 + mask·(|w| + η − 1): |w| + η on the masked entries, 1 elsewhere
            scale = Transforms.abs(w, true).addi(asamEta - 1).muli(mask).addi(1);
            gt.muli(scale);
        }
        double norm = gt.norm2Number().doubleValue();
        if (scale != null) gt.muli(scale);
        return gt.muli(rho / (norm + epsilon));
    }

    @Override
    public String toString() {
        return variant.name().toLowerCase() + "(eps=" + epsilon + (variant == Variant.ASAM ? ",eta=" + asamEta : "")
                + (shards > 1 ? ",m=" + shards : "") + (secondPassStatistics ? ",bn=second" : "") + ")";
    }
}
