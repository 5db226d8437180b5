package samlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BaseOptimizerTest {
    private static final double[] W0 = {0.5, -1.0, 2.0};
    private static final double[][] G = {{0.1, 0.2, -0.3}, {-0.4, 0.05, 0.6}, {0.2, -0.1, 0.0}};

    private static ParameterLayout layout() {
        return ParameterLayout.allWeights(Nd4j.zeros(DataType.DOUBLE, 3));
    }

    @Test
    void sgdNesterovWithCoupledWeightDecayMatchesHandComputation() {
        double lr = 0.1, mu = 0.9, wd = 0.01;
        Sgd sgd = new Sgd(lr, mu, true, wd);
        INDArray w = Nd4j.create(W0.clone());
        double[] ew = W0.clone();
        double[] buf = new double[3];
        for (double[] g : G) {
            sgd.update(w, Nd4j.create(g), layout(), 0);
            for (int i = 0; i < 3; i++) {
                double d = g[i] + wd * ew[i];
                buf[i] = mu * buf[i] + d;
                ew[i] -= lr * (d + mu * buf[i]);
            }
        }
        double[] got = w.toDoubleVector();
        for (int i = 0; i < 3; i++) assertEquals(ew[i], got[i], 1e-14);
    }

    @Test
    void sgdHeavyBallMatchesHandComputation() {
        Sgd sgd = new Sgd(0.2, 0.5, false, 0);
        INDArray w = Nd4j.create(W0.clone());
        double[] ew = W0.clone();
        double[] buf = new double[3];
        for (double[] g : G) {
            sgd.update(w, Nd4j.create(g), layout(), 0);
            for (int i = 0; i < 3; i++) {
                buf[i] = 0.5 * buf[i] + g[i];
                ew[i] -= 0.2 * buf[i];
            }
        }
        double[] got = w.toDoubleVector();
        for (int i = 0; i < 3; i++) assertEquals(ew[i], got[i], 1e-14);
    }

    @Test
    void adamWMatchesHandComputation() {
        double lr = 0.01, b1 = 0.9, b2 = 0.999, delta = 1e-8, wd = 0.1;
        Adam adam = new Adam(lr, b1, b2, delta, wd);
        INDArray w = Nd4j.create(W0.clone());
        double[] ew = W0.clone();
        double[] m = new double[3];
        double[] v = new double[3];
        int t = 0;
        for (double[] g : G) {
            adam.update(w, Nd4j.create(g), layout(), 0);
            t++;
            for (int i = 0; i < 3; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double mh = m[i] / (1 - Math.pow(b1, t));
                double vh = v[i] / (1 - Math.pow(b2, t));
                ew[i] -= lr * (mh / (Math.sqrt(vh) + delta) + wd * ew[i]);
            }
        }
        double[] got = w.toDoubleVector();
        for (int i = 0; i < 3; i++) assertEquals(ew[i], got[i], 1e-13);
    }

    @Test
    void statisticsEntriesTakeParamsMinusGradientWhateverTheRule() {
        INDArray trainable = Nd4j.create(new double[] {1, 0, 1});
        ParameterLayout layout = new ParameterLayout(trainable, trainable);
        for (BaseOptimizer opt : new BaseOptimizer[] {new Sgd(0.1, 0.9, false, 0.5), Adam.of(0.3)}) {
            INDArray w = Nd4j.create(W0.clone());
            opt.update(w, Nd4j.create(G[0]), layout, 0);
            assertEquals(W0[1] - G[0][1], w.getDouble(1), 0, opt.describe());
        }
    }

    @Test
    void stateRoundTripContinuesIdentically() {
        Adam a = Adam.of(0.05);
        INDArray wa = Nd4j.create(W0.clone());
        a.update(wa, Nd4j.create(G[0]), layout(), 0);
        Adam b = Adam.of(0.05);
        b.loadState(a.state());
        INDArray wb = wa.dup();
        a.update(wa, Nd4j.create(G[1]), layout(), 1);
        b.update(wb, Nd4j.create(G[1]), layout(), 1);
        assertEquals(wa, wb);
    }

    @Test
    void rejectsBadHyperparameters() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Sgd(-1, 0, false, 0));
        assertTrue(e.getMessage().contains("-1"));
        e = assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, 1.0, false, 0));
        assertTrue(e.getMessage().contains("momentum"));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, 0, true, 0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 1.2, 0.9, 1e-8, 0));
    }
}
