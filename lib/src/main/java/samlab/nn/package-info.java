/**
 * The networks of the empirical study as DL4J {@code ComputationGraph}s.
 *
 * <p>Entry points: {@link samlab.nn.Architecture} (the MNIST MLP, CIFAR ResNet-20 and ResNet-18, and
 * a small BatchNorm CNN; {@link samlab.nn.Architecture#parse(String)} and
 * {@link samlab.nn.Architecture#build(int, int, int, int, long)}); {@link samlab.nn.OneDnn}, which
 * switches on DL4J's oneDNN layer helpers. The layers DL4J 1.0.0-M2.1 computes with avoidable work are
 * replaced by subclasses with the same parameters and function (README, Benchmarks):
 * {@link samlab.nn.InputDenseLayer} (the MLP's first layer), {@link samlab.nn.LinearConvolutionLayer}
 * (no recomputed forward pass), {@link samlab.nn.ReluLayer} (no copies, a vectorised derivative),
 * {@link samlab.nn.SoftmaxOutputLayer} (affine map and softmax once) and, as the batch-norm layers'
 * helper, a two-pass batch-norm kernel. Parameters are updated by {@code samlab.optim}, never by DL4J's
 * updaters.
 */
package samlab.nn;
