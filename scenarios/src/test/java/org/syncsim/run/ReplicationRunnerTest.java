package org.syncsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.RandomStreams;
import org.syncsim.engine.RunLimits;
import org.syncsim.metrics.RunResult;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioLoader;

class ReplicationRunnerTest {
    private static final long S = ScriptedWorld.S;

    private final List<ScriptedWorld> worlds = new ArrayList<>();
    private final WorldFactory factory = (s, sim, rec) -> {
        ScriptedWorld w = new ScriptedWorld(s, sim, rec);
        synchronized (worlds) {
            worlds.add(w);
        }
        return w;
    };

    private static LoadedScenario scenario(String yaml) {
        return ScenarioLoader.load("test.yaml", yaml, "test");
    }

    @Test
    void allSyncedStopsOnceEveryMemberHoldsTheImportAndTheChannelWasQuietForSettle() {
        LoadedScenario s = scenario("""
                raid: { size: 4 }
                timeline:
                  - { t: 10s, do: import, who: Raider01 }
                run: { until: all-synced, settle: 5s }
                """);
        RunResult r = new ReplicationRunner(factory).run(s, 0);
        // member i gets the data i seconds after the import: the last (id 3) at 13 s, then 5 s of quiet
        assertEquals("all-synced", r.stopReason());
        assertEquals(18 * S, r.virtualTimeMicros());
        assertEquals(3, r.timeToSync().count());
        assertEquals(3 * S, r.timeToSync().maxMicros());
        assertEquals(2 * S, r.timeToSync().p50Micros());
        assertEquals(3, r.sent("PUSH"));
    }

    @Test
    void allSyncedWaitsForADisconnectedMemberWhoIsDueBackAndCountsItsSync() {
        LoadedScenario s = scenario("""
                raid: { size: 5 }
                channel: { server: { on-exceed: none } }
                timeline:
                  - { t: 5s, do: disconnect, who: Raider03, for: 30s }
                  - { t: 10s, do: import, who: Raider01 }
                run: { until: all-synced, settle: 5s }
                """);
        assertEquals(35 * S, s.timelineEndMicros(), "the timeline ends when Raider03 is back");
        RunResult r = new ReplicationRunner(StandardWorld.FACTORY).run(s, 0);
        assertEquals("all-synced", r.stopReason());
        assertTrue(r.virtualTimeMicros() > 35 * S, "stopped at " + r.virtualTimeMicros());
        assertEquals(4, r.timeToSync().count(), "Raider03 too got the new data after its return");
        assertEquals(0, r.waitingAtEnd());
    }

    @Test
    void theTimelineEndsWhenItsLongestActionIsOver() {
        assertEquals(52 * S, scenario("""
                raid: { size: 5 }
                channel: { loading-screen: 12s }
                timeline:
                  - { t: 10s, do: storm, what: reload, window: 30s }
                  - { t: 20s, do: rogue, who: Raider02, rate: 2, count: 5 }
                """).timelineEndMicros(), "the storm's window (40 s) and a 12 s loading screen");
        assertEquals(22 * S, scenario("""
                raid: { size: 5 }
                timeline:
                  - { t: 10s, do: reload, who: Raider02, for: 3s }
                  - { t: 20s, do: rogue, who: Raider02, rate: 2, count: 5 }
                """).timelineEndMicros(), "the rogue's 5th message 2 s after its first");
    }

    @Test
    void quietForStopsAfterTheLastActionAndTheLastMessage() {
        LoadedScenario s = scenario("""
                raid: { size: 3 }
                timeline:
                  - { t: 10s, do: import, who: Raider01 }
                  - { t: 40s, do: navigate, who: Raider01, section: 2 }
                run: { until: quiet-for 20s }
                """);
        RunResult r = new ReplicationRunner(factory).run(s, 0);
        assertEquals("quiet", r.stopReason());
        assertEquals(60 * S, r.virtualTimeMicros(), "the last action at 40 s, then 20 s quiet");
    }

    @Test
    void fixedEndTimeRunsToIt() {
        LoadedScenario s = scenario("""
                raid: { size: 3 }
                timeline: [ { t: 10s, do: import, who: Raider01 } ]
                run: { until: t 100s }
                """);
        RunResult r = new ReplicationRunner(factory).run(s, 0);
        assertEquals("time", r.stopReason());
        assertEquals(100 * S, r.virtualTimeMicros());
    }

    @Test
    void aMemberThatNeverSyncsRunsToTheLimitAndCountsAsWaiting() {
        LoadedScenario s = scenario("""
                raid:
                  size: 3
                  members: [ { name: A }, { name: B }, { name: Gone } ]
                timeline:
                  - { t: 5s, do: leave, who: Gone }
                  - { t: 10s, do: import, who: A }
                  - { t: 10.5s, do: join, who: Gone }
                run: { until: all-synced, limit: 2m }
                """);
        // the scripted world delivers to Gone 1 s after its join with the newest data, so this one syncs;
        RunResult r = new ReplicationRunner(factory).run(s, 0);
        assertEquals("all-synced", r.stopReason());
        LoadedScenario never = scenario("""
                raid:
                  size: 3
                  members: [ { name: A }, { name: B }, { name: Late, start: solo, data: none } ]
                timeline:
                  - { t: 10s, do: import, who: A }
                  - { t: 11s, do: leave, who: B }
                run: { until: all-synced, limit: 2m }
                """);
        RunResult n = new ReplicationRunner(factory).run(never, 0);
        assertEquals("all-synced", n.stopReason(), "Late never joined, B left: nobody in the group is waiting");
    }

    @Test
    void timelineActionsRunAtTheirTimesWithRelativeTimesChained() {
        LoadedScenario s = scenario("""
                raid:
                  members: [ { name: A, role: leader }, { name: B }, { name: C, start: offline } ]
                timeline:
                  - { t: 5s, do: navigate, who: A, section: 3 }
                  - { after: 2.5s, do: disconnect, who: B, for: 10s }
                  - { after: 1s, do: join, who: C }
                  - { t: 20s, do: rogue, who: B, send: garbage, rate: 2, count: 3 }
                  - { t: 1s, do: sync-all, who: A }
                run: { until: t 30s }
                """);
        new ReplicationRunner(factory).run(s, 0);
        assertEquals(List.of("1.0 sync-all 0", "5.0 navigate 3 0", "7.5 disconnect 1", "8.5 join 2",
                "17.5 reconnect 1", "17.5 join 1", "20.0 rogue 0 1", "20.5 rogue 1 1", "21.0 rogue 2 1",
                "30.0 finish -1"), worlds.get(0).log);
    }

    @Test
    void headClientActionsReachTheWorldAtTheirTimes() {
        LoadedScenario s = scenario("""
                raid: { size: 2 }
                timeline:
                  - { t: 2s, do: import, who: Raider01, path: plain-text }
                  - { t: 3s, do: import, who: Raider02 }
                  - { t: 4s, do: example-button, who: Raider02 }
                  - { t: 5s, do: options, who: Raider01, live-sync: false }
                  - { t: 6s, do: options, who: Raider02, tank-sync: true }
                run: { until: t 10s }
                """);
        new ReplicationRunner(factory).run(s, 0);
        assertEquals(List.of("2.0 import-plain-text 0", "3.0 import 1", "4.0 example-button 1",
                "5.0 options live-sync=false tank-sync=null 0", "6.0 options live-sync=null tank-sync=true 1",
                "10.0 finish -1"), worlds.get(0).log);
    }

    @Test
    void stormSpreadsMembersUniformlyOverTheWindowFromTheirOwnStream() {
        LoadedScenario s = scenario("""
                raid: { size: 10 }
                timeline:
                  - { t: 10s, do: storm, what: reload, members: 6, window: 4s, spread: uniform }
                run: { until: t 30s }
                """);
        new ReplicationRunner(factory).run(s, 0);
        new ReplicationRunner(factory).run(s, 0);
        new ReplicationRunner(factory).run(s, 1);
        List<String> first = reloads(worlds.get(0));
        assertEquals(6, first.size());
        assertEquals(first, reloads(worlds.get(1)), "same replication, same instants");
        assertNotEquals(first, reloads(worlds.get(2)), "another replication draws other instants");
        for (String line : first) {
            double t = Double.parseDouble(line.split(" ")[0]);
            assertTrue(t >= 10 && t <= 14, line);
            int client = Integer.parseInt(line.split(" ")[2]);
            assertTrue(client < 6, "the first six members in roster order: " + line);
        }
    }

    @Test
    void stormAtOnceActsAtTheWindowStartAndJoinStormsPickMembersOutsideTheRaid() {
        LoadedScenario s = scenario("""
                raid:
                  size: 6
                  members: [ { name: A }, { name: X, start: solo }, { name: Y, start: offline } ]
                timeline:
                  - { t: 10s, do: storm, what: join, window: 4s, spread: at-once }
                run: { until: t 30s }
                """);
        new ReplicationRunner(factory).run(s, 0);
        assertEquals(List.of("10.0 join 1", "10.0 join 2"),
                worlds.get(0).log.stream().filter(l -> l.contains("join")).toList());
    }

    @Test
    void replicationSeedsComeFromTheRunSeed() {
        LoadedScenario s = scenario("run: { seed: 42, until: t 1s }\n");
        assertEquals(RandomStreams.replicationSeed(42, 3), ReplicationRunner.seedOf(s, 3));
        assertEquals(RandomStreams.replicationSeed(42, 3), new ReplicationRunner(factory).run(s, 3).seed());
    }

    @Test
    void exceedingTheEventCapFailsWithAMessageNamingTheSetting() {
        LoadedScenario s = scenario("""
                raid: { size: 10 }
                timeline: [ { t: 1s, do: import, who: Raider01 } ]
                run: { event-cap: 3 }
                """);
        RunFailedException e = assertThrows(RunFailedException.class, () -> new ReplicationRunner(factory).run(s, 0));
        assertTrue(e.getMessage().contains("run.event-cap = 3"), e.getMessage());
    }

    @Test
    void aRunawayReplicationInTheTestsFailsOnTheLoweredEventCapByName() {
        // the parent pom sets the ceiling for every test run; the scenario keeps its own run.event-cap (50 000 000)
        assertTrue(RunLimits.EVENT_CAP_CEILING <= 5_000_000, "tests run with -D" + RunLimits.EVENT_CAP_CEILING_PROPERTY
                + " (parent pom, syncsim.test.eventCapCeiling), got " + RunLimits.EVENT_CAP_CEILING);
        // a world whose protocol answers every event with another one, a microsecond later: it never goes quiet
        WorldFactory looping = (sc, sim, rec) -> {
            org.syncsim.engine.Action[] loop = new org.syncsim.engine.Action[1];
            loop[0] = now -> sim.post(now + 1, loop[0]);
            sim.post(0, loop[0]);
            return new ScriptedWorld(sc, sim, rec);
        };
        LoadedScenario s = scenario("raid: { size: 3 }\n");
        RunFailedException e = assertThrows(RunFailedException.class,
                () -> new ReplicationRunner(looping).run(s, 0));
        assertTrue(e.getMessage().contains("processed more than run.event-cap = " + RunLimits.EVENT_CAP_CEILING
                + " events (lowered from " + s.scenario().run().eventCap() + " by -D"
                + RunLimits.EVENT_CAP_CEILING_PROPERTY + ")"), e.getMessage());
    }

    @Test
    void parallelRunsReturnTheSameResultsInReplicationOrderForAnyThreadCount() {
        LoadedScenario s = scenario("""
                raid: { size: 8 }
                timeline:
                  - { t: 10s, do: storm, what: reload, window: 3s }
                  - { t: 12s, do: import, who: Raider02 }
                run: { replications: 6, until: all-synced }
                """);
        List<RunResult> one = ParallelRuns.run(factory, s, 1, done -> { });
        List<RunResult> three = ParallelRuns.run(factory, s, 3, done -> { });
        assertEquals(one, three);
        for (int r = 0; r < 6; r++) {
            assertEquals(ReplicationRunner.seedOf(s, r), one.get(r).seed());
        }
    }

    private static List<String> reloads(ScriptedWorld w) {
        return w.log.stream().filter(l -> l.contains("reload")).toList();
    }
}
