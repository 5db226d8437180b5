package samlab.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuiverFieldTest {

    @Test
    void proportionalArrowHeadIsTailPlusScaledVector() {
        QuiverField q = QuiverField.of(List.of(new double[] {1, 2}, new double[] {0, 0}),
                List.of(new double[] {3, -4}, new double[] {0, 1}), new QuiverField.Scaling.Proportional(0.5));
        QuiverField.Arrow a = q.arrows().get(0);
        assertEquals(1 + 1.5, a.headX(), 1e-15);
        assertEquals(2 - 2, a.headY(), 1e-15);
        assertEquals(2.5, a.length(), 1e-15);
    }

    @Test
    void normalisedArrowsShareOneLengthAndKeepDirection() {
        QuiverField q = QuiverField.of(List.of(new double[] {0, 0}, new double[] {1, 1}, new double[] {2, 2}),
                List.of(new double[] {3, 4}, new double[] {0, 0}, new double[] {-1e-6, 0}), new QuiverField.Scaling.Normalised(0.2));
        assertEquals(2, q.arrows().size(), "the zero vector has no direction and gets no arrow");
        assertEquals(0.2 * 0.6, q.arrows().get(0).dx(), 1e-15);
        assertEquals(0.2 * 0.8, q.arrows().get(0).dy(), 1e-15);
        assertEquals(1.8, q.arrows().get(1).headX(), 1e-15);
    }

    @Test
    void barbsMakeTheHeadAngleWithTheReversedShaft() {
        QuiverField.Arrow a = new QuiverField.Arrow(0, 0, 2, 0);
        double[] b = a.barbs();
        double len = QuiverField.HEAD_FRACTION * 2;
        double cos = Math.cos(QuiverField.HEAD_ANGLE);
        double sin = Math.sin(QuiverField.HEAD_ANGLE);
        // shaft points +x, so barbs go back along −x and spread ±sin to either side
        assertEquals(2 - len * cos, b[0], 1e-12);
        assertEquals(2 - len * cos, b[2], 1e-12);
        assertEquals(len * sin, Math.abs(b[1]), 1e-12);
        assertEquals(-b[1], b[3], 1e-12);
    }

    @Test
    void segmentsAreShaftThenBarbsSeparatedByNaN() {
        QuiverField q = QuiverField.of(List.of(new double[] {1, 1}), List.of(new double[] {0, 1}), new QuiverField.Scaling.Proportional(1));
        double[][] s = q.segments();
        assertEquals(7, s[0].length);
        assertArrayEquals(new double[] {1, 1}, new double[] {s[0][0], s[1][0]});
        assertArrayEquals(new double[] {1, 2}, new double[] {s[0][1], s[1][1]});
        assertTrue(Double.isNaN(s[0][2]) && Double.isNaN(s[0][6]));
        assertArrayEquals(new double[] {1, 2}, new double[] {s[0][4], s[1][4]}, "the barbs meet at the head");
        double[] b = q.arrows().get(0).barbs();
        assertArrayEquals(new double[] {b[0], b[1], b[2], b[3]}, new double[] {s[0][3], s[1][3], s[0][5], s[1][5]});
    }

    @Test
    void sampledFieldUsesEightTenthsOfTheSpacingAndRejectsBadInput() {
        QuiverField q = QuiverField.sample((x, y) -> new double[] {-x, -y + 5}, -1, 1, 5, -1, 1, 3);
        assertEquals(15, q.arrows().size());
        for (QuiverField.Arrow a : q.arrows()) assertEquals(0.8 * 0.5, a.length(), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> QuiverField.of(List.of(new double[] {0, 0}), List.of(), new QuiverField.Scaling.Normalised(1)));
        assertThrows(IllegalArgumentException.class, () -> new QuiverField.Scaling.Proportional(0));
    }
}
