package samlab.train;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import samlab.optim.TrainingLoss;
import samlab.optim.ParameterLayout;

/**
 * The mean cross-entropy of a DL4J network on the current batch, over the network's flattened
 * parameter and gradient views (a SAM perturbation is one {@code addi} on them). Forward passes run
 * in training mode (BatchNorm uses batch statistics), as in the step itself. {@link #gradient()} is
 * the gradient of the mean loss (DL4J's raw backprop gives the sum; see {@link #gradientScale}).
 */
public final class NetworkLoss implements TrainingLoss {
    /** DL4J keeps BatchNorm running statistics under these keys inside the parameter vector. */
    private static final Set<String> STATISTICS = Set.of("mean", "var", "log10stdev");
    private static final String WEIGHT = "W";

    private final ComputationGraph graph;
    private final ParameterLayout layout;
    private final INDArray params;
    private final INDArray gradient;
    private INDArray features;
    private INDArray scale;
    private int scaleBatch = -1;
    private INDArray labels;

    /**
     * The loss of {@code graph} over its own flattened parameter and gradient views (initialises the
     * gradient view if DL4J has not yet).
     *
     * @param graph an initialised network
     * @throws NullPointerException  if {@code graph} is null
     * @throws IllegalStateException if a layer's parameter is not a view of the flat vector (see {@link #layoutOf})
     */
    public NetworkLoss(ComputationGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
        if (graph.getFlattenedGradients() == null) graph.initGradientsView();
        this.params = flatView(graph.params());
        this.gradient = flatView(graph.getFlattenedGradients());
        this.layout = layoutOf(graph);
    }

    /** A 1-D view of DL4J's [1, n] flat vectors, sharing their memory. */
    private static INDArray flatView(INDArray a) {
        return a.reshape(a.length());
    }

    /**
     * The masks of {@code graph}'s flattened parameter vector: BatchNorm running statistics
     * ("mean", "var", "log10stdev") are not trainable; kernel parameters ("W") are weights.
     *
     * @param graph an initialised network
     * @return the layout, masks of the parameter vector's length
     * @throws IllegalStateException if a layer's parameter table holds an array that is not a view
     *     into the flat parameter vector
     */
    public static ParameterLayout layoutOf(ComputationGraph graph) {
        INDArray params = flatView(graph.params());
        INDArray trainable = params.ulike().assign(1);
        INDArray weights = params.ulike().assign(0);
        for (Layer layer : graph.getLayers()) {
            for (Map.Entry<String, INDArray> p : layer.paramTable().entrySet()) {
                long from = p.getValue().offset() - params.offset();
                long to = from + p.getValue().length();
                if (from < 0 || to > params.length()) {
                    throw new IllegalStateException("parameter " + p.getKey() + " is not a view of the flat vector");
                }
                if (STATISTICS.contains(p.getKey())) {
                    trainable.get(NDArrayIndex.interval(from, to)).assign(0);
                } else if (p.getKey().equals(WEIGHT)) {
                    weights.get(NDArrayIndex.interval(from, to)).assign(1);
                }
            }
        }
        return new ParameterLayout(trainable, weights);
    }

    /**
     * Evaluates on {@code batch} from now on (its arrays, not a copy).
     *
     * @param batch features in the network's input shape, one-hot labels [N, classes]
     * @throws IllegalArgumentException if features and labels differ in their number of rows
     */
    public void setBatch(Batch batch) {
        setBatch(batch.features(), batch.labels());
    }

    /**
     * Sets the batch (the arrays, not a copy).
     *
     * @param features [N, C·H·W] or [N, C, H, W], the network's input shape
     * @param labels   one-hot labels [N, classes]
     * @throws IllegalArgumentException if {@code features} and {@code labels} differ in N
     */
    public void setBatch(INDArray features, INDArray labels) {
        if (features.size(0) != labels.size(0)) {
            throw new IllegalArgumentException(features.size(0) + " inputs but " + labels.size(0) + " labels");
        }
        this.features = features;
        this.labels = labels;
    }

    /** @return the network */
    public ComputationGraph graph() {
        return graph;
    }

    /** @return N of the current batch, 0 before the first {@link #setBatch} */
    public int batchSize() {
        return features == null ? 0 : (int) features.size(0);
    }

    @Override
    public INDArray parameters() {
        return params;
    }

    /**
     * {@inheritDoc} Shard {@code shard} is rows [N·shard/shards, N·(shard+1)/shards) of the batch.
     *
     * @throws IllegalStateException if no batch was set
     */
    @Override
    public double computeGradient(int shard, int shards) {
        if (features == null) throw new IllegalStateException("no batch set");
        if (shards == 1) {
            graph.setInput(0, features);
            graph.setLabel(0, labels);
        } else {
            long n = features.size(0);
            long from = n * shard / shards;
            long to = n * (shard + 1) / shards;
            graph.setInput(0, rows(features, from, to));
            graph.setLabel(0, rows(labels, from, to));
        }
        graph.computeGradientAndScore();
        gradient.muli(gradientScale(shardSize(shard, shards)));
        return graph.score();
    }

    /**
     * DL4J backpropagates the summed loss and lets its updater divide by the batch size, except for
     * the running-statistics slots, which hold updates. This scale (1/b on trainable entries, 1 on
     * statistics) turns the raw gradient into the gradient of the mean loss {@link #computeGradient} returns.
     */
    private INDArray gradientScale(int batch) {
        if (scaleBatch != batch) {
            scale = layout.trainable().mul(1.0 / batch).addi(layout.statistics());
            scaleBatch = batch;
        }
        return scale;
    }

    private static INDArray rows(INDArray a, long from, long to) {
        org.nd4j.linalg.indexing.INDArrayIndex[] idx = new org.nd4j.linalg.indexing.INDArrayIndex[a.rank()];
        idx[0] = NDArrayIndex.interval(from, to);
        for (int d = 1; d < idx.length; d++) idx[d] = NDArrayIndex.all();
        return a.get(idx).dup();
    }

    @Override
    public INDArray gradient() {
        return gradient;
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public int shardSize(int shard, int shards) {
        long n = batchSize();
        return (int) (n * (shard + 1) / shards - n * shard / shards);
    }
}
