package samlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineBufferedOutputTest {
    /** Records what each flush would send as one stream message. */
    static final class Messages extends OutputStream {
        final ByteArrayOutputStream current = new ByteArrayOutputStream();
        final List<String> sent = new ArrayList<>();

        @Override public void write(int b) { current.write(b); }

        @Override
        public void flush() {
            if (current.size() > 0) sent.add(current.toString(StandardCharsets.UTF_8));
            current.reset();
        }
    }

    @Test
    void aPrintfWithManyArgumentsIsOneMessagePerLine() {
        Messages m = new Messages();
        PrintStream out = new PrintStream(new LineBufferedOutput(m), false, StandardCharsets.UTF_8);
        out.printf("run: %s after %d steps, |x| = %.3f%n", "CONVERGED", 41, 0.5);
        out.print("a");
        out.print("b\nc");
        assertEquals(List.of("run: CONVERGED after 41 steps, |x| = 0.500\n", "ab\n"), m.sent);
        out.flush();                                   // the cell ends: the started line goes too
        assertEquals(List.of("run: CONVERGED after 41 steps, |x| = 0.500\n", "ab\n", "c"), m.sent);
        out.flush();
        assertEquals(3, m.sent.size());                // nothing pending: no empty message
    }
}
