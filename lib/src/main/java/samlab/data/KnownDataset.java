package samlab.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The datasets samlab knows by name, with the official files to download. Checksums (SHA-256)
 * and sizes are those the TensorFlow Datasets project records for the same files
 * ({@code tensorflow_datasets/url_checksums/}); MNIST comes from Google's CVDF mirror, as the
 * original site no longer serves it reliably.
 */
public enum KnownDataset {
    MNIST("mnist", "MNIST", "mnist", 1, 28, IntStream.range(0, 10).mapToObj(Integer::toString).toList(), List.of(
            RemoteFile.of("https://storage.googleapis.com/cvdf-datasets/mnist/train-images-idx3-ubyte.gz",
                    "train-images-idx3-ubyte.gz", 9912422, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
            RemoteFile.of("https://storage.googleapis.com/cvdf-datasets/mnist/train-labels-idx1-ubyte.gz",
                    "train-labels-idx1-ubyte.gz", 28881, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
            RemoteFile.of("https://storage.googleapis.com/cvdf-datasets/mnist/t10k-images-idx3-ubyte.gz",
                    "t10k-images-idx3-ubyte.gz", 1648877, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
            RemoteFile.of("https://storage.googleapis.com/cvdf-datasets/mnist/t10k-labels-idx1-ubyte.gz",
                    "t10k-labels-idx1-ubyte.gz", 4542, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"))),

    FASHION_MNIST("fashion-mnist", "Fashion-MNIST", "fashion-mnist", 1, 28,
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
            List.of(
            RemoteFile.of(fashion("train-images-idx3-ubyte.gz"), "train-images-idx3-ubyte.gz", 26421880,
                    "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
            RemoteFile.of(fashion("train-labels-idx1-ubyte.gz"), "train-labels-idx1-ubyte.gz", 29515,
                    "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
            RemoteFile.of(fashion("t10k-images-idx3-ubyte.gz"), "t10k-images-idx3-ubyte.gz", 4422102,
                    "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
            RemoteFile.of(fashion("t10k-labels-idx1-ubyte.gz"), "t10k-labels-idx1-ubyte.gz", 5148,
                    "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"))),

    CIFAR10("cifar10", "CIFAR-10", "cifar-10-batches-bin", 3, 32,
            List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
            List.of(RemoteFile.of("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz", "cifar-10-binary.tar.gz",
                    170052171, "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd"))),

    /** CIFAR-100 with its 100 fine classes. */
    CIFAR100("cifar100", "CIFAR-100", "cifar-100-binary", 3, 32, List.of(), cifar100Files()),

    /** CIFAR-100 labelled with its 20 coarse superclasses (same files as {@link #CIFAR100}). */
    CIFAR100_COARSE("cifar100-coarse", "CIFAR-100 (coarse labels)", "cifar-100-binary", 3, 32, List.of(),
            cifar100Files());

    private final String id;
    private final String displayName;
    private final String folder;
    private final int channels;
    private final int side;
    private final List<String> classes;
    private final List<RemoteFile> downloads;

    KnownDataset(String id, String displayName, String folder, int channels, int side, List<String> classes,
                 List<RemoteFile> downloads) {
        this.id = id;
        this.displayName = displayName;
        this.folder = folder;
        this.channels = channels;
        this.side = side;
        this.classes = classes;
        this.downloads = downloads;
    }

    /**
     * Zalando publishes the files at http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/ (an
     * S3 website endpoint, HTTP only); the same objects of the bucket {@code fashion-mnist} are
     * served over HTTPS by the bucket's REST endpoint used here.
     */
    private static String fashion(String file) {
        return "https://fashion-mnist.s3.eu-central-1.amazonaws.com/" + file;
    }

    private static List<RemoteFile> cifar100Files() {
        return List.of(RemoteFile.of("https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz", "cifar-100-binary.tar.gz",
                168513733, "58a81ae192c23a4be8b1804d68e518ed807d710a4eb253b1f2a199162a40d8ec"));
    }

    /** The name on the command line, e.g. {@code fashion-mnist}. */
    public String id() {
        return id;
    }

    /** The name in reports, e.g. {@code Fashion-MNIST}. */
    public String displayName() {
        return displayName;
    }

    /** The folder of the official files inside the data directory. */
    public String folder() {
        return folder;
    }

    public int channels() {
        return channels;
    }

    /** Image height and width. */
    public int side() {
        return side;
    }

    /** Class names in label order (empty for CIFAR-100: they come with the files). */
    public List<String> classes() {
        return classes;
    }

    /** The official files to download. */
    public List<RemoteFile> downloads() {
        return downloads;
    }

    /**
     * The dataset with command-line name {@code id}; the message lists the allowed names.
     *
     * @param id a name of {@link #ids()} (case-insensitive, surrounding blanks ignored)
     * @return the dataset
     * @throws IllegalArgumentException if {@code id} is no dataset's name
     */
    public static KnownDataset byId(String id) {
        String key = id.toLowerCase(Locale.ROOT).strip();
        for (KnownDataset d : values()) {
            if (d.id.equals(key)) return d;
        }
        throw new IllegalArgumentException("unknown dataset '" + id + "'; allowed: " + ids());
    }

    /** All command-line names, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(KnownDataset::id).collect(Collectors.joining(", "));
    }
}
