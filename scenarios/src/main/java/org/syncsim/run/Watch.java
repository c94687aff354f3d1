package org.syncsim.run;

import java.io.Serializable;
import java.util.List;
import org.syncsim.metrics.MetricsRecorder;
import org.syncsim.metrics.RunResult;
import org.syncsim.scenario.LoadedScenario;

/**
 * What a batch learns from each replication of a cell besides its result, by watching the run as it goes (a design
 * report's flaw checks): a watcher per replication, whatever engine runs it, and a file beside the cell's results
 * holding what every replication's watcher saw. Serializable, so that a distributed engine runs it with the
 * replication.
 */
public interface Watch extends Serializable {
    /** A fresh watcher for one replication of {@code s}. */
    Watcher start(LoadedScenario s);

    /** The file, relative to the batch's directory, that holds what {@code cell}'s replications showed. */
    String file(Cell cell);

    /** The text of {@link #file}: per replication, in order, what its watcher saw. */
    String text(Cell cell, List<Serializable> seen);

    /** Sees one run's metric events ({@link ReplicationRunner#run(LoadedScenario, int, org.syncsim.engine.TraceSink,
     * MetricsRecorder)}), then its result. */
    interface Watcher extends MetricsRecorder {
        /** What the watcher saw, once the run's result is in. */
        Serializable finish(RunResult r);
    }
}
