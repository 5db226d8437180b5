package samlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CourseTest {
    @Test
    void unsetOrBlankMeansFull() {
        assertEquals(Course.Mode.FULL, Course.parseMode(null));
        assertEquals(Course.Mode.FULL, Course.parseMode("  "));
    }

    @Test
    void namesAreCaseInsensitive() {
        assertEquals(Course.Mode.FAST, Course.parseMode("fast"));
        assertEquals(Course.Mode.FAST, Course.parseMode(" FAST "));
        assertEquals(Course.Mode.FULL, Course.parseMode("Full"));
    }

    @Test
    void unknownModeNamesTheValueAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Course.parseMode("quick"));
        assertTrue(e.getMessage().contains("quick"), e.getMessage());
        assertTrue(e.getMessage().contains("fast, full"), e.getMessage());
    }

    @Test
    void checkPassesTrueClaimsAndNamesFalseOnes() {
        Course.check(1 + 1 == 2, "arithmetic");
        AssertionError e = assertThrows(AssertionError.class, () -> Course.check(false, "x* = 0.5"));
        assertEquals("claim does not hold: x* = 0.5", e.getMessage());
    }

    @Test
    void claimPrintsItsEvidenceOrFailsNamingBoth() {
        assertEquals("\u2714 loss stays high (2.2 > 1)", Course.claimLine("loss stays high", 2.2 > 1, "2.2 > 1"));
        AssertionError e = assertThrows(AssertionError.class, () -> Course.claim("loss stays high", 0.1 > 1, "0.1 > 1"));
        assertEquals("claim does not hold: loss stays high (0.1 > 1)", e.getMessage());
    }
}
