package samlab.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import samlab.nn.Architecture;
import samlab.nn.OneDnn;
import samlab.optim.Optimizer;
import samlab.optim.PlainOptimizer;
import samlab.optim.Sam;
import samlab.optim.SamConfig;
import samlab.optim.Sgd;
import samlab.progress.Progress;
import samlab.progress.ProgressSink;

/**
 * Speed of SGD and SAM steps on one model and batch, measured in one run: steps alternate
 * (SGD, SAM, SGD, ...) so that load on a shared machine hits both alike; medians are reported.
 * FLOPs are counted analytically (convolutions and dense layers, forward ×3 for a training step)
 * and compared with a float32 GEMM measured in the same run. Native memory is reclaimed between
 * steps as in {@link Trainer} (outside the timed region).
 */
public final class TrainBenchmark {
    private TrainBenchmark() {}

    /** What to measure. */
    public record Config(Architecture model, int batch, int channels, int height, int width, int classes,
                         int warmup, int steps, long seed) {
        public Config {
            if (batch < 1) throw new IllegalArgumentException("batch " + batch + " must be >= 1");
            if (warmup < 0) throw new IllegalArgumentException("warmup " + warmup + " must be >= 0");
            if (steps < 1) throw new IllegalArgumentException("steps " + steps + " must be >= 1");
        }
    }

    /** Medians in milliseconds, images/s, FLOP counts and memory. */
    public record Result(Config config, double sgdMillis, double samMillis, double gemmGflops,
                         double stepGflop, long peakRssBytes, long rssAfterWarmupBytes, long rssEndBytes,
                         List<String> helpers) {
        public double sgdImagesPerSecond() {
            return config.batch() * 1000.0 / sgdMillis;
        }

        public double samImagesPerSecond() {
            return config.batch() * 1000.0 / samMillis;
        }

        public double ratio() {
            return samMillis / sgdMillis;
        }

        /** Achieved GFLOP/s of the SGD step. */
        public double sgdGflops() {
            return stepGflop / (sgdMillis / 1000.0);
        }

        public String report() {
            return String.format(java.util.Locale.ROOT,
                    "model %s, batch %d, input %dx%dx%d, %d warm-up + %d measured steps each (alternating)%n"
                            + "SGD step: %.1f ms median, %.1f images/s%n"
                            + "SAM step: %.1f ms median, %.1f images/s%n"
                            + "SAM/SGD time ratio: %.3f (ideal 2.0)%n"
                            + "SGD step work: %.2f GFLOP; achieved %.1f GFLOP/s vs float32 GEMM %.1f GFLOP/s (%.0f%%)%n"
                            + "RSS: after warm-up %.0f MiB, at end %.0f MiB, peak %.0f MiB%n"
                            + "oneDNN helpers: %d of %d layers%n",
                    config.model().id(), config.batch(), config.channels(), config.height(), config.width(),
                    config.warmup(), config.steps(), sgdMillis, sgdImagesPerSecond(), samMillis, samImagesPerSecond(),
                    ratio(), stepGflop, sgdGflops(), gemmGflops, 100 * sgdGflops() / gemmGflops,
                    rssAfterWarmupBytes / 1048576.0, rssEndBytes / 1048576.0, peakRssBytes / 1048576.0,
                    helpers.stream().filter(h -> !h.endsWith("=none")).count(), helpers.size());
        }
    }

    /** Runs the benchmark. */
    public static Result run(Config c) {
        OneDnn.enable();
        ComputationGraph graph = c.model().build(c.channels(), c.height(), c.width(), c.classes(), c.seed());
        NetworkLoss objective = new NetworkLoss(graph);
        Random random = new Random(c.seed());
        float[] x = new float[c.batch() * c.channels() * c.height() * c.width()];
        for (int i = 0; i < x.length; i++) x[i] = random.nextFloat();
        INDArray features = Nd4j.create(x, c.model().flatInput()
                ? new long[] {c.batch(), (long) c.channels() * c.height() * c.width()}
                : new long[] {c.batch(), c.channels(), c.height(), c.width()});
        INDArray labels = Nd4j.zeros(DataType.FLOAT, c.batch(), c.classes());
        for (int i = 0; i < c.batch(); i++) labels.putScalar(i, random.nextInt(c.classes()), 1f);
        objective.setBatch(features, labels);
        Optimizer sgd = new PlainOptimizer(new Sgd(0.01, 0.9, false, 5e-4));
        Optimizer sam = new Sam(new Sgd(0.01, 0.9, false, 5e-4), SamConfig.sam(0.05));
        double[] sgdTimes = new double[c.steps()];
        double[] samTimes = new double[c.steps()];
        long rssWarm = 0;
        NativeMemory memory = new NativeMemory();
        try (Progress p = ProgressSink.current().start("bench " + c.model().id(), 2L * (c.warmup() + c.steps()))) {
            for (int i = 0; i < c.warmup() + c.steps(); i++) {
                if (i == c.warmup()) rssWarm = rss("VmRSS");
                long t0 = System.nanoTime();
                sgd.step(objective, i);
                long t1 = System.nanoTime();
                sam.step(objective, i);
                long t2 = System.nanoTime();
                p.advance(2);
                memory.collectIfDue(); // outside the timed region, as in the trainer
                if (i >= c.warmup()) {
                    sgdTimes[i - c.warmup()] = (t1 - t0) / 1e6;
                    samTimes[i - c.warmup()] = (t2 - t1) / 1e6;
                }
            }
        }
        long rssEnd = rss("VmRSS");
        double gemm = gemmGflops(1024, 7);
        double gflop = 3 * forwardFlops(graph, c.channels(), c.height(), c.width(), c.model().flatInput()) * c.batch() / 1e9;
        return new Result(c, median(sgdTimes), median(samTimes), gemm, gflop, rss("VmHWM"), rssWarm, rssEnd,
                OneDnn.helpers(graph));
    }

    /** Median of a float32 n×n GEMM's GFLOP/s over {@code reps} runs (after one warm-up). */
    public static double gemmGflops(int n, int reps) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray out = Nd4j.zeros(DataType.FLOAT, n, n);
        Nd4j.gemm(a, b, out, false, false, 1.0, 0.0);
        double[] rates = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            Nd4j.gemm(a, b, out, false, false, 1.0, 0.0);
            rates[i] = 2.0 * n * n * n / (System.nanoTime() - t0);
        }
        return median(rates);
    }

    /** Forward FLOPs (2 × multiply-adds) per image of convolutions and dense layers. */
    static double forwardFlops(ComputationGraph graph, int channels, int height, int width, boolean flat) {
        InputType in = flat ? InputType.feedForward((long) channels * height * width)
                : InputType.convolutional(height, width, channels);
        var types = graph.getConfiguration().getLayerActivationTypes(in);
        double flops = 0;
        for (Layer layer : graph.getLayers()) {
            var conf = layer.conf().getLayer();
            if (conf instanceof ConvolutionLayer conv) {
                var out = (InputType.InputTypeConvolutional) types.get(conf.getLayerName());
                int[] k = conv.getKernelSize();
                flops += 2.0 * k[0] * k[1] * conv.getNIn() * conv.getNOut() * out.getHeight() * out.getWidth();
            } else if (conf instanceof FeedForwardLayer ff) {
                flops += 2.0 * ff.getNIn() * ff.getNOut();
            }
        }
        return flops;
    }

    /** Reads a /proc/self/status field in bytes (0 where unavailable). */
    public static long rss(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

}
