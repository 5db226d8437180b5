package samlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import samlab.nn.Architecture;
import samlab.optim.TrainingLoss;
import samlab.optim.ParameterLayout;
import samlab.optim.PlainOptimizer;
import samlab.optim.Sam;
import samlab.optim.SamConfig;
import samlab.optim.Sgd;

/** SAM on a real (tiny) ResNet-20 with BatchNorm running statistics in the parameter vector. */
class SamOnNetworkTest {
    /** Records the parameters and gradient seen at every gradient call. */
    static final class Recording implements TrainingLoss {
        final NetworkLoss inner;
        final List<INDArray> paramsSeen = new ArrayList<>();
        final List<INDArray> gradients = new ArrayList<>();

        Recording(NetworkLoss inner) {
            this.inner = inner;
        }

        @Override public INDArray parameters() { return inner.parameters(); }
        @Override public INDArray gradient() { return inner.gradient(); }
        @Override public ParameterLayout layout() { return inner.layout(); }
        @Override public int shardSize(int s, int m) { return inner.shardSize(s, m); }

        @Override
        public double computeGradient(int shard, int shards) {
            paramsSeen.add(inner.parameters().dup());
            double l = inner.computeGradient(shard, shards);
            gradients.add(inner.gradient().dup());
            return l;
        }
    }

    private static NetworkLoss tiny(long seed) {
        NetworkLoss f = new NetworkLoss(Architecture.RESNET20.build(3, 4, 4, 3, seed));
        INDArray[] b = NetworkLossTest.batch(Architecture.RESNET20, 8, 3, 4, 4, 3, 5, DataType.FLOAT);
        f.setBatch(b[0], b[1]);
        return f;
    }

    private static int[] bits(INDArray a) {
        float[] f = a.toFloatVector();
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) out[i] = Float.floatToRawIntBits(f[i]);
        return out;
    }

    @Test
    void rhoZeroReproducesTheBaseOptimizerBitwise() {
        NetworkLoss a = tiny(3);
        NetworkLoss b = tiny(3);
        var plain = new PlainOptimizer(new Sgd(0.05, 0.9, true, 5e-4));
        var sam = new Sam(new Sgd(0.05, 0.9, true, 5e-4), SamConfig.sam(0));
        for (int i = 0; i < 3; i++) {
            plain.step(a, i);
            sam.step(b, i);
        }
        assertArrayEquals(bits(a.parameters()), bits(b.parameters()));
    }

    @Test
    void weightsAreRestoredExactlyBetweenShards() {
        Recording f = new Recording(tiny(4));
        INDArray w0 = f.parameters().dup();
        new Sam(Sgd.plain(0.1), SamConfig.sam(0.5).withShards(2)).step(f, 0);
        assertEquals(4, f.paramsSeen.size());
        assertArrayEquals(bits(w0), bits(f.paramsSeen.get(0)));
        assertNotEquals(w0, f.paramsSeen.get(1));               // perturbed
        assertArrayEquals(bits(w0), bits(f.paramsSeen.get(2))); // restored bit for bit
    }

    @Test
    void batchNormStatisticsComeFromTheFirstPassByDefault() {
        for (boolean second : new boolean[] {false, true}) {
            Recording f = new Recording(tiny(5));
            INDArray w0 = f.parameters().dup();
            SamConfig c = new SamConfig(SamConfig.Variant.SAM, samlab.optim.RhoSchedule.constant(0.5), 1e-12, 0.01,
                    false, 1, second);
            new Sam(Sgd.plain(0.1), c).step(f, 0);
            INDArray stats = f.layout().statistics();
            INDArray expected = w0.sub(f.gradients.get(second ? 1 : 0).mul(stats)).mul(stats);
            INDArray other = w0.sub(f.gradients.get(second ? 0 : 1).mul(stats)).mul(stats);
            INDArray got = f.parameters().mul(stats);
            assertEquals(expected, got, "secondPassStatistics=" + second);
            assertNotEquals(other, got);
        }
    }

    @Test
    void samTrainsTheSmallCnnOnALearnableSet() {
        // 3 classes of noisy fixed images; chance-level loss is ln 3 = 1.10 and accuracy 1/3
        var data = SyntheticImages.create(48, 3, 3, 16, 16, 0.3, 2);
        Batches inputs = new Batches(data, false);
        Batch b = inputs.fill(Batches.identity(48), 0, 48);
        NetworkLoss f = new NetworkLoss(Architecture.SMALLCNN.build(3, 16, 16, 3, 1));
        f.setBatch(b);
        var sam = new Sam(new Sgd(0.05, 0.9, false, 5e-4), SamConfig.sam(0.05));
        double first = sam.step(f, 0).loss();
        for (int i = 1; i < 30; i++) sam.step(f, i);
        double last = f.computeGradient(0, 1);
        assertTrue(last < 0.5 * first, "loss " + first + " -> " + last);
        INDArray predicted = f.graph().outputSingle(false, b.features()).argMax(1);
        long correct = 0;
        for (int i = 0; i < 48; i++) correct += predicted.getInt(i) == data.labels()[i] ? 1 : 0;
        assertTrue(correct >= 40, correct + " of 48 correct");
    }
}
