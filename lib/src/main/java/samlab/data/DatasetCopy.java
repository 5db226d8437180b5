package samlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One copy of a known dataset found on disk: where it is, in which format, and the provenance
 * string results must carry ({@code source}, e.g. "CIFAR-10 (JPEG copy)").
 */
public record DatasetCopy(KnownDataset dataset, Format format, Path location, String source, Path cache) {
    /** How the copy is stored. */
    public enum Format {
        /** A folder of IDX files, gzip or not. */
        IDX,
        /** A folder of the official CIFAR binary batches. */
        CIFAR_BINARY,
        /** A folder {@code <split>/<class>/*.jpg|png}. */
        IMAGE_FOLDER,
        /** A {@code .tar.gz} of an image folder, extracted into the cache on first use. */
        IMAGE_FOLDER_ARCHIVE
    }

    public DatasetCopy {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(cache, "cache");
    }

    /** Reads one split into memory. */
    public ImageDataset load(Split split) {
        String name = dataset.id() + "/" + split.id();
        return switch (format) {
            case IDX -> {
                String prefix = split == Split.TRAIN ? "train" : "t10k";
                yield IdxFiles.read(idxFile(prefix + "-images-idx3-ubyte"), idxFile(prefix + "-labels-idx1-ubyte"),
                        name, source, dataset.classes());
            }
            case CIFAR_BINARY -> loadCifarBinary(split, name);
            case IMAGE_FOLDER -> ImageFolder.read(location.resolve(split.id()), classesOrNull(), dataset.channels(),
                    name, source);
            case IMAGE_FOLDER_ARCHIVE -> {
                Path folder = extracted();
                yield ImageFolder.read(folder.resolve(split.id()), classesOrNull(), dataset.channels(), name, source);
            }
        };
    }

    private List<String> classesOrNull() {
        return dataset.classes().isEmpty() ? null : dataset.classes();
    }

    /** The image folder inside the extracted archive, extracting it into the cache on first use. */
    Path extracted() {
        String base = location.getFileName().toString().replaceFirst("\\.tar\\.gz$|\\.tgz$", "");
        Path folder = cache.resolve(base);
        if (!Files.isDirectory(folder)) {
            TarArchive.extractTarGz(location, cache);
            if (!Files.isDirectory(folder)) {
                throw new InvalidDataFileException(location, "does not contain the expected top-level folder " + base + "/");
            }
        }
        return folder;
    }

    private Path idxFile(String base) {
        Path plain = location.resolve(base);
        Path gz = location.resolve(base + ".gz");
        if (Files.isRegularFile(gz)) return gz;
        if (Files.isRegularFile(plain)) return plain;
        throw new IllegalArgumentException("neither " + gz + " nor " + plain + " exists (" + source + ")");
    }

    private ImageDataset loadCifarBinary(Split split, String name) {
        List<Path> files = new ArrayList<>();
        List<String> classes;
        CifarBinary.Labels labels;
        if (dataset == KnownDataset.CIFAR10) {
            if (split == Split.TRAIN) {
                for (int i = 1; i <= 5; i++) files.add(location.resolve("data_batch_" + i + ".bin"));
            } else {
                files.add(location.resolve("test_batch.bin"));
            }
            Path meta = location.resolve("batches.meta.txt");
            classes = Files.isRegularFile(meta) ? CifarBinary.classNames(meta) : dataset.classes();
            labels = CifarBinary.Labels.CIFAR10;
        } else {
            files.add(location.resolve(split == Split.TRAIN ? "train.bin" : "test.bin"));
            boolean coarse = dataset == KnownDataset.CIFAR100_COARSE;
            classes = CifarBinary.classNames(location.resolve(coarse ? "coarse_label_names.txt" : "fine_label_names.txt"));
            labels = coarse ? CifarBinary.Labels.CIFAR100_COARSE : CifarBinary.Labels.CIFAR100_FINE;
        }
        return CifarBinary.read(files, labels, name, source, classes);
    }
}
