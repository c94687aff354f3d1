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
        assertEquals(0.060, perReplication(s), 0.003, "measured 59.5 ms per replication on one thread");
        assertEquals(RunEstimate.RUN_S + 0.060, one.seconds(), 0.003, "one replication and the run's second");
        assertEquals(4000, one.cells());
        assertEquals(40, one.members());
        assertEquals(0.110, perReplication(s, "data.rows=100"), 0.015, "measured 110 ms at 16 000 cells (model 98)");
        assertEquals(0.0075, perReplication(s, "raid.size=10"), 0.001, "measured 7.5 ms at 10 members");
        assertEquals(0.229, perReplication(s, "raid.size=80", "raid.stress=true"), 0.01, "measured 229 ms at 80");
        double big = perReplication(s, "raid.size=200", "raid.stress=true");
        assertTrue(big > 0.7 * 1.9 && big < 1.9, "measured 1.9 s of CPU at 200 members, plus about 0.5 s of garbage"
                + " collection: the model (" + big + " s) is low by a quarter, no more");
        assertTrue(perReplication(BundledScenarios.load("leader-import-40")) > 0.016,
                "measured 16 ms for the normal import: the storm's model overestimates it");
    }

    /** Seconds per replication on one thread, without the run's own {@link RunEstimate#RUN_S}. */
    private static double perReplication(LoadedScenario s, String... sets) {
        List<String> o = new ArrayList<>(List.of(sets));
        o.add("run.replications=1000");
        return (RunEstimate.of(ScenarioLoader.override(s, o), 1).seconds() - RunEstimate.RUN_S) / 1000;
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
