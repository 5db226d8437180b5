package samlab.train;

import samlab.nn.Architecture;

/** Manual benchmark entry (not a test): java samlab.train.BenchMain MODEL BATCH WARMUP STEPS. */
public final class BenchMain {
    public static void main(String[] a) {
        var r = TrainBenchmark.run(new TrainBenchmark.Config(Architecture.parse(a[0]), Integer.parseInt(a[1]), 3, 32, 32, 10,
                Integer.parseInt(a[2]), Integer.parseInt(a[3]), 1));
        System.out.print(r.report());
        System.out.println(r.helpers());
    }
}
