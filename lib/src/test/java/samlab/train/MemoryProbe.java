package samlab.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import samlab.nn.Architecture;
import samlab.optim.Optimizer;
import samlab.optim.PlainOptimizer;
import samlab.optim.Sam;
import samlab.optim.SamConfig;
import samlab.optim.Sgd;

/** Manual memory probe (not a test): java samlab.train.MemoryProbe sgd|sam STEPS [GC_EVERY]. Prints RSS every 10 steps. */
public final class MemoryProbe {
    public static void main(String[] a) {
        int steps = Integer.parseInt(a[1]);
        int gcEvery = a.length > 2 ? Integer.parseInt(a[2]) : 0;
        NetworkLoss f = new NetworkLoss(Architecture.RESNET20.build(3, 32, 32, 10, 1));
        Batches b = new Batches(SyntheticImages.create(1280, 10, 3, 32, 32, 0.5, 1), false);
        Optimizer o = a[0].equals("sam") ? new Sam(new Sgd(0.05, 0.9, false, 5e-4), SamConfig.sam(0.05))
                : new PlainOptimizer(new Sgd(0.05, 0.9, false, 5e-4));
        NativeMemory memory = new NativeMemory(); // GC_EVERY -1: the trainer's policy
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            int[] order = samlab.data.SeededRandom.epochOrder(1280, 1, i / 10);
            f.setBatch(b.fill(order, (i % 10) * 128, (i % 10) * 128 + 128));
            o.step(f, i);
            if (gcEvery > 0 && i % gcEvery == gcEvery - 1) System.gc();
            if (gcEvery < 0) memory.collectIfDue();
            if (i % 10 == 9) {
                Runtime rt = Runtime.getRuntime();
                System.out.printf("step %d rss %d MiB hwm %d MiB heap %d MiB javacpp %d MiB %.2f s/step%n", i + 1,
                        TrainBenchmark.rss("VmRSS") >> 20, TrainBenchmark.rss("VmHWM") >> 20,
                        (rt.totalMemory() - rt.freeMemory()) >> 20,
                        org.bytedeco.javacpp.Pointer.physicalBytes() >> 20, (System.nanoTime() - t0) / 1e9 / (i + 1));
            }
        }
    }
}
