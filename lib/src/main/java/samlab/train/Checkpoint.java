package samlab.train;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything a run needs to continue exactly: the next epoch and iteration, parameters (with the
 * BatchNorm running statistics), the base optimizer's state and the records so far. One file,
 * written atomically; {@code runKey} (model, optimizer, seed, data) must match on resume.
 */
record Checkpoint(String runKey, int nextEpoch, long iteration, INDArray params, List<INDArray> optimizerState,
                  List<EpochRecord> epochs, List<StepRecord> steps) {
    private static final String MAGIC = "samlab-checkpoint-2";

    void write(Path file) {
        samlab.io.AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw));
            out.writeUTF(MAGIC);
            out.writeUTF(runKey);
            out.writeInt(nextEpoch);
            out.writeLong(iteration);
            Nd4j.write(params, out);
            out.writeInt(optimizerState.size());
            for (INDArray a : optimizerState) Nd4j.write(a, out);
            out.writeInt(epochs.size());
            for (EpochRecord e : epochs) {
                out.writeInt(e.epoch());
                out.writeLong(e.iteration());
                for (double d : new double[] {e.meanStepLoss(), e.trainLoss(), e.trainAccuracy(), e.testLoss(),
                        e.testAccuracy(), e.learningRate(), e.rho()}) out.writeDouble(d);
                out.writeBoolean(e.sam());
                Diagnostics g = e.diagnostics();
                for (double d : new double[] {g.rho(), g.loss(), g.gradientNorm(), g.perturbedGradientNorm(), g.ratio(),
                        g.cosine(), e.seconds(), g.perturbedLoss(), g.weightNorm(), g.activeFraction(), g.perturbedActiveFraction(),
                        g.topEigenvalue(), g.perturbedTopEigenvalue()}) out.writeDouble(d);
            }
            out.writeInt(steps.size());
            for (StepRecord s : steps) {
                out.writeLong(s.iteration());
                out.writeInt(s.epoch());
                out.writeDouble(s.loss());
                out.writeDouble(s.rho());
                out.writeBoolean(s.sam());
            }
            out.flush();
        });
    }

    static Checkpoint read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IllegalArgumentException("checkpoint " + file + " is not a samlab checkpoint (header '" + magic + "')");
            }
            String key = in.readUTF();
            int nextEpoch = in.readInt();
            long iteration = in.readLong();
            INDArray params = Nd4j.read(in);
            int n = in.readInt();
            List<INDArray> state = new ArrayList<>();
            for (int i = 0; i < n; i++) state.add(Nd4j.read(in));
            int ne = in.readInt();
            List<EpochRecord> epochs = new ArrayList<>();
            for (int i = 0; i < ne; i++) {
                int epoch = in.readInt();
                long it = in.readLong();
                double[] v = new double[7];
                for (int k = 0; k < 7; k++) v[k] = in.readDouble();
                boolean sam = in.readBoolean();
                double[] g = new double[13];
                for (int k = 0; k < 13; k++) g[k] = in.readDouble();
                epochs.add(new EpochRecord(epoch, it, v[0], v[1], v[2], v[3], v[4], v[5], v[6], sam,
                        new Diagnostics(g[0], g[1], g[2], g[3], g[4], g[5], g[7], g[8], g[9], g[10], g[11], g[12]), g[6]));
            }
            int ns = in.readInt();
            List<StepRecord> steps = new ArrayList<>();
            for (int i = 0; i < ns; i++) {
                steps.add(new StepRecord(in.readLong(), in.readInt(), in.readDouble(), in.readDouble(), in.readBoolean()));
            }
            return new Checkpoint(key, nextEpoch, iteration, params, state, epochs, steps);
        } catch (java.io.EOFException e) {
            throw new IllegalArgumentException("checkpoint " + file + " is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
