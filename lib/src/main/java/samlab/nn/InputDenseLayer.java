package samlab.nn;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A ReLU dense layer for the first layer of a network (fed directly by a network input), with the
 * same parameters, initialisation and function as DL4J's {@link DenseLayer}, and a training step
 * that does about half the work. Measured on the MNIST MLP (784-256-10, batch 1,000), DL4J
 * 1.0.0-M2.1's dense layer does four [1000×784]·[784×256]-sized GEMMs per gradient where two are
 * needed: its backward pass recomputes the forward product, and it computes the gradient with
 * respect to the network input, which nothing uses; and all of them write Fortran-ordered results,
 * which ND4J sends to OpenBLAS's generic kernel (~105 GFLOP/s per core here) instead of oneDNN's
 * (~210). This layer writes C-ordered products (oneDNN), keeps its ReLU output from the forward
 * pass for the backward pass (ReLU' is read from the output: relu(z) &gt; 0 exactly when z &gt; 0),
 * and returns no input gradient. Numerically, oneDNN sums in another order than OpenBLAS, so
 * results agree with {@code DenseLayer} to float rounding, not bit for bit.
 */
public final class InputDenseLayer extends DenseLayer {
    /** For Jackson; use {@link #relu(int)}. */
    public InputDenseLayer() {}

    /**
     * A ReLU layer (inputs inferred from the graph's input type).
     *
     * @param units number of outputs
     * @return the layer configuration
     * @throws IllegalArgumentException if {@code units < 1}
     */
    public static InputDenseLayer relu(int units) {
        if (units < 1) throw new IllegalArgumentException("units " + units + " must be >= 1");
        InputDenseLayer l = new InputDenseLayer();
        l.setNOut(units);
        l.setActivationFn(Activation.RELU.getActivationFunction());
        return l;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray paramsView, boolean initializeParams, DataType dataType) {
        return LayerWiring.wire(new Impl(conf, dataType), initializer(), conf, listeners, index, paramsView,
                initializeParams);
    }

    @Override
    public ParamInitializer initializer() {
        return DefaultParamInitializer.getInstance();
    }

    /** The layer itself. */
    public static final class Impl extends org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer {
        /** ReLU output of the last training-mode forward pass, and the input it was computed from. */
        private INDArray output;
        private INDArray outputInput;

        Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        private boolean plain() {
            return layerConf().getActivationFn() instanceof ActivationReLU relu && isPlainRelu(relu)
                    && !hasLayerNorm() && layerConf().getIDropout() == null && maskArray == null
                    && layerConf().getWeightNoise() == null;
        }

        private static boolean isPlainRelu(ActivationReLU relu) {
            return relu.equals(new ActivationReLU());
        }

        /** x·W + b into a C-ordered array (oneDNN's GEMM). */
        private INDArray affine(boolean training, LayerWorkspaceMgr mgr) {
            INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, training, mgr);
            INDArray b = getParamWithNoise(DefaultParamInitializer.BIAS_KEY, training, mgr);
            INDArray x = input.castTo(w.dataType());
            if (x.rank() != 2 || x.columns() != w.rows()) {
                throw new IllegalArgumentException("input " + java.util.Arrays.toString(x.shape())
                        + " does not fit layer " + layerId() + " with " + w.rows() + " inputs");
            }
            INDArray z = mgr.createUninitialized(ArrayType.ACTIVATIONS, w.dataType(), new long[] {x.size(0), w.size(1)}, 'c');
            Nd4j.gemm(x, w, z, false, false, 1.0, 0.0);
            if (hasBias()) z.addiRowVector(b);
            return z;
        }

        /**
         * Forward pass: relu(x·W + b), [N, units] for an input x of [N, inputs].
         *
         * @throws IllegalArgumentException if the input is not rank 2 or its column count differs
         *     from the layer's number of inputs (on the fast path: plain ReLU, no dropout, mask,
         *     weight noise or layer norm)
         */
        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
            if (!plain()) {
                output = null;
                return super.activate(training, mgr);
            }
            assertInputSet(false);
            applyDropOutIfNecessary(training, mgr);
            INDArray a = layerConf().getActivationFn().getActivation(affine(training, mgr), training);
            output = training ? a : null;
            outputInput = training ? input : null;
            return a;
        }

        /**
         * Backward pass: the weight and bias gradients; the input gradient is {@code null} (nothing
         * upstream of a network input needs it).
         *
         * @throws IllegalArgumentException if the forward output was not kept and the input does not
         *     fit the layer (as in {@link #activate(boolean, LayerWorkspaceMgr)})
         */
        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
            if (!plain()) {
                Pair<Gradient, INDArray> p = super.backpropGradient(epsilon, mgr);
                return new Pair<>(p.getFirst(), null);
            }
            assertInputSet(true);
            // the kept output is valid while the forward pass's activations are (DL4J keeps them,
            // this layer's input among them, until the backward pass ends)
            INDArray a = output != null && outputInput == input ? output
                    : layerConf().getActivationFn().getActivation(affine(true, mgr), true);
            output = null;
            outputInput = null;
            INDArray delta = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, a.dataType(), a.shape(), 'c');
            Nd4j.exec(new Step(a, delta, 0.0)); // [a > 0]·ε: vectorised, unlike ND4J's relu_bp (ReluLayer)
            delta.muli(epsilon);
            Gradient g = new DefaultGradient();
            if (hasBias()) {
                INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
                delta.sum(biasGrad, 0);
                g.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
            }
            // dW (Fortran-ordered [in, out] view) = x^T·delta, written as its C-ordered transpose delta^T·x
            INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
            Nd4j.gemm(delta, input.castTo(weightGrad.dataType()), weightGrad.transpose(), true, false, 1.0, 0.0);
            g.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
            weightNoiseParams.clear();
            return new Pair<>(g, null); // no gradient for the network input
        }

        @Override
        public void clear() {
            super.clear();
            output = null;
            outputInput = null;
        }
    }
}
