package org.syncsim.distributed;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.Function;
import org.syncsim.metrics.RunResult;
import org.syncsim.run.ReplicationRunner;
import org.syncsim.run.StandardWorld;
import org.syncsim.run.Watch;
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
 * @param watch the cell's watch, run beside the replication in the executor (null for none)
 */
record ReplicationTask(String scenario, List<String> overrides, Watch watch)
        implements Function<Integer, ReplicationTask.Outcome> {
    private static final Map<ReplicationTask, LoadedScenario> RESOLVED = new ConcurrentHashMap<>();

    ReplicationTask {
        overrides = List.copyOf(overrides);
    }

    /** A replication's result and what the cell's watch saw in it (null without a watch). */
    record Outcome(RunResult result, Serializable seen) implements Serializable {
    }

    @Override
    public Outcome call(Integer replication) {
        LoadedScenario s = RESOLVED.computeIfAbsent(this, ReplicationTask::resolve);
        Watch.Watcher w = watch == null ? null : watch.start(s);
        RunResult r = new ReplicationRunner(StandardWorld.FACTORY).run(s, replication, null, w);
        return new Outcome(r, w == null ? null : w.finish(r));
    }

    /** The cell's scenario, as {@code ./syncsim run SCENARIO --set ...} resolves it. */
    LoadedScenario resolve() {
        return ScenarioLoader.override(BundledScenarios.resolve(scenario), overrides);
    }
}
