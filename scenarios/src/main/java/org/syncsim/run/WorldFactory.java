package org.syncsim.run;

import org.syncsim.engine.Simulation;
import org.syncsim.metrics.RunRecorder;
import org.syncsim.scenario.LoadedScenario;

/** Builds the world of one replication on a fresh simulation (its seed is the replication's seed). */
@FunctionalInterface
public interface WorldFactory {
    World build(LoadedScenario scenario, Simulation sim, RunRecorder recorder);

    /** What in a valid scenario this world cannot simulate (empty if everything), each as a user-facing sentence. */
    default java.util.List<String> unsupported(LoadedScenario scenario) {
        return java.util.List.of();
    }
}
