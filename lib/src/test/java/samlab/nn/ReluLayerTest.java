package samlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
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
import samlab.train.ActiveUnits;

/** The ReLU layer against DL4J's ReLU activation layer, same seed and batch: equal values (ND4J compares numerically, so −0 = +0). */
class ReluLayerTest {
    /** The values in C order, compared bit for bit by assertArrayEquals (INDArray.equals allows 1e-5). */
    private static float[] floats(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    private static ComputationGraph net(Layer relu) {
        var g = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT).updater(new NoOp())
                .weightInit(WeightInit.RELU).convolutionMode(ConvolutionMode.Same).graphBuilder().addInputs("in")
                .addLayer("conv", LinearConvolutionLayer.of(3, 1, 4), "in")
                .addLayer("relu", relu, "conv")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "relu")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build(), "pool")
                .setOutputs("out").setInputTypes(InputType.convolutional(6, 6, 2)).build();
        ComputationGraph net = new ComputationGraph(g);
        net.init();
        return net;
    }

    @Test
    void outputsAndGradientsEqualDl4jsLayer() {
        ComputationGraph reference = net(new ActivationLayer.Builder().activation(Activation.RELU).build());
        ComputationGraph fast = net(ReluLayer.create());
        assertArrayEquals(floats(reference.params()), floats(fast.params()));
        Nd4j.getRandom().setSeed(6);
        INDArray x = Nd4j.randn(DataType.FLOAT, 5, 2, 6, 6);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 5, 3);
        for (int i = 0; i < 5; i++) y.putScalar(i, i % 3, 1f);
        for (ComputationGraph n : new ComputationGraph[] {reference, fast}) {
            n.setInput(0, x);
            n.setLabel(0, y);
            n.computeGradientAndScore();
        }
        assertEquals(reference.score(), fast.score());
        assertArrayEquals(floats(reference.getFlattenedGradients()), floats(fast.getFlattenedGradients()));
        INDArray acts = fast.feedForward(x, true).get("relu");
        assertArrayEquals(floats(reference.feedForward(x, true).get("relu")), floats(acts));
        assertTrue(acts.minNumber().doubleValue() == 0 && acts.maxNumber().doubleValue() > 0);
        // the diagnostics still find it as a ReLU layer, and DL4J's JSON round trip keeps it
        assertEquals(List.of("relu"), ActiveUnits.reluLayers(fast));
        assertTrue(fast.clone().getLayer("relu") instanceof ReluLayer.Impl);
    }
}
