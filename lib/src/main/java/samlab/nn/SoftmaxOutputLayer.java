package samlab.nn;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The softmax cross-entropy output layer of the course's networks: DL4J's {@link OutputLayer} with
 * MCXENT loss and softmax (same parameters, initialisation, loss and gradient), whose training pass
 * computes the affine map and the softmax once. For one gradient DL4J 1.0.0-M2.1 computes them twice
 * (once in the backward pass, once more for the score) and returns the input gradient in Fortran
 * order, which makes the ReLU derivative of the layer below run on mixed-order arrays; on the MNIST
 * MLP (batch 1,000) its output layer alone took 2.7 ms of a 7 ms gradient. Here the score is kept
 * from the backward pass, the input gradient δ·Wᵀ is C-ordered, and everything else is DL4J's: the
 * loss −Σ y·log(p clipped to [10⁻¹⁰, 1 − 10⁻¹⁰]) divided by the batch size, the gradient p − y. Results agree with
 * DL4J's layer to float rounding (tested).
 */
public final class SoftmaxOutputLayer extends OutputLayer {
    /** For Jackson; use {@link #of(int)}. */
    public SoftmaxOutputLayer() {}

    private SoftmaxOutputLayer(OutputLayer.Builder builder) {
        super(builder);
    }

    /**
     * A dense softmax layer with Xavier initialisation and cross-entropy loss.
     *
     * @param classes number of outputs K
     * @return the layer configuration
     * @throws IllegalArgumentException if {@code classes < 2}
     */
    public static SoftmaxOutputLayer of(int classes) {
        if (classes < 2) throw new IllegalArgumentException("classes " + classes + " must be >= 2");
        return new SoftmaxOutputLayer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER));
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray paramsView, boolean initializeParams, DataType dataType) {
        return LayerWiring.wire(new Impl(conf, dataType), initializer(), conf, listeners, index, paramsView,
                initializeParams);
    }

    /** The layer itself. */
    public static final class Impl extends org.deeplearning4j.nn.layers.OutputLayer {
        /** The data loss (before regularisation) of the last backward pass, and what it was computed from. */
        private double keptLoss = Double.NaN;
        private INDArray keptInput;
        private INDArray keptLabels;

        Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        private boolean plain() {
            var c = layerConf();
            return c.getLossFn() instanceof LossMCXENT loss && loss.getWeights() == null
                    && c.getActivationFn() instanceof ActivationSoftmax && maskArray == null
                    && c.getIDropout() == null && c.getWeightNoise() == null && input != null && labels != null
                    && input.rank() == 2 && labels.rank() == 2 && labels.dataType() == input.dataType()
                    && input.dataType() == dataType;
        }

        /**
         * Backward pass from the labels: ∂L/∂W, ∂L/∂b into the gradient views and ∂L/∂x = (p − y)·Wᵀ
         * returned ([N, inputs], C order), for the summed loss as DL4J defines it; {@code epsilon} is
         * ignored (the loss is this layer's own).
         */
        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
            keptLoss = Double.NaN;
            if (!plain()) return super.backpropGradient(epsilon, mgr);
            assertInputSet(true);
            INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
            INDArray b = getParam(DefaultParamInitializer.BIAS_KEY);
            INDArray p = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, new long[] {input.size(0), w.size(1)}, 'c');
            Nd4j.gemm(input, w, p, false, false, 1.0, 0.0);
            if (hasBias()) p.addiRowVector(b);
            Nd4j.exec(new SoftMax(p, p));
            // the score now, while p is softmax (DL4J clips p to [ε, 1 − ε] before the log)
            double clip = ((LossMCXENT) layerConf().getLossFn()).getSoftmaxClipEps();
            INDArray logp = clip > 0 ? Transforms.min(Transforms.max(p, clip, true), 1 - clip, false) : p.dup();
            keptLoss = -Transforms.log(logp, false).muli(labels).sumNumber().doubleValue();
            keptInput = input;
            keptLabels = labels;
            INDArray delta = p.subi(labels); // p − y
            Gradient g = new DefaultGradient();
            INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
            Nd4j.gemm(input, delta, weightGrad, true, false, 1.0, 0.0);
            g.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
            if (hasBias()) {
                INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
                delta.sum(biasGrad, 0);
                g.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
            }
            INDArray epsNext = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
            Nd4j.gemm(delta, w, epsNext, false, true, 1.0, 0.0);
            weightNoiseParams.clear();
            return new Pair<>(g, epsNext);
        }

        /**
         * The mean loss plus {@code fullNetRegTerm}. Right after a training backward pass on the same
         * input and labels (DL4J's computeGradientAndScore) it is the loss that pass computed, used once.
         */
        @Override
        public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr mgr) {
            if (training && !Double.isNaN(keptLoss) && keptInput == input && keptLabels == labels
                    && plain()) {
                double s = keptLoss;
                if (conf().isMiniBatch()) s /= getInputMiniBatchSize();
                this.score = s + fullNetRegTerm;
                keptLoss = Double.NaN;
                return this.score;
            }
            return super.computeScore(fullNetRegTerm, training, mgr);
        }

        @Override
        public void clear() {
            super.clear();
            keptLoss = Double.NaN;
            keptInput = null;
            keptLabels = null;
        }
    }
}
