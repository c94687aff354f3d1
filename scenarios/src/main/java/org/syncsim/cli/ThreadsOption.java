package org.syncsim.cli;

import picocli.CommandLine.Option;

/** {@code --threads T}, shared by the commands that run replications: how many run at once (results do not change). */
final class ThreadsOption {
    static {
        System.setProperty("syncsim.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: all ${sys:syncsim.cores} cores); results are the same for any.")
    Integer threads;

    /** The thread count to use: the option, else every core; bad input below 1. */
    int resolve() {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new BadInputException("--threads " + t + ": expected 1 or more");
        }
        return t;
    }
}
