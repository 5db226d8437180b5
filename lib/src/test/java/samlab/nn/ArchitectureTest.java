package samlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ArchitectureTest {
    /** Parameters the loss gradient moves: all but BatchNorm running mean/variance. */
    private static long trainable(ComputationGraph g) {
        long n = 0;
        for (Layer l : g.getLayers()) {
            for (var e : l.paramTable().entrySet()) {
                if (!e.getKey().equals("mean") && !e.getKey().equals("var") && !e.getKey().equals("log10stdev")) {
                    n += e.getValue().length();
                }
            }
        }
        return n;
    }

    @Test
    void parameterCountsMatchTheArchitecturesHandCounted() {
        // MLP 784-256-10: 784·256 + 256 + 256·10 + 10
        assertEquals(203_530, trainable(Architecture.MLP.build(1, 28, 28, 10, 1)));
        // ResNet-20 with 1×1 projection shortcuts: 269,722 (option A, He et al.) + 2·(conv 1×1 + BN)
        // = 269,722 + 16·32 + 32·64 + 2·(32 + 64) = 272,474
        ComputationGraph r20 = Architecture.RESNET20.build(3, 32, 32, 10, 1);
        assertEquals(272_474, trainable(r20));
        assertEquals(272_474 + 2 * 784, r20.numParams()); // + running mean/var of 784 BN channels
    }

    @Test
    void smallCnnHasItsHandCountedParametersAndOutputShape() {
        ComputationGraph g = Architecture.SMALLCNN.build(3, 32, 32, 10, 1);
        // kernels 3·16·9 + 16·32·9 + 32·64·9, BN scale+shift 2·(16+32+64), dense 64·10 + 10
        assertEquals(432 + 4_608 + 18_432 + 224 + 650, trainable(g));
        assertEquals(24_346 + 2 * 112, g.numParams()); // + running mean/var of 112 BN channels
        INDArray out = g.outputSingle(Nd4j.rand(DataType.FLOAT, 5, 3, 32, 32));
        assertArrayEquals(new long[] {5, 10}, out.shape());
        assertEquals(5.0, out.sumNumber().doubleValue(), 1e-4); // softmax rows sum to 1
        // 32×32 → stride 2 → 16×16 → pool → 8×8 → global average: the same net takes other sizes
        assertArrayEquals(new long[] {2, 4}, Architecture.SMALLCNN.build(3, 8, 8, 4, 1)
                .outputSingle(Nd4j.rand(DataType.FLOAT, 2, 3, 8, 8)).shape());
        List<String> helpers = OneDnn.helpers(g);
        assertEquals(3, helpers.stream().filter(h -> h.matches("c\\d=MKLDNNConvHelper")).count(), helpers.toString());
        assertEquals(3, helpers.stream().filter(h -> h.matches("c\\d_bn=BatchNormKernel")).count(), helpers.toString());
        assertEquals(1, helpers.stream().filter(h -> h.matches("c\\d_pool=MKLDNNSubsamplingHelper")).count(), helpers.toString());
    }

    @Test
    void resnet18CifarHasTheUsualElevenMillionParameters() {
        assertEquals(11_173_962, trainable(Architecture.RESNET18.build(3, 32, 32, 10, 1)));
    }

    @Test
    void sameSeedSameParametersOtherSeedOtherParameters() {
        for (Architecture a : List.of(Architecture.MLP, Architecture.RESNET20)) {
            INDArray p1 = a.build(3, 8, 8, 4, 42).params();
            INDArray p2 = a.build(3, 8, 8, 4, 42).params();
            INDArray p3 = a.build(3, 8, 8, 4, 43).params();
            assertEquals(p1, p2, a.id());
            assertNotEquals(p1, p3, a.id());
        }
    }

    @Test
    void convolutionWeightsFollowHeInitialisation() {
        ComputationGraph g = Architecture.RESNET20.build(3, 32, 32, 10, 7);
        INDArray w = g.getLayer("s2b1_c1").getParam("W"); // 64×64×3×3, fan-in 576
        double expected = Math.sqrt(2.0 / 576);
        double std = w.stdNumber().doubleValue();
        assertEquals(expected, std, 0.03 * expected);
        assertEquals(0.0, w.meanNumber().doubleValue(), 0.05 * expected);
    }

    @Test
    void convolutionAndBatchNormUseTheOneDnnHelpers() {
        ComputationGraph g = Architecture.RESNET20.build(3, 8, 8, 10, 1);
        List<String> helpers = OneDnn.helpers(g);
        long conv = helpers.stream().filter(h -> h.matches(".*_(c1|c2|proj)=MKLDNNConvHelper|stem=MKLDNNConvHelper")).count();
        long bn = helpers.stream().filter(h -> h.endsWith("_bn=BatchNormKernel")).count();
        assertEquals(21, conv, helpers.toString()); // 19 3×3 convolutions + 2 projections
        assertEquals(21, bn, helpers.toString());
    }

    @Test
    void parseAcceptsCliNamesAndRejectsOthers() {
        assertEquals(Architecture.RESNET20, Architecture.parse("resnet-20"));
        assertEquals(Architecture.MLP, Architecture.parse("MLP"));
        assertEquals(Architecture.SMALLCNN, Architecture.parse("small-cnn"));
        var e = assertThrows(IllegalArgumentException.class, () -> Architecture.parse("vgg"));
        assertTrue(e.getMessage().contains("vgg") && e.getMessage().contains("smallcnn"));
    }
}
