package samlab.nn;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Turns DL4J's oneDNN layer helpers on. In 1.0.0-M2.1 they are off by default (the system property
 * {@code org.eclipse.deeplearning4j.helpers.disable} defaults to true) and, even when allowed, a
 * stale reflective lookup disables them (bridged by {@code org.nd4j.nativeblas.Nd4jCpu}). Without
 * them a ResNet-20 step is ~10x slower and memory creeps. Call {@link #enable()} before building a
 * network; {@link #helpers} lists what each layer actually got (tests check it).
 */
public final class OneDnn {
    private OneDnn() {}

    /** Allows DL4J helper creation for networks built after this call. */
    public static void enable() {
        System.setProperty("org.eclipse.deeplearning4j.helpers.disable", "false");
    }

    /**
     * What computes each layer: "layerName=HelperClass" for a layer with a helper (oneDNN's, or
     * samlab's BatchNormKernel), else "layerName=SamlabLayer" for one of samlab's layers (ReluLayer,
     * SoftmaxOutputLayer, InputDenseLayer), else "layerName=none" (DL4J's own code).
     */
    public static List<String> helpers(ComputationGraph graph) {
        List<String> out = new ArrayList<>();
        for (Layer layer : graph.getLayers()) {
            Object helper = helperOf(layer);
            Class<?> owner = layer.getClass().getEnclosingClass();
            String what = helper != null ? helper.getClass().getSimpleName()
                    : owner != null && owner.getPackageName().equals(OneDnn.class.getPackageName()) ? owner.getSimpleName()
                    : "none";
            out.add(layer.conf().getLayer().getLayerName() + "=" + what);
        }
        return out;
    }

    private static Object helperOf(Layer layer) {
        try {
            return layer.getClass().getMethod("getHelper").invoke(layer);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
