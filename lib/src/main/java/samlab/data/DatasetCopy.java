package samlab.data;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import samlab.io.AtomicFiles;
import samlab.progress.ProgressSink;

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

    /** @throws NullPointerException if a field is null */
    public DatasetCopy {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(cache, "cache");
    }

    /**
     * Reads one split into memory; an archived image folder is extracted into the cache on first use.
     *
     * @param split the split
     * @return the images
     * @throws IllegalArgumentException if an IDX copy has neither the gzip nor the plain file, or a
     *     file is invalid ({@link InvalidDataFileException}; see {@link IdxFiles#read},
     *     {@link CifarBinary#read}, {@code ImageFolder.read})
     * @throws java.io.UncheckedIOException if a file cannot be read or the decoded cache cannot be written
     */
    public ImageDataset load(Split split) {
        return load(split, ProgressSink.silent());
    }

    /**
     * Reads one split into memory; image folders report their decoding (and an archive its first
     * extraction) to {@code progress}.
     *
     * @throws IllegalArgumentException if a file of the split is missing or malformed
     *         ({@link InvalidDataFileException} for a malformed file)
     * @throws UncheckedIOException     if a file cannot be read
     */
    public ImageDataset load(Split split, ProgressSink progress) {
        String name = dataset.id() + "/" + split.id();
        return switch (format) {
            case IDX -> {
                String prefix = split == Split.TRAIN ? "train" : "t10k";
                yield IdxFiles.read(idxFile(prefix + "-images-idx3-ubyte"), idxFile(prefix + "-labels-idx1-ubyte"),
                        name, source, dataset.classes());
            }
            case CIFAR_BINARY -> loadCifarBinary(split, name);
            case IMAGE_FOLDER -> ImageFolder.read(location.resolve(split.id()), classesOrNull(), dataset.channels(),
                    name, source, progress);
            case IMAGE_FOLDER_ARCHIVE -> loadArchivedFolder(split, name, progress);
        };
    }

    /**
     * An archived image folder: extracted once into the cache, decoded once, and the decoded 8-bit
     * pixels kept beside it in the CIFAR binary record layout (label byte, then C×H×W bytes), so
     * later loads skip the JPEG decoding (about 10 s for the 50,000 CIFAR-10 training images on 2
     * busy cores, against well under a second for the decoded file). Decoded pixels are k/255
     * exactly, so the round trip through bytes loses nothing.
     */
    private ImageDataset loadArchivedFolder(Split split, String name, ProgressSink progress) {
        Path folder = cacheFolder();
        Path decoded = folder.resolve("decoded-" + split.id() + ".bin");
        List<String> classes = dataset.classes();
        boolean cifarShaped = dataset.channels() == 3 && dataset.side() == CifarBinary.SIDE && !classes.isEmpty();
        if (cifarShaped && Files.isRegularFile(decoded)) {
            return CifarBinary.read(List.of(decoded), CifarBinary.Labels.CIFAR10, name, source, classes);
        }
        ImageDataset data = ImageFolder.read(extracted(folder, progress).resolve(split.id()), classesOrNull(),
                dataset.channels(), name, source, progress);
        if (cifarShaped && data.height() == CifarBinary.SIDE && data.width() == CifarBinary.SIDE) {
            AtomicFiles.write(decoded, out -> writeRecords(data, out));
        }
        return data;
    }

    private static void writeRecords(ImageDataset data, java.io.OutputStream out) throws java.io.IOException {
        int per = data.imageSize();
        byte[] record = new byte[1 + per];
        java.io.OutputStream buffered = new java.io.BufferedOutputStream(out, 1 << 20);
        for (int i = 0; i < data.size(); i++) {
            record[0] = (byte) data.labels()[i];
            for (int k = 0; k < per; k++) record[1 + k] = (byte) Math.round(data.pixels()[i * per + k] * 255f);
            buffered.write(record);
        }
        buffered.flush();
    }

    /** This archive's folder in the cache, named after the archive and its checksum (a new archive gets a new folder). */
    Path cacheFolder() {
        String base = location.getFileName().toString().replaceFirst("\\.tar\\.gz$|\\.tgz$", "");
        return cache.resolve(base + "-" + Downloader.sha256(location).substring(0, 12));
    }

    private List<String> classesOrNull() {
        return dataset.classes().isEmpty() ? null : dataset.classes();
    }

    /** The image folder inside the extracted archive, extracting it into the cache on first use. */
    private Path extracted(Path cacheFolder, ProgressSink progress) {
        String base = location.getFileName().toString().replaceFirst("\\.tar\\.gz$|\\.tgz$", "");
        Path folder = cacheFolder.resolve(base);
        if (!Files.isDirectory(folder)) TarArchive.extractTarGz(location, cacheFolder, base, progress);
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
