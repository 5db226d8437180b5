package samlab.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import samlab.data.Datasets;
import samlab.data.ImageDataset;
import samlab.data.KnownDataset;
import samlab.data.Split;
import samlab.data.Subsets;
import samlab.nn.Architecture;
import samlab.optim.Optimizer;
import samlab.optim.PlainOptimizer;
import samlab.optim.Sam;
import samlab.optim.SamConfig;
import samlab.optim.Sgd;

/**
 * Manual benchmark (not a test): the share of a run's time spent on evaluation and diagnostics on
 * the committed full-batch MNIST setting (data/results/mnist-fullbatch: 1,000 training images, 1,000
 * test images, all evaluated, η = 0.5 plain steps), for three schedules run interleaved in one JVM:
 * "committed" (evaluation every step, diagnostics every 5), "default" (--eval-every auto,
 * diagnostics with each evaluation) and "bare" (evaluation only at the last epoch, no diagnostics).
 * share(mode) = 1 − median time(bare) / median time(mode), times as process CPU seconds (all threads),
 * which a busy shared machine distorts less than wall-clock time; the order rotates between repeats.
 *
 * <p>{@code java samlab.train.EvaluationCostBench EPOCHS REPEATS [RHOS]} with SAMLAB_DATA set.
 */
public final class EvaluationCostBench {
    public static void main(String[] a) {
        int epochs = Integer.parseInt(a[0]);
        int repeats = Integer.parseInt(a[1]);
        ImageDataset train = Subsets.perClass(Datasets.load(KnownDataset.MNIST, Split.TRAIN), 100, 0);
        ImageDataset test = Subsets.perClass(Datasets.load(KnownDataset.MNIST, Split.TEST), 100, 1);
        String[] modes = {"committed", "default", "bare"};
        // ρ values from the third argument (comma list; 0 = plain gradient descent), default 0,0.05,1,10
        double[] rhos = Arrays.stream((a.length > 2 ? a[2] : "0,0.05,1,10").split(",")).mapToDouble(Double::parseDouble).toArray();
        // warm-up (JIT, native libraries), not counted
        new Trainer(TrainConfig.builder(Architecture.MLP, 3, 1).batchSize(0).evalSamples(0).evalEvery(1).diagnosticsEvery(1).build(),
                new Sam(new Sgd(0.5, 0, false, 0), SamConfig.sam(0.05))).train(train, test, false);
        for (double rho : rhos) {
            double[][] seconds = new double[modes.length][repeats];
            int every = 0;
            for (int r = 0; r < repeats; r++) {
                for (int k = 0; k < modes.length; k++) {
                    int m = (k + r) % modes.length; // rotate the order between repeats
                    TrainConfig.Builder b = TrainConfig.builder(Architecture.MLP, epochs, 1).batchSize(0).evalSamples(0);
                    switch (modes[m]) {
                        case "committed" -> b.evalEvery(1).diagnosticsEvery(5);
                        case "default" -> b.evalEvery(TrainConfig.AUTO).diagnosticsEvery(TrainConfig.WITH_EVALUATION);
                        default -> b.evalEvery(epochs).diagnosticsEvery(0);
                    }
                    Sgd base = new Sgd(0.5, 0, false, 0);
                    Optimizer o = rho == 0 ? new PlainOptimizer(base) : new Sam(base, SamConfig.sam(rho));
                    Trainer t = new Trainer(b.build(), o);
                    if (modes[m].equals("default")) every = Integer.parseInt(t.runConfig(train, test).values().get("eval-every"));
                    long t0 = cpuNanos();
                    t.train(train, test, false);
                    seconds[m][r] = (cpuNanos() - t0) / 1e9;
                }
            }
            double bare = median(seconds[2]);
            List<String> parts = new ArrayList<>();
            for (int m = 0; m < 2; m++) {
                double t = median(seconds[m]);
                parts.add(String.format(Locale.ROOT, "%s %.2f CPU s (share %.1f%%)", modes[m], t, 100 * (1 - bare / t)));
            }
            System.out.printf(Locale.ROOT, "%s, %d epochs, median of %d: %s; bare %.2f CPU s; default eval-every %d%n",
                    rho == 0 ? "gd" : "sam rho=" + rho, epochs, repeats, String.join("; ", parts), bare, every);
        }
    }

    /** CPU time of the whole process (all threads, ND4J's native ones included): robust to a busy shared machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
