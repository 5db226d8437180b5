package samlab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunNameTest {
    @Test
    void formatsAndParsesTheSweepsNames() {
        assertEquals("sam-rho2.0-seed1", new RunName("SAM", 2, 1).toString());
        assertEquals("sgd-rho0.0-seed3", new RunName("sgd", 0, 3).toString());
        assertEquals("asam-rho1.0E-4-seed2", new RunName("asam", 1e-4, 2).toString());
        for (RunName n : List.of(new RunName("sam", 0.05, 1), new RunName("asam", 1e-4, 2), new RunName("usam", 10, -7))) {
            assertEquals(Optional.of(n), RunName.parse(n.toString()));
        }
        assertTrue(RunName.parse("summary").isEmpty());
        assertEquals("sam", RunName.optimizerOf("sam-rho0.05-seed1"));
        assertEquals("GD", RunName.optimizerOf("GD"));
    }

    @Test
    void sortsByOptimizerThenRhoAsANumber() {
        List<String> names = new java.util.ArrayList<>(List.of("sam-rho10.0-seed1.csv", "sam-rho2.0-seed1.csv",
                "sam-rho0.05-seed1.csv", "sgd-rho0.0-seed1.csv"));
        names.sort(java.util.Comparator.comparing(RunName::sortKey));
        assertEquals(List.of("sam-rho0.05-seed1.csv", "sam-rho2.0-seed1.csv", "sam-rho10.0-seed1.csv", "sgd-rho0.0-seed1.csv"), names);
    }

    @Test
    void runSpecNamesItsRunsTheSameWay() {
        assertEquals("sgd-rho0.0-seed1", RunSpec.fullBatch("sgd", 0.5, 3, 0.1).name());
        assertEquals("sam-rho0.5-seed1", RunSpec.fullBatch("sam", 0.5, 3, 0.1).name());
    }
}
