package org.syncsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncsim.metrics.RunResult;
import org.syncsim.report.Replications;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioLoader;

/**
 * A run's results streamed one replication at a time: what stays in memory does not grow with the number of
 * replications beyond each one's scalar metrics, and the rows go to spool files that leave nothing behind.
 */
class ResultStreamTest {
    @TempDir
    Path dir;

    /** A small real raid (channel model and head clients) that always runs 40 s: every replication has 40 buckets. */
    private static LoadedScenario scenario(int replications) {
        return ScenarioLoader.load("s.yaml", """
                raid: { size: 6 }
                timeline:
                  - { t: 5s, do: import, who: Raider01 }
                  - { t: 12s, do: join, who: Raider04 }
                run: { replications: %d, until: t 40s }
                """.formatted(replications), "s");
    }

    @Test
    void whatItHoldsDoesNotGrowWithTheReplicationsBeyondTheirScalars() throws IOException {
        LoadedScenario few = scenario(3);
        LoadedScenario many = scenario(30);
        Replications three;
        Replications thirty;
        try (ResultStream a = new ResultStream(dir.resolve("a"), few);
                ResultStream b = new ResultStream(dir.resolve("b"), many)) {
            ParallelRuns.forEach(StandardWorld.FACTORY, few, 2, n -> { }, a);
            ParallelRuns.forEach(StandardWorld.FACTORY, many, 2, n -> { }, b);
            three = a.replications();
            thirty = b.replications();
        }
        assertEquals(30, thirty.size());
        assertTrue(three.retainedBounded() > 0);
        assertEquals(three.retainedBounded(), thirty.retainedBounded(),
                "the first replication, the sums per bucket and per client and the tallies: as many for 30 as for 3");
        long perReplication = three.retainedPerReplication() / 3;
        long metrics = three.scalars().get(0).metrics().size();
        assertTrue(perReplication <= metrics + 2 + 6 * 2, perReplication + " entries per replication: its "
                + metrics + " scalar metrics, seed and stop, and a few waits of its 6 members");
        assertTrue(thirty.retainedPerReplication() <= 10 * three.retainedPerReplication() + 30 * 6,
                "per replication it keeps its scalars and waits, nothing more");
    }

    @Test
    void theSameResultsTakenInTenTimesHoldTheSameBoundedStateAndTenTimesTheScalars() {
        List<RunResult> results = ParallelRuns.run(StandardWorld.FACTORY, scenario(4), 2, n -> { });
        Replications once = Replications.of(results);
        Replications tenTimes = new Replications();
        for (int k = 0; k < 10; k++) {
            results.forEach(tenTimes::add);
        }
        assertEquals(once.retainedBounded(), tenTimes.retainedBounded());
        assertEquals(10 * once.retainedPerReplication(), tenTimes.retainedPerReplication());
        assertEquals(once.pooledWaitCount() * 10, tenTimes.pooledWaitCount());
    }

    @Test
    void closingWithoutFinishingLeavesNoSpoolFile() throws IOException {
        LoadedScenario s = scenario(2);
        Path staging = dir.resolve("staging");
        try (ResultStream stream = new ResultStream(staging, s)) {
            ParallelRuns.forEach(StandardWorld.FACTORY, s, 1, n -> { }, stream);
            try (Stream<Path> files = Files.list(staging)) {
                assertEquals(3, files.count(), "clients, timeline and progress rows spooled while running");
            }
        }
        try (Stream<Path> files = Files.list(staging)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void finishingWritesTheResultFilesAndNothingElse() throws IOException {
        LoadedScenario s = scenario(2);
        Path out = dir.resolve("out");
        try (ResultStream stream = new ResultStream(out, s)) {
            ParallelRuns.forEach(StandardWorld.FACTORY, s, 2, n -> { }, stream);
            stream.finish(out, List.of(), Map.of("threads", 2));
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(ResultFiles.CLIENTS, ResultFiles.PROGRESS, ResultFiles.RUN_INFO, ResultFiles.SUMMARY,
                    ResultFiles.TIMELINE), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        List<String> clients = Files.readAllLines(out.resolve(ResultFiles.CLIENTS));
        assertEquals(1 + 2 * 6, clients.size(), "a header and a row per replication and client");
        List<String> timeline = Files.readAllLines(out.resolve(ResultFiles.TIMELINE));
        int columns = timeline.get(0).split(",", -1).length;
        assertTrue(timeline.stream().allMatch(l -> l.split(",", -1).length == columns),
                "every row has a column per command of any replication");
    }
}
