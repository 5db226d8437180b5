package samlab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Backpropagated gradients against central finite differences, in double precision. */
class GradientCheckTest {
    private static double score(ComputationGraph g, INDArray x, INDArray y) {
        g.setInput(0, x);
        g.setLabel(0, y);
        g.computeGradientAndScore();
        return g.score();
    }

    private static void check(Architecture a, int c, int h, int w, int batch, int samples) {
        int classes = 3;
        ComputationGraph g = a.build(c, h, w, classes, 11, DataType.DOUBLE);
        Random r = new Random(5);
        INDArray x = a.flatInput() ? Nd4j.rand(DataType.DOUBLE, batch, (long) c * h * w)
                : Nd4j.rand(DataType.DOUBLE, batch, c, h, w);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, batch, classes);
        for (int i = 0; i < batch; i++) y.putScalar(i, i % classes, 1.0);
        score(g, x, y);
        INDArray params = g.params();          // the live flat vector, rank 1
        INDArray gradient = g.getFlattenedGradients().dup();
        // DL4J backpropagates the summed loss (its updater divides by the batch size); score is the mean
        gradient = gradient.reshape(gradient.length()).divi(batch);
        // flat ranges of trainable parameters (weights, biases, BN scale/shift; not running stats)
        List<long[]> ranges = new ArrayList<>();
        for (Layer l : g.getLayers()) {
            for (var e : l.paramTable().entrySet()) {
                String k = e.getKey();
                if (k.equals("mean") || k.equals("var") || k.equals("log10stdev")) continue;
                long from = e.getValue().offset() - params.offset();
                ranges.add(new long[] {from, from + e.getValue().length()});
            }
        }
        double eps = 1e-6;
        double worst = 0;
        for (int s = 0; s < samples; s++) {
            long[] range = ranges.get(r.nextInt(ranges.size()));
            long i = range[0] + r.nextInt((int) (range[1] - range[0]));
            double orig = params.getDouble(i);
            params.putScalar(i, orig + eps);
            double plus = score(g, x, y);
            params.putScalar(i, orig - eps);
            double minus = score(g, x, y);
            params.putScalar(i, orig);
            double fd = (plus - minus) / (2 * eps);
            double bp = gradient.getDouble(i);
            if (fd == 0 && bp == 0) continue; // dead ReLU unit: both agree
            double err = Math.abs(fd - bp) / Math.max(1e-8, Math.abs(fd) + Math.abs(bp));
            worst = Math.max(worst, err);
        }
        int checked = samples;
        assertTrue(worst < 1e-4, a + ": worst relative error " + worst + " over " + checked + " parameters");
    }

    @Test
    void mlpGradientMatchesFiniteDifferences() {
        check(Architecture.MLP, 1, 3, 3, 5, 60);
    }

    @Test
    void smallCnnGradientMatchesFiniteDifferences() {
        check(Architecture.SMALLCNN, 3, 8, 8, 4, 30);
    }

    @Test
    void resnet20GradientMatchesFiniteDifferences() {
        check(Architecture.RESNET20, 2, 4, 4, 6, 12);
    }
}
