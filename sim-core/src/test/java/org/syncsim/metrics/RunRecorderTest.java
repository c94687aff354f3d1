package org.syncsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunRecorderTest {
    private static final long S = 1_000_000L;

    private static RunRecorder recorder(int n) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("C" + i);
        }
        return new RunRecorder(names, S);
    }

    @Test
    void cpuAddsUpPerClientAndAFrameOverTheHitchThresholdCountsOnce() {
        RunRecorder r = new RunRecorder(List.of("A", "B"), S, 0, 100_000);
        r.cpuCharged(10, 0, "decompress", 60_000, 60_000);
        r.cpuCharged(11, 0, "rebuild", 50_000, 110_000); // crosses 100 ms: one hitch
        r.cpuCharged(12, 0, "message", 5_000, 115_000); // same frame, already counted
        r.cpuCharged(40_000, 0, "decompress", 100_000, 100_000); // exactly the threshold: no hitch
        r.cpuCharged(50_000, 1, "message", 7, 7);
        RunResult res = r.result(1, S, 0, "idle");
        ClientResult a = res.clients().get(0);
        assertEquals(215_000, a.cpuMicros());
        assertEquals(115_000, a.worstFrameCpuMicros());
        assertEquals(1, a.hitchFrames());
        assertEquals(7, res.clients().get(1).cpuMicros());
        assertEquals(215.007, res.value(Scalar.CPU_TOTAL_MS), 1e-9);
        assertEquals(115.0, res.value(Scalar.CPU_WORST_FRAME_MS));
        assertEquals(1.0, res.value(Scalar.HITCH_FRAMES));
    }

    @Test
    void sentAndReceivedAreCountedPerClientAndCommandWithoutOwnEcho() {
        RunRecorder r = recorder(3);
        r.messageSent(0, 0, "BSEC", 100, 0);
        r.messageSent(0, 0, "BSEC", 50, 0);
        r.messageSent(0, 1, "BSREQ", 20, 0);
        for (int to = 0; to < 3; to++) {
            r.messageDelivered(10, 0, to, "BSEC", 100);
        }
        RunResult res = r.result(7, 2 * S, 5, "t");
        ClientResult c0 = res.clients().get(0);
        assertEquals(2, c0.sentMessages());
        assertEquals(150, c0.sentBytes());
        assertEquals(0, c0.receivedMessages(), "own echo is not a reception");
        assertEquals(new CommandCounts(2, 150, 0, 0), c0.byCommand().get("BSEC"));
        ClientResult c2 = res.clients().get(2);
        assertEquals(new CommandCounts(0, 0, 1, 100), c2.byCommand().get("BSEC"));
        assertEquals(List.of("BSEC", "BSREQ"), res.commands());
        assertEquals(new CommandCounts(2, 150, 2, 200), res.totalsByCommand().get("BSEC"));
        assertEquals(3, res.sentMessages());
        assertEquals(170, res.sentBytes());
        assertEquals(2, res.sent("BSEC"));
        assertEquals(0, res.sent("CHUNK"));
    }

    @Test
    void timelineBucketsSentTrafficByCommandAndTime() {
        RunRecorder r = recorder(2);
        r.messageSent(S / 2, 0, "SECTION", 30, 0);
        r.messageSent(2 * S + 1, 1, "BSREQ", 20, 0);
        r.messageSent(2 * S + 2, 1, "BSREQ", 20, 0);
        r.messageDelivered(2 * S + 5, 1, 0, "BSREQ", 20);
        RunResult res = r.result(1, 3 * S, 0, "t");
        assertEquals(4, res.timeline().size(), "buckets 0..3 s inclusive of the end instant");
        assertEquals(new CommandCounts(1, 30, 0, 0), res.timeline().get(0).sentByCommand().get("SECTION"));
        assertTrue(res.timeline().get(1).sentByCommand().isEmpty());
        assertEquals(new CommandCounts(2, 40, 0, 0), res.timeline().get(2).sentByCommand().get("BSREQ"));
        assertEquals(1, res.timeline().get(2).deliveredMessages());
        assertEquals(2 * S, res.timeline().get(2).startMicros());
    }

    @Test
    void queueDepthIsTheMaximumTotalOverClientsAndCarriesIntoLaterBuckets() {
        RunRecorder r = recorder(2);
        r.throttleQueue(0, 0, 3, 300);
        r.throttleQueue(10, 1, 2, 200);
        r.throttleQueue(20, 0, 1, 100);
        r.throttleQueue(2 * S, 1, 0, 0);
        RunResult res = r.result(1, 2 * S, 0, "t");
        assertEquals(5, res.timeline().get(0).maxQueuedMessages());
        assertEquals(500, res.timeline().get(0).maxQueuedBytes());
        assertEquals(3, res.timeline().get(1).maxQueuedMessages(), "1 + 2 still queued through second 1");
        assertEquals(3, res.timeline().get(2).maxQueuedMessages(), "depth at the bucket's opening counts");
    }

    @Test
    void queueDelaysArePercentilesOfEverySentMessage() {
        RunRecorder r = recorder(1);
        for (int i = 1; i <= 100; i++) {
            r.messageSent(0, 0, "X", 1, i * 1000L);
        }
        RunResult res = r.result(1, 0, 0, "t");
        assertEquals(100, res.queueDelay().count());
        assertEquals(50_000, res.queueDelay().p50Micros(), 50);
        assertEquals(95_000, res.queueDelay().p95Micros(), 95);
        assertEquals(100_000, res.queueDelay().maxMicros(), 100);
        assertEquals(100_000, res.clients().get(0).maxQueueDelayMicros());
    }

    @Test
    void importMakesEveryOtherMemberWaitUntilItHoldsTheNewTimestamp() {
        RunRecorder r = recorder(3);
        for (int c = 0; c < 3; c++) {
            r.initialData(c, 100);
            r.memberJoined(0, c);
        }
        assertTrue(r.allSynced());
        r.dataImported(10 * S, 0, 200);
        assertFalse(r.allSynced());
        r.clientSynced(12 * S, 1, 200);
        r.clientSynced(15 * S, 2, 200);
        assertTrue(r.allSynced());
        RunResult res = r.result(1, 20 * S, 0, "all-synced");
        assertEquals(0, res.clients().get(0).syncEpisodes(), "the importer never waited");
        assertEquals(2 * S, res.clients().get(1).lastTimeToSyncMicros());
        assertEquals(5 * S, res.clients().get(2).maxTimeToSyncMicros());
        assertEquals(new Percentiles(2, 2 * S, 5 * S, 5 * S), res.timeToSync());
        assertEquals(0, res.waitingAtEnd());
        assertEquals(200, res.clients().get(2).finalDataTimestamp());
    }

    @Test
    void joinerWithOldDataWaitsFromItsJoinAndLeaverAbandonsItsWait() {
        RunRecorder r = recorder(3);
        r.initialData(0, 200);
        r.memberJoined(0, 0);
        r.initialData(1, 0);
        r.initialData(2, 100);
        r.memberJoined(5 * S, 1);
        r.memberJoined(6 * S, 2);
        r.memberLeft(7 * S, 2);
        r.clientSynced(9 * S, 1, 200);
        RunResult res = r.result(1, 10 * S, 0, "t");
        assertEquals(4 * S, res.clients().get(1).lastTimeToSyncMicros());
        assertEquals(0, res.clients().get(2).syncEpisodes());
        assertFalse(res.clients().get(2).waitingAtEnd(), "not in the group, so not waiting");
        assertEquals(1, res.timeToSync().count());
    }

    @Test
    void aReportedNewerTimestampMakesTheOthersStale() {
        RunRecorder r = recorder(2);
        r.initialData(0, 100);
        r.initialData(1, 100);
        r.memberJoined(0, 0);
        r.memberJoined(0, 1);
        r.clientSynced(S, 1, 999);
        RunResult res = r.result(1, 2 * S, 0, "t");
        assertTrue(res.clients().get(0).waitingAtEnd());
        assertEquals(1, res.waitingAtEnd());
        assertEquals(0.5, res.scalars().get("never_synced_fraction"));
    }

    @Test
    void timeToSyncHasNoValueInARunWhereNoWaitEnded() {
        RunRecorder r = recorder(2);
        r.initialData(0, 1);
        r.initialData(1, 1);
        r.memberJoined(0, 0);
        r.memberJoined(0, 1);
        r.dataImported(S, 0, 2);
        java.util.Map<String, Double> open = r.result(1, 5 * S, 0, "t").scalars();
        assertEquals(0.0, open.get("sync_episodes"));
        assertTrue(open.containsKey("time_to_sync_p50_s"), "the metric is listed");
        assertEquals(null, open.get("time_to_sync_p50_s"), "but has no value: a 0 would read as an instant sync");
        assertEquals(null, open.get("time_to_sync_max_s"));

        r.clientSynced(3 * S, 1, 2);
        java.util.Map<String, Double> ended = r.result(1, 5 * S, 0, "t").scalars();
        assertEquals(2.0, ended.get("time_to_sync_p50_s"));
        assertEquals(2.0, ended.get("time_to_sync_max_s"));
    }

    @Test
    void errorsDropsAndDisconnectsAreCountedPerClientAndReason() {
        RunRecorder r = recorder(2);
        r.messageRejected(0, 0, "BSEC", 3000, DropReason.TOO_LONG);
        r.messageLost(0, 0, 1, "BSEC", 10, DropReason.LINK_LOSS);
        r.messageLost(0, 0, 1, "BSEC", 10, DropReason.LINK_LOSS);
        r.messageLost(0, 0, 1, "BSEC", 10, DropReason.LOADING_SCREEN);
        r.serverDisconnect(S, 0, 31 * S);
        r.requestSent(0, 1, "BSREQ");
        r.responseStarted(0, 0, "BSACK");
        r.duplicateTransfer(0, 1, "BSTR");
        r.handlerAborted(0, 1, "BSTR", "missing sections");
        r.messageMalformed(0, 1, "garbage");
        r.desyncedAtEnd(1);
        RunResult res = r.result(1, 2 * S, 0, "t");
        ClientResult c0 = res.clients().get(0);
        ClientResult c1 = res.clients().get(1);
        assertEquals(1, c0.rejectedMessages());
        assertEquals(3, c1.lostMessages());
        assertEquals(1, c0.serverDisconnects());
        assertEquals(1, res.timeline().get(1).disconnects());
        assertEquals(1, c1.requests());
        assertEquals(1, c0.responses());
        assertEquals(1, c1.duplicateTransfers());
        assertEquals(1, c1.abortedHandlers());
        assertEquals(1, c1.malformedMessages());
        assertTrue(c1.desyncedAtEnd());
        assertEquals(1, res.desyncedAtEnd());
        assertEquals(java.util.Map.of("TOO_LONG", 1L), res.rejectedByReason());
        assertEquals(java.util.Map.of("LINK_LOSS", 2L, "LOADING_SCREEN", 1L), res.lostByReason());
        assertEquals(1.0, res.scalars().get("server_disconnects"));
        assertEquals(3.0, res.scalars().get("lost_copies"));
    }

    @Test
    void lateEventsGrowTheTimelineWithoutLosingCounts() {
        RunRecorder r = recorder(2);
        for (int i = 0; i < 100; i++) {
            r.messageDelivered(i * S, 0, 1, "X", 1);
            r.serverDisconnect(i * S, 1, i * S + 1);
        }
        RunResult res = r.result(1, 100 * S, 0, "t");
        assertEquals(101, res.timeline().size());
        assertEquals(100, res.timeline().stream().mapToLong(TimeBucket::deliveredMessages).sum());
        assertEquals(100, res.timeline().stream().mapToLong(TimeBucket::disconnects).sum());
    }

    @Test
    void countersIgnoreTheWarmUpButTheTimelineKeepsIt() {
        RunRecorder r = new RunRecorder(List.of("A", "B"), S, 5 * S);
        r.messageSent(2 * S, 0, "VER", 10, 0);
        r.messageDelivered(2 * S, 0, 1, "VER", 10);
        r.requestSent(2 * S, 0, "BSREQ");
        r.messageSent(6 * S, 0, "VER", 10, 0);
        RunResult res = r.result(1, 7 * S, 0, "t");
        assertEquals(1, res.clients().get(0).sentMessages());
        assertEquals(0, res.clients().get(1).receivedMessages());
        assertEquals(0, res.clients().get(0).requests());
        assertEquals(1, res.timeline().get(2).sentByCommand().get("VER").sentMessages());
        assertEquals(1, res.timeline().get(2).deliveredMessages());
    }

    @Test
    void sameReportsGiveEqualResults() {
        RunResult a = scripted();
        RunResult b = scripted();
        assertEquals(a, b);
        assertEquals(a.scalars(), b.scalars());
    }

    @Test
    void nearestRankPercentiles() {
        assertEquals(new Percentiles(4, 2, 4, 4), RunRecorder.percentiles(new long[] {4, 1, 3, 2}));
        assertEquals(Percentiles.EMPTY, RunRecorder.percentiles(new long[0]));
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = 100 - i;
        }
        assertEquals(new Percentiles(100, 50, 95, 100), RunRecorder.percentiles(hundred));
    }

    private static RunResult scripted() {
        RunRecorder r = recorder(2);
        r.messageSent(0, 0, "B", 10, 5);
        r.messageSent(0, 1, "A", 10, 5);
        r.messageDelivered(1, 0, 1, "B", 10);
        return r.result(3, S, 4, "quiet");
    }

    @Test
    void episodeLogKeepsRequestFirstMessageAndEndOfEveryWaitAndOpenWaitsLast() {
        RunRecorder r = recorder(3);
        for (int c = 0; c < 3; c++) {
            r.initialData(c, 100);
            r.memberJoined(0, c);
        }
        r.requestSent(S, 1, "BSREQ"); // not waiting yet: not part of any episode
        r.dataImported(10 * S, 0, 200);
        r.messageDelivered(10 * S + 5, 0, 0, "ANC", 30); // own echo: not a message received
        r.requestSent(11 * S, 1, "BSREQ");
        r.requestSent(11 * S + 1, 1, "BSREQ");
        r.messageDelivered(12 * S, 0, 1, "BSEC", 200);
        r.messageDelivered(12 * S + 3, 0, 1, "BSTR", 200);
        r.clientSynced(13 * S, 1, 200);
        RunResult res = r.result(1, 20 * S, 0, "t");
        assertEquals(List.of(new SyncEpisode(1, 10 * S, 11 * S, 12 * S, 13 * S),
                new SyncEpisode(2, 10 * S, -1, -1, -1)), res.episodes());
        assertEquals(3 * S, res.episodes().get(0).durationMicros());
        assertFalse(res.episodes().get(1).completed());
    }

    @Test
    void timelineBucketsKeepTheLongestQueueDelayOfTheirMessages() {
        RunRecorder r = recorder(2);
        r.messageSent(S / 2, 0, "BSEC", 100, 300_000);
        r.messageSent(S / 2 + 1, 1, "BSEC", 100, 700_000);
        r.messageSent(S + 1, 0, "BSEC", 100, 0);
        RunResult res = r.result(1, 2 * S, 0, "t");
        assertEquals(700_000, res.timeline().get(0).maxQueueDelayMicros());
        assertEquals(0, res.timeline().get(1).maxQueueDelayMicros());
    }

    @Test
    void progressOfEachBucketIsTheStateAtItsEndAndChangesAreListedOncePerBucket() {
        RunRecorder r = recorder(3);
        r.progress(0, 0, 1);
        r.progress(0, 1, 0.25);
        r.progress(S / 2, 1, 0.5); // same bucket: only its end counts
        r.progress(2 * S + 300_000, 2, 1);
        r.progress(2 * S + 400_000, 1, 1);
        r.progress(2 * S + 500_000, 1, 0.75);
        RunResult res = r.result(1, 4 * S + 10, 0, "t");

        assertEquals(5, res.timeline().size());
        double[] mean = {1.5 / 3, 1.5 / 3, 2.75 / 3, 2.75 / 3, 2.75 / 3};
        double[] min = {0, 0, 0.75, 0.75, 0.75};
        int[] complete = {1, 1, 2, 2, 2};
        for (int b = 0; b < 5; b++) {
            TimeBucket t = res.timeline().get(b);
            assertEquals(mean[b], t.progressMean(), 1e-12, "mean in bucket " + b);
            assertEquals(min[b], t.progressMin(), "min in bucket " + b);
            assertEquals(complete[b], t.membersComplete(), "complete in bucket " + b);
        }
        assertEquals(List.of(new ProgressChange(0, 0, 1), new ProgressChange(0, 1, 0.5), new ProgressChange(0, 2, 0),
                new ProgressChange(2 * S, 1, 0.75), new ProgressChange(2 * S, 2, 1)), res.progress(),
                "every client in the first bucket (one that never reported is 0), then only where the end differs");
    }

    @Test
    void aRunWithoutProgressReportsHasEveryClientAtZero() {
        RunRecorder r = recorder(2);
        r.messageSent(S, 0, "X", 1, 0);
        RunResult res = r.result(1, 2 * S, 0, "t");
        for (TimeBucket t : res.timeline()) {
            assertEquals(0, t.progressMean());
            assertEquals(0, t.progressMin());
            assertEquals(0, t.membersComplete());
        }
        assertEquals(List.of(new ProgressChange(0, 0, 0), new ProgressChange(0, 1, 0)), res.progress());
    }
}
