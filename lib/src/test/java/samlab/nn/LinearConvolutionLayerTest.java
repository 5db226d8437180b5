package samlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The convolution without a recomputed forward pass against DL4J's own layer, same seed and batch. */
class LinearConvolutionLayerTest {
    /** The values in C order, compared bit for bit by assertArrayEquals (INDArray.equals allows 1e-5). */
    private static float[] floats(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    /** conv(k, stride) → ReLU → conv 3×3 → global average → softmax, the convolutions from {@code conv}. */
    private static ComputationGraph net(java.util.function.IntFunction<Layer> conv) {
        OneDnn.enable();
        var g = new NeuralNetConfiguration.Builder().seed(8).dataType(DataType.FLOAT).updater(new NoOp())
                .weightInit(WeightInit.RELU).convolutionMode(ConvolutionMode.Same).graphBuilder().addInputs("in")
                .addLayer("a", conv.apply(0), "in")
                .addLayer("relu", new org.deeplearning4j.nn.conf.layers.ActivationLayer.Builder()
                        .activation(Activation.RELU).build(), "a")
                .addLayer("b", conv.apply(1), "relu")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "b")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build(), "pool")
                .setOutputs("out").setInputTypes(InputType.convolutional(9, 9, 2)).build();
        ComputationGraph net = new ComputationGraph(g);
        net.init();
        return net;
    }

    @Test
    void gradientsAreBitForBitThoseOfDl4jsLayer() {
        int[][] shapes = {{3, 1}, {3, 2}, {1, 2}}; // kernel, stride of the first convolution
        for (int[] s : shapes) {
            ComputationGraph reference = net(i -> new ConvolutionLayer.Builder(i == 0 ? s[0] : 3, i == 0 ? s[0] : 3)
                    .stride(i == 0 ? s[1] : 1, i == 0 ? s[1] : 1).nOut(5).hasBias(false)
                    .activation(Activation.IDENTITY).build());
            ComputationGraph fast = net(i -> LinearConvolutionLayer.of(i == 0 ? s[0] : 3, i == 0 ? s[1] : 1, 5));
            assertArrayEquals(floats(reference.params()), floats(fast.params())); // same initialisation, bit for bit
            Nd4j.getRandom().setSeed(4);
            INDArray x = Nd4j.randn(DataType.FLOAT, 6, 2, 9, 9);
            INDArray y = Nd4j.zeros(DataType.FLOAT, 6, 3);
            for (int i = 0; i < 6; i++) y.putScalar(i, i % 3, 1f);
            for (ComputationGraph n : new ComputationGraph[] {reference, fast}) {
                n.setInput(0, x);
                n.setLabel(0, y);
                n.computeGradientAndScore();
            }
            assertEquals(reference.score(), fast.score(), "kernel " + s[0] + " stride " + s[1]);
            assertArrayEquals(floats(reference.getFlattenedGradients()), floats(fast.getFlattenedGradients()),
                    "kernel " + s[0] + " stride " + s[1]);
            assertTrue(fast.getFlattenedGradients().norm2Number().doubleValue() > 0);
        }
    }

    @Test
    void dl4jsJsonRoundTripKeepsTheLayer() {
        ComputationGraph fast = net(i -> LinearConvolutionLayer.of(3, 1, 4));
        ComputationGraph copy = fast.clone();
        assertTrue(copy.getLayer("a") instanceof LinearConvolutionLayer.Impl);
        assertEquals(fast.params(), copy.params());
    }

    @Test
    void badSizesAreRefusedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinearConvolutionLayer.of(3, 0, 8));
        assertTrue(e.getMessage().contains("stride 0"), e.getMessage());
    }
}
