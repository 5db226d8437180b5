package samlab.console;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import samlab.progress.Progress;

class ConsoleProgressTest {
    @Test
    void lineShowsBarCountRateAndEta() {
        String line = ConsoleProgress.line("basins", 250, 1000, 2.0, "loss 0.5");
        // 250 of 1000 in 2 s: 125/s, 750 left → ETA 6.0 s; a quarter of 24 cells filled.
        assertEquals("basins [######..................] 250/1000  125.0/s  ETA 6.0s  loss 0.5", line);
    }

    @Test
    void unknownTotalShowsCountAndElapsed() {
        assertEquals("steps 3000  1.5k/s  2.0s", ConsoleProgress.line("steps", 3000, 0, 2.0, ""));
    }

    @Test
    void closePrintsFinalLineOnce() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new ConsoleProgress.Sink(new PrintStream(bytes, true, StandardCharsets.UTF_8)).start("x", 4);
        p.advance(4);
        p.close();
        p.close();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.endsWith("\n"));
        assertEquals(1, out.chars().filter(c -> c == '\n').count());
        assertTrue(out.contains("4/4"), out);
    }

    private static final long SECOND = 1_000_000_000L;

    /** Drives a progress of 100 units over 60 s of a fake clock, one unit every 0.6 s; returns the output. */
    private static String minuteOfWork(boolean inPlace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong(1_000 * SECOND);
        try (Progress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "run", 100,
                inPlace, now::get)) {
            for (int i = 0; i < 100; i++) {
                now.addAndGet(6 * SECOND / 10);
                p.advance(1);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void notOnATerminalPrintsALineEveryFewSecondsAndNoCarriageReturns() {
        String out = minuteOfWork(false);
        assertFalse(out.contains("\r"), out);
        List<String> lines = out.lines().toList();
        // 60 s at one line per 5 s: lines at 5.4 s (unit 9), 10.8 s (18), ... 59.4 s (99): 11 lines, then the final
        // one. At 5.4 s: rate 9/5.4 = 1.67/s, 91 units left / (9/5.4) = 54.6 s.
        assertEquals(12, lines.size(), out);
        assertTrue(lines.get(0).startsWith("run [##......................] 9/100  1.7/s  ETA 54.6s"), lines.get(0));
        assertTrue(lines.get(1).contains(" 18/100 "), lines.get(1));
        assertTrue(lines.get(11).contains(" 100/100 "), lines.get(11));
        assertTrue(lines.get(11).endsWith("1.7/s  1m00s"), lines.get(11));
    }

    @Test
    void onATerminalRedrawsInPlaceAtMostFiveTimesASecond() {
        String out = minuteOfWork(true);
        // Every advance is 0.6 s after the last draw, so each one redraws: 100 redraws + the final line.
        assertEquals(101, out.chars().filter(c -> c == '\r').count());
        assertEquals(1, out.chars().filter(c -> c == '\n').count());
        assertTrue(out.endsWith(" 100/100  1.7/s  1m00s\n"), out);
    }

    @Test
    void terminalTargetsAreTtysNotPipesOrFiles() {
        assertTrue(ConsoleProgress.isTerminalTarget("/dev/pts/3"));
        assertTrue(ConsoleProgress.isTerminalTarget("/dev/tty1"));
        assertFalse(ConsoleProgress.isTerminalTarget("pipe:[123456]"));
        assertFalse(ConsoleProgress.isTerminalTarget("socket:[99]"));
        assertFalse(ConsoleProgress.isTerminalTarget("/tmp/build.log"));
        assertFalse(ConsoleProgress.isTerminalTarget("/dev/null"));
        // A stream that is neither stdout nor stderr is never treated as a terminal.
        assertFalse(ConsoleProgress.isTerminal(new PrintStream(new ByteArrayOutputStream())));
    }
}
