package samlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
    @TempDir
    Path root;
    @TempDir
    Path cache;

    DataDirectory dir() {
        return DataDirectory.resolve(root, Map.of("samlab.cache", cache.toString()), Map.of(), Path.of("/nohome"));
    }

    @Test
    void mnistPrefersOfficialFilesAndSaysWhichCopy() throws IOException {
        HandBuiltFiles.idxPair(root.resolve("mnist-10k"), "train", 8, 28, 28, true);
        HandBuiltFiles.idxPair(root.resolve("mnist-10k"), "t10k", 2, 28, 28, true);
        DatasetCopy subset = Datasets.locate(KnownDataset.MNIST, dir());
        assertEquals("MNIST (10k subset copy)", subset.source());
        ImageDataset test = subset.load(Split.TEST);
        assertEquals(2, test.size());
        assertEquals("mnist/test", test.name());
        assertEquals("MNIST (10k subset copy)", test.source());

        HandBuiltFiles.idxPair(root.resolve("mnist"), "train", 6, 28, 28, false);
        HandBuiltFiles.idxPair(root.resolve("mnist"), "t10k", 3, 28, 28, false);
        DatasetCopy official = Datasets.locate(KnownDataset.MNIST, dir());
        assertEquals("MNIST (official files)", official.source());
        assertEquals(6, official.load(Split.TRAIN).size());
    }

    @Test
    void fashionMnistFallsBackToTheDebianCopy() throws IOException {
        Path debian = root.resolve("usr-share");
        HandBuiltFiles.idxPair(debian, "t10k", 2, 28, 28, true);
        List<DatasetCopy> found = Datasets.candidates(KnownDataset.FASHION_MNIST, dir(), debian);
        assertEquals(1, found.size());
        assertEquals("Fashion-MNIST (Debian package copy)", found.get(0).source());
        assertEquals("Ankle boot", found.get(0).load(Split.TEST).classes().get(9));
    }

    @Test
    void missingDatasetTellsHowToDownloadIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.locate(KnownDataset.CIFAR100, dir()));
        assertTrue(e.getMessage().contains("samlab data download cifar100"), e.getMessage());
        assertTrue(e.getMessage().contains("cifar-100-binary/"), e.getMessage());
    }

    @Test
    void cifar10JpegArchiveIsExtractedIntoTheCacheOnce() throws IOException {
        List<String> classes = KnownDataset.CIFAR10.classes();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (String split : List.of("train", "test")) {
                for (int c = 0; c < classes.size(); c++) {
                    BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
                    img.setRGB(0, 0, (c * 20) << 16);
                    ByteArrayOutputStream png = new ByteArrayOutputStream();
                    ImageIO.write(img, "png", png);
                    TarArchiveEntry e = new TarArchiveEntry("cifar-10-jpeg/" + split + "/" + classes.get(c) + "/0000.png");
                    e.setSize(png.size());
                    tar.putArchiveEntry(e);
                    tar.write(png.toByteArray());
                    tar.closeArchiveEntry();
                }
            }
        }
        Files.write(root.resolve("cifar-10-jpeg.tar.gz"), bytes.toByteArray());
        DatasetCopy copy = Datasets.locate(KnownDataset.CIFAR10, dir());
        assertEquals(DatasetCopy.Format.IMAGE_FOLDER_ARCHIVE, copy.format());
        ImageDataset train = copy.load(Split.TRAIN);
        assertEquals("CIFAR-10 (JPEG copy)", train.source());
        assertEquals(10, train.size());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, train.labels());
        assertEquals(9 * 20 / 255f, train.pixels()[9 * 3072], 0f); // red of pixel (0,0) of class 9
        Path folder = copy.cacheFolder();
        assertEquals(cache.resolve("cifar-10-jpeg-" + Downloader.sha256(root.resolve("cifar-10-jpeg.tar.gz"))
                .substring(0, 12)), folder);
        assertTrue(Files.isDirectory(folder.resolve("cifar-10-jpeg/test/truck")));
        assertTrue(Files.isRegularFile(folder.resolve("decoded-train.bin")));
        // later loads read the decoded pixels: the same dataset even with the extracted images gone
        TarArchive.deleteRecursively(folder.resolve("cifar-10-jpeg"));
        ImageDataset again = copy.load(Split.TRAIN);
        assertArrayEquals(train.pixels(), again.pixels());
        assertArrayEquals(train.labels(), again.labels());
        assertEquals(classes, again.classes());
        assertEquals("CIFAR-10 (JPEG copy)", again.source());
    }

    @Test
    void cifar10OfficialBinaryIsPreferredAndReadsFiveTrainingBatches() throws IOException {
        Path bin = root.resolve("cifar-10-batches-bin");
        for (int i = 1; i <= 5; i++) {
            HandBuiltFiles.write(bin.resolve("data_batch_" + i + ".bin"), HandBuiltFiles.cifarRecord(i, i));
        }
        HandBuiltFiles.write(bin.resolve("test_batch.bin"), HandBuiltFiles.cifarRecord(0, 7));
        HandBuiltFiles.write(root.resolve("cifar-10-jpeg.tar.gz"), new byte[] {1});
        DatasetCopy copy = Datasets.locate(KnownDataset.CIFAR10, dir());
        assertEquals("CIFAR-10 (official binary)", copy.source());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, copy.load(Split.TRAIN).labels());
        assertArrayEquals(new int[] {7}, copy.load(Split.TEST).labels());
    }

    @Test
    void cifar100DownloadFromALocalServerIsVerifiedUnpackedAndFound() throws Exception {
        // a hand-built cifar-100-binary.tar.gz: one training and one test record, 100 fine and 20 coarse names
        StringBuilder fine = new StringBuilder();
        for (int i = 0; i < 100; i++) fine.append("fine").append(i).append('\n');
        StringBuilder coarse = new StringBuilder();
        for (int i = 0; i < 20; i++) coarse.append("coarse").append(i).append('\n');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            put(tar, "cifar-100-binary/train.bin", HandBuiltFiles.cifarRecord(1, 3, 42));
            put(tar, "cifar-100-binary/test.bin", HandBuiltFiles.cifarRecord(2, 19, 99));
            put(tar, "cifar-100-binary/fine_label_names.txt", fine.toString().getBytes());
            put(tar, "cifar-100-binary/coarse_label_names.txt", coarse.toString().getBytes());
        }
        byte[] archive = bytes.toByteArray();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive));
        try (LocalServer server = new LocalServer()) {
            RemoteFile file = new RemoteFile(server.serve("cifar-100-binary.tar.gz", archive),
                    "cifar-100-binary.tar.gz", archive.length, sha);
            DatasetCopy copy = Datasets.download(KnownDataset.CIFAR100, dir(), new Downloader(), List.of(file));
            assertEquals(root.resolve("cifar-100-binary"), copy.location());
            assertEquals("CIFAR-100 (official binary)", copy.source());
            ImageDataset train = copy.load(Split.TRAIN);
            assertArrayEquals(new int[] {42}, train.labels());
            assertEquals("fine42", train.classes().get(42));
            ImageDataset coarseTest = Datasets.load(KnownDataset.CIFAR100_COARSE, Split.TEST, dir());
            assertArrayEquals(new int[] {19}, coarseTest.labels());
            assertEquals(20, coarseTest.classes().size());
            // a second download finds the folder and fetches nothing
            Datasets.download(KnownDataset.CIFAR100, dir(), new Downloader(), List.of(file));
            assertEquals(1, server.ranges.size());
        }
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    @Test
    void knownDatasetsByIdAndOfficialChecksumsAreWellFormed() {
        assertEquals(KnownDataset.FASHION_MNIST, KnownDataset.byId("Fashion-MNIST"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KnownDataset.byId("svhn"));
        assertTrue(e.getMessage().contains("allowed: mnist, fashion-mnist, cifar10, cifar100, cifar100-coarse"),
                e.getMessage());
        for (KnownDataset k : KnownDataset.values()) {
            for (RemoteFile f : k.downloads()) assertEquals("https", f.url().getScheme(), f.toString());
        }
    }

    @Test
    void anEmptyOfficialFolderIsOneClearMessage() throws IOException {
        // The folder exists, so nothing is downloaded; it lacks the files: say so (was NoSuchElementException).
        Files.createDirectories(root.resolve("cifar-10-batches-bin"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.download(KnownDataset.CIFAR10, dir(), new Downloader(), List.of()));
        assertEquals(root.resolve("cifar-10-batches-bin") + " exists but is not a complete copy of the official files"
                + " (no test_batch.bin); delete the folder and run: samlab data download cifar10", e.getMessage());
    }

    @Test
    void anUnreadablePathKeepsItsReasonInsteadOfNotFound() throws IOException {
        // A path component that is a file: the I/O error's reason, not "not found, download it".
        Files.writeString(root.resolve("mnist"), "a file where a folder belongs");
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> Datasets.locate(KnownDataset.MNIST, dir()));
        assertEquals("cannot read " + root.resolve("mnist/t10k-labels-idx1-ubyte.gz") + ": Not a directory", e.getMessage());
    }

    @Test
    void aFolderWithoutPermissionIsReportedAsSuch() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root reads folders regardless of permissions");
        Path mnist = Files.createDirectories(root.resolve("mnist-10k"));
        HandBuiltFiles.idxPair(mnist, "t10k", 1, 2, 2, true);
        Files.setPosixFilePermissions(mnist, java.util.Set.of());
        try {
            java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                    () -> Datasets.locate(KnownDataset.MNIST, dir()));
            assertEquals("cannot read " + mnist.resolve("t10k-labels-idx1-ubyte.gz") + ": permission denied", e.getMessage());
        } finally {
            Files.setPosixFilePermissions(mnist, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }
}
