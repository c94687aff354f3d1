package org.syncsim.cli;

import org.syncsim.run.CellEngine;
import picocli.CommandLine.Option;

/**
 * {@code --engine} and {@code --master} of the commands that run a batch of scenarios: on this machine's threads
 * (default), or on a distributed engine such as Spark (docs/spark.md). The results are the same either way.
 */
final class EngineOptions {
    @Option(names = "--engine", paramLabel = "NAME", description = "Where the replications run: local (default,"
            + " this machine's --threads) or spark (docs/spark.md); the files written are the same.")
    String engine = CellEngine.LOCAL;

    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the Spark master, e.g."
            + " local[2] (embedded, no cluster; the default is local[*]) or spark://host:7077.")
    String master;

    /** Opens the engine; bad input when there is no such engine here. */
    CellEngine open() {
        try {
            return CellEngine.open(engine, master);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--engine " + engine + ": " + e.getMessage(), e);
        }
    }
}
