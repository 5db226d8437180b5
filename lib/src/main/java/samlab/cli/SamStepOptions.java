package samlab.cli;

import picocli.CommandLine.Option;

/** The SAM radius and step size, shared by the commands that run or analyse one SAM map. */
final class SamStepOptions {
    @Option(names = "--rho", required = true, description = "SAM radius rho > 0")
    double rho;

    @Option(names = "--eta", defaultValue = "0.05", description = "step size eta > 0 (default: ${DEFAULT-VALUE})")
    double eta;

    /** Checks both before any work, naming the flag. */
    void check() {
        LandscapeOptions.positive("--rho", rho);
        LandscapeOptions.positive("--eta", eta);
    }
}
