package org.syncsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.syncsim.metrics.RunResult;
import org.syncsim.scenario.BundledScenarios;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioLoader;

/** The up-front estimate of a run, and the runner that hands results on as they come. */
class RunEstimateTest {
    @Test
    void theModelMatchesItsCalibrationOnTheLateJoinerStorm() {
        LoadedScenario s = BundledScenarios.load("late-joiner");
        RunEstimate one = RunEstimate.of(ScenarioLoader.override(s, List.of("run.replications=1")), 1);
        assertEquals(2.0, one.seconds(), 0.05, "measured 2.0 s per replication on one thread");
        assertEquals(4000, one.cells());
        assertEquals(40, one.members());
        RunEstimate four = RunEstimate.of(ScenarioLoader.override(s, List.of("data.rows=100",
                "run.replications=1")), 1);
        assertEquals(3.1, four.seconds(), 0.1, "measured 3.1 s at 16 000 cells");
        RunEstimate ten = RunEstimate.of(ScenarioLoader.override(s, List.of("raid.size=10",
                "run.replications=1")), 1);
        assertEquals(0.74, ten.seconds(), 0.05, "measured 0.74 s at 10 members");
    }

    @Test
    void everyBundledScenarioFitsWithoutAllowLarge() {
        for (String name : BundledScenarios.names()) {
            RunEstimate e = RunEstimate.of(BundledScenarios.load(name), 1);
            assertFalse(e.tooLong(), name + ": " + e.describe());
            assertFalse(e.tooBig(512L * 1024 * 1024), name + ": " + e.describe());
        }
    }

    @Test
    void aBillionReplicationsAreTooLongAndTooBig() {
        RunEstimate e = RunEstimate.of(ScenarioLoader.override(BundledScenarios.load("late-joiner"),
                List.of("run.replications=1000000000")), 64);
        assertTrue(e.tooLong(), e.describe());
        assertTrue(e.tooBig(Runtime.getRuntime().maxMemory()), e.describe());
        assertTrue(e.describe().contains("1000000000 replications x 40 members"), e.describe());
    }

    @Test
    void forEachHandsResultsOnInReplicationOrderForAnyThreadCount() {
        LoadedScenario s = ScenarioLoader.load("t.yaml", """
                raid: { size: 3 }
                timeline: [ { t: 10s, do: import, who: Raider01 } ]
                run: { replications: 50, until: all-synced, settle: 2s }
                """, "t");
        for (int threads : new int[] {1, 3}) {
            List<Long> seeds = new ArrayList<>();
            AtomicInteger lastProgress = new AtomicInteger();
            ParallelRuns.forEach((sc, sim, rec) -> new ScriptedWorld(sc, sim, rec), s, threads, lastProgress::set,
                    r -> seeds.add(r.seed()));
            assertEquals(50, seeds.size());
            for (int i = 0; i < 50; i++) {
                assertEquals(ReplicationRunner.seedOf(s, i), seeds.get(i), "replication " + i);
            }
            assertEquals(50, lastProgress.get());
        }
        List<RunResult> listed = ParallelRuns.run((sc, sim, rec) -> new ScriptedWorld(sc, sim, rec), s, 2, n -> { });
        assertEquals(50, listed.size());
    }
}
