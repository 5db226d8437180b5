package samlab.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import samlab.Samlab;
import samlab.console.ConsoleProgress;
import samlab.progress.ProgressSink;

/**
 * The {@code samlab} command line. Every user error (bad flag, bad value, unwritable output) ends
 * with one line on stderr naming the value and what is allowed, and exit code 2; no stack trace.
 * {@code train} exits with 3 when the run diverged.
 */
@Command(name = "samlab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Sharpness-Aware Minimization and its hallucinated minimizers: theory checks, "
                + "sweeps, figures and training.",
        subcommands = {
                // one line per subcommand; keep alphabetical
                BasinsCommand.class,
                BenchCommand.class,
                BifurcationCommand.class,
                CommandLine.HelpCommand.class,
                DataCommand.class,
                FigureCommand.class,
                RestPointsCommand.class,
                SweepCommand.class,
                TrainCommand.class,
        })
public final class Main implements Runnable {
    /** Exit code for bad input. */
    public static final int USAGE = 2;
    /** Exit code of {@code train} when the run diverged (a non-finite loss or parameters). */
    public static final int DIVERGED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where this invocation's computations report progress: console bars on stderr, or silent in tests. */
    private final ProgressSink progress;

    Main(ProgressSink progress) {
        this.progress = progress;
    }

    /** The progress sink of the invocation that runs {@code command} (any subcommand's spec). */
    static ProgressSink progress(CommandLine.Model.CommandSpec command) {
        return ((Main) command.root().userObject()).progress;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * Runs the CLI on the standard streams and exits the JVM with its exit code.
     *
     * @param args the command line, e.g. {@code basins --landscape ring --rho 1.5}
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the CLI with the given streams and returns the exit code (tests call this). An
     * {@link IllegalArgumentException} or {@link UncheckedIOException} from a command becomes one
     * line on {@code err} and {@link #USAGE}; a bad flag or value prints its message and a pointer
     * to {@code --help} and also returns {@link #USAGE}.
     *
     * @param args the command line
     * @param out  where results and help go
     * @param err  where error messages go
     * @return 0 on success, {@link #USAGE} for bad input, {@link #DIVERGED} for a diverged {@code train}
     *     run, or picocli's code for another exception (which it prints with its stack trace)
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, new ConsoleProgress.Sink(System.err));
    }

    /**
     * Runs the CLI with the given streams and progress sink and returns the exit code: what a notebook
     * calls to run {@code samlab sweep} on the command line's own code path (notebook 06 passes
     * {@code Course.progress()}); tests pass a silent sink.
     *
     * @param args     the command line
     * @param out      where results and help go
     * @param err      where error messages go
     * @param progress where the commands' long computations report progress
     * @return as {@link #run(String[], PrintWriter, PrintWriter)}
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, ProgressSink progress) {
        CommandLine cl = new CommandLine(new Main(progress));
        cl.setOut(out).setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("samlab: " + ex.getMessage());
            // the full name ("samlab bench train"), not the last word ("train" is another command)
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException) {
                err.println("samlab: " + ex.getMessage());
                return USAGE;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /** Reports the library version. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"samlab " + Samlab.version()};
        }
    }
}
