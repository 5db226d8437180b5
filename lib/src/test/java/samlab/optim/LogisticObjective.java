package samlab.optim;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Binary logistic regression in plain Java for hand-checked optimizer steps: parameters
 * (w₁..w_d, b) in double, loss mean log(1 + exp(−s·(w·x + b))) with s = ±1. The gradient is
 * computed from {@link #lossAndGradient} on double[], independently of ND4J.
 */
final class LogisticObjective implements Objective {
    final double[][] x;
    final double[] s;
    private final INDArray params;
    private final INDArray gradient;
    private final ParameterLayout layout;
    int calls;

    LogisticObjective(double[][] x, double[] s, double[] initial) {
        this.x = x;
        this.s = s;
        this.params = Nd4j.create(initial.clone());
        this.gradient = Nd4j.zeros(DataType.DOUBLE, initial.length);
        double[] weights = new double[initial.length];
        for (int i = 0; i < initial.length - 1; i++) weights[i] = 1;
        this.layout = new ParameterLayout(Nd4j.ones(DataType.DOUBLE, initial.length), Nd4j.create(weights));
    }

    static LogisticObjective small() {
        double[][] x = {{1.0, 2.0}, {-1.5, 0.5}, {0.3, -0.7}, {2.0, 1.0}};
        double[] s = {1, -1, 1, -1};
        return new LogisticObjective(x, s, new double[] {0.2, -0.4, 0.1});
    }

    /** Loss and gradient at {@code p} over rows [from, to). */
    double lossAndGradient(double[] p, int from, int to, double[] grad) {
        int d = p.length - 1;
        java.util.Arrays.fill(grad, 0);
        double loss = 0;
        int n = to - from;
        for (int i = from; i < to; i++) {
            double z = p[d];
            for (int j = 0; j < d; j++) z += p[j] * x[i][j];
            double m = s[i] * z;
            loss += Math.log1p(Math.exp(-m)) / n;
            double coef = -s[i] / (1 + Math.exp(m)) / n;
            for (int j = 0; j < d; j++) grad[j] += coef * x[i][j];
            grad[d] += coef;
        }
        return loss;
    }

    double[] gradientAt(double[] p, int from, int to) {
        double[] g = new double[p.length];
        lossAndGradient(p, from, to, g);
        return g;
    }

    @Override
    public INDArray parameters() {
        return params;
    }

    @Override
    public double computeGradient(int shard, int shards) {
        calls++;
        int n = x.length;
        double[] g = new double[(int) params.length()];
        double loss = lossAndGradient(params.toDoubleVector(), n * shard / shards, n * (shard + 1) / shards, g);
        gradient.assign(Nd4j.create(g));
        return loss;
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
        int n = x.length;
        return n * (shard + 1) / shards - n * shard / shards;
    }
}
