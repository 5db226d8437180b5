package samlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import samlab.nn.Architecture;
import samlab.optim.ParameterLayout;

class NetworkObjectiveTest {
    static INDArray[] batch(Architecture a, int n, int c, int h, int w, int classes, long seed, DataType type) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = a.flatInput() ? Nd4j.rand(type, n, (long) c * h * w) : Nd4j.rand(type, n, c, h, w);
        INDArray y = Nd4j.zeros(type, n, classes);
        for (int i = 0; i < n; i++) y.putScalar(i, (i * 7 + 3) % classes, 1.0);
        return new INDArray[] {x, y};
    }

    @Test
    void layoutSeparatesRunningStatisticsAndWeights() {
        ParameterLayout l = new NetworkObjective(Architecture.RESNET20.build(3, 32, 32, 10, 1)).layout();
        assertEquals(274_042, l.length());
        assertEquals(272_474, l.trainable().sumNumber().longValue());
        // kernels: 3·16·9 + 6·16·16·9 + (16·32 + 5·32·32)·9 + (32·64 + 5·64·64)·9 + 16·32 + 32·64 + 64·10
        assertEquals(432 + 13_824 + 50_688 + 202_752 + 512 + 2_048 + 640, l.weights().sumNumber().longValue());
    }

    @Test
    void gradientIsTheGradientOfTheMeanLoss() {
        ComputationGraph g = Architecture.MLP.build(1, 2, 2, 3, 3, DataType.DOUBLE);
        NetworkObjective f = new NetworkObjective(g);
        INDArray[] b = batch(Architecture.MLP, 7, 1, 2, 2, 3, 9, DataType.DOUBLE);
        f.setBatch(b[0], b[1]);
        f.computeGradient(0, 1);
        INDArray grad = f.gradient().dup();
        INDArray p = f.parameters();
        for (long i : new long[] {0, 5, 300, 1000, p.length() - 1}) {
            double orig = p.getDouble(i);
            p.putScalar(i, orig + 1e-6);
            double plus = f.computeGradient(0, 1);
            p.putScalar(i, orig - 1e-6);
            double minus = f.computeGradient(0, 1);
            p.putScalar(i, orig);
            double fd = (plus - minus) / 2e-6;
            assertEquals(fd, grad.getDouble(i), 1e-7 + 1e-5 * Math.abs(fd), "parameter " + i);
        }
    }

    @Test
    void parametersAreLiveAndGradientsLeaveThemUntouched() {
        ComputationGraph g = Architecture.RESNET20.build(3, 4, 4, 3, 2);
        NetworkObjective f = new NetworkObjective(g);
        INDArray[] b = batch(Architecture.RESNET20, 8, 3, 4, 4, 3, 1, DataType.FLOAT);
        f.setBatch(b[0], b[1]);
        INDArray before = f.parameters().dup();
        double loss = f.computeGradient(0, 1);
        assertEquals(before, f.parameters());
        INDArray out1 = g.output(false, b[0])[0].dup();
        f.parameters().muli(1.5f);
        assertNotEquals(out1, g.output(false, b[0])[0]);
        assertTrue(loss > 0 && Double.isFinite(loss));
        assertEquals(2, f.shardSize(0, 3)); // rows [0,2), [2,5), [5,8)
        assertEquals(3, f.shardSize(1, 3));
        assertEquals(3, f.shardSize(2, 3));
    }
}
