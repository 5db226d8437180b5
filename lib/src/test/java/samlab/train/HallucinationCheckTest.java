package samlab.train;

import static java.lang.Double.NaN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import samlab.data.ImageDataset;
import samlab.landscape.Perturbation;
import samlab.nn.Architecture;

class HallucinationCheckTest {
    /** Gradient diagnostics alone; the mechanism quantities not measured (NaN). */
    private static Diagnostics gradients(double rho, double loss, double gradientNorm, double perturbedGradientNorm,
                                         double ratio, double cosine) {
        return new Diagnostics(rho, loss, gradientNorm, perturbedGradientNorm, ratio, cosine, NaN, NaN, NaN, NaN, NaN, NaN, false, false);
    }

    private static final ImageDataset DATA = SyntheticImages.create(50, 3, 1, 4, 4, 0.3, 2);

    @Test
    void gradientNormIsTheFullBatchGradientNormAndParametersStayPut() {
        ComputationGraph g = Architecture.MLP.build(1, 4, 4, 3, 1);
        INDArray before = g.params().dup();
        // chunks of 16 averaged must equal one pass over all 50 (an MLP has no batch statistics)
        var report = HallucinationCheck.run(g, true, DATA, new HallucinationCheck.Config(0.05, HallucinationCheck.Thresholds.of(0.1, 1e-3), 0, 16, 0, NaN, 0, Perturbation.DEFAULT));
        assertEquals(before, g.params());
        NetworkLoss f = new NetworkLoss(g);
        f.setBatch(new Batches(DATA, true).fill(Batches.identity(50), 0, 50));
        double loss = f.computeGradient(0, 1);
        double norm = f.gradient().norm2Number().doubleValue();
        assertEquals(norm, report.diagnostics().gradientNorm(), 1e-5 * norm);
        assertEquals(loss, report.diagnostics().loss(), 1e-5 * loss);
        assertEquals(50, report.examples());
    }

    @Test
    void tinyRadiusGivesRatioAndCosineNearOne() {
        ComputationGraph g = Architecture.MLP.build(1, 4, 4, 3, 1);
        var r = HallucinationCheck.run(g, true, DATA, HallucinationCheck.Config.of(1e-4));
        assertEquals(1.0, r.diagnostics().ratio(), 1e-2);
        assertEquals(1.0, r.diagnostics().cosine(), 1e-3);
        assertEquals(HallucinationCheck.Verdict.NOT_AT_REST, r.verdict());
        assertTrue(r.toString().contains("threshold"));
        assertEquals("NOT_AT_REST", r.toTable().stringColumn("verdict").get(0));
    }

    @Test
    void verdictFollowsTheThresholds() {
        Diagnostics hallucinated = gradients(0.1, 1.0, 2.0, 0.1, 0.05, 0.3);
        Diagnostics critical = gradients(0.1, 0.01, 1e-4, 1e-5, 0.1, 0.9);
        Diagnostics moving = gradients(0.1, 1.0, 2.0, 1.0, 0.5, 0.9);
        assertEquals(HallucinationCheck.Verdict.HALLUCINATED, HallucinationCheck.classify(hallucinated, 0.1, 1e-3));
        assertEquals(HallucinationCheck.Verdict.NOT_AT_REST, HallucinationCheck.classify(hallucinated, 0.01, 1e-3));
        assertEquals(HallucinationCheck.Verdict.CRITICAL_POINT, HallucinationCheck.classify(critical, 0.1, 1e-3));
        assertEquals(HallucinationCheck.Verdict.NOT_AT_REST, HallucinationCheck.classify(moving, 0.1, 1e-3));
    }

    @Test
    void unconvergedEigenvalueIsReportedAsALowerBound() {
        // one power iteration cannot converge (the tolerance test needs two), so both estimates are lower bounds
        ComputationGraph g = Architecture.MLP.build(1, 4, 4, 3, 1);
        var r = HallucinationCheck.run(g, true, DATA, HallucinationCheck.Config.of(0.05).withStability(0.05, 1));
        assertFalse(r.lambdaConverged());
        assertFalse(r.perturbedLambdaConverged());
        assertTrue(Double.isFinite(r.diagnostics().topEigenvalue()));
        assertFalse(r.toTable().booleanColumn("lambda_max_converged").get(0));
        assertFalse(r.toTable().booleanColumn("lambda_max_perturbed_converged").get(0));
        String lam = String.format(java.util.Locale.ROOT, "%.4g", r.diagnostics().topEigenvalue());
        assertTrue(r.toString().contains("lambda_max >= " + lam + " (not converged) -> >= "), r.toString());

        var converged = HallucinationCheck.run(g, true, DATA, HallucinationCheck.Config.of(0.05).withStability(0.05, 200));
        assertTrue(converged.lambdaConverged());
        assertTrue(converged.toTable().booleanColumn("lambda_max_converged").get(0));
        String lamC = String.format(java.util.Locale.ROOT, "%.4g", converged.diagnostics().topEigenvalue());
        assertTrue(converged.toString().contains("lambda_max " + lamC + " -> "), converged.toString());

        var none = HallucinationCheck.run(g, true, DATA, HallucinationCheck.Config.of(0.05));
        assertFalse(none.lambdaConverged());
        assertTrue(none.toString().contains("lambda_max NaN -> NaN"), none.toString());
    }

    @Test
    void rejectsBadConfig() {
        var e = assertThrows(IllegalArgumentException.class, () -> new HallucinationCheck.Config(0.05, HallucinationCheck.Thresholds.of(1.5, 1e-3), 0, 16, 0, NaN, 0, Perturbation.DEFAULT));
        assertTrue(e.getMessage().contains("1.5"));
        assertThrows(IllegalArgumentException.class, () -> HallucinationCheck.Config.of(0));
    }
}
