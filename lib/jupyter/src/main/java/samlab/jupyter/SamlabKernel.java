package samlab.jupyter;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ReplyEnvironment;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.CommInfoReply;
import org.dflib.jjava.jupyter.messages.reply.InterruptReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.CommInfoRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import samlab.Samlab;

/**
 * The course's Jupyter kernel: JShell running cells in the kernel's JVM, on the Jupyter protocol of
 * {@code org.dflib.jjava:jjava-jupyter} (the IJava lineage). The library is on the JVM's class path
 * and the kernelspec's init script imports its packages, so notebooks need no magics and run
 * unchanged under IJava/JJava.
 *
 * <ul>
 *   <li>Start: the connection comes up first and answers {@code kernel_info} at once; the imports
 *   and the compiler's warm-up run meanwhile, and the first cell waits for them.</li>
 *   <li>Values: the last expression of a cell is shown by {@link NotebookDisplay} (charts as PNG,
 *   tables as HTML, always also text/plain); JShell's own value strings are never built.</li>
 *   <li>Interrupt ({@code interrupt_mode: message}): stops the running cell (see
 *   {@link CellExecution}), reports it as an error, and keeps the kernel's state.</li>
 * </ul>
 */
public final class SamlabKernel extends BaseKernel {
    /** The packages the {@code jshell} tool (and IJava/JJava) import at start; cells rely on them. */
    static final List<String> JSHELL_DEFAULT_PACKAGES = List.of("java.io", "java.math", "java.net", "java.nio.file",
            "java.util", "java.util.concurrent", "java.util.function", "java.util.prefs", "java.util.regex",
            "java.util.stream");

    /** Imported by the kernel itself, before the (kernel-neutral) init script. */
    static final List<String> KERNEL_IMPORTS = java.util.stream.Stream.concat(
            JSHELL_DEFAULT_PACKAGES.stream().map(p -> "import " + p + ".*;"),
            java.util.stream.Stream.of("import static samlab.jupyter.Display.display;",
                    "import static samlab.jupyter.Display.updateDisplay;")).toList();

    private static volatile SamlabKernel running;
    private static volatile boolean interruptRequested;
    private static volatile long runningCell;

    private final CellExecution.Provider engine = new CellExecution.Provider();
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile boolean cellRunning;
    /** Counts executed cells, so that an interrupt's stopper never outlives its cell. */
    private volatile long cellSerial;

    SamlabKernel() {
        super("samlab", Samlab.version(),
                new LanguageInfo.Builder("java").version(Runtime.version().toString())
                        .mimetype("text/x-java-source").fileExtension(".jshell").pygments("java")
                        .codemirror("text/x-java").build(),
                List.of(), null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                null, null, false, new StringStyler.Builder().build());
        this.shell = JShell.builder()
                .executionEngine(engine, Map.of())
                .compilerOptions("--class-path", System.getProperty("java.class.path"))
                .build();
        this.analysis = shell.sourceCodeAnalysis();
    }

    /** Evaluates the init script's imports and warms the compiler up; the first cell waits for it. */
    void initialize(Path initScript) {
        try {
            List<String> lines = new ArrayList<>(KERNEL_IMPORTS);
            if (initScript != null) lines.addAll(Files.readAllLines(initScript, StandardCharsets.UTF_8));
            for (String line : lines) {
                if (line.isBlank()) continue;
                for (SnippetEvent e : shell.eval(line)) {
                    if (e.status() == Snippet.Status.REJECTED) {
                        System.err.println("samlab kernel: init script line rejected: " + line);
                    }
                }
            }
            shell.eval("int $warmUp = 0;");
            ready.complete(null);
        } catch (Throwable e) {
            ready.completeExceptionally(e);
        }
    }

    /**
     * Waits for {@link #initialize}: JShell is not thread-safe, so no request touches it before.
     *
     * @throws IllegalStateException if the start-up failed or the wait was interrupted
     */
    private void awaitReady() {
        try {
            ready.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the kernel was starting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the kernel's start-up failed: " + e.getCause(), e.getCause());
        }
    }

    /** The running kernel, or null outside a notebook. */
    static SamlabKernel running() {
        return running;
    }

    /** True between an interrupt request and the start of the next cell. */
    static boolean interruptRequested() {
        return interruptRequested;
    }

    /** The execution count of the cell running now (0 before the first). */
    static long runningCell() {
        return runningCell;
    }

    @Override
    public void onStartup() {
        super.onStartup();
        running = this;
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        running = null;
        super.onShutdown(isRestarting);
        shell.close();
    }

    // ------------------------------------------------------------------ execution

    /**
     * Not used: cells run through {@link #eval(String)}.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public Object evalRaw(String code) {
        throw new UnsupportedOperationException("the kernel evaluates through eval(String)");
    }

    /**
     * Runs a cell snippet by snippet and shows the value of its last expression (nothing after a
     * statement, a declaration or a trailing {@code display(...)} call). An incomplete or rejected
     * snippet, an exception thrown by the cell, or an interrupt ends the cell with an error the
     * front end shows.
     *
     * @param code the cell's source
     * @return the display data of the last value, or null when there is none
     * @throws IllegalStateException if the kernel's start-up failed or the wait for it was interrupted
     */
    @Override
    public DisplayData eval(String code) {
        awaitReady();
        cellSerial++;
        interruptRequested = false;
        runningCell = executionCount.get() - 1;
        cellRunning = true;
        try {
            return toDisplayData(run(code));
        } finally {
            cellRunning = false;
            System.out.flush();
            System.err.flush();
        }
    }

    /** A cell ending in {@code display(x)} shows x, not the display id the call returns. */
    private static final java.util.regex.Pattern DISPLAY_CALL = java.util.regex.Pattern.compile("\\s*(display|updateDisplay)\\s*\\(");

    /** Marker: the cell ended with a statement or declaration, so it has no value to show. */
    private static final Object NO_VALUE = new Object();

    private Object run(String code) {
        Object value = NO_VALUE;
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) break;
            if (!info.completeness().isComplete()) {
                throw new CompilationError("incomplete code: " + firstLine(rest), List.of(rest.strip(), "^ the cell ends here"));
            }
            String source = info.source();
            rest = info.remaining();
            value = NO_VALUE;
            for (SnippetEvent event : shell.eval(source)) {
                if (event.causeSnippet() != null) continue; // an update of an earlier snippet
                if (interruptRequested) throw new CellInterrupted();
                if (event.status() == Snippet.Status.REJECTED) throw compilationError(event.snippet());
                if (event.exception() != null) throw runtimeError(event);
                if (isExpression(event.snippet())) {
                    value = engine.execution().takeValue();
                    if (DISPLAY_CALL.matcher(event.snippet().source()).lookingAt()) value = NO_VALUE;
                }
            }
            if (interruptRequested) throw new CellInterrupted();
        }
        return value;
    }

    private static boolean isExpression(Snippet s) {
        return s instanceof ExpressionSnippet
                || s instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private DisplayData toDisplayData(Object value) {
        return value == NO_VALUE ? null : displayData(NotebookDisplay.of(value));
    }

    static DisplayData displayData(NotebookDisplay.Bundle bundle) {
        DisplayData dd = new DisplayData();
        bundle.data().forEach(dd::putData);
        bundle.metadata().forEach(dd::putMetaData);
        return dd;
    }

    private CompilationError compilationError(Snippet snippet) {
        List<String> lines = new ArrayList<>();
        String first = null;
        String source = snippet.source();
        for (Diag d : shell.diagnostics(snippet).collect(Collectors.toList())) {
            if (!d.isError()) continue;
            String message = d.getMessage(null);
            if (first == null) first = message.lines().findFirst().orElse(message);
            int pos = (int) Math.max(0, Math.min(source.length(), d.getStartPosition()));
            int lineStart = source.lastIndexOf('\n', pos - 1) + 1;
            int lineEnd = source.indexOf('\n', pos);
            lines.add(source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd));
            // JShell's wrapper class has no name a learner knows: drop "location: class " lines.
            String shown = message.lines().filter(l -> !l.strip().equals("location: class"))
                    .collect(Collectors.joining("\n  "));
            lines.add(" ".repeat(pos - lineStart) + "^ " + shown);
        }
        if (first == null) {
            first = "the snippet was rejected";
            lines.add(source);
        }
        String missing = missingVariable(lines);
        if (missing != null) {
            first = "cannot find variable " + missing + ": run the earlier cell that defines " + missing
                    + " first (after a restart: Cell > Run All Above)";
        }
        return new CompilationError(first, lines);
    }

    private static final java.util.regex.Pattern MISSING_VARIABLE =
            java.util.regex.Pattern.compile("cannot find symbol\\s+symbol:\\s+variable (\\w+)");

    /** The variable a "cannot find symbol" error names, or null: a cell run before the one defining it. */
    static String missingVariable(List<String> diagnosticLines) {
        java.util.regex.Matcher m = MISSING_VARIABLE.matcher(String.join("\n", diagnosticLines));
        return m.find() ? m.group(1) : null;
    }

    private RuntimeException runtimeError(SnippetEvent event) {
        if (interruptRequested) return new CellInterrupted();
        Exception e = event.exception();
        if (e instanceof UnresolvedReferenceException u) {
            String names = shell.unresolvedDependencies(u.getSnippet()).collect(Collectors.joining(", "));
            return new CompilationError("'" + firstLine(u.getSnippet().source()) + "' uses " + names
                    + ", which is not defined yet: run the cell that defines it first", List.of());
        }
        Throwable thrown = engine.execution().takeThrown();
        if (thrown instanceof RuntimeException r) return r;
        if (thrown != null) return new CellFailed(thrown);
        // No original exception (it happened outside the snippet's thread): JShell's copy.
        EvalException ee = (EvalException) e;
        return new CellFailed(ee.getExceptionClassName() + ": " + ee.getMessage(), ee);
    }

    private static String firstLine(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }

    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CompilationError c) {
            List<String> lines = new ArrayList<>();
            lines.add("CompilationError: " + c.getMessage());
            lines.addAll(c.details);
            return lines;
        }
        if (e instanceof CellInterrupted) return List.of(e.getMessage());
        Throwable shown = e instanceof CellFailed && e.getCause() != null ? e.getCause() : e;
        StringWriter w = new StringWriter();
        shown.printStackTrace(new PrintWriter(w));
        List<String> lines = new ArrayList<>();
        for (String line : w.toString().split("\n")) {
            // Frames below the cell's own code belong to JShell and the kernel.
            if (line.contains("samlab.jupyter.CellExecution") || line.contains("jdk.internal.reflect")) break;
            lines.add(line);
        }
        return lines;
    }

    /** A cell that does not compile; the details show the offending line and the compiler's message. */
    static final class CompilationError extends RuntimeException {
        final List<String> details;

        CompilationError(String message, List<String> details) {
            super(message, null, false, false);
            this.details = List.copyOf(details);
        }
    }

    /** A cell stopped by Kernel &gt; Interrupt. */
    static final class CellInterrupted extends RuntimeException {
        CellInterrupted() {
            super("the cell was interrupted (Kernel > Interrupt); variables defined before it are kept", null, false, false);
        }
    }

    /** A cell that threw a checked exception or an Error; the cause is the original. */
    static final class CellFailed extends RuntimeException {
        CellFailed(Throwable cause) {
            super(cause.toString(), cause, false, false);
        }

        CellFailed(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    /** Time a cell gets to end by itself (interrupted sleep, progress check) before it is stopped. */
    static final long GRACE_MILLIS = 200;
    /** How often the stopper retries while the cell still runs. */
    static final long RETRY_MILLIS = 100;

    /**
     * Kernel &gt; Interrupt: flags the cell (progress reports then throw), interrupts its thread
     * (sleeps and waits end), and if it still runs after {@value #GRACE_MILLIS} ms stops it with
     * JShell's stop, never while its thread initializes a class; repeated until the cell ends.
     */
    @Override
    public void interrupt() {
        if (!cellRunning) return;
        interruptRequested = true;
        long thisCell = cellSerial;
        Thread cell = CellExecution.runner();
        if (cell != null) cell.interrupt();
        Thread stopper = new Thread(() -> {
            long start = System.nanoTime();
            while (cellRunning && cellSerial == thisCell) {
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                Thread t = CellExecution.runner();
                if (t == null || System.nanoTime() - start < GRACE_MILLIS * 1_000_000L) continue;
                if (cellSerial != thisCell) return; // that cell ended; never stop the next one
                if (CellExecution.inClassInitializer(t)) continue;
                try {
                    shell.stop();
                } catch (RuntimeException | InternalError e) {
                    // the snippet ended meanwhile; the next round sees it
                }
            }
        }, "kernel-interrupt");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** During a cell, System.out and System.err send whole lines (see {@link LineBufferedOutput}). */
    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        PrintStream out = new PrintStream(new LineBufferedOutput(io.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new LineBufferedOutput(io.err), false, StandardCharsets.UTF_8);
        System.setOut(out);
        System.setErr(err);
        System.setIn(io.in);
        env.defer(() -> {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        });
    }

    // ------------------------------------------------------------------ display for cells

    /** Shows a bundle as a new output of the running cell, or updates the output {@code displayId}. */
    void publish(NotebookDisplay.Bundle bundle, String displayId, boolean update) {
        System.out.flush();
        System.err.flush();
        DisplayData dd = displayData(bundle);
        synchronized (io.display) {
            if (update) {
                io.display.updateDisplay(displayId, dd);
            } else {
                dd.setDisplayId(displayId);
                io.display.display(dd);
            }
        }
    }

    // ------------------------------------------------------------------ editor support

    /**
     * The signature and Javadoc of what the cursor is on (Shift+Tab).
     *
     * @throws IllegalStateException if the kernel's start-up failed or the wait for it was interrupted
     */
    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        awaitReady();
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, at, extraDetail);
        if (docs.isEmpty()) {
            // The cursor on a method's name, not yet inside its parentheses: document the call.
            docs = analysis.documentation(code.substring(0, at) + "(", at + 1, extraDetail);
        }
        if (docs.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            if (sb.length() > 0) sb.append("\n\n");
            sb.append(d.signature());
            if (d.javadoc() != null && !d.javadoc().isBlank()) sb.append("\n").append(d.javadoc());
        }
        return new DisplayData(sb.toString());
    }

    /**
     * JShell's completions at the cursor (Tab).
     *
     * @throws IllegalStateException if the kernel's start-up failed or the wait for it was interrupted
     */
    @Override
    public ReplacementOptions complete(String code, int at) {
        awaitReady();
        int[] anchor = new int[1];
        LinkedHashSet<String> matches = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion s : analysis.completionSuggestions(code, at, anchor)) {
            matches.add(s.continuation());
        }
        return new ReplacementOptions(new ArrayList<>(matches), anchor[0], at);
    }

    /**
     * Whether the console may run {@code code} as it stands, or should wait for more lines.
     *
     * @throws IllegalStateException if the kernel's start-up failed or the wait for it was interrupted
     */
    @Override
    public String isComplete(String code) {
        awaitReady();
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE:
                    return "    ";
                case UNKNOWN:
                    return IS_COMPLETE_BAD;
                case EMPTY:
                    return IS_COMPLETE_YES;
                default:
                    rest = info.remaining();
            }
        }
        return IS_COMPLETE_YES;
    }

    // ------------------------------------------------------------------ protocol fixes

    /** jjava-jupyter 1.0-a6 leaves {@code status} out of this reply; Jupyter's schema requires it. */
    static final class OkKernelInfoReply extends KernelInfoReply {
        final String status = "ok";

        OkKernelInfoReply(KernelInfoReply base) {
            super(base.getProtocolVersion(), base.getImplementationName(), base.getImplementationVersion(),
                    base.getLangInfo(), base.getBanner(), base.getHelpLinks());
        }
    }

    /** jjava-jupyter 1.0-a6 leaves {@code status} out of this reply too. */
    static final class OkCommInfoReply extends CommInfoReply {
        final String status = "ok";

        OkCommInfoReply(Map<String, CommInfo> comms) {
            super(comms);
        }
    }

    /** And out of this one. */
    static final class OkInterruptReply extends InterruptReply {
        final String status = "ok";
    }

    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> request) {
        env.setBusyDeferIdle();
        env.defer().reply(new OkInterruptReply());
        interrupt();
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
        env.setBusyDeferIdle();
        env.reply(new OkKernelInfoReply(new KernelInfoReply(Header.PROTOCOL_VERISON, name, version,
                getLanguageInfo(), getBanner(), getHelpLinks())));
    }

    private void handleCommInfoRequest(ReplyEnvironment env, Message<CommInfoRequest> request) {
        env.setBusyDeferIdle();
        String target = request.getContent().getTargetName();
        Map<String, CommInfoReply.CommInfo> comms = new LinkedHashMap<>();
        commManager.forEach(c -> {
            if (target == null || target.equals(c.getTargetName())) {
                comms.put(c.getID(), new CommInfoReply.CommInfo(c.getTargetName()));
            }
        });
        env.reply(new OkCommInfoReply(comms));
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.COMM_INFO_REQUEST, this::handleCommInfoRequest);
    }

    /**
     * Starts the kernel: {@code SamlabKernel CONNECTION_FILE}, with the init script named by the
     * system property {@value #INIT_PROPERTY}. Exit code 2 with one line for a bad argument.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("samlab kernel: expected one argument, the Jupyter connection file; got "
                    + String.join(" ", args));
            System.exit(2);
        }
        String init = System.getProperty(INIT_PROPERTY);
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        JupyterConnection connection = new JupyterConnection(props);
        SamlabKernel kernel = new SamlabKernel();
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        Thread warmUp = new Thread(() -> kernel.initialize(init == null ? null : Path.of(init)), "kernel-init");
        warmUp.setDaemon(true);
        warmUp.start();
        connection.waitUntilClose();
        System.exit(0);
    }

    /** System property naming the init script (imports) the kernel evaluates at start. */
    public static final String INIT_PROPERTY = "samlab.kernel.init";
}
