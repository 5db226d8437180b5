package samlab.train;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
    @Test
    void commitIsTheCheckoutsHeadWhereverTheRunStarts() throws Exception {
        assumeTrue(System.getenv("SAMLAB_GIT_COMMIT") == null, "SAMLAB_GIT_COMMIT overrides the lookup");
        Process p = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true).start();
        String head = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assumeTrue(p.waitFor() == 0 && head.matches("[0-9a-f]{12}"), "not in a git checkout: " + head);
        // describe --always --long: the abbreviated hash (after "TAG-N-g" once tags exist), then -dirty if modified
        assertTrue(Provenance.gitCommit().contains(head), Provenance.gitCommit() + " vs HEAD " + head);
    }

    @Test
    void backendNamesTheCpuBuildAndOneDnn() {
        String backend = Provenance.currentBackend();
        assertTrue(backend.startsWith("CPU CpuBackend, "), backend);
        assertTrue(backend.endsWith(", oneDNN"), backend);
    }
}
