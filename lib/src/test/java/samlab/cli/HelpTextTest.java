package samlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli formats every description with {@link String#format}: a bare "%" (e.g. "10% of") makes it print
 * "[picocli WARN] Could not format ..." on standard error and the raw text on every {@code --help}.
 */
class HelpTextTest {
    @Test
    void helpOfEveryCommandPrintsWithoutPicocliWarnings() {
        List<List<String>> commands = new ArrayList<>();
        collect(new CommandLine(new Main(samlab.progress.ProgressSink.silent())), new ArrayList<>(), commands);
        assertTrue(commands.size() >= 10, "commands found: " + commands);
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (List<String> c : commands) {
                List<String> args = new ArrayList<>(c);
                args.add("--help");
                CliRun r = CliRun.run(args.toArray(String[]::new));
                assertEquals(0, r.code(), c + " --help: " + r.err());
                assertTrue(r.out().contains("Usage: samlab"), c + " --help printed no usage");
            }
        } finally {
            System.setErr(saved);
        }
        String warnings = captured.toString(StandardCharsets.UTF_8);
        assertTrue(!warnings.contains("picocli WARN"), warnings);
    }

    @Test
    void aBadOptionPointsToTheHelpOfTheCommandGiven() {
        // "bench train" and "train" are different commands; the root is "samlab", once
        assertEquals("samlab: Unknown option: '--bogus'\nTry 'samlab bench train --help'.\n",
                CliRun.run("bench", "train", "--bogus").err());
        assertTrue(CliRun.run("train", "--bogus").err().contains("Try 'samlab train --help'."));
        assertTrue(CliRun.run("--bogus").err().contains("Try 'samlab --help'."), CliRun.run("--bogus").err());
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().userObject() instanceof CommandLine.HelpCommand) continue;
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            out.add(p);
            collect(e.getValue(), p, out);
        }
    }
}
