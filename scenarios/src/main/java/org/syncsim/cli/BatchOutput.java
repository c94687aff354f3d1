package org.syncsim.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --out}, {@code --replace} and {@code --quiet} of the commands that run a batch of scenarios from a file
 * (design-report, sweep, tune): where the results go, and whether progress and a summary are printed.
 */
final class BatchOutput {
    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: results/<the file's"
            + " name: field, else its file name>). Must be new, empty, or written by SyncSim.")
    Path out;

    @Option(names = "--replace", description = "Replace other results in --out (never files SyncSim did not write).")
    boolean replace;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary.")
    boolean quiet;

    /** The results directory's request: {@code --out}, else {@code root/name}. */
    ResultsDirectory.Request request(Path root, String name, ResultsDirectory.Identity identity) {
        return new ResultsDirectory.Request(out != null ? out : root.resolve(name), "--out", out != null, identity,
                replace);
    }
}
