package samlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import samlab.console.ConsoleProgress;
import samlab.progress.Progress;
import samlab.progress.ProgressSink;

/** Where the notebooks' progress goes: the sink class the kernelspec names, else the console. */
class CourseProgressTest {
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
        assertInstanceOf(ConsoleProgress.Sink.class, Course.progressSink(null, console));
        assertInstanceOf(ConsoleProgress.Sink.class, Course.progressSink(" ", console));
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void propertyNamesTheSinkClass() {
        assertInstanceOf(Counting.class, Course.progressSink(Counting.class.getName(), console));
    }

    @Test
    void unusableClassFallsBackToConsoleWithAWarning() {
        assertInstanceOf(ConsoleProgress.Sink.class, Course.progressSink("no.such.Sink", console));
        assertInstanceOf(ConsoleProgress.Sink.class, Course.progressSink(String.class.getName(), console));
        String warnings = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(warnings.contains("no.such.Sink"), warnings);
        assertTrue(warnings.contains("java.lang.String"), warnings);
    }

    @Test
    void progressIsOneSinkPerJvm() {
        assertSame(Course.progress(), Course.progress());
    }
}
