package samlab.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Manual benchmark (not a test): the same ResNet-20 (projection shortcuts, training-mode BatchNorm)
 * built in SameDiff, SGD and SAM steps alternating, for the API comparison in the README.
 * java samlab.train.SameDiffResNetBench BATCH WARMUP STEPS
 */
public final class SameDiffResNetBench {
    private static final List<String> PARAMS = new ArrayList<>();
    private static int counter;

    private static SDVariable param(SameDiff sd, INDArray init) {
        String name = "p" + counter++;
        PARAMS.add(name);
        return sd.var(name, init);
    }

    private static SDVariable conv(SameDiff sd, SDVariable x, int cin, int cout, int k, int stride) {
        SDVariable w = param(sd, Nd4j.randn(DataType.FLOAT, k, k, cin, cout).muli(Math.sqrt(2.0 / (k * k * cin))));
        return sd.cnn().conv2d(x, w, Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride)
                .paddingMode(org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode.SAME).dataFormat("NCHW").build());
    }

    private static SDVariable bn(SameDiff sd, SDVariable x, int c) {
        SDVariable gamma = param(sd, Nd4j.ones(DataType.FLOAT, 1, c, 1, 1));
        SDVariable beta = param(sd, Nd4j.zeros(DataType.FLOAT, 1, c, 1, 1));
        SDVariable mean = x.mean(true, 0, 2, 3);
        SDVariable centered = x.sub(mean);
        SDVariable var = centered.mul(centered).mean(true, 0, 2, 3);
        return centered.div(sd.math().sqrt(var.add(1e-5))).mul(gamma).add(beta);
    }

    public static void main(String[] a) {
        int batch = Integer.parseInt(a[0]);
        int warmup = Integer.parseInt(a[1]);
        int steps = Integer.parseInt(a[2]);
        Nd4j.getRandom().setSeed(1);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("in", DataType.FLOAT, -1, 3, 32, 32);
        SDVariable labels = sd.placeHolder("labels", DataType.FLOAT, -1, 10);
        SDVariable x = sd.nn().relu(bn(sd, conv(sd, in, 3, 16, 3, 1), 16), 0);
        int[] widths = {16, 32, 64};
        int cin = 16;
        for (int s = 0; s < 3; s++) {
            for (int b = 0; b < 3; b++) {
                int stride = (s > 0 && b == 0) ? 2 : 1;
                SDVariable h = sd.nn().relu(bn(sd, conv(sd, x, cin, widths[s], 3, stride), widths[s]), 0);
                h = bn(sd, conv(sd, h, widths[s], widths[s], 3, 1), widths[s]);
                SDVariable shortcut = stride != 1 ? bn(sd, conv(sd, x, cin, widths[s], 1, stride), widths[s]) : x;
                x = sd.nn().relu(h.add(shortcut), 0);
                cin = widths[s];
            }
        }
        SDVariable pooled = x.mean(2, 3);
        SDVariable w = param(sd, Nd4j.randn(DataType.FLOAT, 64, 10).muli(Math.sqrt(1.0 / 64)));
        SDVariable bias = param(sd, Nd4j.zeros(DataType.FLOAT, 1, 10));
        SDVariable logits = pooled.mmul(w).add(bias);
        sd.loss().softmaxCrossEntropy("loss", labels, logits, null);
        sd.setLossVariables("loss");

        Map<String, INDArray> feed = new HashMap<>();
        feed.put("in", Nd4j.rand(DataType.FLOAT, batch, 3, 32, 32));
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, 10);
        for (int i = 0; i < batch; i++) y.putScalar(i, i % 10, 1f);
        feed.put("labels", y);
        String[] names = PARAMS.toArray(new String[0]);
        double lr = 0.01;
        double rho = 0.05;
        double[] sgd = new double[steps];
        double[] sam = new double[steps];
        long hwmStart = 0;
        for (int i = 0; i < warmup + steps; i++) {
            long t0 = System.nanoTime();
            Map<String, INDArray> g = sd.calculateGradients(feed, names);
            for (String p : names) sd.getVariable(p).getArr().subi(g.get(p).mul(lr));
            long t1 = System.nanoTime();
            Map<String, INDArray> g1 = sd.calculateGradients(feed, names);
            double norm = 0;
            for (String p : names) norm += g1.get(p).norm2Number().doubleValue() * g1.get(p).norm2Number().doubleValue();
            double scale = rho / (Math.sqrt(norm) + 1e-12);
            Map<String, INDArray> saved = new HashMap<>();
            for (String p : names) {
                INDArray arr = sd.getVariable(p).getArr();
                saved.put(p, arr.dup());
                arr.addi(g1.get(p).mul(scale));
            }
            Map<String, INDArray> g2 = sd.calculateGradients(feed, names);
            for (String p : names) sd.getVariable(p).getArr().assign(saved.get(p)).subi(g2.get(p).mul(lr));
            long t2 = System.nanoTime();
            if (i == warmup) hwmStart = TrainBenchmark.rss("VmRSS");
            if (i >= warmup) {
                sgd[i - warmup] = (t1 - t0) / 1e6;
                sam[i - warmup] = (t2 - t1) / 1e6;
            }
        }
        double ms = TrainBenchmark.median(sgd);
        double msSam = TrainBenchmark.median(sam);
        System.out.printf("SameDiff ResNet-20 batch %d: SGD %.1f ms (%.1f img/s), SAM %.1f ms (%.1f img/s), ratio %.3f; "
                        + "RSS after warm-up %d MiB, end %d MiB, peak %d MiB%n", batch, ms, batch * 1000 / ms, msSam,
                batch * 1000 / msSam, msSam / ms, hwmStart >> 20, TrainBenchmark.rss("VmRSS") >> 20,
                TrainBenchmark.rss("VmHWM") >> 20);
        System.out.println(Arrays.toString(sgd));
    }
}
