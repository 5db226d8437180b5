package samlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import samlab.data.DataDirectory;
import samlab.data.DatasetCopy;
import samlab.data.Datasets;
import samlab.data.Downloader;
import samlab.data.ImageDataset;
import samlab.data.KnownDataset;
import samlab.data.Split;

/** {@code samlab data}: where datasets are, downloading the official files, loading a copy to check it. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Datasets: show which copies are found, download the official files, load one to check it.",
        subcommands = {DataCommand.Info.class, DataCommand.Download.class, DataCommand.Load.class})
public final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Print the data directory and which copy of each dataset would be used.")
    static final class Info implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Mixin
        DirOptionMixin dir;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DataDirectory d = dir.resolve();
            out.println("data directory: " + d.root() + "  (from " + d.origin() + ")"
                    + (java.nio.file.Files.isDirectory(d.root()) ? "" : "  -- does not exist yet: downloads create it"));
            out.println("cache:          " + d.cache());
            for (KnownDataset k : KnownDataset.values()) {
                Optional<DatasetCopy> copy = Datasets.find(k, d);
                out.printf(Locale.ROOT, "  %-16s %s%n", k.id(), copy.map(c -> c.source() + "  " + c.location())
                        .orElse("not found (samlab data download " + k.id() + ")"));
            }
            return 0;
        }
    }

    @Command(name = "download", mixinStandardHelpOptions = true,
            description = "Download the official files of a dataset (HTTPS, SHA-256 verified, resumable) "
                    + "into the data directory and unpack them.")
    static final class Download implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "mnist, fashion-mnist, cifar10, cifar100 or cifar100-coarse")
        String name;
        @picocli.CommandLine.Mixin
        DirOptionMixin dir;

        @Override
        public Integer call() {
            KnownDataset k = KnownDataset.byId(name);
            DataDirectory d = dir.resolve();
            DatasetCopy copy = Datasets.download(k, d, new Downloader(Main.progress(spec)));
            spec.commandLine().getOut().println(k.displayName() + ": " + copy.source() + " in " + copy.location());
            return 0;
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Load a dataset from its best copy and print its size, classes, pixel range and load time.")
    static final class Load implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "mnist, fashion-mnist, cifar10, cifar100 or cifar100-coarse")
        String name;
        @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "both",
                description = "train, test or both (default: ${DEFAULT-VALUE})")
        String split;
        @picocli.CommandLine.Mixin
        DirOptionMixin dir;

        @Override
        public Integer call() {
            KnownDataset k = KnownDataset.byId(name);
            Split[] splits = switch (split.toLowerCase(Locale.ROOT)) {
                case "train" -> new Split[] {Split.TRAIN};
                case "test" -> new Split[] {Split.TEST};
                case "both" -> Split.values();
                default -> throw new IllegalArgumentException("--split must be train, test or both, not '" + split + "'");
            };
            PrintWriter out = spec.commandLine().getOut();
            DatasetCopy copy = Datasets.locate(k, dir.resolve());
            out.println(k.displayName() + ": " + copy.source() + "  " + copy.location());
            for (Split s : splits) {
                long t0 = System.nanoTime();
                ImageDataset data = copy.load(s, Main.progress(spec));
                double seconds = (System.nanoTime() - t0) / 1e9;
                float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
                for (float v : data.pixels()) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                out.printf(Locale.ROOT, "  %-5s %6d images %dx%dx%d, %d classes, pixels [%.3f, %.3f], loaded in %.2f s%n",
                        s.id(), data.size(), data.channels(), data.height(), data.width(), data.classes().size(),
                        min, max, seconds);
            }
            return 0;
        }
    }

    /** {@code --data-dir} as a picocli mixin. */
    static final class DirOptionMixin {
        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "data directory (default: system property samlab.data, else $SAMLAB_DATA, else ~/.samlab/data)")
        Path dataDir;

        /** @throws IllegalArgumentException if --data-dir is given blank (an empty path would mean the working folder) */
        DataDirectory resolve() {
            if (dataDir != null && dataDir.toString().isBlank()) {
                throw new IllegalArgumentException("--data-dir is blank; allowed: a folder path (or leave it out to use "
                        + DataDirectory.ENV + " or ~/.samlab/data)");
            }
            return DataDirectory.resolve(dataDir);
        }
    }
}
