package samlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import samlab.landscape.RestPointFinder;
import samlab.landscape.RestPoints;
import samlab.landscape.SamMap;

/** {@code samlab rest-points}: the SAM rest points of a landscape, classified, as a table or CSV. */
@Command(name = "rest-points", mixinStandardHelpOptions = true,
        description = "Find SAM rest points (grad f(x+) = 0) of a named landscape, classify them "
                + "(critical, hallucinated_minimizer, hallucinated_other) and give their stability at step size eta.")
final class RestPointsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LandscapeOptions landscape;

    @Mixin SamStepOptions step;

    @Option(names = "--format", defaultValue = "table", paramLabel = "csv|table", description = "output format (default: ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() {
        landscape.check();
        step.check();
        TableOutput.checkFormat(format);
        SamMap map = landscape.map(step.rho);
        RestPoints found = new RestPointFinder(map, landscape.search()).find(step.eta);
        TableOutput.print(found.toTable(), format, spec.commandLine().getOut());
        return 0;
    }
}
