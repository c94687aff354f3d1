package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.Distribution;
import org.syncsim.engine.SimTime;
import org.syncsim.protocol.RecordingMetrics;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.FixedChoices;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SheetSpec;

/** Focused behaviour of single head handlers and flows, one per test. */
class HeadClientHandlersTest {
    private static final long T = HeadRaid.EPOCH - 3600;
    private static final SheetSpec SMALL = SheetSpec.of(4, 6, 6);

    /** A raid of {@code n} clients holding the same small sheet at T, plus one raw injector (returned last). */
    private static HeadRaid synced(int n, boolean liveSync) {
        HeadRaid raid = new HeadRaid(5, true);
        EncodedSheet sheet = HeadRaid.encode(HeadRaid.sheet(raid.sim, "sheet", SMALL), T);
        raid.add(n, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(liveSync)
                .withInitialData(new InitialData.Saved(T, sheet)));
        raid.addFake();
        return raid.form();
    }

    private static int fake(HeadRaid raid) {
        return raid.clients.size();
    }

    private static long sends(HeadRaid raid, int sender, String command, double fromSeconds) {
        return raid.channel.sent(command, SimTime.seconds(fromSeconds)).stream().filter(s -> s.sender() == sender).count();
    }

    @Test
    void equalTimestampSectionNavigatesReceiversWithoutEcho() {
        HeadRaid raid = synced(3, true);
        raid.at(10, () -> raid.get(0).navigate(3));
        raid.runUntil(20);
        assertEquals(1, raid.channel.count("SECTION", SimTime.seconds(10)));
        assertEquals("SECTION:" + T + ":3", raid.channel.sent("SECTION", 0).get(0).text());
        assertEquals(3, raid.get(1).snapshot().currentSection());
        assertEquals(3, raid.get(2).snapshot().currentSection());
        assertEquals(0, raid.channel.count("BSREQ", SimTime.seconds(10)));
    }

    @Test
    void navigationIsNotBroadcastWithoutLiveSync() {
        HeadRaid raid = synced(2, false);
        raid.at(10, () -> raid.get(0).navigate(2));
        raid.runUntil(20);
        assertEquals(0, raid.channel.count("SECTION", 0));
        assertEquals(1, raid.get(1).snapshot().currentSection());
    }

    @Test
    void newerSectionPullsOnceThenNotAgainWithinThirtySeconds() {
        HeadRaid raid = synced(1, false);
        int f = fake(raid);
        raid.inject(10, f, "SECTION:" + (T + 1) + ":2");
        raid.inject(20, f, "SECTION:" + (T + 1) + ":2");
        raid.inject(39, f, "SECTION:" + (T + 1) + ":2");
        raid.inject(41, f, "SECTION:" + (T + 1) + ":2");
        raid.runUntil(60);
        List<Long> times = new ArrayList<>();
        raid.channel.sent("BSREQ", 0).forEach(s -> times.add(s.time()));
        // reaction at 10.05; 20.05 and 39.05 are inside the 30 s cooldown (B33); 41.05 is past it
        assertEquals(List.of(SimTime.seconds(10.05), SimTime.seconds(41.05)), times);
        assertEquals("BSREQ:" + T, raid.channel.sent("BSREQ", 0).get(0).text());
    }

    @Test
    void throttledPullLeavesSyncFlagSetSoNavigationIsIgnoredForFifteenSeconds() {
        HeadRaid raid = synced(1, true); // liveSync: the login roster event pulls at t = 2
        int f = fake(raid);
        raid.inject(4, f, "SECTION:" + (T + 1) + ":2"); // 2 s after the join pull: throttled (B5)
        raid.inject(10, f, "SECTION:" + T + ":3");     // dropped: syncInProgress
        raid.inject(20, f, "SECTION:" + T + ":4");     // flag cleared at 4.05 + 15 s
        raid.at(12, () -> assertEquals(1, raid.get(0).snapshot().currentSection()));
        raid.at(12, () -> assertTrue(raid.get(0).snapshot().syncInProgress(), "the snapshot shows the flag"));
        raid.at(19.5, () -> assertFalse(raid.get(0).snapshot().syncInProgress(), "cleared 15 s after it was set"));
        raid.runUntil(30);
        assertEquals(1, raid.channel.count("BSREQ", 0), "only the join pull");
        assertEquals(4, raid.get(0).snapshot().currentSection());
    }

    @Test
    void responderWithEqualAckStillPushes() {
        HeadRaid raid = synced(1, false);
        int f = fake(raid);
        raid.inject(10, f, "BSREQ:0");
        raid.inject(10.5, f, "BSACK:" + T + ":Rival");
        raid.runUntil(20);
        assertEquals(1, raid.channel.count("BSACK", 0));
        assertEquals(1, raid.channel.count("BSTR", 0), "ties never stand down (B1)");
    }

    @Test
    void responderStandsDownOnStrictlyNewerAck() {
        HeadRaid raid = synced(1, false);
        int f = fake(raid);
        raid.inject(10, f, "BSREQ:0");
        raid.inject(10.5, f, "BSACK:" + (T + 1) + ":Rival");
        raid.runUntil(20);
        assertEquals(1, raid.channel.count("BSACK", 0));
        assertEquals(0, raid.channel.count("BSTR", 0));
    }

    @Test
    void requestWithOlderOrEqualTimestampIsIgnoredButZeroIsAnswered() {
        HeadRaid raid = synced(1, false);
        int f = fake(raid);
        raid.inject(10, f, "BSREQ:" + T);
        raid.inject(11, f, "BSREQ:" + (T + 5));
        raid.runUntil(20);
        assertEquals(0, raid.channel.count("BSACK", 0));
        raid.inject(21, f, "BSREQ:" + (T - 5));
        raid.runUntil(30);
        assertEquals(1, raid.channel.count("BSACK", 0));
        assertEquals("BSACK:" + T + ":P00", raid.channel.sent("BSACK", 0).get(0).text());
    }

    @Test
    void responseDelayIsTwoToTwoAndAHalfSecondsOnTheClientsFrames() {
        HeadRaid raid = synced(1, false);
        int f = fake(raid);
        raid.inject(10, f, "BSREQ:0");
        raid.runUntil(20);
        long arrive = SimTime.seconds(10.05);
        long pushed = raid.channel.sent("BSTR", 0).get(0).time();
        assertTrue(pushed >= arrive + SimTime.seconds(2.0) && pushed < arrive + SimTime.seconds(2.5) + SimTime.millis(17));
        assertEquals(raid.get(0).frameAtOrAfter(pushed), pushed, "timers fire on frames");
    }

    @Test
    void pushGuardSwallowsAResponseWithinTenSecondsOfTheLastPush() {
        HeadRaid raid = synced(1, false);
        int f = fake(raid);
        raid.at(10, () -> raid.get(0).syncAll());
        raid.inject(12, f, "BSREQ:0");
        raid.runUntil(30);
        assertEquals(1, raid.channel.count("BSACK", 0), "ACK promised (B7)");
        assertEquals(1, raid.channel.count("BSTR", 0), "only the Sync All push");
    }

    @Test
    void pendingResponseSurvivesOwnRequestAndStillPushes() {
        HeadRaid raid = new HeadRaid(6, true);
        EncodedSheet full = HeadRaid.encode(HeadRaid.sheet(raid.sim, "sheet", SMALL), T);
        List<String> blobs = new ArrayList<>(full.sectionBlobs());
        blobs.set(1, ""); // a placeholder counts as present (B13)
        EncodedSheet holed = new EncodedSheet(full.names(), blobs, full.structureBlob());
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withInitialData(new InitialData.Saved(T, holed)));
        int f = raid.addFake();
        raid.form();
        raid.inject(10, f, "BSREQ:0");
        raid.at(11, () -> raid.get(0).navigate(2)); // placeholder → RequestBulkSync forgets the pending response (B26)
        raid.runUntil(20);
        assertEquals(1, raid.channel.count("BSACK", 0));
        assertEquals(1, raid.channel.count("BSREQ", 0));
        assertEquals(1, raid.channel.count("BSTR", 0), "the forgotten timer still fires");
        assertEquals(3, raid.channel.count("BSEC", 0), "the empty section is skipped");
    }

    @Test
    void bulkSectionIsStoredWithoutVersionCheckAndOnlyRaisesTimestamp() {
        HeadRaid raid = synced(1, false);
        int f = fake(raid);
        String other = HeadRaid.encode(HeadRaid.sheet(raid.sim, "other", SMALL), T - 100).sectionBlobs().get(0);
        raid.inject(10, f, "BSEC:" + (T - 100) + ":1:" + other);
        raid.runUntil(11);
        assertEquals(other, raid.get(0).snapshot().compressedSections().get(1), "older data overwrites (B11)");
        assertEquals(T, raid.get(0).snapshot().assignmentsTimestamp());
        raid.inject(12, f, "BSEC:" + (T + 100) + ":1:" + other);
        raid.runUntil(13);
        assertEquals(T + 100, raid.get(0).snapshot().assignmentsTimestamp(), "newer raises A (B9)");
        assertEquals(T, raid.get(0).snapshot().compressedTimestamp());
    }

    @Test
    void structureOlderThanCompressedTimestampIsIgnoredAndEqualIsReapplied() {
        HeadRaid raid = synced(1, false);
        int f = fake(raid);
        String structure = raid.get(0).snapshot().structure();
        raid.inject(10, f, "BSTR:" + (T - 1) + ":" + structure);
        raid.inject(11, f, "BSTR:" + T + ":" + structure);
        raid.runUntil(12);
        assertEquals(1, raid.metrics.count("duplicate", "BSTR"), "equal timestamp is fully re-processed (B12)");
        assertEquals(0, raid.metrics.count("aborted"));
    }

    @Test
    void referenceArrivingBeforeItsChunksStaysDangling() {
        HeadRaid raid = synced(1, false);
        int f = fake(raid);
        raid.inject(10, f, "CHUNKED:4:1747454400-11111:1");
        raid.inject(10.1, f, "BSEC:" + T + ":2:CHUNKED:1747454400-22222");
        raid.inject(10.2, f, "CHUNKED:4:1747454400-22222:1");
        raid.inject(10.3, f, "CHUNK:1747454400-22222:1:\u00F1QQ=");
        raid.runUntil(11);
        assertEquals("CHUNKED:1747454400-22222", raid.get(0).snapshot().compressedSections().get(2));
        assertEquals("1747454400-22222", raid.get(0).snapshot().missing().get(2));
    }

    @Test
    void aRepeatedChunkAndARestartedTransferCountAsDuplicateTransfers() {
        // §3.6/§3.7: a chunk into an occupied slot still counts as progress, a header for a transfer in progress
        // starts it again and forgets its chunks (B15); both are transfer work done twice
        HeadRaid raid = synced(1, false);
        int f = fake(raid);
        raid.inject(10, f, "CHUNKED:12:1747454400-11111:3");
        raid.inject(10.1, f, "CHUNK:1747454400-11111:1:QUFB");
        raid.inject(10.2, f, "CHUNK:1747454400-11111:1:QUFB"); // 2 of 3 counted: not complete yet
        raid.inject(10.3, f, "CHUNKED:12:1747454400-11111:3");
        raid.runUntil(11);
        assertEquals(List.of("CHUNK", "CHUNKED"), raid.metrics.events.stream().filter(e -> e.kind().equals("duplicate"))
                .map(RecordingMetrics.Event::detail).toList());
    }

    @Test
    void referenceIsIgnoredWhileTheChunkManagerWasNeverInitialised() {
        HeadRaid raid = synced(1, false);
        int f = fake(raid);
        String before = raid.get(0).snapshot().compressedSections().get(2);
        raid.inject(10, f, "BSEC:" + T + ":2:CHUNKED:1747454400-22222");
        raid.runUntil(11);
        assertEquals(before, raid.get(0).snapshot().compressedSections().get(2), "B30");
    }

    @Test
    void freshInstallNeitherAnswersNorNavigatesWithoutError() {
        HeadRaid raid = new HeadRaid(7, true);
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)));
        int f = raid.addFake();
        raid.form();
        raid.inject(10, f, "BSREQ:0");
        raid.at(11, () -> raid.get(0).navigate(2));
        raid.runUntil(20);
        assertEquals(0, raid.channel.count("BSACK", 0));
        assertEquals(1, raid.metrics.count("aborted", 0), "NavigateToSection indexes a nil compressed table");
        assertTrue(raid.get(0).snapshot().isExample());
        assertEquals(0, raid.get(0).snapshot().assignmentsTimestamp());
    }

    @Test
    void malformedMessagesAreCountedAndDropped() {
        HeadRaid raid = synced(1, false);
        int f = fake(raid);
        raid.inject(10, f, "SECTION:abc:1");
        raid.inject(10, f, "GARBAGE");
        raid.inject(10, f, "");
        raid.inject(10, f, "SECTION:" + T);
        raid.runUntil(11);
        assertEquals(3, raid.metrics.count("malformed", 0));
        assertEquals(List.of("EMPTY", "NOT_A_NUMBER SECTION", "UNKNOWN_COMMAND"), raid.metrics.events.stream()
                .filter(e -> e.kind().equals("malformed") && e.client() == 0).map(RecordingMetrics.Event::detail)
                .sorted().toList(), "the reason, and the command the router took it for");
        assertEquals(1, raid.metrics.count("aborted", 0), "SECTION without index is a Lua error (12.2)");
    }

    @Test
    void joiningWithLiveSyncSendsVersionAndRequestTwoSecondsLater() {
        HeadRaid raid = synced(1, true);
        raid.runUntil(5);
        TestChannel.Sent ver = raid.channel.sent("VER", 0).get(0);
        TestChannel.Sent req = raid.channel.sent("BSREQ", 0).get(0);
        assertEquals("VER:0.1.0", ver.text());
        assertEquals(raid.get(0).frameAtOrAfter(SimTime.seconds(2)), ver.time());
        assertEquals(ver.time(), req.time());
    }

    @Test
    void slashVersionBroadcastsVersion() {
        HeadRaid raid = synced(2, false);
        raid.at(10, () -> raid.get(1).slashVersion());
        raid.runUntil(11);
        assertEquals(1, raid.channel.sent("VER", SimTime.seconds(10)).stream().filter(s -> s.sender() == 1).count());
    }

    @Test
    void joiningWithoutLiveSyncSendsOnlyVersion() {
        HeadRaid raid = synced(1, false);
        raid.runUntil(5);
        assertEquals(1, raid.channel.count("VER", 0));
        assertEquals(0, raid.channel.count("BSREQ", 0));
    }

    @Test
    void reloadKeepsSavedDataAndRejoinsTheGroup() {
        HeadRaid raid = synced(1, true);
        raid.at(20, () -> raid.get(0).reload());
        raid.runUntil(30);
        assertEquals(2, raid.channel.count("VER", 0));
        assertEquals(2, raid.channel.count("BSREQ", 0));
        assertEquals(T, raid.get(0).snapshot().assignmentsTimestamp());
    }

    @Test
    void reloadDiscardsAPendingResponse() {
        HeadRaid raid = synced(1, false);
        int f = fake(raid);
        raid.inject(10, f, "BSREQ:0");
        raid.at(11, () -> raid.get(0).reload());
        raid.runUntil(20);
        assertEquals(1, raid.channel.count("BSACK", 0));
        assertEquals(0, raid.channel.count("BSTR", 0), "the timer table is runtime state");
    }

    @Test
    void importPushesHalfASecondLaterWithoutLiveSyncAndWithoutSection() {
        HeadRaid raid = synced(2, false);
        AssignmentSet fresh = HeadRaid.sheet(raid.sim, "fresh", SMALL);
        raid.at(10, () -> raid.get(0).importSheet(fresh));
        raid.runUntil(20);
        assertEquals(0, raid.channel.count("SECTION", 0));
        TestChannel.Sent bstr = raid.channel.sent("BSTR", 0).get(0);
        assertEquals(raid.get(0).frameAtOrAfter(SimTime.seconds(10.5)), bstr.time());
        assertEquals(HeadRaid.EPOCH + 10, raid.get(1).snapshot().assignmentsTimestamp());
        assertTrue(raid.metrics.syncedAt.containsKey(1));
    }

    @Test
    void anImportStaysOnTheSectionOfTheSameNameAndElseOpensTheFirst() {
        HeadRaid raid = new HeadRaid(8, true);
        EncodedSheet held = HeadRaid.encode(TankSheets.sheet(), T); // Patchwerk, Grobbulus, Gluth
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withInitialData(new InitialData.Saved(T, held)));
        raid.form();
        AssignmentSet reordered = new AssignmentSet(List.of(TankSheets.tanks("Patchwerk"),
                TankSheets.otherTanks("Gluth"), TankSheets.noTanks("Grobbulus")));
        raid.at(10, () -> raid.get(0).navigate(2)); // Grobbulus
        raid.at(11, () -> raid.get(0).importSheet(reordered));
        raid.runUntil(12);
        assertEquals(3, raid.get(0).snapshot().currentSection(), "Grobbulus is third in the new sheet (§3.1)");
        AssignmentSet renamed = new AssignmentSet(List.of(TankSheets.tanks("Anub'Rekhan"),
                TankSheets.noTanks("Faerlina"), TankSheets.otherTanks("Maexxna")));
        raid.at(13, () -> raid.get(0).importSheet(renamed));
        raid.runUntil(14);
        assertEquals(1, raid.get(0).snapshot().currentSection(), "no section of that name: the first");
    }

    @Test
    void theImporterHoldsTheNewestDataTheMomentItImports() {
        HeadRaid raid = synced(2, false);
        AssignmentSet fresh = HeadRaid.sheet(raid.sim, "fresh", SMALL);
        raid.at(10, () -> raid.get(0).importSheet(fresh));
        raid.runUntil(20);
        long imported = HeadRaid.EPOCH + 10;
        List<RecordingMetrics.Event> synced = raid.metrics.events.stream()
                .filter(e -> e.kind().equals("synced") && e.detail().equals(Long.toString(imported))).toList();
        assertEquals(SimTime.seconds(10), synced.get(0).time(), "the importer, at its import: " + synced);
        assertEquals(0, synced.get(0).client());
    }

    /** When each of three members sends its push's BSTR after a BSREQ:0, under {@code luaRandom}. */
    private static List<Long> pushTimes(FixedChoices.LuaRandom luaRandom) {
        FixedChoices d = FixedChoices.DEFAULTS;
        FixedChoices choices = new FixedChoices(d.rosterEventOnLogin(), d.chunkOrder(), d.timerOrder(), luaRandom,
                d.lua());
        HeadRaid raid = new HeadRaid(21, true);
        EncodedSheet sheet = HeadRaid.encode(HeadRaid.sheet(raid.sim, "sheet", SMALL), T);
        raid.add(3, i -> ClientConfig.defaults(HeadRaid.name(i)).withChoices(choices)
                .withInitialData(new InitialData.Saved(T, sheet)));
        raid.addFake();
        raid.form();
        raid.inject(10, 3, "BSREQ:0");
        raid.runUntil(20);
        return raid.channel.sent("BSTR", 0).stream().map(TestChannel.Sent::time).toList();
    }

    @Test
    void sharedLuaRandomGivesEveryResponderTheSameJitter() {
        List<Long> independent = pushTimes(FixedChoices.LuaRandom.INDEPENDENT);
        List<Long> shared = pushTimes(FixedChoices.LuaRandom.SHARED);
        assertEquals(3, independent.size());
        assertEquals(3, shared.size());
        assertEquals(1, shared.stream().distinct().count(), "one seed, one draw: the same delay (§13.3) " + shared);
        assertEquals(3, independent.stream().distinct().count(), "three generators, three delays " + independent);
    }

    @Test
    void importerStampsItsOwnSkewedWallClock() {
        HeadRaid raid = new HeadRaid(8, true);
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withClocks(-SimTime.seconds(120), 86_400));
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)));
        raid.form();
        raid.at(10, () -> raid.get(0).importSheet(HeadRaid.sheet(raid.sim, "s", SMALL)));
        raid.runUntil(20);
        assertEquals(HeadRaid.EPOCH + 10 - 120, raid.get(1).snapshot().assignmentsTimestamp());
    }

    @Test
    void tankSyncSendsElevenCtraMessagesOnEveryNavigationIncludingFromSync() {
        HeadRaid raid = new HeadRaid(9, true);
        EncodedSheet sheet = HeadRaid.encode(TankSheets.sheet(), T);
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true).withInitialData(new InitialData.Saved(T, sheet)));
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true).withTankSync(true)
                .withInitialData(new InitialData.Saved(T, sheet)));
        raid.form();
        raid.at(10, () -> raid.get(0).navigate(3));
        raid.runUntil(20);
        List<TestChannel.Sent> ctra = raid.channel.log().stream().filter(s -> s.prefix().equals("CTRA")).toList();
        assertEquals(11, ctra.size());
        assertEquals("MT CLEAR", ctra.get(0).text());
        assertEquals("SET 1 Halvard", ctra.get(1).text());
        assertEquals("SET 10 Empty", ctra.get(10).text());
        assertEquals(Distribution.RAID, ctra.get(0).distribution());
    }

    @Test
    void versionReplyToOlderIncompatiblePeerGoesToWhisperWithoutTarget() {
        HeadRaid raid = synced(1, false);
        int f = fake(raid);
        raid.inject(10, f, "VER:0.0.5");
        raid.inject(11, f, "VER:0.1.7");
        raid.runUntil(12);
        List<TestChannel.Sent> whispers = raid.channel.refused().stream()
                .filter(s -> s.distribution() == Distribution.WHISPER).toList();
        assertEquals(1, whispers.size(), "B23: the target is dropped, the send fails");
        assertEquals("VER:0.1.0", whispers.get(0).text());
        assertFalse(raid.channel.log().stream().anyMatch(s -> s.distribution() == Distribution.WHISPER));
    }

    @Test
    void noVersionReplyToANewerPeerWhetherItsMajorOrItsMinorIsAhead() {
        // §3.8: a different MAJOR is incompatible but "newer" when theirs is higher; same MAJOR and a higher MINOR is
        // newer (and compatible, >= DATA_COMPAT); only an older incompatible sender gets SendVersionResponse.
        HeadRaid raid = synced(1, false);
        int f = fake(raid);
        raid.inject(10, f, "VER:1.0.0");
        raid.inject(11, f, "VER:0.2.0");
        raid.inject(12, f, "VER:0.1.0");
        raid.runUntil(13);
        assertEquals(0, raid.channel.refused().stream().filter(s -> s.distribution() == Distribution.WHISPER).count());
        assertEquals(0, sends(raid, 0, "VER", 10));
    }
}
