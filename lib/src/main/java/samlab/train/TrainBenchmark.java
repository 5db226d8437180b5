package samlab.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * FLOPs are counted analytically (convolutions and dense layers, forward ×3 for a training step,
 * the convention of the libtorch reference harness) and compared with a float32 1024³ GEMM timed
 * once per iteration between the steps, so that it sees the same load. Native memory is reclaimed
 * between steps as in {@link Trainer} (outside the timed region). Other processes' CPU use during
 * the measured steps is read from /proc (Linux; NaN elsewhere).
 */
public final class TrainBenchmark {
    private TrainBenchmark() {}

    /** What to measure. */
    public record Config(Architecture model, int batch, int channels, int height, int width, int classes,
                         int warmup, int steps, long seed) {
        /**
         * @throws IllegalArgumentException if {@code batch} or {@code steps} is below 1, {@code warmup} is
         *     negative, an image size is below 1, or a batch holds more than 2³¹ − 9 values
         */
        public Config {
            if (batch < 1) throw new IllegalArgumentException("batch " + batch + " must be >= 1");
            if (warmup < 0) throw new IllegalArgumentException("warmup " + warmup + " must be >= 0");
            if (steps < 1) throw new IllegalArgumentException("steps " + steps + " must be >= 1");
            long values = (long) batch * channels * height * width;
            if (channels < 1 || height < 1 || width < 1 || values > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("batch " + batch + " of " + channels + "x" + height + "x" + width
                        + " images is " + values + " values; allowed: positive sizes, at most " + (Integer.MAX_VALUE - 8)
                        + " values in one batch");
            }
        }
    }

    /**
     * Medians in milliseconds, images/s, FLOP counts, memory, the threads ND4J used and the CPU
     * cores other processes kept busy during the measured steps (NaN where /proc is unavailable).
     */
    public record Result(Config config, double sgdMillis, double samMillis, double gemmGflops,
                         double stepGflop, long peakRssBytes, long rssAfterWarmupBytes, long rssEndBytes,
                         List<String> helpers, int threads, double foreignCores) {
        public double sgdImagesPerSecond() {
            return config.batch() * 1000.0 / sgdMillis;
        }

        public double samImagesPerSecond() {
            return config.batch() * 1000.0 / samMillis;
        }

        public double ratio() {
            return samMillis / sgdMillis;
        }

        /** How many layers each implementation computes, e.g. "21 MKLDNNConvHelper, 19 ReluLayer, 2 DL4J". */
        public String layerCounts() {
            Map<String, Long> counts = new TreeMap<>();
            for (String h : helpers) {
                String what = h.substring(h.indexOf('=') + 1);
                counts.merge(what.equals("none") ? "DL4J" : what, 1L, Long::sum);
            }
            StringBuilder sb = new StringBuilder();
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> sb.append(sb.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey()));
            return sb.toString();
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
                            + "RSS: after warm-up %.0f MiB, at end %.0f MiB, peak %.0f MiB (native allocator: %s)%n"
                            + "layers (%d): %s; ND4J threads %d; other processes used %.2f cores%n",
                    config.model().id(), config.batch(), config.channels(), config.height(), config.width(),
                    config.warmup(), config.steps(), sgdMillis, sgdImagesPerSecond(), samMillis, samImagesPerSecond(),
                    ratio(), stepGflop, sgdGflops(), gemmGflops, 100 * sgdGflops() / gemmGflops,
                    rssAfterWarmupBytes / 1048576.0, rssEndBytes / 1048576.0, peakRssBytes / 1048576.0, nativeAllocator(),
                    helpers.size(), layerCounts(), threads, foreignCores);
        }

        /**
         * Lines comparing this run with a reference SGD rate in images/s (libtorch's, say): SGD
         * against it, SAM against half of it (a SAM step is two gradient passes).
         */
        public String compare(double referenceSgdImagesPerSecond, String referenceName) {
            double ref = referenceSgdImagesPerSecond;
            return String.format(java.util.Locale.ROOT,
                    "vs %s: SGD %.1f / %.1f images/s = %.2fx; SAM %.1f / %.1f (half its SGD) = %.2fx%n",
                    referenceName, sgdImagesPerSecond(), ref, sgdImagesPerSecond() / ref,
                    samImagesPerSecond(), ref / 2, samImagesPerSecond() / (ref / 2));
        }
    }

    /** Runs the benchmark, reporting no progress. */
    public static Result run(Config c) {
        return run(c, ProgressSink.silent());
    }

    /**
     * Runs the benchmark.
     *
     * @param progress receives two units per step pair (warm-up included), labelled "bench MODEL"
     */
    public static Result run(Config c, ProgressSink progress) {
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
        double[] gemmRates = new double[c.steps()];
        INDArray[] gemm = gemmOperands(GEMM_SIZE);
        long rssWarm = 0;
        long[] load0 = null;
        NativeMemory memory = new NativeMemory();
        try (Progress p = progress.start("bench " + c.model().id(), 2L * (c.warmup() + c.steps()))) {
            for (int i = 0; i < c.warmup() + c.steps(); i++) {
                if (i == c.warmup()) {
                    rssWarm = rss("VmRSS");
                    load0 = cpuJiffies();
                }
                long t0 = System.nanoTime();
                sgd.step(objective, i);
                long t1 = System.nanoTime();
                sam.step(objective, i);
                long t2 = System.nanoTime();
                double rate = gemmOnce(gemm);
                p.advance(2);
                memory.collectIfDue(); // outside the timed region, as in the trainer
                if (i >= c.warmup()) {
                    sgdTimes[i - c.warmup()] = (t1 - t0) / 1e6;
                    samTimes[i - c.warmup()] = (t2 - t1) / 1e6;
                    gemmRates[i - c.warmup()] = rate;
                }
            }
        }
        double foreign = foreignCores(load0, cpuJiffies());
        long rssEnd = rss("VmRSS");
        double gflop = 3 * forwardFlops(graph, c.channels(), c.height(), c.width(), c.model().flatInput()) * c.batch() / 1e9;
        return new Result(c, median(sgdTimes), median(samTimes), median(gemmRates), gflop, rss("VmHWM"), rssWarm,
                rssEnd, OneDnn.helpers(graph), Nd4j.getEnvironment().maxThreads(), foreign);
    }

    private static final int GEMM_SIZE = 1024;

    /** a, b, out of a float32 n×n GEMM, C-ordered (ND4J runs it through oneDNN), after one warm-up run. */
    private static INDArray[] gemmOperands(int n) {
        INDArray[] m = {Nd4j.rand(DataType.FLOAT, n, n), Nd4j.rand(DataType.FLOAT, n, n), Nd4j.zeros(DataType.FLOAT, n, n)};
        gemmOnce(m);
        return m;
    }

    /** GFLOP/s of one run of the GEMM. */
    private static double gemmOnce(INDArray[] m) {
        long t0 = System.nanoTime();
        Nd4j.gemm(m[0], m[1], m[2], false, false, 1.0, 0.0);
        return 2.0 * Math.pow(m[0].size(0), 3) / (System.nanoTime() - t0);
    }

    /** {busy jiffies of the whole machine, of this process, wall nanoseconds}; null where /proc is unreadable. */
    private static long[] cpuJiffies() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7}) busy += Long.parseLong(cpu[i]); // user nice system irq softirq
            String self = Files.readString(Path.of("/proc/self/stat"));
            String[] f = self.substring(self.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            return new long[] {busy, own, System.nanoTime()};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** CPU cores kept busy by other processes between two {@link #cpuJiffies()} snapshots (USER_HZ = 100). */
    private static double foreignCores(long[] a, long[] b) {
        if (a == null || b == null || b[2] == a[2]) return Double.NaN;
        double seconds = (b[2] - a[2]) / 1e9;
        return Math.max(0, ((b[0] - a[0]) - (b[1] - a[1])) / 100.0 / seconds);
    }

    /**
     * The SGD images/s of {@code model} in a file of the libtorch reference harness's output
     * ({@code RESULT {json}} lines, as {@code bench.DjlBench} prints them; the last matching line wins).
     *
     * @throws IllegalArgumentException if the file cannot be read or has no SGD result for the model
     */
    public static double referenceSgdImagesPerSecond(Path file, String model) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("reference file " + file + " cannot be read: " + e.getMessage());
        }
        java.util.regex.Pattern rate = java.util.regex.Pattern.compile("\"img_s\":([0-9.eE+-]+)");
        double found = Double.NaN;
        for (String line : lines) {
            if (line.startsWith("RESULT ") && line.contains("\"model\":\"" + model + "\"")
                    && line.contains("\"step\":\"sgd\"")) {
                var m = rate.matcher(line);
                if (m.find()) found = Double.parseDouble(m.group(1));
            }
        }
        if (!(found > 0)) {
            throw new IllegalArgumentException("reference file " + file + " has no RESULT line with \"model\":\""
                    + model + "\" and \"step\":\"sgd\" (expected the output of the torch-ref harness, bench.DjlBench)");
        }
        return found;
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

    /**
     * The allocator behind native memory, which RSS depends on (README, Benchmarks): "jemalloc" when
     * this process has libjemalloc mapped (./samlab preloads it), "system" when not, "unknown" without /proc.
     */
    public static String nativeAllocator() {
        try {
            return Files.readString(Path.of("/proc/self/maps")).contains("libjemalloc") ? "jemalloc" : "system";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
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
