/**
 * The networks of the empirical study as DL4J {@code ComputationGraph}s ({@link samlab.nn.Architecture}:
 * the MNIST MLP, CIFAR ResNet-20 and ResNet-18), and {@link samlab.nn.OneDnn}, which switches on
 * DL4J's oneDNN layer helpers.
 */
package samlab.nn;
