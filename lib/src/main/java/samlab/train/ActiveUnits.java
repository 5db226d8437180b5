package samlab.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How much of a ReLU network is alive: for each ReLU layer (a dense or convolution layer with ReLU
 * activation, or a ReLU activation layer), the fraction of its outputs that are positive over a
 * set of examples, i.e. the mean over examples of the fraction of units (and positions) that fire.
 * A dead-unit plateau shows as a fraction near 0 in some layer: no gradient reaches the layers
 * before it, so SAM's step (taken at w⁺) can move only what comes after. Forward passes run in
 * training mode in chunks, as the gradient diagnostics do; the network is not changed.
 */
public final class ActiveUnits {
    private ActiveUnits() {}

    /** Names of the graph's ReLU layers, in topological order. */
    public static List<String> reluLayers(ComputationGraph graph) {
        List<String> names = new ArrayList<>();
        for (Layer layer : graph.getLayers()) {
            var conf = layer.conf().getLayer();
            IActivation fn = conf instanceof ActivationLayer a ? a.getActivationFn()
                    : conf instanceof BaseLayer b ? b.getActivationFn() : null;
            if (fn instanceof ActivationReLU) names.add(conf.getLayerName());
        }
        return names;
    }

    /**
     * Fraction of positive outputs of each ReLU layer over {@code rows} of {@code inputs}, in [0, 1],
     * keyed by layer name (empty for a network without ReLU layers).
     *
     * @param graph  the network (its parameters are not changed; its layer states are cleared)
     * @param inputs the batches the rows are read from
     * @param rows   indices into {@code inputs}' dataset, at least one
     * @param chunk  examples per forward pass, ≥ 1
     * @return layer name → fraction of positive outputs, in topological order
     * @throws NullPointerException     if {@code graph} is null
     * @throws IllegalArgumentException if {@code rows} is empty or {@code chunk} &lt; 1
     */
    public static Map<String, Double> perLayer(ComputationGraph graph, Batches inputs, int[] rows, int chunk) {
        Objects.requireNonNull(graph, "graph");
        if (rows.length == 0) throw new IllegalArgumentException("no examples to measure active units on");
        if (chunk < 1) throw new IllegalArgumentException("chunk " + chunk + " must be >= 1");
        List<String> names = reluLayers(graph);
        double[] positive = new double[names.size()];
        double[] total = new double[names.size()];
        for (int from = 0; from < rows.length && !names.isEmpty(); from += chunk) {
            int to = Math.min(rows.length, from + chunk);
            Batch b = inputs.fill(rows, from, to);
            Map<String, INDArray> acts = graph.feedForward(new INDArray[] {b.features()}, true, false);
            for (int k = 0; k < names.size(); k++) {
                INDArray a = acts.get(names.get(k));
                positive[k] += a.gt(0).castTo(DataType.DOUBLE).sumNumber().doubleValue();
                total[k] += a.length();
            }
        }
        graph.clearLayersStates();
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) out.put(names.get(k), positive[k] / total[k]);
        return out;
    }

    /** The smallest per-layer fraction (the bottleneck), or NaN for a network without ReLU layers. */
    public static double bottleneck(Map<String, Double> perLayer) {
        return perLayer.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }
}
