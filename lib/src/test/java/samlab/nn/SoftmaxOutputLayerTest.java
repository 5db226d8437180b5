package samlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
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

/** The softmax cross-entropy layer against DL4J's OutputLayer (MCXENT, softmax), same seed and batch. */
class SoftmaxOutputLayerTest {
    private static ComputationGraph mlp(Layer out, DataType type) {
        var g = new NeuralNetConfiguration.Builder().seed(9).dataType(type).updater(new NoOp())
                .weightInit(WeightInit.RELU).graphBuilder().addInputs("in")
                .addLayer("hidden", InputDenseLayer.relu(12), "in")
                .addLayer("out", out, "hidden")
                .setOutputs("out").setInputTypes(InputType.feedForward(7)).build();
        ComputationGraph net = new ComputationGraph(g);
        net.init();
        return net;
    }

    private static double relErr(INDArray a, INDArray b) {
        return a.sub(b).norm2Number().doubleValue() / b.norm2Number().doubleValue();
    }

    @Test
    void scoreAndGradientsAgreeWithDl4jsOutputLayer() {
        ComputationGraph reference = mlp(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(4)
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build(), DataType.FLOAT);
        ComputationGraph fast = mlp(SoftmaxOutputLayer.of(4), DataType.FLOAT);
        assertEquals(reference.params(), fast.params()); // same initialisation, bit for bit
        Nd4j.getRandom().setSeed(2);
        INDArray x = Nd4j.randn(DataType.FLOAT, 40, 7);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 40, 4);
        for (int i = 0; i < 40; i++) y.putScalar(i, (i * 7) % 4, 1f);
        y.getRow(3).assign(0.25); // a soft label too
        for (int step = 0; step < 3; step++) {
            for (ComputationGraph n : new ComputationGraph[] {reference, fast}) {
                n.setInput(0, x);
                n.setLabel(0, y);
                n.computeGradientAndScore();
            }
            assertEquals(reference.score(), fast.score(), 1e-6 * reference.score(), "step " + step);
            double err = relErr(fast.getFlattenedGradients(), reference.getFlattenedGradients());
            assertTrue(err < 1e-6, "step " + step + ": relative gradient difference " + err);
            // move both, so later steps see other weights
            INDArray gr = reference.getFlattenedGradients();
            reference.params().subi(gr.reshape(gr.length()).mul(0.5 / 40));
            fast.params().subi(gr.reshape(gr.length()).mul(0.5 / 40));
        }
        // inference, and the score of a dataset outside a training pass, are DL4J's own paths
        assertTrue(fast.outputSingle(x).equalsWithEps(reference.outputSingle(x), 1e-6));
        var data = new org.nd4j.linalg.dataset.DataSet(x, y);
        assertEquals(reference.score(data), fast.score(data), 1e-6 * reference.score(data));
        assertTrue(fast.clone().getLayer("out") instanceof SoftmaxOutputLayer.Impl);
    }

    @Test
    void handComputedLossAndGradientOfOneExample() {
        // z = 0 (zero weights and bias): p = (1/4, ..., 1/4), loss log 4, ∂L/∂b = p − y
        ComputationGraph net = mlp(SoftmaxOutputLayer.of(4), DataType.FLOAT);
        net.getLayer("out").getParam("W").assign(0);
        INDArray x = Nd4j.randn(DataType.FLOAT, 1, 7);
        INDArray y = Nd4j.create(new float[] {0, 0, 1, 0}, 1, 4);
        net.setInput(0, x);
        net.setLabel(0, y);
        net.computeGradientAndScore();
        assertEquals(Math.log(4), net.score(), 1e-6);
        INDArray db = net.gradient().getGradientFor("out_b");
        assertTrue(db.reshape(4).equalsWithEps(Nd4j.createFromArray(0.25f, 0.25f, -0.75f, 0.25f), 1e-6), db.toString());
    }

    @Test
    void fewerThanTwoClassesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SoftmaxOutputLayer.of(1));
        assertTrue(e.getMessage().contains("classes 1"), e.getMessage());
    }
}
