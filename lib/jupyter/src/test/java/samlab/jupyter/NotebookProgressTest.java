package samlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NotebookProgressTest {
    /** Records frames as the kernel would receive them. */
    static final class Frames implements NotebookProgress.Output {
        final List<String> ids = new ArrayList<>();
        final List<ProgressView> views = new ArrayList<>();
        long cell = 1;
        boolean stop;
        int shown;

        @Override
        public String show(ProgressView view) {
            shown++;
            ids.add("new");
            views.add(view);
            return "id-" + shown;
        }

        @Override
        public void update(String displayId, ProgressView view) {
            ids.add(displayId);
            views.add(view);
        }

        @Override public long cell() { return cell; }

        @Override public boolean stopRequested() { return stop; }

        ProgressView last() {
            return views.get(views.size() - 1);
        }
    }

    static final long MS = 1_000_000L;
    final Frames frames = new Frames();
    final AtomicLong clock = new AtomicLong(0);
    final NotebookProgress.Line line = new NotebookProgress.Line();

    NotebookProgress start(String label, long total) {
        return new NotebookProgress(frames, clock::get, line, label, total);
    }

    @Test
    void oneOutputUpdatedInPlaceAtMostEveryRedrawInterval() {
        try (NotebookProgress p = start("epochs", 10)) {
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
        NotebookProgress p = start("sweep", 10);
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
    void closeCollapsesToAOneLineSummaryWithoutTheBar() {
        NotebookProgress p = start("basins", 4);
        clock.set(1000 * MS);
        p.advance(4);
        p.close();
        ProgressView done = frames.last();
        assertTrue(done.finished());
        assertTrue(done.text().startsWith("\u2714 basins ["), done.text());
        assertFalse(done.html().contains("<progress"), done.html());
        assertEquals(1, done.html().lines().count());
    }

    @Test
    void barsOfOneShapeInOneCellShareOneLine() {
        for (int epoch = 1; epoch <= 30; epoch++) {
            try (NotebookProgress p = start("epoch " + epoch + "/30", 2)) {
                clock.addAndGet(100 * MS);
                p.advance(2);
            }
        }
        assertEquals(1, frames.shown, "30 epochs, one output");
        ProgressView last = frames.last();
        assertEquals("epoch 30/30", last.label());
        assertEquals(30, last.bars());
        assertEquals(3.0, last.seriesSeconds(), 1e-9);                 // 30 bars of 0.1 s
        assertEquals(0.1, last.seconds(), 1e-9);
        assertTrue(last.text().contains("(30 bars, 3.0 s in all)"), last.text());
        assertTrue(frames.ids.stream().filter(id -> !id.equals("new")).allMatch("id-1"::equals));
    }

    @Test
    void theNextRunStartsTheNextLine() {
        for (int run = 1; run <= 3; run++) {
            for (int epoch = 1; epoch <= 30; epoch++) start("epoch " + epoch + "/30", 1).close();
        }
        assertEquals(3, frames.shown, "3 runs of 30 epochs: one line each");
        assertEquals(30, frames.last().bars());
        assertTrue(NotebookProgress.countsBack("epoch 30/30", "epoch 1/30"));
        assertFalse(NotebookProgress.countsBack("epoch 9/30", "epoch 10/30"));
        assertFalse(NotebookProgress.countsBack("basins", "basins"));
    }

    @Test
    void anotherShapeOrAnotherCellGetsItsOwnLine() {
        start("epoch 1/2", 1).close();
        start("basins", 1).close();                  // other shape
        assertEquals(2, frames.shown);
        frames.cell = 2;
        start("basins", 1).close();                  // same shape, next cell
        assertEquals(3, frames.shown);
        start("basins", 1).close();                  // same shape, the previous one closed: reused
        assertEquals(3, frames.shown);
    }

    @Test
    void aBarStartedInsideAnOpenOneDrawsInItsLine() {
        try (NotebookProgress run = start("run sam-rho5.0-seed1", 3)) {
            for (int epoch = 1; epoch <= 3; epoch++) {
                try (NotebookProgress e = start("epoch " + epoch + "/3", 2)) {
                    clock.addAndGet(NotebookProgress.REDRAW_MILLIS * MS);
                    e.status("loss 0.5");
                    e.advance(2);
                }
                run.advance(1);
            }
        }
        assertEquals(1, frames.shown, "one line for the run and its epochs");
        assertTrue(frames.ids.stream().filter(id -> !id.equals("new")).allMatch("id-1"::equals));
        String during = frames.views.get(frames.views.size() - 3).text();   // epoch 3 closed, run at 2/3
        assertTrue(during.startsWith("run sam-rho5.0-seed1 ["), during);
        assertTrue(during.contains("\u00b7 \u2714 epoch 3/3 ["), during);
        assertTrue(during.contains("loss 0.5"), during);
        ProgressView last = frames.last();
        assertTrue(last.finished());
        assertEquals(3, last.done());
        assertTrue(last.text().startsWith("\u2714 run sam-rho5.0-seed1 ["), last.text());
    }

    @Test
    void advanceThrowsOnceTheKernelAsksToInterrupt() {
        NotebookProgress p = start("train", 100);
        p.advance(1);
        frames.stop = true;
        CancellationException e = assertThrows(CancellationException.class, () -> p.advance(1));
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
    }

    @Test
    void closeTwiceDrawsOnceAndLaterAdvancesDoNotRedraw() {
        NotebookProgress p = start("x", 3);
        p.advance(3);
        p.close();
        p.close();
        clock.set(10_000 * MS);
        p.advance(1);
        assertEquals(2, frames.views.size());
    }
}
