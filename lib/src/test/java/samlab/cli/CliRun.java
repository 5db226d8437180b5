package samlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import samlab.progress.ProgressSink;

/** Runs the CLI in-process for tests and keeps what it printed. */
record CliRun(int code, String out, String err) {
    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), ProgressSink.silent());
        return new CliRun(code, out.toString(), err.toString());
    }
}
