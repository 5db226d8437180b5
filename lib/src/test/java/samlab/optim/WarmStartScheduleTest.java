package samlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmStartScheduleTest {
    @Test
    void defaultFractionSwitchesAfterTenPercentOfIterations() {
        WarmStartSchedule w = WarmStartSchedule.fraction(WarmStartSchedule.DEFAULT_FRACTION);
        assertEquals(100, w.switchIteration(1000));
        Schedule rho = w.applyTo(RhoSchedule.constant(0.3)).forRun(new RunLength(1000, 100));
        assertEquals(0.0, rho.at(99), 0);
        assertEquals(0.3, rho.at(100), 0);
        assertEquals(4, w.switchIteration(35)); // ceil(3.5)
        assertEquals(3, WarmStartSchedule.fraction(0.1).switchIteration(30)); // exact 3, no float overshoot
    }

    @Test
    void epochFormSwitchesAtTheGivenEpoch() {
        WarmStartSchedule w = WarmStartSchedule.epochs(2);
        RunLength run = new RunLength(30_000, 10_000);
        assertEquals(20_000, w.switchStep(run));
        Schedule rho = w.applyTo(RhoSchedule.constant(0.5)).forRun(run);
        assertEquals(0.0, rho.at(19_999), 0); // last step of epoch 1
        assertEquals(0.5, rho.at(20_000), 0); // first step of epoch 2
    }

    @Test
    void noneIsSamFromTheStartAndNeedsNoRunLength() {
        RunSchedule rho = RhoSchedule.constant(0.2);
        assertSame(rho, WarmStartSchedule.none().applyTo(rho));
        assertEquals(0.2, WarmStartSchedule.none().applyTo(rho).forRun(RunLength.UNKNOWN).at(0), 0);
        assertEquals(0, WarmStartSchedule.fraction(0).switchStep(RunLength.UNKNOWN));
    }

    /**
     * Warm start joined with linear decay to 0 (the literature's usual fix) over 11 steps: switch at
     * ⌈0.1·11⌉ = 2, then ρ(t) = 1 − t/10, the values of the same decay without warm start.
     */
    @Test
    void warmStartComposesWithALinearDecay() {
        Schedule rho = WarmStartSchedule.fraction(0.1).applyTo(RhoSchedule.linearDecay(1)).forRun(new RunLength(11, 11));
        double[] expected = {0, 0, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0};
        for (int t = 0; t < 11; t++) assertEquals(expected[t], rho.at(t), 1e-15, "step " + t);
        // and a growing ρ
        Schedule up = WarmStartSchedule.epochs(1).applyTo(RhoSchedule.linear(0, 2)).forRun(new RunLength(5, 1));
        assertEquals(0.0, up.at(0), 0);
        assertEquals(0.5, up.at(1), 1e-15);
        assertEquals(2.0, up.at(4), 1e-15);
    }

    @Test
    void aWarmStartNeedsTheRunLength() {
        var e = assertThrows(IllegalStateException.class,
                () -> WarmStartSchedule.fraction(0.1).applyTo(RhoSchedule.constant(1)).forRun(RunLength.UNKNOWN));
        assertTrue(e.getMessage().contains("start(RunLength)"), e.getMessage());
    }

    @Test
    void rejectsFractionsOutsideTheUnitInterval() {
        var e = assertThrows(IllegalArgumentException.class, () -> WarmStartSchedule.fraction(1.5));
        assertTrue(e.getMessage().contains("1.5"));
        assertThrows(IllegalArgumentException.class, () -> WarmStartSchedule.epochs(-1));
    }
}
