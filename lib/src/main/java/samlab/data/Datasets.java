package samlab.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import samlab.progress.ProgressSink;

/**
 * Finds, loads and downloads the {@link KnownDataset}s in a {@link DataDirectory}. The official
 * files are preferred; otherwise the offline copies this project's CI uses are taken, and the
 * dataset's {@code source} says so:
 * <ul>
 *   <li>MNIST: {@code mnist/} (official), else {@code mnist-10k/} — "MNIST (10k subset copy)";</li>
 *   <li>Fashion-MNIST: {@code fashion-mnist/} (official), else Debian's {@value #DEBIAN_FASHION_MNIST}
 *       — "Fashion-MNIST (Debian package copy)";</li>
 *   <li>CIFAR-10: {@code cifar-10-batches-bin/} (official), else {@code cifar-10-jpeg/} or
 *       {@code cifar-10-jpeg.tar.gz} (extracted into the cache on first use) — "CIFAR-10 (JPEG copy)";</li>
 *   <li>CIFAR-100: {@code cifar-100-binary/} (official).</li>
 * </ul>
 */
public final class Datasets {
    /** Where Debian's {@code dataset-fashion-mnist} package puts its files. */
    public static final String DEBIAN_FASHION_MNIST = "/usr/share/datasets/fashion-mnist";

    private Datasets() {}

    /**
     * Loads one split of {@code dataset} from the best copy in the configured data directory
     * ({@link DataDirectory#fromEnvironment()}).
     *
     * @throws IllegalArgumentException if there is no copy (see {@link #locate}) or its files are
     *     invalid ({@link InvalidDataFileException})
     * @throws java.io.UncheckedIOException if a file cannot be read or examined
     */
    public static ImageDataset load(KnownDataset dataset, Split split) {
        return load(dataset, split, DataDirectory.fromEnvironment());
    }

    /**
     * Loads one split of {@code dataset} from the best copy in {@code dir}.
     *
     * @throws IllegalArgumentException if there is no copy (see {@link #locate}) or its files are
     *     invalid ({@link InvalidDataFileException})
     * @throws java.io.UncheckedIOException if a file cannot be read or examined
     */
    public static ImageDataset load(KnownDataset dataset, Split split, DataDirectory dir) {
        return load(dataset, split, dir, ProgressSink.silent());
    }

    /**
     * Loads one split of {@code dataset} from the best copy in {@code dir}; decoding an image folder
     * (and extracting an archive the first time) reports to {@code progress}.
     *
     * @throws IllegalArgumentException if there is no copy in {@code dir} (the message says how to get
     *         one) or a file is missing or malformed
     * @throws UncheckedIOException     if a file cannot be read
     */
    public static ImageDataset load(KnownDataset dataset, Split split, DataDirectory dir, ProgressSink progress) {
        return locate(dataset, dir).load(split, progress);
    }

    /**
     * The best copy of {@code dataset}; the message says how to get one when there is none.
     *
     * @throws IllegalArgumentException if {@code dir} holds no copy of {@code dataset} (the message
     *     lists the paths looked for and the download command)
     * @throws java.io.UncheckedIOException if a candidate path cannot be examined
     */
    public static DatasetCopy locate(KnownDataset dataset, DataDirectory dir) {
        return find(dataset, dir).orElseThrow(() -> new IllegalArgumentException(dataset.displayName()
                + " not found in data directory " + dir.root() + " (looked for " + String.join(", ", lookedFor(dataset))
                + "); run: samlab data download " + dataset.id() + " [--data-dir DIR]"));
    }

    /**
     * The best copy of {@code dataset}, if any.
     *
     * @throws java.io.UncheckedIOException if a candidate path cannot be examined (e.g. permission denied)
     */
    public static Optional<DatasetCopy> find(KnownDataset dataset, DataDirectory dir) {
        return candidates(dataset, dir, Path.of(DEBIAN_FASHION_MNIST)).stream().findFirst();
    }

    /** All copies present, best first. */
    static List<DatasetCopy> candidates(KnownDataset dataset, DataDirectory dir, Path debianFashion) {
        Path root = dir.root();
        List<DatasetCopy> found = new ArrayList<>();
        String official = dataset.displayName() + " (official files)";
        switch (dataset) {
            case MNIST -> {
                if (hasIdx(root.resolve("mnist"))) {
                    found.add(new DatasetCopy(dataset, DatasetCopy.Format.IDX, root.resolve("mnist"), official, dir.cache()));
                }
                if (hasIdx(root.resolve("mnist-10k"))) {
                    found.add(new DatasetCopy(dataset, DatasetCopy.Format.IDX, root.resolve("mnist-10k"),
                            "MNIST (10k subset copy)", dir.cache()));
                }
            }
            case FASHION_MNIST -> {
                if (hasIdx(root.resolve("fashion-mnist"))) {
                    found.add(new DatasetCopy(dataset, DatasetCopy.Format.IDX, root.resolve("fashion-mnist"), official,
                            dir.cache()));
                }
                if (hasIdx(debianFashion)) {
                    found.add(new DatasetCopy(dataset, DatasetCopy.Format.IDX, debianFashion,
                            "Fashion-MNIST (Debian package copy)", dir.cache()));
                }
            }
            case CIFAR10 -> {
                if (present(root.resolve("cifar-10-batches-bin/test_batch.bin"))) {
                    found.add(new DatasetCopy(dataset, DatasetCopy.Format.CIFAR_BINARY,
                            root.resolve("cifar-10-batches-bin"), "CIFAR-10 (official binary)", dir.cache()));
                }
                if (presentFolder(root.resolve("cifar-10-jpeg/train"))) {
                    found.add(new DatasetCopy(dataset, DatasetCopy.Format.IMAGE_FOLDER, root.resolve("cifar-10-jpeg"),
                            "CIFAR-10 (JPEG copy)", dir.cache()));
                } else if (present(root.resolve("cifar-10-jpeg.tar.gz"))) {
                    found.add(new DatasetCopy(dataset, DatasetCopy.Format.IMAGE_FOLDER_ARCHIVE,
                            root.resolve("cifar-10-jpeg.tar.gz"), "CIFAR-10 (JPEG copy)", dir.cache()));
                }
            }
            case CIFAR100, CIFAR100_COARSE -> {
                if (present(root.resolve("cifar-100-binary/test.bin"))) {
                    found.add(new DatasetCopy(dataset, DatasetCopy.Format.CIFAR_BINARY,
                            root.resolve("cifar-100-binary"), "CIFAR-100 (official binary)", dir.cache()));
                }
            }
        }
        return found;
    }

    /** The file whose presence marks a complete official copy (what {@link #candidates} checks). */
    private static String officialMarker(KnownDataset dataset) {
        return switch (dataset) {
            case MNIST, FASHION_MNIST -> "t10k-labels-idx1-ubyte.gz";
            case CIFAR10 -> "test_batch.bin";
            case CIFAR100, CIFAR100_COARSE -> "test.bin";
        };
    }

    private static List<String> lookedFor(KnownDataset dataset) {
        return switch (dataset) {
            case MNIST -> List.of("mnist/", "mnist-10k/");
            case FASHION_MNIST -> List.of("fashion-mnist/", DEBIAN_FASHION_MNIST);
            case CIFAR10 -> List.of("cifar-10-batches-bin/", "cifar-10-jpeg/", "cifar-10-jpeg.tar.gz");
            case CIFAR100, CIFAR100_COARSE -> List.of("cifar-100-binary/");
        };
    }

    private static boolean hasIdx(Path folder) {
        return present(folder.resolve("t10k-labels-idx1-ubyte.gz")) || present(folder.resolve("t10k-labels-idx1-ubyte"));
    }

    /**
     * Whether {@code file} is a regular file. Unlike {@link Files#isRegularFile}, which answers false
     * both for "absent" and for "cannot look", an I/O error (a folder without permission, a path
     * component that is a file) is thrown with its reason instead of passing as "not found".
     *
     * @throws UncheckedIOException naming the path and the reason when it cannot be examined
     */
    static boolean present(Path file) {
        BasicFileAttributes a = attributes(file);
        return a != null && a.isRegularFile();
    }

    /** As {@link #present} for a folder. */
    static boolean presentFolder(Path folder) {
        BasicFileAttributes a = attributes(folder);
        return a != null && a.isDirectory();
    }

    /** The path's attributes (following links), null if it does not exist; other I/O errors keep their reason. */
    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (AccessDeniedException e) {
            throw new UncheckedIOException("cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.toString();
            throw new UncheckedIOException("cannot read " + file + ": " + reason, e);
        }
    }

    /**
     * Downloads the official files of {@code dataset} into {@code dir} (verified, resumable) and
     * unpacks archives; returns the official copy. Files already present and verified are kept.
     *
     * @throws IllegalArgumentException if afterwards the official folder is not a complete copy (its
     *     marker file is missing), or as {@code Downloader.fetch} and
     *     {@code TarArchive.extractTarGz} (an {@link InvalidDataFileException} for a bad archive)
     * @throws java.io.UncheckedIOException on an I/O error, with its reason
     */
    public static DatasetCopy download(KnownDataset dataset, DataDirectory dir, Downloader downloader) {
        return download(dataset, dir, downloader, dataset.downloads());
    }

    /** As {@link #download(KnownDataset, DataDirectory, Downloader)} from the given files (tests serve their own). */
    static DatasetCopy download(KnownDataset dataset, DataDirectory dir, Downloader downloader, List<RemoteFile> files) {
        Path root = dir.root();
        switch (dataset) {
            case MNIST, FASHION_MNIST -> {
                for (RemoteFile f : files) downloader.fetch(f, root.resolve(dataset.folder()));
            }
            case CIFAR10, CIFAR100, CIFAR100_COARSE -> {
                Path folder = root.resolve(dataset.folder());
                if (!Files.isDirectory(folder)) {
                    Path archive = downloader.fetch(files.get(0), root);
                    TarArchive.extractTarGz(archive, root, dataset.folder(), downloader.progress());
                }
            }
        }
        Path official = root.resolve(dataset.folder());
        DatasetCopy copy = find(dataset, dir).filter(c -> c.location().equals(official)).orElseThrow(() ->
                new IllegalArgumentException(official + " exists but is not a complete copy of the official files (no "
                        + officialMarker(dataset) + "); delete the folder and run: samlab data download " + dataset.id()));
        return copy;
    }
}
