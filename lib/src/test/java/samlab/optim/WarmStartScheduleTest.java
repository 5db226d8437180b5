package samlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmStartScheduleTest {
    @Test
    void defaultFractionSwitchesAfterTenPercentOfIterations() {
        WarmStartSchedule w = WarmStartSchedule.fraction(WarmStartSchedule.DEFAULT_FRACTION);
        assertEquals(100, w.switchIteration(1000));
        assertFalse(w.samActive(99, 1000, 0));
        assertTrue(w.samActive(100, 1000, 0));
        assertEquals(4, w.switchIteration(35)); // ceil(3.5)
        assertEquals(3, WarmStartSchedule.fraction(0.1).switchIteration(30)); // exact 3, no float overshoot
    }

    @Test
    void epochFormSwitchesAtTheGivenEpoch() {
        WarmStartSchedule w = WarmStartSchedule.epochs(2);
        assertFalse(w.samActive(10_000, 20_000, 1));
        assertTrue(w.samActive(0, 20_000, 2));
    }

    @Test
    void noneIsSamFromTheStart() {
        assertTrue(WarmStartSchedule.none().samActive(0, 10, 0));
    }

    @Test
    void rejectsFractionsOutsideTheUnitInterval() {
        var e = assertThrows(IllegalArgumentException.class, () -> WarmStartSchedule.fraction(1.5));
        assertTrue(e.getMessage().contains("1.5"));
        assertThrows(IllegalArgumentException.class, () -> WarmStartSchedule.epochs(-1));
    }
}
