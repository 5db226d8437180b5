/**
 * The networks of the empirical study as DL4J {@code ComputationGraph}s.
 *
 * <p>Entry points: {@link samlab.nn.Architecture} (the MNIST MLP, CIFAR ResNet-20 and ResNet-18, and
 * a small BatchNorm CNN; {@link samlab.nn.Architecture#parse(String)} and
 * {@link samlab.nn.Architecture#build(int, int, int, int, long)}); {@link samlab.nn.OneDnn}, which
 * switches on DL4J's oneDNN layer helpers; {@link samlab.nn.InputDenseLayer}, the MLP's first layer
 * with half the work of DL4J's dense layer per training step. Parameters are updated by
 * {@code samlab.optim}, never by DL4J's updaters.
 */
package samlab.nn;
