package org.nd4j.nativeblas;

import java.lang.reflect.Method;

/**
 * Compatibility bridge, not an ND4J class. DL4J 1.0.0-M2.1 decides whether to use its oneDNN layer
 * helpers by calling {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()}
 * through reflection, but nd4j-native M2.1 moved that class (to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment}) and renamed the method
 * ({@code isUseONEDNN}). The failed lookup silently disables every oneDNN helper, making a ResNet
 * step ~10x slower. This class answers DL4J's old lookup with the new backend's answer.
 * See {@code samlab.nn.OneDnn}.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {}

    /** The shape DL4J looks up. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {}

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** True when the CPU backend reports oneDNN in use; false on any other backend. */
        public boolean isUseMKLDNN() {
            try {
                Class<?> env = Class.forName("org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment");
                Object instance = env.getMethod("getInstance").invoke(null);
                Method use = env.getMethod("isUseONEDNN");
                return (Boolean) use.invoke(instance);
            } catch (ReflectiveOperationException | LinkageError e) {
                return false;
            }
        }
    }
}
