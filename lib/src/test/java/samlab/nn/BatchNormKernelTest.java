package samlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The float32 batch-norm kernel against DL4J's own implementation run in float64 (which the kernel
 * leaves to DL4J), on the same layer, input and upstream gradient.
 */
class BatchNormKernelTest {
    private static final LayerWorkspaceMgr NO_WS = LayerWorkspaceMgr.noWorkspaces();

    /** The small CNN's second batch-norm layer (32 channels), with γ and β set away from 1 and 0. */
    private static Layer bnLayer(DataType type) {
        ComputationGraph g = Architecture.SMALLCNN.build(3, 8, 8, 4, 11, type);
        g.initGradientsView();
        Layer bn = g.getLayer("c1_bn");
        Nd4j.getRandom().setSeed(21);
        bn.getParam("gamma").assign(Nd4j.rand(DataType.DOUBLE, 1, 32).muli(1.5).addi(0.25));
        bn.getParam("beta").assign(Nd4j.randn(DataType.DOUBLE, 1, 32));
        return bn;
    }

    private static double relErr(INDArray a, INDArray reference) {
        INDArray r = reference.castTo(DataType.DOUBLE);
        return a.castTo(DataType.DOUBLE).sub(r).norm2Number().doubleValue() / r.norm2Number().doubleValue();
    }

    @Test
    void trainingForwardAndBackwardMatchDl4jInDoublePrecision() {
        Layer f = bnLayer(DataType.FLOAT);
        Layer d = bnLayer(DataType.DOUBLE);
        assertEquals("BatchNormKernel", f.getHelper().getClass().getSimpleName());
        Nd4j.getRandom().setSeed(5);
        // shifted and scaled per channel, so mean and variance terms matter
        INDArray x = Nd4j.randn(DataType.DOUBLE, 6, 32, 5, 7).muli(3).addi(2);
        INDArray eps = Nd4j.randn(DataType.DOUBLE, 6, 32, 5, 7);
        INDArray[] out = new INDArray[2];
        Pair<?, ?>[] grads = new Pair<?, ?>[2];
        Layer[] layers = {f, d};
        for (int i = 0; i < 2; i++) {
            DataType t = i == 0 ? DataType.FLOAT : DataType.DOUBLE;
            layers[i].setInput(x.castTo(t), NO_WS);
            out[i] = layers[i].activate(true, NO_WS);
            grads[i] = layers[i].backpropGradient(eps.castTo(t), NO_WS);
        }
        assertEquals(DataType.FLOAT, out[0].dataType());
        assertTrue(relErr(out[0], out[1]) < 1e-6, "output " + relErr(out[0], out[1]));
        INDArray dxF = (INDArray) grads[0].getSecond();
        INDArray dxD = (INDArray) grads[1].getSecond();
        assertTrue(relErr(dxF, dxD) < 1e-5, "input gradient " + relErr(dxF, dxD));
        for (String p : new String[] {"gamma", "beta"}) {
            INDArray gF = ((Gradient) grads[0].getFirst()).getGradientFor(p);
            INDArray gD = ((Gradient) grads[1].getFirst()).getGradientFor(p);
            assertTrue(relErr(gF, gD) < 1e-5, p + " " + relErr(gF, gD));
        }
        // the running-statistics slots come from the kernel's batch mean and variance
        for (String p : new String[] {"mean", "log10stdev"}) {
            INDArray gF = ((Gradient) grads[0].getFirst()).getGradientFor(p);
            INDArray gD = ((Gradient) grads[1].getFirst()).getGradientFor(p);
            assertTrue(relErr(gF, gD) < 1e-5, p + " " + relErr(gF, gD));
        }
    }

    @Test
    void aMeanFarFromZeroKeepsTheVarianceAccurate() {
        // σ = 1 around μ = 3000: Σx²/M − μ² in float sums lost every digit (output off by 79×)
        Layer f = bnLayer(DataType.FLOAT);
        Layer d = bnLayer(DataType.DOUBLE);
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 32, 32, 16, 16).addi(3000);
        f.setInput(x.castTo(DataType.FLOAT), NO_WS);
        d.setInput(x, NO_WS);
        INDArray yF = f.activate(true, NO_WS);
        INDArray yD = d.activate(true, NO_WS);
        // the input itself is rounded to float at 3000 (spacing 2.4e-4, i.e. 2.4e-4 σ): 1e-3 is that
        assertTrue(relErr(yF, yD) < 1e-3, "output " + relErr(yF, yD));
    }

    @Test
    void handComputedThreeValueChannel() {
        // one channel, x = (0, 1, 5): μ = 2, σ² = 14/3, s = 1/√(σ²+ε); γ = 2, β = 1
        ComputationGraph net = Architecture.SMALLCNN.build(3, 8, 8, 4, 11);
        net.initGradientsView();
        Layer bn = net.getLayer("c0_bn");
        bn.getParam("gamma").assign(2);
        bn.getParam("beta").assign(1);
        INDArray x = Nd4j.zeros(DataType.FLOAT, 3, 16, 1, 1);
        x.putScalar(new long[] {1, 0, 0, 0}, 1);
        x.putScalar(new long[] {2, 0, 0, 0}, 5);
        INDArray g = Nd4j.zeros(DataType.FLOAT, 3, 16, 1, 1);
        g.putScalar(new long[] {0, 0, 0, 0}, 1); // ∂L/∂y = (1, 0, 0) in channel 0
        bn.setInput(x, NO_WS);
        INDArray y = bn.activate(true, NO_WS);
        double s = 1 / Math.sqrt(14.0 / 3 + 1e-5);
        assertEquals(2 * (-2) * s + 1, y.getDouble(0, 0, 0, 0), 1e-6);
        assertEquals(2 * 3 * s + 1, y.getDouble(2, 0, 0, 0), 1e-6);
        Pair<Gradient, INDArray> p = bn.backpropGradient(g, NO_WS);
        // dβ = Σg = 1, dγ = Σg·x̂ = −2s, dx = γs(g − Σg/3 − x̂·Σg·x̂/3)
        assertEquals(1.0, p.getFirst().getGradientFor("beta").getDouble(0), 1e-6);
        assertEquals(-2 * s, p.getFirst().getGradientFor("gamma").getDouble(0), 1e-6);
        double[] xhat = {-2 * s, -s, 3 * s};
        double[] gv = {1, 0, 0};
        for (int i = 0; i < 3; i++) {
            double expected = 2 * s * (gv[i] - 1.0 / 3 - xhat[i] * (-2 * s) / 3);
            assertEquals(expected, p.getSecond().getDouble(i, 0, 0, 0), 1e-6, "dx[" + i + "]");
        }
        assertEquals(0.0, p.getSecond().sumNumber().doubleValue(), 1e-6); // BN's input gradient sums to 0
    }

    @Test
    void inferenceUsesTheRunningStatisticsAndViewsAreRead() {
        Layer bn = bnLayer(DataType.FLOAT);
        bn.getParam("mean").assign(Nd4j.linspace(-1, 1, 32, DataType.FLOAT).reshape(1, 32));
        bn.getParam("log10stdev").assign(Math.log10(2)); // σ = 2
        Nd4j.getRandom().setSeed(9);
        // a non-contiguous view (every other example of a larger batch)
        INDArray big = Nd4j.randn(DataType.FLOAT, 8, 32, 3, 3);
        INDArray x = big.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2, 8),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        bn.setInput(x, NO_WS);
        INDArray y = bn.activate(false, NO_WS);
        assertArrayEquals(new long[] {4, 32, 3, 3}, y.shape());
        INDArray gamma = bn.getParam("gamma");
        INDArray beta = bn.getParam("beta");
        for (int[] at : new int[][] {{0, 0, 0, 0}, {3, 31, 2, 1}, {1, 17, 1, 2}}) {
            double mu = -1 + 2.0 * at[1] / 31;
            double expected = gamma.getDouble(at[1]) * (x.getDouble(at[0], at[1], at[2], at[3]) - mu)
                    / Math.sqrt(4 + 1e-5) + beta.getDouble(at[1]);
            assertEquals(expected, y.getDouble(at[0], at[1], at[2], at[3]), 1e-5);
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Nd4j.getRandom().setSeed(2);
        INDArray x = Nd4j.randn(DataType.FLOAT, 4, 32, 6, 6);
        INDArray eps = Nd4j.randn(DataType.FLOAT, 4, 32, 6, 6);
        int threads = Nd4j.getEnvironment().maxThreads();
        INDArray[] dx = new INDArray[2];
        try {
            for (int i = 0; i < 2; i++) {
                Nd4j.getEnvironment().setMaxThreads(i == 0 ? 1 : 2);
                Layer bn = bnLayer(DataType.FLOAT);
                bn.setInput(x, NO_WS);
                bn.activate(true, NO_WS);
                dx[i] = bn.backpropGradient(eps, NO_WS).getSecond();
            }
        } finally {
            Nd4j.getEnvironment().setMaxThreads(threads);
        }
        // bit for bit (INDArray.equals would allow differences up to 1e-5)
        assertArrayEquals(dx[0].data().asFloat(), dx[1].data().asFloat());
    }

    @Test
    void doublePrecisionIsLeftToDl4j() {
        Layer d = bnLayer(DataType.DOUBLE);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 2, 32, 2, 2);
        assertNull(((BatchNormKernel) d.getHelper()).preOutput(x, true, null, d.getParam("gamma"),
                d.getParam("beta"), null, null, 0.9, 1e-5, org.deeplearning4j.nn.conf.CNN2DFormat.NCHW, NO_WS));
    }
}
