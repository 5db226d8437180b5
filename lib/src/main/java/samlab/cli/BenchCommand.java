package samlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import samlab.landscape.BasinConfig;
import samlab.landscape.BasinMap;
import samlab.landscape.Landscapes;
import samlab.landscape.SamMap;

/** {@code samlab bench}: throughput measurements. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Throughput benchmarks.",
        subcommands = {BenchCommand.Basins.class, BenchTrainCommand.class})
final class BenchCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** SAM steps per second on the ring, the same computation as tools/basins_numpy.py. */
    @Command(name = "basins", mixinStandardHelpOptions = true,
            description = "Time an n x n grid of SAM starts on the ring (rho 1.5, eta 0.01, [-1.5, 1.5]^2 by default: every start stays bounded), exactly "
                    + "--iterations steps each (no early exit, like tools/basins_numpy.py), and print SAM steps/s. "
                    + "Then time the full basin map (early exit and classification) on the same grid.")
    static final class Basins implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--grid", defaultValue = "1000", description = "n: starts per axis (default: ${DEFAULT-VALUE})") int grid;
        @Option(names = "--iterations", defaultValue = "1000", description = "steps per start (default: ${DEFAULT-VALUE})") int iterations;
        @Option(names = "--rho", defaultValue = "1.5", description = "SAM radius (default: ${DEFAULT-VALUE})") double rho;
        @Option(names = "--eta", defaultValue = "0.01", description = "step size (default: ${DEFAULT-VALUE})") double eta;
        @Option(names = "--extent", defaultValue = "1.5", description = "starts cover [-L, L]^2 (default: ${DEFAULT-VALUE})") double extent;
        @Option(names = "--repeats", defaultValue = "3", description = "timed runs; the best is reported (default: ${DEFAULT-VALUE})") int repeats;
        @Option(names = "--threads", description = "worker threads (default: all cores)") Integer threads;
        @Option(names = "--skip-map", description = "time only the fixed-iteration sweep") boolean skipMap;

        @Override
        public Integer call() throws Exception {
            if (threads == null) return measure(Runtime.getRuntime().availableProcessors());
            if (threads < 1) throw new IllegalArgumentException("--threads " + threads + "; allowed: >= 1");
            // a parallel stream started inside a pool runs on that pool's workers
            java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
            try {
                return pool.submit(() -> measure(threads)).get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw e;
            } finally {
                pool.shutdown();
            }
        }

        private int measure(int nThreads) {
            if (repeats < 1) throw new IllegalArgumentException("--repeats " + repeats + "; allowed: >= 1");
            LandscapeOptions.positive("--extent", extent);
            SamMap map = SamMap.sam(Landscapes.ring(), rho);
            BasinConfig cfg = BasinConfig.square(extent, grid, eta, iterations);
            PrintWriter out = spec.commandLine().getOut();
            // warm-up on a small grid so the timed runs measure compiled code
            BasinMap.endpoints(map, BasinConfig.square(extent, 64, eta, Math.min(iterations, 200)));
            double best = Double.MAX_VALUE;
            double checksum = 0;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                double[][][] end = BasinMap.endpoints(map, cfg);
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                checksum = 0;
                for (double[][] row : end) for (double[] x : row) checksum += Math.hypot(x[0], x[1]);
            }
            long steps = (long) grid * grid * iterations;
            out.printf(Locale.ROOT, "java fixed-iteration sweep: ring rho=%s eta=%s grid %dx%d x %d iterations, %d threads%n",
                    rho, eta, grid, grid, iterations, nThreads);
            out.printf(Locale.ROOT, "  best of %d: %.3f s, %.4g SAM steps/s (mean |x_end| %.6f)%n", repeats, best, steps / best,
                    checksum / ((double) grid * grid));
            if (!skipMap) {
                BasinMap b = BasinMap.compute(map, cfg);
                out.printf(Locale.ROOT, "java basin map (early exit + classification): %.3f s, %d steps, %.4g SAM steps/s%n",
                        b.seconds(), b.totalSteps(), b.stepsPerSecond());
            }
            out.flush();
            return 0;
        }
    }
}
