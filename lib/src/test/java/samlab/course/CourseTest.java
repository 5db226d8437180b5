package samlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void claimPrintsItsEvidenceOrFailsNamingBoth() {
        assertEquals("\u2714 loss stays high (2.2 > 1)", Course.claimLine("loss stays high", 2.2 > 1, "2.2 > 1"));
        AssertionError e = assertThrows(AssertionError.class, () -> Course.claim("loss stays high", 0.1 > 1, "0.1 > 1"));
        assertEquals("claim does not hold: loss stays high (0.1 > 1)", e.getMessage());
    }

    @Test
    void claimWithoutEvidencePrintsNoEmptyParentheses() {
        assertEquals("\u2714 loss stays high", Course.claimLine("loss stays high", true, ""));
        AssertionError e = assertThrows(AssertionError.class, () -> Course.claimLine("loss stays high", false, ""));
        assertEquals("claim does not hold: loss stays high", e.getMessage());
    }

    @Test
    void exerciseSaysUnansweredRightOrWrongAndNeverThrows() {
        assertTrue(Course.exerciseLine("Exercise 1", false, false, "look at f").startsWith("\u270e Exercise 1: not answered yet"));
        assertEquals("\u2714 Exercise 1: right", Course.exerciseLine("Exercise 1", true, true, "look at f"));
        assertEquals("\u2718 Exercise 1: not right yet. Hint: look at f", Course.exerciseLine("Exercise 1", true, false, "look at f"));
        Course.exercise("Exercise 2", Double.NaN, 1, 1e-9, "h");   // prints, never throws
        Course.exercise("Exercise 2", 1.1, 1, 1e-9, "h");
        assertThrows(IllegalArgumentException.class, () -> Course.exercise("Exercise 2", 1, 1, -1, "h"));
    }

    @Test
    void parametersGuardNamesTheNotebookAndSkipsChecksOffTheDocumentedValues() {
        Course.parameters("02").documented("rho", 1.5, 1.5).documented("eta", 0.05, 0.05);
        assertEquals("02", Course.requireParameters("02").notebook());
        assertTrue(Course.atDocumentedParameters("claim 1"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Course.requireParameters("03"));
        assertTrue(e.getMessage().contains("notebook 03") && e.getMessage().contains("last ran the setup of 02"), e.getMessage());

        Course.Parameters p = Course.parameters("03").documented("rho", 1.2, 1.5).documented("eta", 0.05, 0.05);
        assertEquals("rho = 1.2", p.differences());
        assertEquals("rho = 1.5, eta = 0.05", p.documentedText());
        assertFalse(Course.atDocumentedParameters("claim 1"));
        assertThrows(IllegalArgumentException.class, () -> p.documented("rho", 1, 1));

        Course.Parameters lists = Course.parameters("04").documented("rhos", new double[] {1.2, 1.5}, new double[] {1.2, 1.5})
                .documented("seeds", new long[] {1, 2, 3}, new long[] {1, 2, 3});
        assertTrue(Course.atDocumentedParameters("claim 1"));
        lists.documented("etas", new double[] {0.1}, new double[] {0.05});
        assertEquals("etas = [0.1]", lists.differences());
    }

    @Test
    void numbersAreRoundedToThreeSignificantDigits() {
        assertEquals("2.68, 1.36, 1.52", Course.numbers(2.678207, 1.356731, 1.521308));
        assertEquals("0.000707, 0.0208, 12300, 0", Course.numbers(7.0703125E-4, 0.02076953125, 12345.6, 0.0));
        assertEquals("-3.97, NaN, Infinity", Course.numbers(-3.9678903254695737, Double.NaN, Double.POSITIVE_INFINITY));
        assertEquals("", Course.numbers());
        assertEquals("0, 0; 0, 1.33", Course.numbers(new double[][] {{0.0, 0.0}, {0.0, 1.3333333333333333}}));
        assertEquals("0.2, 0; 0, 0.4", Course.numbers(new double[][] {{0.19999999999999996, 0}, {0, 0.3999999999999999}}));
    }
}
