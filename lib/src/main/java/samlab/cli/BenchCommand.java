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
                    + "--iterations steps each (no early exit, like tools/basins_numpy.py), and print SAM steps/s of the fast path (lanes) "
                    + "and of the one-start-at-a-time path, alternating, with their ratio and a bit-exact checksum. "
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
        @Option(names = "--lanes-only", description = "time only the fast path (no one-start-at-a-time comparison)") boolean lanesOnly;

        @Override
        public Integer call() throws Exception {
            if (threads == null) return measure(Runtime.getRuntime().availableProcessors());
            LandscapeOptions.count("--threads", threads, 1, 1024);
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
            LandscapeOptions.count("--repeats", repeats, 1, 1000);
            LandscapeOptions.count("--grid", grid, 2, 20_000);
            LandscapeOptions.count("--iterations", iterations, 1, 10_000_000);
            LandscapeOptions.positive("--rho", rho);
            LandscapeOptions.positive("--eta", eta);
            LandscapeOptions.positive("--extent", extent);
            SamMap map = SamMap.sam(Landscapes.ring(), rho);
            BasinConfig cfg = BasinConfig.square(extent, grid, eta, iterations);
            PrintWriter out = spec.commandLine().getOut();
            // warm-up on a small grid so the timed runs measure compiled code
            BasinConfig small = BasinConfig.square(extent, 64, eta, Math.min(iterations, 200));
            BasinMap.endpoints(map, small, Main.progress(spec));
            BasinMap.endpointsPointwise(map, small, Main.progress(spec));
            long steps = (long) grid * grid * iterations;
            out.printf(Locale.ROOT, "java fixed-iteration sweep: ring rho=%s eta=%s grid %dx%d x %d iterations, %d threads%n",
                    rho, eta, grid, grid, iterations, nThreads);
            // the lanes (fast path) and the one-start-at-a-time path alternate, so load changes hit both
            double bestLanes = Double.MAX_VALUE, bestPointwise = Double.MAX_VALUE;
            double[][][] lanes = null, pointwise = null;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                lanes = BasinMap.endpoints(map, cfg, Main.progress(spec));
                bestLanes = Math.min(bestLanes, (System.nanoTime() - t0) / 1e9);
                if (!lanesOnly) {
                    t0 = System.nanoTime();
                    pointwise = BasinMap.endpointsPointwise(map, cfg, Main.progress(spec));
                    bestPointwise = Math.min(bestPointwise, (System.nanoTime() - t0) / 1e9);
                }
            }
            out.printf(Locale.ROOT, "  lanes (fast path), best of %d: %.3f s, %.4g SAM steps/s%n", repeats, bestLanes, steps / bestLanes);
            if (!lanesOnly) {
                out.printf(Locale.ROOT, "  one start at a time, best of %d: %.3f s, %.4g SAM steps/s%n", repeats, bestPointwise,
                        steps / bestPointwise);
                out.printf(Locale.ROOT, "  lanes / one at a time: %.2fx; endpoints bit-identical: %s%n", bestPointwise / bestLanes,
                        checksum(lanes).equals(checksum(pointwise)) ? "yes" : "NO");
            }
            out.printf(Locale.ROOT, "  checksum: %s%n", checksum(lanes));
            if (!skipMap) {
                BasinMap b = BasinMap.compute(map, cfg, Main.progress(spec));
                out.printf(Locale.ROOT, "java basin map (early exit + classification): %.3f s, %d steps, %.4g SAM steps/s%n",
                        b.seconds(), b.totalSteps(), b.stepsPerSecond());
            }
            out.flush();
            return 0;
        }

        /**
         * The mean ‖x_end‖ (as tools/basins_numpy.py prints it, 6 decimals) and a hash of every
         * endpoint's bits (equal hashes: bit-identical endpoints, whatever the path or thread count).
         */
        static String checksum(double[][][] end) {
            double sum = 0;
            long bits = 1;
            for (double[][] row : end) {
                for (double[] x : row) {
                    sum += Math.hypot(x[0], x[1]);
                    for (double v : x) bits = 31 * bits + Double.doubleToRawLongBits(v);
                }
            }
            long n = (long) end.length * end[0].length;
            return String.format(Locale.ROOT, "mean |x_end| %.6f, bits %016x", sum / n, bits);
        }
    }
}
