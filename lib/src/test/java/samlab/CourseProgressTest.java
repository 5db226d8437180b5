package samlab.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressSinkTest {
    /** A sink the property can name. */
    public static final class Counting implements ProgressSink {
        public Counting() {}

        @Override
        public Progress start(String label, long total) {
            return ProgressSink.silent().start(label, total);
        }
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void noPropertyMeansConsole() {
        assertInstanceOf(ConsoleProgress.Sink.class, ProgressSink.Holder.byName(null, console));
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void propertyNamesTheSinkClass() {
        assertInstanceOf(Counting.class, ProgressSink.Holder.byName(Counting.class.getName(), console));
    }

    @Test
    void unusableClassFallsBackToConsoleWithAWarning() {
        assertInstanceOf(ConsoleProgress.Sink.class, ProgressSink.Holder.byName("no.such.Sink", console));
        assertInstanceOf(ConsoleProgress.Sink.class, ProgressSink.Holder.byName(String.class.getName(), console));
        String warnings = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(warnings.contains("no.such.Sink"), warnings);
        assertTrue(warnings.contains("java.lang.String"), warnings);
    }
}
