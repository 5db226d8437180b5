package samlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import samlab.data.DataDirectory;
import samlab.data.DatasetCopy;
import samlab.data.Datasets;
import samlab.data.ImageDataset;
import samlab.data.KnownDataset;
import samlab.data.Split;
import samlab.nn.Architecture;
import samlab.optim.Sam;
import samlab.optim.SamConfig;
import samlab.optim.Sgd;
import samlab.optim.WarmStartSchedule;

/** The 2-layer MLP on the real MNIST copy (CI: the 10k subset in ../shared/data), a few seconds. */
class MnistEndToEndTest {
    @Test
    void samOnMnistLowersTheLossAndGivesFiniteDiagnostics() {
        DataDirectory dir = DataDirectory.fromEnvironment();
        Optional<DatasetCopy> copy = Datasets.find(KnownDataset.MNIST, dir);
        assumeTrue(copy.isPresent(), "no MNIST copy in " + dir);
        ImageDataset train = Datasets.load(KnownDataset.MNIST, Split.TRAIN, dir);
        ImageDataset test = Datasets.load(KnownDataset.MNIST, Split.TEST, dir);
        assertTrue(train.size() >= 8000, "train size " + train.size());

        // one epoch of mini-batch SAM (10% plain SGD first), diagnostics on a fixed 1000-image subset
        TrainConfig config = TrainConfig.of(Architecture.MLP, 1, 11).withBatchSize(128).withEvalSamples(1000);
        Sam sam = new Sam(new Sgd(0.1, 0.9, false, 0), SamConfig.sam(0.05), WarmStartSchedule.fraction(0.1));
        TrainResult r = new Trainer(config, sam).train(train, test, false);

        EpochRecord last = r.last();
        assertTrue(train.source().startsWith("MNIST"), train.source());
        // chance-level cross-entropy is ln 10 ≈ 2.303; one epoch of SAM on MNIST gets far below it
        assertTrue(r.steps().get(0).loss() > 2.0, "first step loss " + r.steps().get(0).loss());
        assertTrue(last.trainLoss() < 0.6, "train loss after one epoch " + last.trainLoss());
        assertTrue(last.testAccuracy() > 0.85, "test accuracy " + last.testAccuracy());
        Diagnostics d = last.diagnostics();
        assertTrue(Double.isFinite(d.gradientNorm()) && d.gradientNorm() > 0, d.toString());
        assertTrue(Double.isFinite(d.perturbedGradientNorm()) && d.perturbedGradientNorm() > 0, d.toString());
        assertEquals(d.perturbedGradientNorm() / d.gradientNorm(), d.ratio(), 1e-12);
        assertTrue(Math.abs(d.cosine()) <= 1 + 1e-9, d.toString());
    }
}
