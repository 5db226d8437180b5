package samlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NotebookProgressTest {
    /** Records frames as the kernel would receive them. */
    static final class Frames implements NotebookProgress.Output {
        final List<String> ids = new ArrayList<>();
        final List<ProgressView> views = new ArrayList<>();

        @Override
        public String show(ProgressView view) {
            ids.add("new");
            views.add(view);
            return "id-1";
        }

        @Override
        public void update(String displayId, ProgressView view) {
            ids.add(displayId);
            views.add(view);
        }
    }

    static final long MS = 1_000_000L;

    @Test
    void oneOutputUpdatedInPlaceAtMostEveryRedrawInterval() {
        Frames frames = new Frames();
        AtomicLong clock = new AtomicLong(0);
        try (NotebookProgress p = new NotebookProgress(frames, clock::get, "epochs", 10)) {
            for (int i = 0; i < 4; i++) p.advance(1);          // no time passes: no redraw
            clock.set(NotebookProgress.REDRAW_MILLIS * MS);
            p.advance(1);                                       // 5 done at 0.25 s: redraw
            p.advance(1);                                       // too soon: none
        }
        assertEquals(List.of("new", "id-1", "id-1"), frames.ids);
        assertEquals(0, frames.views.get(0).done());
        assertEquals(5, frames.views.get(1).done());
        assertEquals(6, frames.views.get(2).done());            // close draws the final count
    }

    @Test
    void frameTextHasDoneTotalRateAndEta() {
        Frames frames = new Frames();
        AtomicLong clock = new AtomicLong(0);
        NotebookProgress p = new NotebookProgress(frames, clock::get, "sweep", 10);
        clock.set(2000 * MS);
        p.status("loss 0.5");
        p.advance(5);
        // 5 units in 2 s: 2.5/s; 5 left: ETA 2.0 s.
        String text = frames.views.get(1).text();
        assertTrue(text.startsWith("sweep ["), text);
        assertTrue(text.contains("5/10"), text);
        assertTrue(text.contains("2.5/s"), text);
        assertTrue(text.contains("ETA 2.0s"), text);
        assertTrue(text.contains("loss 0.5"), text);
        String html = frames.views.get(1).html();
        assertTrue(html.contains("<progress value=\"5\" max=\"10\""), html);
    }

    @Test
    void closeTwiceDrawsOnceAndLaterAdvancesDoNotRedraw() {
        Frames frames = new Frames();
        AtomicLong clock = new AtomicLong(0);
        NotebookProgress p = new NotebookProgress(frames, clock::get, "x", 3);
        p.advance(3);
        p.close();
        p.close();
        clock.set(10_000 * MS);
        p.advance(1);
        assertEquals(2, frames.views.size());
    }
}
