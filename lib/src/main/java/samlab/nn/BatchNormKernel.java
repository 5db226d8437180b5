package samlab.nn;

import java.lang.reflect.Field;
import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalisation over the channels of float32 NCHW activations, in two passes per direction,
 * plugged into DL4J's {@link BatchNormalization} layer as its helper in place of the oneDNN one.
 *
 * <p>Why: in ND4J 1.0.0-M2.1 the oneDNN {@code batchnorm_bp} runs oneDNN with global statistics and
 * then adds the mean and variance terms of the input gradient with about ten more passes of generic
 * ND4J array ops; on ResNet-20 (batch 128, 2 threads) it took 5.8 ms per layer on average, a quarter
 * of the whole training step; this class takes 28 ms per ResNet-20 gradient for all 21 layers and both
 * directions (README, Benchmarks: the profile). The forward pass
 * likewise replaces two ND4J reductions and a oneDNN call by one statistics pass and one output pass.
 *
 * <p>Formulas (Ioffe and Szegedy 2015, Algorithm 1 and §3), per channel c over the M = N·H·W values:
 * μ = Σx/M, σ² = Σ(x−μ)²/M (biased, as DL4J), s = 1/√(σ²+ε), x̂ = (x−μ)s, y = γx̂ + β; given
 * g = ∂L/∂y: ∂L/∂β = Σg, ∂L/∂γ = Σg·x̂, ∂L/∂x = γs·(g − Σg/M − x̂·Σg·x̂/M). μ and σ² come from one pass
 * of sums of x − K, K the channel's first value (the shifted-data algorithm: Σx²/M − μ² alone cancels
 * once |μ| ≫ σ). Sums run in float over blocks of 256 values and in double across blocks, one channel
 * per task, so results do not depend on the thread count. They agree with DL4J's own implementation
 * to float rounding, not bit for bit.
 *
 * <p>Other inputs (double precision for gradient checks, rank 2, NHWC, locked γ and β, more than 2²⁹
 * values: beyond what a NIO view addresses) return {@code null}, which makes DL4J use its built-in
 * implementation for that call.
 */
final class BatchNormKernel implements BatchNormalizationHelper {
    private static final Field HELPER_FIELD = helperField();
    /** Values summed in float before the sum is added to a double: short float sums, exact enough, and fast. */
    private static final int BLOCK = 256;
    private static volatile ForkJoinPool pool;

    private INDArray meanCache;
    private INDArray varCache;
    /** Whether the last forward pass in training mode was computed here (then the backward pass is too). */
    private boolean handledForward;

    /**
     * Gives every batch-normalisation layer of {@code graph} this helper, on ND4J's CPU backend (on
     * others the layers keep DL4J's helper).
     *
     * @param graph an initialised network
     * @throws IllegalStateException if DL4J's layer class has no helper field (another DL4J version)
     */
    static void install(ComputationGraph graph) {
        // the kernel reads host memory: on the CUDA backend cuDNN's helper stays
        if (!"CPU".equalsIgnoreCase(Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend"))) return;
        for (Layer layer : graph.getLayers()) {
            if (layer instanceof BatchNormalization bn) {
                try {
                    HELPER_FIELD.set(bn, new BatchNormKernel());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot set the batch-norm helper of DL4J " + e.getMessage(), e);
                }
            }
        }
    }

    private static Field helperField() {
        try {
            Field f = BatchNormalization.class.getDeclaredField("helper");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("DL4J's BatchNormalization has no 'helper' field; samlab needs 1.0.0-M2.1", e);
        }
    }

    @Override
    public boolean checkSupported(double eps, boolean fixedGammaBeta) {
        return !fixedGammaBeta;
    }

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Collections.emptyMap();
    }

    @Override
    public INDArray getMeanCache(DataType dataType) {
        return meanCache;
    }

    @Override
    public INDArray getVarCache(DataType dataType) {
        return varCache;
    }

    /** NIO views address at most 2³¹ − 1 bytes: larger activations are left to DL4J. */
    private static boolean supported(INDArray x, INDArray gamma, INDArray beta, CNN2DFormat format) {
        return x.dataType() == DataType.FLOAT && x.rank() == 4 && format == CNN2DFormat.NCHW
                && gamma != null && beta != null && x.length() <= Integer.MAX_VALUE / Float.BYTES;
    }

    @Override
    public INDArray preOutput(INDArray x, boolean training, long[] shape, INDArray gamma, INDArray beta,
                              INDArray mean, INDArray var, double decay, double eps, CNN2DFormat format,
                              LayerWorkspaceMgr workspaceMgr) {
        if (training) handledForward = false;
        if (!supported(x, gamma, beta, format)) return null;
        x = contiguous(x);
        int n = (int) x.size(0), c = (int) x.size(1), hw = (int) (x.size(2) * x.size(3));
        float[] m;
        float[] v;
        FloatBuffer xb = floats(x);
        if (training) {
            m = new float[c];
            v = new float[c];
            double inv = 1.0 / ((double) n * hw);
            run(c, ch -> {
                // sums of x − K with K the channel's first value (the shifted-data algorithm): Σx²/M − μ²
                // itself cancels catastrophically once |μ| ≫ σ (at μ = 3000σ the output was off by 79×)
                float shift = xb.get(ch * hw);
                double s = 0, q = 0;
                for (int i = 0; i < n; i++) {
                    int base = (i * c + ch) * hw;
                    for (int k0 = 0; k0 < hw; k0 += BLOCK) {
                        int k1 = Math.min(hw, k0 + BLOCK);
                        float fs = 0, fq = 0;
                        for (int k = base + k0; k < base + k1; k++) {
                            float a = xb.get(k) - shift;
                            fs += a;
                            fq += a * a;
                        }
                        s += fs;
                        q += fq;
                    }
                }
                double d = s * inv;
                m[ch] = (float) (shift + d);
                v[ch] = (float) Math.max(0.0, q * inv - d * d);
            });
            if (meanCache == null || meanCache.length() != c) {
                try (MemoryWorkspace ws = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                    meanCache = Nd4j.create(DataType.FLOAT, c);
                    varCache = Nd4j.create(DataType.FLOAT, c);
                }
            }
            meanCache.assign(Nd4j.createFromArray(m));
            varCache.assign(Nd4j.createFromArray(v));
        } else {
            m = mean.toFloatVector();
            v = var.toFloatVector();
        }
        float[] g = gamma.toFloatVector();
        float[] b = beta.toFloatVector();
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, x.shape(), 'c');
        FloatBuffer yb = floats(out);
        run(c, ch -> {
            float scale = (float) (g[ch] / Math.sqrt(v[ch] + eps));
            float shift = b[ch] - m[ch] * scale;
            for (int i = 0; i < n; i++) {
                int base = (i * c + ch) * hw;
                for (int k = 0; k < hw; k++) yb.put(base + k, xb.get(base + k) * scale + shift);
            }
        });
        if (training) handledForward = true;
        return out;
    }

    @Override
    public Pair<org.deeplearning4j.nn.gradient.Gradient, INDArray> backpropGradient(
            INDArray input, INDArray epsilon, long[] shape, INDArray gamma, INDArray beta, INDArray dGammaView,
            INDArray dBetaView, double eps, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (!handledForward || !supported(input, gamma, beta, format) || epsilon.dataType() != DataType.FLOAT) {
            return null;
        }
        INDArray x = contiguous(input);
        INDArray e = contiguous(epsilon);
        int n = (int) x.size(0), c = (int) x.size(1), hw = (int) (x.size(2) * x.size(3));
        float[] m = meanCache.toFloatVector();
        float[] v = varCache.toFloatVector();
        float[] gam = gamma.toFloatVector();
        float[] dGamma = new float[c];
        float[] dBeta = new float[c];
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, x.shape(), 'c');
        FloatBuffer xb = floats(x), gb = floats(e), db = floats(dx);
        double invM = 1.0 / ((double) n * hw);
        run(c, ch -> {
            float mu = m[ch];
            double sumG = 0, sumGx = 0;
            for (int i = 0; i < n; i++) {
                int base = (i * c + ch) * hw;
                for (int k0 = 0; k0 < hw; k0 += BLOCK) {
                    int k1 = Math.min(hw, k0 + BLOCK);
                    float fg = 0, fgx = 0;
                    for (int k = base + k0; k < base + k1; k++) {
                        float gv = gb.get(k);
                        fg += gv;
                        fgx += gv * (xb.get(k) - mu);
                    }
                    sumG += fg;
                    sumGx += fgx;
                }
            }
            double s = 1.0 / Math.sqrt(v[ch] + eps);
            dBeta[ch] = (float) sumG;
            dGamma[ch] = (float) (sumGx * s);
            float k1 = (float) (gam[ch] * s);
            float k2 = (float) (sumG * invM);
            float k3 = (float) (s * s * sumGx * invM);
            for (int i = 0; i < n; i++) {
                int base = (i * c + ch) * hw;
                for (int k = 0; k < hw; k++) {
                    db.put(base + k, k1 * (gb.get(base + k) - k2 - (xb.get(base + k) - mu) * k3));
                }
            }
        });
        dGammaView.assign(Nd4j.createFromArray(dGamma).reshape(dGammaView.shape()));
        dBetaView.assign(Nd4j.createFromArray(dBeta).reshape(dBetaView.shape()));
        DefaultGradient grad = new DefaultGradient();
        grad.setGradientFor("gamma", dGammaView);
        grad.setGradientFor("beta", dBetaView);
        return new Pair<>(grad, dx);
    }

    private static INDArray contiguous(INDArray a) {
        // FloatBuffer.get(i) is absolute: the elements must start at the buffer's first one
        boolean plain = a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a) && a.offset() == 0
                && a.data().offset() == 0;
        return plain ? a : a.dup('c');
    }

    /** A view of the array's elements; the array is C-ordered with default strides and offset 0. */
    private static FloatBuffer floats(INDArray a) {
        return a.data().asNioFloat();
    }

    /** Runs {@code task} for channels 0..c-1 on ND4J's thread count (its maximum threads). */
    private static void run(int c, java.util.function.IntConsumer task) {
        // the pool follows ND4J's setting only (not c), so layers of different widths share one pool
        int threads = Math.max(1, Nd4j.getEnvironment().maxThreads());
        if (threads == 1 || c == 1) {
            for (int ch = 0; ch < c; ch++) task.accept(ch);
            return;
        }
        ForkJoinPool p = pool;
        if (p == null || p.getParallelism() != threads) {
            synchronized (BatchNormKernel.class) {
                p = pool;
                if (p == null || p.getParallelism() != threads) {
                    if (p != null) p.shutdown();
                    pool = p = new ForkJoinPool(threads);
                }
            }
        }
        p.submit(() -> IntStream.range(0, c).parallel().forEach(task)).join();
    }
}
