package samlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import samlab.landscape.Objective;
import samlab.landscape.Trajectory;

class GradientDescentTest {
    private static final Objective BOWL = Objective.of("bowl", 2, x -> x[0] * x[0] + 3 * x[1] * x[1],
            (x, g) -> { g[0] = 2 * x[0]; g[1] = 6 * x[1]; });

    @Test
    void stepsContractEachAxisByItsFactor() {
        // x ← x − η(2x, 6y): factors 1 − 2η = 0.8 and 1 − 6η = 0.4 at η = 0.1
        Trajectory t = GradientDescent.run(BOWL, new double[] {1, 1}, 0.1, 3);
        assertEquals(Trajectory.State.NOT_CONVERGED, t.state());
        assertEquals(3, t.steps());
        assertEquals(Math.pow(0.8, 3), t.last()[0], 1e-15);
        assertEquals(Math.pow(0.4, 3), t.last()[1], 1e-15);
    }

    @Test
    void convergesAndDiverges() {
        assertEquals(Trajectory.State.CONVERGED, GradientDescent.run(BOWL, new double[] {1, 1}, 0.1, 1000).state());
        // 1 − 6η = −1.6 at η = 0.6: |y| grows by 1.6 per step
        assertEquals(Trajectory.State.DIVERGED, GradientDescent.run(BOWL, new double[] {1, 1}, 0.6, 1000).state());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> GradientDescent.run(BOWL, new double[] {1}, 0.1, 3));
        assertThrows(IllegalArgumentException.class, () -> GradientDescent.run(BOWL, new double[] {1, 1}, -1, 3));
        assertThrows(IllegalArgumentException.class, () -> GradientDescent.run(BOWL, new double[] {1, 1}, 0.1, -1));
    }
}
