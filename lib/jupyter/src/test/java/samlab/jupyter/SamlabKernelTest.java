package samlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel's cell evaluation without the Jupyter sockets: values, errors, completion, interrupt. */
class SamlabKernelTest {
    static SamlabKernel kernel;

    @BeforeAll
    static void start() {
        kernel = new SamlabKernel();
        kernel.initialize(null);
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
    }

    static String text(DisplayData d) {
        return (String) d.getData(MIMEType.TEXT_PLAIN);
    }

    @Test
    void lastExpressionIsTheValueAndStatementsHaveNone() {
        assertEquals("42", text(kernel.eval("int a = 6;\nint b = 7;\na * b")));
        assertNull(kernel.eval("int c = a + b;"));
        assertEquals("13", text(kernel.eval("c")));                      // a bare variable is an expression too
        assertEquals("double[2] { 0.5, 1.5 }", text(kernel.eval("new double[] {0.5, 1.5}")));
        assertNull(kernel.eval("display(\"shown, not returned\")"));     // a display call shows no id
        // jshell's default imports: List, ArrayList, BigInteger without an import line.
        assertEquals("[1]", text(kernel.eval("List<BigInteger> l = new ArrayList<>(); l.add(BigInteger.ONE); l")));
    }

    @Test
    void compileErrorsNameTheMissingVariableAndTheLine() {
        SamlabKernel.CompilationError e = assertThrows(SamlabKernel.CompilationError.class,
                () -> kernel.eval("int z = NOT_DEFINED_YET + 1;"));
        assertTrue(e.getMessage().startsWith("cannot find variable NOT_DEFINED_YET: run the earlier cell"), e.getMessage());
        assertTrue(kernel.formatError(e).contains("int z = NOT_DEFINED_YET + 1;"), kernel.formatError(e).toString());
        SamlabKernel.CompilationError open = assertThrows(SamlabKernel.CompilationError.class,
                () -> kernel.eval("for (int i = 0; i < 3; i++) {"));
        assertTrue(open.getMessage().startsWith("incomplete code"), open.getMessage());
    }

    @Test
    void exceptionsKeepTheirTypeAndMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> kernel.eval("throw new IllegalStateException(\"boom\");"));
        assertEquals("boom", e.getMessage());
        assertEquals("java.lang.IllegalStateException: boom", kernel.formatError(e).get(0));
        SamlabKernel.CellFailed checked = assertThrows(SamlabKernel.CellFailed.class,
                () -> kernel.eval("throw new java.io.IOException(\"disk\");"));
        assertTrue(checked.getCause() instanceof java.io.IOException);
    }

    @Test
    void editorSupport() {
        assertTrue(kernel.complete("Math.ma", 7).getReplacements().contains("max("), "completions");
        assertEquals(BaseKernel.IS_COMPLETE_YES, kernel.isComplete("int x = 1;"));
        assertEquals("    ", kernel.isComplete("for (int i = 0; i < 3; i++) {"));
        assertTrue(text(kernel.inspect("Math.max", 8, false)).contains("max("));
    }

    /** Interrupt ends the cell with CellInterrupted and the next cell runs; no timing is asserted. */
    @Test
    void interruptStopsASleepAndATightLoopAndTheNextCellRuns() throws Exception {
        for (String loop : new String[] {"while (true) { Thread.sleep(20); }",
                "long s = 0; for (long i = 0; ; i++) { s += i ^ (s >>> 3); }"}) {
            CompletableFuture<DisplayData> cell = CompletableFuture.supplyAsync(() -> kernel.eval(loop));
            while (CellExecution.runner() == null) Thread.sleep(10);      // the snippet runs
            kernel.interrupt();
            ExecutionException e = assertThrows(ExecutionException.class, () -> cell.get(60, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof SamlabKernel.CellInterrupted, String.valueOf(e.getCause()));
            assertEquals("2", text(kernel.eval("1 + 1")));
        }
    }
}
