package samlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The fast first layer against DL4J's own DenseLayer on the same network, seed and batch. */
class InputDenseLayerTest {
    private static ComputationGraph mlp(Layer hidden) {
        var g = new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.FLOAT).updater(new NoOp())
                .weightInit(WeightInit.RELU).graphBuilder().addInputs("in")
                .addLayer("hidden", hidden, "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(4)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build(), "hidden")
                .setOutputs("out").setInputTypes(InputType.feedForward(30)).build();
        ComputationGraph net = new ComputationGraph(g);
        net.init();
        return net;
    }

    @Test
    void sameParametersOutputsAndGradientsAsDl4jsDenseLayer() {
        ComputationGraph reference = mlp(new DenseLayer.Builder().nOut(20).activation(Activation.RELU).build());
        ComputationGraph fast = mlp(InputDenseLayer.relu(20));
        assertEquals(reference.params(), fast.params()); // same initialisation, bit for bit
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 50, 30).subi(0.5);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 50, 4);
        for (int i = 0; i < 50; i++) y.putScalar(i, i % 4, 1f);
        for (int step = 0; step < 3; step++) {
            for (ComputationGraph net : new ComputationGraph[] {reference, fast}) {
                net.setInput(0, x);
                net.setLabel(0, y);
                net.computeGradientAndScore();
            }
            assertEquals(reference.score(), fast.score(), 1e-6 * reference.score());
            INDArray gr = reference.getFlattenedGradients();
            INDArray gf = fast.getFlattenedGradients();
            double err = gr.sub(gf).norm2Number().doubleValue() / gr.norm2Number().doubleValue();
            assertTrue(err < 1e-6, "step " + step + ": relative gradient difference " + err);
            // a plain gradient step on both, so later steps see other weights and dead units
            reference.params().subi(gr.reshape(gr.length()).mul(0.05 / 50));
            fast.params().subi(gf.reshape(gf.length()).mul(0.05 / 50));
        }
        assertTrue(fast.outputSingle(x).equalsWithEps(reference.outputSingle(x), 1e-5));
        // DL4J's JSON round trip (clone, model files) keeps the layer type
        ComputationGraph copy = fast.clone();
        assertTrue(copy.getLayer("hidden") instanceof InputDenseLayer.Impl);
        assertEquals(fast.params(), copy.params());
    }
}
