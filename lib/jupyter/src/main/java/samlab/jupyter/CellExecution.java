package samlab.jupyter;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's in-process execution engine, keeping each snippet's value as an object instead of
 * the string JShell would build from it. JShell's own engine calls {@code toString()} on every
 * value (a 10-million-element array: seconds and hundreds of MB) although the kernel shows
 * values its own way ({@link NotebookDisplay}), so the snippet runs through {@link #trampoline()},
 * which parks the value and returns nothing.
 *
 * <p>Stopping ({@link SamlabKernel#interrupt()}) ends in the JDK engine's stop: on JDK 17
 * {@code Thread.stop} of the snippet's threads (stops any loop, also inside library and JDK code);
 * from JDK 21 a stop check woven into the snippet's own bytecode plus {@code Thread.interrupt}
 * (stops loops in cell code and sleeps; library loops stop at their next progress report, see
 * {@link NotebookProgress}; a loop entirely inside JDK code does not stop).
 */
final class CellExecution extends LocalExecutionControl {
    private static final Method TRAMPOLINE;

    static {
        try {
            TRAMPOLINE = CellExecution.class.getDeclaredMethod("trampoline");
            TRAMPOLINE.setAccessible(true); // JShell's engine (module jdk.jshell) calls it reflectively
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The snippet method the trampoline runs; one snippet runs at a time. */
    private static volatile Method pending;
    private static volatile Object value;
    private static volatile Throwable thrown;
    /** The thread running the current snippet, null between snippets. */
    private static volatile Thread runner;

    /** Runs the pending snippet and parks its value or exception; JShell sees the original exception. */
    static Object trampoline() throws Throwable {
        runner = Thread.currentThread();
        try {
            value = pending.invoke(null);
        } catch (InvocationTargetException e) {
            thrown = e.getCause();
            throw e.getCause();
        } finally {
            runner = null;
        }
        return null;
    }

    /** The thread running the current snippet, or null. */
    static Thread runner() {
        return runner;
    }

    /**
     * True if the snippet's thread is initializing a class. Stopping it there would leave the class
     * unusable until the kernel restarts ("Could not initialize class org.nd4j.linalg.factory.Nd4j",
     * measured when an interrupt hit ND4J's start-up), so the kernel waits until it is out.
     */
    static boolean inClassInitializer(Thread t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getMethodName().equals("<clinit>")) return true;
        }
        return false;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        pending = doitMethod;
        value = null;
        thrown = null;
        try {
            super.invoke(TRAMPOLINE);
        } finally {
            pending = null;
        }
        return "";
    }

    /** JShell asks for a variable's text for /vars; the kernel never shows it, so do not build it. */
    @Override
    public String varValue(String className, String varName) {
        return "";
    }

    /** The value of the last snippet run (null for a statement or a null value); clears it. */
    Object takeValue() {
        Object v = value;
        value = null;
        return v;
    }

    /** The exception the last snippet threw (null if none); clears it. */
    Throwable takeThrown() {
        Throwable t = thrown;
        thrown = null;
        return t;
    }

    /** Hands JShell this engine and keeps it for the kernel. */
    static final class Provider implements ExecutionControlProvider {
        private volatile CellExecution created;

        @Override
        public String name() {
            return "samlab-local";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            created = new CellExecution();
            return created;
        }

        CellExecution execution() {
            return created;
        }
    }
}
