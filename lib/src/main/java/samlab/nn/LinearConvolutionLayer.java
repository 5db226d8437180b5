package samlab.nn;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution without activation (a batch-norm layer follows it), with the same parameters,
 * initialisation and function as DL4J's {@link ConvolutionLayer}, whose backward pass does not
 * compute the forward convolution again. DL4J 1.0.0-M2.1's layer recomputes its pre-activation
 * output in every backward pass to apply the activation's derivative, which for the identity is not
 * needed; DL4J's cache mode avoids that by keeping a copy of every convolution's output, which cost
 * ResNet-20 (batch 128) 200–300 MB of peak memory. Here the oneDNN backward convolution gets the
 * upstream gradient as it is: the same operation on the same arrays, so gradients are bit-for-bit
 * those of DL4J's layer (tested).
 */
public final class LinearConvolutionLayer extends ConvolutionLayer {
    /** For Jackson; use {@link #of(int, int, int)}. */
    public LinearConvolutionLayer() {}

    private LinearConvolutionLayer(ConvolutionLayer.Builder builder) {
        super(builder);
    }

    /**
     * A k×k convolution without bias or activation, padded as the network's convolution mode says.
     *
     * @param kernel kernel height and width k
     * @param stride stride in both directions
     * @param channels number of output channels
     * @return the layer configuration
     * @throws IllegalArgumentException if {@code kernel}, {@code stride} or {@code channels} is below 1
     */
    public static LinearConvolutionLayer of(int kernel, int stride, int channels) {
        if (kernel < 1 || stride < 1 || channels < 1) {
            throw new IllegalArgumentException("kernel " + kernel + ", stride " + stride + ", channels " + channels
                    + ": all must be >= 1");
        }
        return new LinearConvolutionLayer(new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride)
                .nOut(channels).hasBias(false).activation(Activation.IDENTITY));
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray paramsView, boolean initializeParams, DataType dataType) {
        return LayerWiring.wire(new Impl(conf, dataType), initializer(), conf, listeners, index, paramsView,
                initializeParams);
    }

    /** The layer itself. */
    public static final class Impl extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer {
        Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        /** The cases DL4J's helper path covers without the pre-activation output. */
        private boolean plain(INDArray epsilon) {
            ConvolutionLayer c = layerConf();
            // oneDNN's helper (CPU); elsewhere (cuDNN) DL4J's own path, which is tested there
            return helper instanceof MKLDNNConvHelper && helperCountFail == 0 && c.getActivationFn() instanceof ActivationIdentity
                    && c.getCnn2dDataFormat() == CNN2DFormat.NCHW && c.getIDropout() == null
                    && c.getWeightNoise() == null && input.dataType() == dataType && epsilon.dataType() == dataType;
        }

        /**
         * Backward pass: ∂L/∂W (and ∂L/∂b) into the gradient views and ∂L/∂x returned, for an upstream
         * gradient ∂L/∂y of the output's shape [N, C_out, H_out, W_out].
         */
        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
            if (!plain(epsilon)) return super.backpropGradient(epsilon, mgr);
            assertInputSet(true);
            ConvolutionLayer c = layerConf();
            INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, mgr);
            INDArray bias = getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, true, mgr);
            INDArray biasGrad = hasBias() ? gradientViews.get(ConvolutionParamInitializer.BIAS_KEY) : null;
            INDArray weightGrad = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
            // the helper works out "Same" padding itself from the input and gradient sizes
            Pair<Gradient, INDArray> ret = helper.backpropGradient(input, weights, bias, epsilon, c.getKernelSize(),
                    c.getStride(), c.getPadding(), biasGrad, weightGrad, c.getActivationFn(), c.getCudnnAlgoMode(),
                    c.getCudnnBwdFilterAlgo(), c.getCudnnBwdDataAlgo(), convolutionMode, c.getDilation(),
                    CNN2DFormat.NCHW, mgr);
            if (ret == null) return super.backpropGradient(epsilon, mgr);
            weightNoiseParams.clear();
            return ret;
        }
    }
}
