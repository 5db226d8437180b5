package samlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SamTest {
    private static final double TOL = 1e-13;

    private static double norm(double[] v) {
        double s = 0;
        for (double d : v) s += d * d;
        return Math.sqrt(s);
    }

    private static double[] axpy(double a, double[] x, double[] y) {
        double[] out = y.clone();
        for (int i = 0; i < x.length; i++) out[i] += a * x[i];
        return out;
    }

    private static void assertClose(double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol, "entry " + i);
        }
    }

    @Test
    void oneSamStepEqualsHandComputedStep() {
        LogisticLoss f = LogisticLoss.small();
        double[] w = f.parameters().toDoubleVector();
        double rho = 0.3;
        double lr = 0.5;
        double[] g1 = f.gradientAt(w, 0, 4);
        double[] wPlus = axpy(rho / (norm(g1) + SamConfig.DEFAULT_EPSILON), g1, w);
        double[] g2 = f.gradientAt(wPlus, 0, 4);
        double[] expected = axpy(-lr, g2, w);

        var report = new Sam(Sgd.plain(lr), SamConfig.sam(rho)).step(f, 0);

        assertClose(expected, f.parameters().toDoubleVector(), TOL);
        assertEquals(2, f.calls);
        // ‖e‖ = ρ‖g‖/(‖g‖ + ε): ε shows at 1e-12 relative
        assertEquals(rho * norm(g1) / (norm(g1) + SamConfig.DEFAULT_EPSILON), report.perturbationNorm(), 1e-15);
        assertTrue(rho - report.perturbationNorm() > 0);
        assertTrue(report.sam());
    }

    @Test
    void usamPerturbsByRhoTimesGradient() {
        LogisticLoss f = LogisticLoss.small();
        double[] w = f.parameters().toDoubleVector();
        double rho = 0.7;
        double[] g1 = f.gradientAt(w, 0, 4);
        double[] g2 = f.gradientAt(axpy(rho, g1, w), 0, 4);
        new Sam(Sgd.plain(0.1), SamConfig.of(SamConfig.Variant.USAM, rho)).step(f, 0);
        assertClose(axpy(-0.1, g2, w), f.parameters().toDoubleVector(), TOL);
    }

    @Test
    void asamScalesWeightsOnlyByAbsWPlusEta() {
        LogisticLoss f = LogisticLoss.small();
        double[] w = f.parameters().toDoubleVector();
        double rho = 0.4;
        double eta = SamConfig.DEFAULT_ASAM_ETA;
        double[] g1 = f.gradientAt(w, 0, 4);
        double[] t = {Math.abs(w[0]) + eta, Math.abs(w[1]) + eta, 1.0}; // bias: T = 1
        double[] tg = new double[3];
        for (int i = 0; i < 3; i++) tg[i] = t[i] * g1[i];
        double scale = rho / (norm(tg) + SamConfig.DEFAULT_EPSILON);
        double[] e = new double[3];
        for (int i = 0; i < 3; i++) e[i] = scale * t[i] * t[i] * g1[i];
        double[] g2 = f.gradientAt(axpy(1, e, w), 0, 4);
        new Sam(Sgd.plain(0.2), SamConfig.of(SamConfig.Variant.ASAM, rho)).step(f, 0);
        assertClose(axpy(-0.2, g2, w), f.parameters().toDoubleVector(), TOL);
    }

    @Test
    void mSharpnessAveragesPerShardSecondGradients() {
        LogisticLoss f = LogisticLoss.small();
        double[] w = f.parameters().toDoubleVector();
        double rho = 0.25;
        double[] sum = new double[3];
        for (int s = 0; s < 2; s++) {
            double[] g1 = f.gradientAt(w, 2 * s, 2 * s + 2);
            double[] g2 = f.gradientAt(axpy(rho / (norm(g1) + 1e-12), g1, w), 2 * s, 2 * s + 2);
            for (int i = 0; i < 3; i++) sum[i] += 0.5 * g2[i];
        }
        new Sam(Sgd.plain(0.3), SamConfig.sam(rho).withShards(2)).step(f, 0);
        assertClose(axpy(-0.3, sum, w), f.parameters().toDoubleVector(), TOL);
        assertEquals(4, f.calls);
    }

    @Test
    void rhoZeroReproducesTheBaseOptimizerBitwise() {
        LogisticLoss a = LogisticLoss.small();
        LogisticLoss b = LogisticLoss.small();
        Optimizer plain = new PlainOptimizer(new Sgd(0.1, 0.9, true, 1e-3));
        Optimizer sam = new Sam(new Sgd(0.1, 0.9, true, 1e-3), SamConfig.sam(0));
        for (int i = 0; i < 5; i++) {
            plain.step(a, i);
            int before = b.calls;
            var r = sam.step(b, i);
            assertEquals(1, b.calls - before, "a step with rho = 0 is the base step: one gradient");
            assertTrue(!r.sam() && r.rho() == 0);
        }
        assertTrue(a.parameters().equals(b.parameters()));
        double[] pa = a.parameters().toDoubleVector();
        double[] pb = b.parameters().toDoubleVector();
        for (int i = 0; i < pa.length; i++) assertEquals(Double.doubleToRawLongBits(pa[i]), Double.doubleToRawLongBits(pb[i]));
    }

    /**
     * Issue 11 §4: a SAM step with ε = 0 at an exact minimum. Two points x = 1 with labels ±1: the loss
     * ½[log(1 + e^−z) + log(1 + e^z)], z = w + b, has gradient exactly (0, 0) at w = b = 0 (the two
     * terms ∓¼). The perturbation is 0 (not 0/0 = NaN), so the step leaves w at 0, for every variant.
     */
    @Test
    void samStepWithZeroEpsilonAtAnExactMinimumStaysThere() {
        for (SamConfig.Variant v : SamConfig.Variant.values()) {
            LogisticLoss f = new LogisticLoss(new double[][] {{1.0}, {1.0}}, new double[] {1, -1}, new double[] {0, 0});
            var report = new Sam(Sgd.plain(0.5), SamConfig.of(v, 1.3).withEpsilon(0)).step(f, 0);
            assertEquals(0.0, report.perturbationNorm(), 0, v.name());
            assertTrue(report.sam());
            assertEquals(Math.log(2), report.loss(), 1e-15);
            double[] w = f.parameters().toDoubleVector();
            assertEquals(0.0, w[0], 0, v.name());
            assertEquals(0.0, w[1], 0, v.name());
        }
    }

    /** The run's ε reaches the step: e = ρ g/(‖g‖ + ε) with ε = 0.5 here. */
    @Test
    void epsilonOfTheConfigIsTheOneTheStepUses() {
        LogisticLoss f = LogisticLoss.small();
        double[] w = f.parameters().toDoubleVector();
        double[] g1 = f.gradientAt(w, 0, 4);
        double[] g2 = f.gradientAt(axpy(0.3 / (norm(g1) + 0.5), g1, w), 0, 4);
        var report = new Sam(Sgd.plain(0.5), SamConfig.sam(0.3).withEpsilon(0.5)).step(f, 0);
        assertClose(axpy(-0.5, g2, w), f.parameters().toDoubleVector(), TOL);
        assertEquals(0.3 * norm(g1) / (norm(g1) + 0.5), report.perturbationNorm(), 1e-15);
        assertEquals(samlab.landscape.Perturbation.normalised(0.5), SamConfig.sam(0.3).withEpsilon(0.5).diagnosticPerturbation());
    }

    /** With cosine η over 4 steps and ρ = 0 throughout, the steps are plain: w − Σ η(t) g(w_t). */
    @Test
    void learningRateScheduleReachesTheBaseUpdate() {
        LogisticLoss f = LogisticLoss.small();
        double[] w = f.parameters().toDoubleVector();
        Optimizer o = new PlainOptimizer(new Sgd(RunSchedule.cosine(0.4, 0), 0, false, 0));
        o.start(new RunLength(4, 2));
        double[] lr = {0.4, 0.2 * (1 + Math.sqrt(0.5)), 0.2, 0.2 * (1 - Math.sqrt(0.5))};
        for (int t = 0; t < 4; t++) {
            w = axpy(-lr[t], f.gradientAt(w, 0, 4), w);
            o.step(f, t);
            assertEquals(lr[t], o.base().learningRate(t), 1e-15);
        }
        assertClose(w, f.parameters().toDoubleVector(), TOL);
        assertEquals("sgd(lr=cosine(0.4->0.0))", o.describe());
        var e = assertThrows(IllegalStateException.class,
                () -> new PlainOptimizer(new Sgd(RunSchedule.cosine(0.4, 0), 0, false, 0)).step(LogisticLoss.small(), 0));
        assertTrue(e.getMessage().contains("start(RunLength)"), e.getMessage());
    }

    @Test
    void warmStartRunsPlainStepsUntilTheSwitchIteration() {
        LogisticLoss f = LogisticLoss.small();
        Sam sam = new Sam(Sgd.plain(0.1), SamConfig.sam(0.1), WarmStartSchedule.fraction(0.1));
        sam.start(new RunLength(20, 20));
        int[] callsPerStep = new int[20];
        for (int i = 0; i < 20; i++) {
            int before = f.calls;
            var r = sam.step(f, i);
            callsPerStep[i] = f.calls - before;
            assertEquals(i >= 2, r.sam(), "iteration " + i);
        }
        assertEquals(1, callsPerStep[0]);
        assertEquals(1, callsPerStep[1]);
        assertEquals(2, callsPerStep[2]);
    }

    @Test
    void rhoScheduleIsReportedPerStep() {
        LogisticLoss f = LogisticLoss.small();
        Sam sam = new Sam(Sgd.plain(0.1), SamConfig.sam(0).withRho(RhoSchedule.linear(0.0, 0.2)));
        sam.start(new RunLength(3, 3));
        assertEquals(0.0, sam.step(f, 0).rho(), 0);
        assertEquals(0.1, sam.step(f, 1).rho(), 1e-15);
        assertEquals(0.2, sam.step(f, 2).rho(), 1e-15);
    }

    @Test
    void badConfigurationsAreRejectedWithTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> RhoSchedule.constant(-0.1));
        assertTrue(e.getMessage().contains("-0.1"));
        e = assertThrows(IllegalArgumentException.class, () -> SamConfig.sam(0.1).withShards(0));
        assertTrue(e.getMessage().contains("0"));
        e = assertThrows(IllegalArgumentException.class, () -> new SamConfig(SamConfig.Variant.SAM,
                RhoSchedule.constant(0.1), Double.NaN, 0.01, false, 1, false));
        assertTrue(e.getMessage().contains("NaN"));
    }
}
