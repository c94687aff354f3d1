package org.syncsim.distributed;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.Function;
import org.syncsim.metrics.RunResult;
import org.syncsim.run.ReplicationRunner;
import org.syncsim.run.StandardWorld;
import org.syncsim.scenario.BundledScenarios;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioLoader;

/**
 * One Spark task: replication {@code r} of a cell, run by the unchanged simulator in the executor. The task ships the
 * cell's command (its scenario and overrides, a few hundred bytes), not the resolved scenario, and the executor
 * resolves it once per JVM; the result comes back as the {@link RunResult} a local run would have given.
 *
 * @param scenario a bundled scenario name or a scenario file (on a cluster, a path every executor can read)
 * @param overrides the cell's {@code --set} overrides, in order
 */
record ReplicationTask(String scenario, List<String> overrides) implements Function<Integer, RunResult> {
    private static final Map<ReplicationTask, LoadedScenario> RESOLVED = new ConcurrentHashMap<>();

    ReplicationTask {
        overrides = List.copyOf(overrides);
    }

    @Override
    public RunResult call(Integer replication) {
        return new ReplicationRunner(StandardWorld.FACTORY).run(RESOLVED.computeIfAbsent(this, t -> t.resolve()),
                replication);
    }

    /** The cell's scenario, as {@code ./syncsim run SCENARIO --set ...} resolves it. */
    LoadedScenario resolve() {
        return ScenarioLoader.override(BundledScenarios.resolve(scenario), overrides);
    }
}
