package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.SimTime;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.ClientSnapshot;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SheetSpec;
import org.syncsim.protocol.plan.PlanPolicies;

/**
 * The spec's validation scenarios (§12.2) with fixed seeds. Expected counts and bytes are computed from the
 * spec's message formats and the data layer's encoded sizes ({@link PushMessages}), not taken from a run.
 */
class ValidationScenariosTest {
    private static final long T0 = HeadRaid.EPOCH - 86_400;

    private static HeadRaid raidWithOldData(long seed, int size, AssignmentSet old) {
        return HeadRaid.holding(seed, size, old, T0, PlanPolicies.OFF);
    }

    @Test
    void leaderImportInFortyRaidCausesOneSectionUpToThirtyNineRequestsOneAckAndOnePush() {
        HeadRaid probe = new HeadRaid(11, true);
        AssignmentSet old = HeadRaid.sheet(probe.sim, "sheet/old", SheetSpec.defaults());
        AssignmentSet fresh = HeadRaid.sheet(probe.sim, "sheet/new", SheetSpec.defaults());
        HeadRaid raid = raidWithOldData(11, 40, old);
        raid.at(100, () -> raid.get(0).importSheet(fresh));
        raid.runUntil(200);

        long from = SimTime.seconds(100);
        long t1 = HeadRaid.EPOCH + 100;
        PushMessages push = PushMessages.of(HeadRaid.encode(fresh, t1), t1);
        TestChannel ch = raid.channel;
        assertEquals(1, ch.count("SECTION", from));
        assertEquals("SECTION:" + t1 + ":1", ch.sent("SECTION", from).get(0).text());
        // every one of the 39 stale members reacts to the same SECTION in the same instant (B3)
        assertEquals(39, ch.count("BSREQ", from));
        ch.sent("BSREQ", from).forEach(s -> assertEquals("BSREQ:" + T0, s.text()));
        // the leader ACKs the first request and then drops the rest (syncInProgress)
        assertEquals(1, ch.count("BSACK", from));
        assertEquals("BSACK:" + t1 + ":P00", ch.sent("BSACK", from).get(0).text());
        // one push: the import push; the response 2.0-2.5 s later is refused by the 10 s guard (B7)
        assertEquals(push.bstr(), ch.count("BSTR", from));
        assertEquals(push.bsec(), ch.count("BSEC", from));
        assertEquals(push.headers(), ch.count("CHUNKED", from));
        assertEquals(push.chunks(), ch.count("CHUNK", from));
        assertTrue(push.headers() > 0, "16 x 25 x 10 sections are chunked (spec 5.6)");
        long expectedBytes = ("SECTION:" + t1 + ":1").length() + 39L * ("BSREQ:" + T0).length()
                + ("BSACK:" + t1 + ":P00").length() + push.bytes();
        assertEquals(expectedBytes, ch.textBytes(from));
        assertEquals(1 + 39 + 1 + push.messages(), ch.countFrom(from));
        ch.sent("CHUNKED", from).forEach(s -> assertTrue(s.text().matches("CHUNKED:\\d+:\\d{10}-\\d{5}:\\d+")));
        // everybody converges on the import
        assertEquals(40, raid.metrics.syncedAt.size());
        for (HeadClient c : raid.clients) {
            assertEquals(t1, c.snapshot().assignmentsTimestamp());
            assertFalse(c.checkDesync());
        }
        assertEquals(0, raid.metrics.count("aborted"));
    }

    @Test
    void freshJoinerAmongThirtyNineSyncedMembersTriggersThirtyNineAcksAndThirtyNinePushes() {
        HeadRaid raid = new HeadRaid(22, true);
        AssignmentSet sheet = HeadRaid.sheet(raid.sim, "sheet", SheetSpec.defaults());
        long t1 = T0;
        EncodedSheet encoded = HeadRaid.encode(sheet, t1);
        raid.add(39, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true)
                .withInitialData(new InitialData.Saved(t1, encoded)));
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true));
        raid.form();
        HeadClient joiner = raid.get(39);
        raid.channel.leave(39); // the joiner starts outside the raid, logged in, with example data
        raid.at(60, () -> raid.channel.join(39));
        raid.runUntil(120);

        long from = SimTime.seconds(60);
        TestChannel ch = raid.channel;
        PushMessages push = PushMessages.of(encoded, t1);
        assertEquals(1, ch.count("VER", from));
        assertEquals(1, ch.count("BSREQ", from));
        assertEquals("BSREQ:0", ch.sent("BSREQ", from).get(0).text());
        // BSREQ:0 skips the timestamp test (B36); ties never stand down (B1): the storm
        assertEquals(39, ch.count("BSACK", from));
        assertEquals(39L * push.bstr(), ch.count("BSTR", from));
        assertEquals(39L * push.bsec(), ch.count("BSEC", from));
        // A responder that received another push before its own may hold a dangling CHUNKED:<tid> from a
        // same-second transfer-id collision (B17) and re-sends it inline without its transfer (B13): such a
        // section costs its BSEC reference only. Everything else is a full push of the spec's size.
        List<int[]> propagated = propagatedDanglingReferences(ch, from);
        if (!propagated.isEmpty()) {
            assertTrue(duplicateTransferIds(ch, from) > 0, "dangling references come from tid collisions");
        }
        long missingHeaders = propagated.size();
        long missingChunks = 0;
        long missingBytes = 0;
        for (int[] senderAndSection : propagated) {
            missingChunks += push.chunksOf(senderAndSection[1]);
            missingBytes += push.transferBytesOf(senderAndSection[1]);
        }
        assertEquals(39L * push.headers() - missingHeaders, ch.count("CHUNKED", from));
        assertEquals(39L * push.chunks() - missingChunks, ch.count("CHUNK", from));
        long ackBytes = 39L * ("BSACK:" + t1 + ":P00").length();
        long expectedBytes = "VER:0.1.0".length() + "BSREQ:0".length() + ackBytes + 39L * push.bytes() - missingBytes;
        assertEquals(expectedBytes, ch.textBytes(from));
        assertEquals(39, raid.metrics.count("response"));
        // all pushes leave 2.0-2.5 s (+ one frame) after the request reached the responders
        long requestArrives = SimTime.seconds(62) + HeadRaid.LATENCY;
        for (TestChannel.Sent s : ch.sent("BSTR", from)) {
            assertTrue(s.time() >= requestArrives + SimTime.seconds(2.0), SimTime.format(s.time()));
            assertTrue(s.time() <= requestArrives + SimTime.seconds(2.5) + SimTime.millis(17), SimTime.format(s.time()));
        }
        // every member re-applies every equal-timestamp BSTR it did not send (B12): 40 receivers x 38 repeats
        assertEquals(40L * 38, raid.metrics.count("duplicate", "BSTR"));
        assertTrue(raid.metrics.syncedAt.containsKey(39), "the joiner converges");
        assertEquals(t1, joiner.snapshot().assignmentsTimestamp());
    }

    @Test
    void droppedStructureLeavesMemberCurrentButHoldingOldData() {
        HeadRaid probe = new HeadRaid(33, true);
        AssignmentSet old = HeadRaid.sheet(probe.sim, "sheet/old", SheetSpec.of(8, 10, 8));
        AssignmentSet fresh = HeadRaid.sheet(probe.sim, "sheet/new", SheetSpec.of(8, 10, 8));
        HeadRaid raid = raidWithOldData(33, 6, old);
        int victim = 3;
        raid.channel.setDropRule((s, r, t) -> s == 0 && r == victim && t.startsWith("BSTR:"));
        raid.at(100, () -> raid.get(0).importSheet(fresh));
        raid.at(150, () -> raid.get(0).navigate(2));
        raid.runUntil(400);

        long t1 = HeadRaid.EPOCH + 100;
        ClientSnapshot v = raid.get(victim).snapshot();
        assertEquals(t1, v.assignmentsTimestamp(), "BSEC raised A (B9)");
        assertEquals(T0, v.compressedTimestamp(), "C stays: no BSTR");
        assertEquals(HeadRaid.encode(old, T0).structureBlob(), v.structure());
        assertEquals(2, v.currentSection(), "equal timestamps: follows the leader's SECTION");
        // the only request the victim ever made after the import is the one the SECTION triggered
        long requests = raid.metrics.events.stream()
                .filter(e -> e.client() == victim && e.kind().equals("request") && e.time() > SimTime.seconds(100))
                .count();
        assertEquals(1, requests);
        assertTrue(raid.get(victim).checkDesync(), "claims the newest timestamp, content differs");
        assertFalse(raid.metrics.syncedAt.containsKey(victim));
        for (int i = 0; i < 6; i++) {
            if (i != victim) {
                assertFalse(raid.get(i).checkDesync());
                assertTrue(raid.metrics.syncedAt.containsKey(i));
            }
        }
        assertEquals(1, raid.metrics.count("desync"));
        // Traffic: the import as in scenario (1) with 5 stale members, then the leader's second SECTION, which
        // nobody answers (everyone's A is t1, the victim's included): the lost BSTR is never asked for again.
        TestChannel ch = raid.channel;
        long from = SimTime.seconds(100);
        PushMessages push = PushMessages.of(HeadRaid.encode(fresh, t1), t1);
        assertEquals(2, ch.count("SECTION", from));
        assertEquals(5, ch.count("BSREQ", from));
        assertEquals(1, ch.count("BSACK", from));
        assertEquals(push.bstr(), ch.count("BSTR", from));
        assertEquals(push.bsec(), ch.count("BSEC", from));
        assertEquals(push.headers() + push.chunks(), ch.count("CHUNKED", from) + ch.count("CHUNK", from));
        assertEquals(2 + 5 + 1 + push.messages(), ch.countFrom(from));
        assertEquals(("SECTION:" + t1 + ":1").length() + ("SECTION:" + t1 + ":2").length()
                + 5L * ("BSREQ:" + T0).length() + ("BSACK:" + t1 + ":P00").length() + push.bytes(), ch.textBytes(from));
    }

    @Test
    void droppedChunkLeavesDanglingSectionAndAbortsStructureHandler() {
        HeadRaid probe = new HeadRaid(44, true);
        AssignmentSet old = HeadRaid.sheet(probe.sim, "sheet/old", SheetSpec.defaults());
        AssignmentSet fresh = HeadRaid.sheet(probe.sim, "sheet/new", SheetSpec.defaults());
        HeadRaid raid = raidWithOldData(44, 6, old);
        int victim = 4;
        AtomicBoolean droppedOne = new AtomicBoolean();
        raid.channel.setDropRule((s, r, t) -> s == 0 && r == victim && t.startsWith("CHUNK:")
                && droppedOne.compareAndSet(false, true));
        raid.at(100, () -> raid.get(0).importSheet(fresh));
        raid.runUntil(300);

        long t1 = HeadRaid.EPOCH + 100;
        EncodedSheet expected = HeadRaid.encode(fresh, t1);
        int firstChunked = 1;
        while (("BSEC:" + t1 + ":" + firstChunked + ":" + expected.sectionBlobs().get(firstChunked - 1)).length() <= 2000) {
            firstChunked++;
        }
        String tid = raid.channel.sent("CHUNKED", SimTime.seconds(100)).get(0).text().split(":")[2];
        ClientSnapshot v = raid.get(victim).snapshot();
        assertTrue(droppedOne.get());
        assertEquals("CHUNKED:" + tid, v.compressedSections().get(firstChunked), "dangling reference stored (B16)");
        assertEquals("true", v.missing().get(firstChunked), "BSTR processing marks it missing");
        assertEquals(t1, v.assignmentsTimestamp());
        assertEquals(t1, v.compressedTimestamp());
        assertEquals(1, raid.metrics.count("aborted", victim), "RequestMissingSectionsWhisper is undefined (B29)");
        assertTrue(raid.metrics.events.stream().anyMatch(e -> e.client() == victim && e.kind().equals("aborted")
                && e.detail().startsWith("BSTR")));
        assertTrue(raid.get(victim).checkDesync());
        assertEquals(1, raid.metrics.count("aborted"));
        for (int i = 0; i < 6; i++) {
            if (i != victim) {
                assertTrue(raid.metrics.syncedAt.containsKey(i));
            }
        }
        // Traffic: the import as in scenario (1) with 5 stale members and nothing after it; the aborted handler
        // sends no request for the missing section.
        TestChannel ch = raid.channel;
        long from = SimTime.seconds(100);
        PushMessages push = PushMessages.of(expected, t1);
        assertTrue(push.headers() > 0, "the defaults' sections are chunked");
        assertEquals(1, ch.count("SECTION", from));
        assertEquals(5, ch.count("BSREQ", from));
        assertEquals(1, ch.count("BSACK", from));
        assertEquals(push.headers(), ch.count("CHUNKED", from));
        assertEquals(push.chunks(), ch.count("CHUNK", from));
        assertEquals(push.bsec(), ch.count("BSEC", from));
        assertEquals(1 + 5 + 1 + push.messages(), ch.countFrom(from));
        assertEquals(("SECTION:" + t1 + ":1").length() + 5L * ("BSREQ:" + T0).length()
                + ("BSACK:" + t1 + ":P00").length() + push.bytes(), ch.textBytes(from));
    }

    /** (sender, section) of every BSEC reference whose transfer the same sender did not send in that push. */
    private static List<int[]> propagatedDanglingReferences(TestChannel ch, long from) {
        Set<String> headerKeys = new HashSet<>();
        for (TestChannel.Sent h : ch.sent("CHUNKED", from)) {
            headerKeys.add(h.sender() + "/" + h.text().split(":")[2]);
        }
        List<int[]> out = new ArrayList<>();
        for (TestChannel.Sent b : ch.sent("BSEC", from)) {
            String[] f = b.text().split(":");
            if (f.length == 5 && f[3].equals("CHUNKED") && !headerKeys.contains(b.sender() + "/" + f[4])) {
                out.add(new int[] {b.sender(), Integer.parseInt(f[2])});
            }
        }
        return out;
    }

    private static long duplicateTransferIds(TestChannel ch, long from) {
        List<String> tids = ch.sent("CHUNKED", from).stream().map(h -> h.text().split(":")[2]).toList();
        return tids.size() - new HashSet<>(tids).size();
    }

    @Test
    void lateRequestTurnsAnUpdatedMemberIntoAnExtraResponder() {
        HeadRaid probe = new HeadRaid(55, true);
        AssignmentSet old = HeadRaid.sheet(probe.sim, "sheet/old", SheetSpec.of(8, 10, 8));
        AssignmentSet fresh = HeadRaid.sheet(probe.sim, "sheet/new", SheetSpec.of(8, 10, 8));
        HeadRaid raid = raidWithOldData(55, 3, old);
        // X (1) -> Y (2) is slow: Y applies the import push before X's pull reaches it (B4)
        raid.channel.setLatencyRule((s, r, t) -> s == 1 && r == 2 ? SimTime.seconds(1) : HeadRaid.LATENCY);
        raid.at(100, () -> raid.get(0).importSheet(fresh));
        raid.runUntil(130);
        long from = SimTime.seconds(100);
        long t1 = HeadRaid.EPOCH + 100;
        PushMessages push = PushMessages.of(HeadRaid.encode(fresh, t1), t1);
        assertEquals(2, raid.channel.count("BSREQ", from));
        assertEquals(List.of("BSACK:" + t1 + ":P00", "BSACK:" + t1 + ":P02"),
                raid.channel.sent("BSACK", from).stream().map(TestChannel.Sent::text).toList());
        assertEquals(2L * push.bstr(), raid.channel.count("BSTR", from), "import push + Y's extra push");
        assertEquals(1, raid.channel.sent("BSTR", from).stream().filter(s -> s.sender() == 2).count());
        assertEquals(2L * push.bytes() + 2L * ("BSREQ:" + T0).length() + 2L * ("BSACK:" + t1 + ":P00").length()
                + ("SECTION:" + t1 + ":1").length(), raid.channel.textBytes(from));
    }

    @Test
    void joinerWithinTenSecondsOfEveryMembersPushGetsAcksButNoDataAndStaysStale() {
        HeadRaid raid = new HeadRaid(66, true);
        EncodedSheet sheet = HeadRaid.encode(HeadRaid.sheet(raid.sim, "sheet", SheetSpec.of(8, 10, 8)), T0);
        raid.add(2, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true)
                .withInitialData(new InitialData.Saved(T0, sheet)));
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true));
        raid.form();
        raid.channel.leave(2);
        raid.at(60, () -> raid.get(0).syncAll());
        raid.at(60, () -> raid.get(1).syncAll());
        raid.at(61, () -> raid.channel.join(2));
        raid.runUntil(200);
        long from = SimTime.seconds(61);
        assertEquals(List.of("BSREQ:0"), raid.channel.sent("BSREQ", from).stream().map(TestChannel.Sent::text).toList());
        assertEquals(2, raid.channel.count("BSACK", from), "both members promise a push");
        assertEquals(0, raid.channel.count("BSTR", from), "both pushes are swallowed by the 10 s guard (B7)");
        assertTrue(raid.get(2).snapshot().isExample(), "no retry: the joiner stays on example data");
        assertFalse(raid.metrics.syncedAt.containsKey(2));
    }
}
