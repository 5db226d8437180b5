package samlab.progress;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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
}
