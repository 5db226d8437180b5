package samlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import samlab.data.ImageDataset;
import samlab.nn.Architecture;
import samlab.train.HallucinationCheck.Thresholds;
import samlab.train.HallucinationCheck.Verdict;

/** The mechanism diagnostics on constructed networks whose answers are known in closed form. */
class MechanismTest {
    private static final ImageDataset DATA = SyntheticImages.create(50, 3, 1, 4, 4, 0.3, 2);

    /** The MLP with every hidden bias set to {@code bias}, output layer zero (logits = output bias = 0). */
    private static ComputationGraph mlp(double bias) {
        ComputationGraph g = Architecture.MLP.build(1, 4, 4, 3, 1);
        g.getLayer("hidden").getParam("b").assign(bias);
        g.getLayer("out").getParam("W").assign(0);
        g.getLayer("out").getParam("b").assign(0);
        return g;
    }

    @Test
    void reluLayersOfTheMlp() {
        assertEquals(List.of("hidden"), ActiveUnits.reluLayers(Architecture.MLP.build(1, 4, 4, 3, 1)));
    }

    @Test
    void activeFractionIsZeroOneOrHalfWhenTheBiasDecides() {
        Batches in = new Batches(DATA, true);
        int[] rows = Batches.identity(DATA.size());
        // |Wx| is far below 100 for He-initialised W and inputs of order 1
        assertEquals(0.0, ActiveUnits.perLayer(mlp(-100), in, rows, 16).get("hidden"));
        assertEquals(1.0, ActiveUnits.perLayer(mlp(100), in, rows, 16).get("hidden"));
        ComputationGraph half = mlp(0);
        half.getLayer("hidden").getParam("W").assign(0);
        INDArray b = half.getLayer("hidden").getParam("b");
        for (int i = 0; i < b.length(); i++) b.putScalar(i, i % 2 == 0 ? 1 : -1);
        assertEquals(0.5, ActiveUnits.perLayer(half, in, rows, 7).get("hidden"), 1e-12);
    }

    /**
     * All hidden units dead and zero logits: the loss depends on the output bias alone, softmax p = 1/3,
     * so ∇L = p − ȳ (ȳ the class frequencies) and ∇²L = diag(p) − ppᵀ = (I − 11ᵀ/3)/3, λ_max = 1/3.
     * A small ρ keeps w⁺ dead, so the check must say DEAD_PLATEAU whatever the ratio.
     */
    @Test
    void allUnitsDeadGivesTheBiasOnlyGradientAndCurvatureAndADeadPlateau() {
        ComputationGraph g = mlp(-100);
        INDArray before = g.params().dup();
        var report = HallucinationCheck.run(g, true, DATA,
                HallucinationCheck.Config.of(0.05).withStability(0.5, 60));
        assertEquals(before, g.params());
        double[] freq = new double[3];
        for (int y : DATA.labels()) freq[y] += 1.0 / DATA.size();
        double norm = 0;
        for (double f : freq) norm += (1.0 / 3 - f) * (1.0 / 3 - f);
        norm = Math.sqrt(norm);
        Diagnostics d = report.diagnostics();
        assertEquals(norm, d.gradientNorm(), 1e-5);
        assertEquals(Math.log(3), d.loss(), 1e-5);
        assertEquals(0.0, d.activeFraction());
        assertEquals(0.0, d.perturbedActiveFraction());
        assertEquals(1.0 / 3, d.topEigenvalue(), 2e-3);
        assertEquals(Verdict.DEAD_PLATEAU, report.verdict());
        assertTrue(report.toString().contains("DEAD_PLATEAU"));
        assertEquals("DEAD_PLATEAU", report.toTable().stringColumn("verdict").get(0));
        assertEquals(0.5 / 3, report.toTable().doubleColumn("eta_lambda_max").get(0), 1e-3);
    }

    @Test
    void weightNormCountsTrainableEntries() {
        ComputationGraph g = Architecture.MLP.build(1, 4, 4, 3, 1);
        var d = HallucinationCheck.run(g, true, DATA, HallucinationCheck.Config.of(0.5)).diagnostics();
        assertEquals(g.params().norm2Number().doubleValue(), d.weightNorm(), 1e-4); // an MLP: all entries trainable
        assertEquals(0.5 / d.weightNorm(), d.relativeRadius(), 1e-12);
        assertTrue(d.activeFraction() > 0.2 && d.activeFraction() < 0.8, "He init: about half the units fire");
    }

    /**
     * SAM on the quartic f(x) = (x² − 1)², f' = 4x³ − 4x, f'' = 12x² − 4. For ρ ∈ (1, 2) the point
     * x* = 1 − ρ is a hallucinated minimizer: f'(x*) > 0, so x*⁺ = x* + ρ = 1, a minimizer of f. The
     * SAM map's derivative there is 1 − ηf''(1) = 1 − 8η (the course's Theorem 2), so |f'(x⁺_t)|
     * decays geometrically at rate |1 − 8η| (0.6 at η = 0.05), and f''(x⁺) = 8.
     */
    @Test
    void samOnTheQuarticDecaysGeometricallyAtTheTheoremTwoRate() {
        double rho = 1.5;
        double eta = 0.05;
        double x = 1 - rho + 0.05;
        int steps = 40;
        double[] t = new double[steps];
        double[] shifted = new double[steps];
        double fx = 0;
        for (int k = 0; k < steps; k++) {
            fx = 4 * x * x * x - 4 * x;
            double plus = x + rho * Math.signum(fx);
            double fplus = 4 * plus * plus * plus - 4 * plus;
            t[k] = k;
            shifted[k] = Math.abs(fplus);
            x -= eta * fplus;
        }
        double rate = GeometricDecay.lastRate(t, shifted, 10);
        assertEquals(1 - 8 * eta, rate, 1e-3);
        assertEquals(-0.5, x, 1e-6);
        // curvature at the image point by the same power iteration the network check uses
        INDArray p = org.nd4j.linalg.factory.Nd4j.createFromArray(new double[] {x + rho});
        double lambdaPlus = TopEigenvalue.estimate(p, null, () -> {
            double y = p.getDouble(0);
            return org.nd4j.linalg.factory.Nd4j.createFromArray(new double[] {4 * y * y * y - 4 * y});
        }, new TopEigenvalue.Settings(5, 1e-9, 1e-4, 0)).eigenvalue();
        assertEquals(8.0, lambdaPlus, 1e-5);
        Diagnostics d = new Diagnostics(rho, Double.NaN, Math.abs(fx), shifted[steps - 1], shifted[steps - 1] / Math.abs(fx),
                1, Double.NaN, Math.abs(x), Double.NaN, Double.NaN, 12 * x * x - 4, lambdaPlus, true, true);
        assertEquals(Verdict.HALLUCINATED, HallucinationCheck.classify(d, eta, rate, Thresholds.DEFAULT));
        // η = 0.3: 1 − 8η = −1.4, the rest point repels; the check calls it an unstable step
        assertEquals(Verdict.UNSTABLE_STEP, HallucinationCheck.classify(d, 0.3, rate, Thresholds.DEFAULT));
    }

    @Test
    void decayRateOfAnExactGeometricSequence() {
        double[] t = {10, 20, 30, 40};
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) y[i] = 3 * Math.pow(0.97, t[i]);
        assertEquals(0.97, GeometricDecay.rate(t, y), 1e-12);
        // NaN (epochs without diagnostics) skipped; window keeps the last points
        double[] t2 = {0, 1, 2, 3, 4, 5};
        double[] y2 = {100, Double.NaN, 8, 4, Double.NaN, 1};
        assertEquals(Math.pow(1.0 / 8, 1.0 / 3), GeometricDecay.lastRate(t2, y2, 3), 1e-12);
        assertTrue(Double.isNaN(GeometricDecay.lastRate(t2, new double[] {1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN}, 3)));
    }

    /** Each rule of {@link HallucinationCheck#classify} on a record built to trigger exactly it. */
    @Test
    void mechanismRulesInOrder() {
        Thresholds t = Thresholds.DEFAULT;
        // rho, loss, |g|, |g+|, ratio, cos, loss+, |w|, active, active+, lambda, lambda+, both converged
        Diagnostics critical = new Diagnostics(1, 0.01, 1e-4, 1e-6, 0.01, 1, 0.01, 20, 0.5, 0.5, 3, 3, true, true);
        Diagnostics dead = new Diagnostics(10, 2.3, 0.3, 0.01, 0.03, 0.1, 2.30, 25, 0.4, 0.0, 6, 0.09, true, true);
        Diagnostics deadMoving = new Diagnostics(10, 2.3, 0.3, 0.2, 0.7, 0.1, 2.30, 25, 0.4, 0.01, 6, 0.09, true, true);
        Diagnostics live = new Diagnostics(2, 0.5, 0.3, 0.01, 0.033, 0.2, 0.4, 25, 0.4, 0.3, 6, 3, true, true);
        Diagnostics moving = new Diagnostics(2, 0.5, 0.3, 0.2, 0.67, 0.9, 0.7, 25, 0.4, 0.3, 6, 3, true, true);
        assertEquals(Verdict.CRITICAL_POINT, HallucinationCheck.classify(critical, 0.05, 0.9, t));
        assertEquals(Verdict.DEAD_PLATEAU, HallucinationCheck.classify(dead, 0.05, 0.9, t));
        assertEquals(Verdict.DEAD_PLATEAU, HallucinationCheck.classify(deadMoving, 0.05, Double.NaN, t));
        assertEquals(Verdict.HALLUCINATED, HallucinationCheck.classify(live, 0.05, 0.9, t));
        assertEquals(Verdict.HALLUCINATED, HallucinationCheck.classify(live, Double.NaN, Double.NaN, t));
        assertEquals(Verdict.NOT_AT_REST, HallucinationCheck.classify(live, 0.05, 1.01, t), "growing again: not at rest");
        assertEquals(Verdict.UNSTABLE_STEP, HallucinationCheck.classify(live, 0.7, 0.9, t), "eta*lambda(w+) = 2.1");
        assertEquals(Verdict.NOT_AT_REST, HallucinationCheck.classify(moving, 0.05, Double.NaN, t));
        assertEquals(Verdict.UNSTABLE_STEP, HallucinationCheck.classify(moving, 0.5, Double.NaN, t), "eta*lambda(w) = 3");
        // the ratio-only rule of earlier versions is unchanged
        assertEquals(Verdict.HALLUCINATED, HallucinationCheck.classify(live, 0.1, 1e-3));
    }

    @Test
    void decayRateRefusesFewerTimesThanValues() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GeometricDecay.lastRate(new double[] {0, 1}, new double[] {1, 0.5, 0.25}, 2));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("2 times for 3 values"), e.getMessage());
    }
}
