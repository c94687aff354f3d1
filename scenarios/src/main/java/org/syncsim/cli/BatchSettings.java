package org.syncsim.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --set}, {@code --replications} and {@code --seed} of the commands that run a batch of scenarios from a file
 * (a design matrix's cells, a sweep's points): they apply to every scenario of the batch, after the file's own.
 */
final class BatchSettings {
    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a scenario field in every scenario"
            + " the file makes (after the file's own overrides).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "N", description = "Replications of every scenario (overrides the"
            + " file's).")
    Integer replications;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed of every scenario (overrides the file's).")
    Long seed;

    /** The settings as given, for the results directory's identity and the page's command line. */
    List<String> asArguments() {
        List<String> out = new ArrayList<>();
        sets.forEach(x -> out.add("--set " + x));
        if (replications != null) {
            out.add("--replications " + replications);
        }
        if (seed != null) {
            out.add("--seed " + seed);
        }
        return out;
    }
}
