package samlab.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import samlab.nn.Architecture;
import samlab.train.TrainBenchmark;

/** {@code samlab bench train}: SGD vs SAM step throughput on one model and batch. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Images/s of SGD and SAM steps on the same model and batch, their ratio, GFLOP/s vs a measured GEMM.")
final class BenchTrainCommand implements Runnable {
    @Option(names = "--model", defaultValue = "resnet20", description = "mlp, resnet20, resnet18, smallcnn (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--batch", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--warmup", defaultValue = "3", description = "Unmeasured steps of each kind (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--steps", defaultValue = "20", description = "Measured steps of each kind (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--size", defaultValue = "32", description = "Image height = width (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "Output of the libtorch reference harness (its RESULT lines): print the ratio to its SGD images/s for the same model.")
    Path reference;

    @Option(names = "--reference-img-s", paramLabel = "X",
            description = "A reference SGD rate in images/s (e.g. libtorch's, measured in the same window): print the ratio to it.")
    Double referenceImagesPerSecond;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Architecture a = Architecture.parse(model);
        if (reference != null && referenceImagesPerSecond != null) {
            throw new IllegalArgumentException("give --reference FILE or --reference-img-s X, not both");
        }
        if (referenceImagesPerSecond != null && !(referenceImagesPerSecond > 0 && Double.isFinite(referenceImagesPerSecond))) {
            throw new IllegalArgumentException("--reference-img-s " + referenceImagesPerSecond + " must be a positive number");
        }
        // read the reference before the minutes of benchmarking, so that a bad file fails at once
        Double ref = reference != null
                ? Double.valueOf(TrainBenchmark.referenceSgdImagesPerSecond(reference, a.id())) : referenceImagesPerSecond;
        int channels = a == Architecture.MLP ? 1 : 3;
        var r = TrainBenchmark.run(new TrainBenchmark.Config(a, batch, channels, size, size, 10, warmup, steps, 1),
                Main.progress(spec));
        spec.commandLine().getOut().print(r.report());
        if (ref != null) {
            spec.commandLine().getOut().print(r.compare(ref, reference != null ? "reference " + reference.getFileName() : "reference"));
        }
        spec.commandLine().getOut().flush();
    }
}
