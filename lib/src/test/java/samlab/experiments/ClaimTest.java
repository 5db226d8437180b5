package samlab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClaimTest {
    @Test
    void holdingClaimIsPrintedWithItsEvidence() {
        assertEquals("\u2714 loss stays high (2.2 > 1)", Claim.line("loss stays high", 2.2 > 1, "2.2 > 1"));
    }

    @Test
    void failingClaimFailsTheCellNamingTheClaim() {
        AssertionError e = assertThrows(AssertionError.class, () -> Claim.check("loss stays high", 0.1 > 1, "0.1 > 1"));
        assertTrue(e.getMessage().contains("loss stays high") && e.getMessage().contains("0.1 > 1"));
    }
}
