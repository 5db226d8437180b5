package samlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    @Test
    void linearReachesItsEndOnTheLastStep() {
        Schedule s = Schedule.linear(0.0, 0.2, 3);
        assertEquals(0.0, s.at(0), 0);
        assertEquals(0.1, s.at(1), 1e-15);
        assertEquals(0.2, s.at(2), 1e-15);
        assertEquals(0.2, s.at(7), 1e-15);
        assertEquals(0.2, Schedule.linear(5, 0.2, 1).at(0), 0);
    }

    /** η(t) = floor + (η₀ − floor)(1 + cos(πt/T))/2; at t = T/5, (1 + cos 36°)/2 = (5 + √5)/8. */
    @Test
    void cosineMatchesItsClosedForm() {
        Schedule s = RunSchedule.cosine(0.1, 0).forRun(new RunLength(10, 5));
        assertEquals(0.1, s.at(0), 1e-17);
        assertEquals(0.1 * (5 + Math.sqrt(5)) / 8, s.at(2), 1e-16);
        assertEquals(0.05, s.at(5), 1e-16);
        assertEquals(0.1 * (3 - Math.sqrt(5)) / 8, s.at(8), 1e-16); // (1 + cos 144°)/2
        assertEquals(0.0, s.at(10), 1e-17);
        assertEquals(0.0, s.at(12), 1e-17);
        Schedule floor = RunSchedule.cosine(0.1, 0.01).forRun(new RunLength(10, 5));
        assertEquals(0.01 + 0.09 * 0.5, floor.at(5), 1e-16);
        assertEquals(0.01, floor.at(10), 1e-16);
    }

    /** ×0.5 every 2 epochs of 3 steps: epochs 0–1 at 0.1, 2–3 at 0.05, 4 at 0.025. */
    @Test
    void stepDecayCountsEpochs() {
        Schedule s = RunSchedule.step(0.1, 0.5, 2).forRun(new RunLength(15, 3));
        assertEquals(0.1, s.at(0), 0);
        assertEquals(0.1, s.at(5), 0);
        assertEquals(0.05, s.at(6), 0);
        assertEquals(0.05, s.at(11), 0);
        assertEquals(0.025, s.at(12), 0);
    }

    @Test
    void joinHandsOverAtTheBoundaryWithItsOwnStepCount() {
        Schedule s = Schedule.join(List.of(Schedule.constant(1), Schedule.linear(2, 4, 3)), 5);
        assertEquals(1, s.at(4), 0);
        assertEquals(2, s.at(5), 0);
        assertEquals(3, s.at(6), 0);
        assertEquals(4, s.at(7), 0);
        assertEquals(4, s.at(100), 0);
        Schedule three = Schedule.join(List.of(Schedule.constant(1), Schedule.constant(2), Schedule.constant(3)), 2, 4);
        assertEquals(1, three.at(1), 0);
        assertEquals(2, three.at(3), 0);
        assertEquals(3, three.at(4), 0);
    }

    @Test
    void badSchedulesAreRefusedWithTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> Schedule.join(List.of(Schedule.constant(1)), 3));
        assertTrue(e.getMessage().contains("1 schedules need 0 boundaries"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Schedule.join(List.of(Schedule.constant(1), Schedule.constant(2), Schedule.constant(3)), 4, 2));
        assertTrue(e.getMessage().contains("[4, 2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RunSchedule.cosine(0.1, 0.2));
        assertTrue(e.getMessage().contains("0.2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RunSchedule.step(0.1, 1.5, 2));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RunSchedule.step(0.1, 0.5, 0));
        assertTrue(e.getMessage().contains("0 epochs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RunLength(3, 5));
        var s = assertThrows(IllegalStateException.class, () -> RunSchedule.cosine(0.1, 0).forRun(RunLength.UNKNOWN));
        assertTrue(s.getMessage().contains("cosine"), s.getMessage());
    }
}
