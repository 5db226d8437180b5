package samlab.nn;

import java.util.Locale;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The networks of the course, as DL4J computation graphs with He initialisation and a seed (same
 * seed, same parameters). DL4J's own updater is never used (NoOp): samlab's optimizers update the
 * flattened parameter vector themselves. Losses are the mean softmax cross-entropy over the batch.
 */
public enum Architecture {
    /** Two-layer perceptron: flatten → dense(hidden, ReLU) → softmax. The MNIST experiment. */
    MLP,
    /** CIFAR ResNet-20 (He et al. 2016, §4.2): 3 stages of 3 basic blocks, 16/32/64 channels. CPU-sized. */
    RESNET20,
    /** ResNet-18, CIFAR variant (3×3 stem, no max-pool): 4 stages of 2 blocks, 64..512 channels. GPU-sized. */
    RESNET18,
    /**
     * Small BatchNorm CNN for CPU-scale CIFAR runs: three conv3×3 → BN → ReLU stages of 16, 32, 64
     * channels, the first with stride 2, a 2×2 max-pool after the second, global average pool,
     * dense → softmax. 24,346 trainable parameters, 4.9 MFLOP forward per 32×32 image (ResNet-20: 81.6).
     */
    SMALLCNN;

    /** Hidden units of the MLP. */
    public static final int MLP_HIDDEN = 256;

    /** Widths of the small CNN's three stages. */
    private static final int[] SMALL_CNN_WIDTHS = {16, 32, 64};

    /**
     * Parses an architecture name.
     *
     * @param name "mlp", "resnet20", "resnet18" or "smallcnn" (case-insensitive, hyphens ignored)
     * @return the architecture
     * @throws IllegalArgumentException if {@code name} is none of these
     */
    public static Architecture parse(String name) {
        for (Architecture a : values()) {
            if (a.name().equalsIgnoreCase(name.replace("-", ""))) return a;
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; allowed: mlp, resnet20, resnet18, smallcnn");
    }

    /** Lower-case name used on the command line and in result tables. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the network takes flattened images [N, C·H·W] instead of [N, C, H, W]. */
    public boolean flatInput() {
        return this == MLP;
    }

    /**
     * Builds and initialises the network in float32, as
     * {@link #build(int, int, int, int, long, DataType) build(..., DataType.FLOAT)}.
     *
     * @param channels input channels C (1 for MNIST, 3 for CIFAR)
     * @param height input height H in pixels
     * @param width input width W in pixels
     * @param classes number of output classes K
     * @param seed seed of the weight initialisation (same seed, same parameters)
     * @return the initialised network; its input is [N, C·H·W] if {@link #flatInput()}, else [N, C, H, W];
     *     its output is [N, K] softmax probabilities
     * @throws IllegalArgumentException if {@code channels}, {@code height} or {@code width} is not
     *     positive, or {@code classes < 2}
     */
    public ComputationGraph build(int channels, int height, int width, int classes, long seed) {
        return build(channels, height, width, classes, seed, DataType.FLOAT);
    }

    /**
     * Builds and initialises the network (and calls {@link OneDnn#enable()}).
     *
     * @param channels input channels C (1 for MNIST, 3 for CIFAR)
     * @param height input height H in pixels
     * @param width input width W in pixels
     * @param classes number of output classes K
     * @param seed seed of the weight initialisation (same seed, same parameters)
     * @param dataType parameter and activation type; DOUBLE is for gradient checks
     * @return the initialised network; its input is [N, C·H·W] if {@link #flatInput()}, else [N, C, H, W];
     *     its output is [N, K] softmax probabilities
     * @throws IllegalArgumentException if {@code channels}, {@code height} or {@code width} is not
     *     positive, or {@code classes < 2}
     */
    public ComputationGraph build(int channels, int height, int width, int classes, long seed, DataType dataType) {
        if (channels <= 0 || height <= 0 || width <= 0 || classes < 2) {
            throw new IllegalArgumentException("input " + channels + "x" + height + "x" + width + " with "
                    + classes + " classes: need positive sizes and at least 2 classes");
        }
        OneDnn.enable();
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(dataType)
                .updater(new NoOp())
                .weightInit(WeightInit.RELU) // He et al. 2015: N(0, 2/fan_in)
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs("in");
        String last;
        switch (this) {
            case MLP -> {
                g.addLayer("hidden", InputDenseLayer.relu(MLP_HIDDEN), "in"); // DL4J's DenseLayer, half the work
                last = "hidden";
                g.setInputTypes(InputType.feedForward((long) channels * height * width));
            }
            case RESNET20 -> {
                last = resnet(g, 16, new int[] {16, 32, 64}, 3);
                g.setInputTypes(InputType.convolutional(height, width, channels));
            }
            case RESNET18 -> {
                last = resnet(g, 64, new int[] {64, 128, 256, 512}, 2);
                g.setInputTypes(InputType.convolutional(height, width, channels));
            }
            case SMALLCNN -> {
                last = smallCnn(g);
                g.setInputTypes(InputType.convolutional(height, width, channels));
            }
            default -> throw new AssertionError(this);
        }
        g.addLayer("out", SoftmaxOutputLayer.of(classes), last); // DL4J's softmax cross-entropy layer, computed once
        g.setOutputs("out");
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        BatchNormKernel.install(graph);
        return graph;
    }

    private static String resnet(ComputationGraphConfiguration.GraphBuilder g, int stem, int[] widths, int blocks) {
        String x = convBn(g, "stem", "in", stem, 1, 3);
        x = relu(g, "stem_relu", x);
        for (int s = 0; s < widths.length; s++) {
            for (int b = 0; b < blocks; b++) {
                int stride = (s > 0 && b == 0) ? 2 : 1;
                String name = "s" + s + "b" + b;
                String h = relu(g, name + "_relu1", convBn(g, name + "_c1", x, widths[s], stride, 3));
                h = convBn(g, name + "_c2", h, widths[s], 1, 3);
                String shortcut = x;
                if (stride != 1 || (s == 0 && b == 0 && stem != widths[0])) {
                    shortcut = convBn(g, name + "_proj", x, widths[s], stride, 1); // projection (option B)
                }
                g.addVertex(name + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), h, shortcut);
                x = relu(g, name + "_relu2", name + "_add");
            }
        }
        g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x);
        return "pool";
    }

    private static String smallCnn(ComputationGraphConfiguration.GraphBuilder g) {
        // stride-2 stem: the 32×32 stage cost as much as the two others together; this halved the step time
        String x = relu(g, "c0_relu", convBn(g, "c0", "in", SMALL_CNN_WIDTHS[0], 2, 3));
        x = relu(g, "c1_relu", convBn(g, "c1", x, SMALL_CNN_WIDTHS[1], 1, 3));
        g.addLayer("c1_pool", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(), x);
        x = relu(g, "c2_relu", convBn(g, "c2", "c1_pool", SMALL_CNN_WIDTHS[2], 1, 3));
        g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x);
        return "pool";
    }

    private static String convBn(ComputationGraphConfiguration.GraphBuilder g, String name, String in, int out, int stride, int k) {
        g.addLayer(name, LinearConvolutionLayer.of(k, stride, out), in); // DL4J's layer, without a recomputed forward pass
        g.addLayer(name + "_bn", new BatchNormalization.Builder().build(), name);
        return name + "_bn";
    }

    private static String relu(ComputationGraphConfiguration.GraphBuilder g, String name, String in) {
        g.addLayer(name, ReluLayer.create(), in); // DL4J's ReLU layer without its copies and its slow derivative op
        return name;
    }
}
