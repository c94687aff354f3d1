package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.SimTime;
import org.syncsim.protocol.RecordingMetrics;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.client.ClientSnapshot;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SheetSpec;
import org.syncsim.protocol.plan.Backoff;
import org.syncsim.protocol.plan.PlanPolicies;
import org.syncsim.protocol.plan.Recovery;

/**
 * The plan's {@code recovery: resume} on spec §12.2's validation scenarios (3) and (4): the push that head leaves
 * half-applied for good is staged, the missing part is asked of the pusher by name, and the member converges.
 */
class RecoveryTest {
    private static final long T0 = HeadRaid.EPOCH - 86_400;
    private static final double TIMEOUT = 3;
    private static final PlanPolicies RECOVERY = PlanPolicies.OFF.withRecovery(new Recovery.Resume(TIMEOUT, 3));

    private static HeadRaid raid(long seed, int size, AssignmentSet old) {
        return HeadRaid.holding(seed, size, old, T0, RECOVERY);
    }

    @Test
    void aDroppedStructureIsAskedForByNameAndNothingIsClaimedBeforeIt() {
        HeadRaid probe = new HeadRaid(33, true);
        AssignmentSet old = HeadRaid.sheet(probe.sim, "sheet/old", SheetSpec.of(8, 10, 8));
        AssignmentSet fresh = HeadRaid.sheet(probe.sim, "sheet/new", SheetSpec.of(8, 10, 8));
        HeadRaid raid = raid(33, 6, old);
        int victim = 3;
        AtomicBoolean dropped = new AtomicBoolean();
        raid.channel.setDropRule((s, r, t) -> s == 0 && r == victim && t.startsWith("BSTR:")
                && dropped.compareAndSet(false, true));
        raid.at(100, () -> raid.get(0).importSheet(fresh));
        raid.at(101.5, () -> assertEquals(T0, raid.get(victim).snapshot().assignmentsTimestamp(),
                "the staged sections do not raise A (B9)"));
        raid.runUntil(400);

        long t1 = HeadRaid.EPOCH + 100;
        assertTrue(dropped.get());
        List<TestChannel.Sent> asks = raid.channel.sent("BSMISS", 0);
        assertEquals(1, asks.size());
        assertEquals(victim, asks.get(0).sender());
        assertEquals("BSMISS:" + t1 + ":P00:", asks.get(0).text(), "the structure alone, of its pusher");
        long askedAt = asks.get(0).time();
        assertEquals(1, raid.channel.count("BSTR", askedAt), "the leader sends the structure again");
        assertEquals(0, raid.channel.count("BSEC", askedAt), "and no section: the victim holds them all");
        ClientSnapshot v = raid.get(victim).snapshot();
        assertEquals(t1, v.assignmentsTimestamp());
        assertEquals(t1, v.compressedTimestamp());
        assertTrue(raid.metrics.syncedAt.containsKey(victim));
        for (int i = 0; i < 6; i++) {
            assertFalse(raid.get(i).checkDesync(), "client " + i);
        }
        assertEquals(0, raid.metrics.count("aborted"));
    }

    @Test
    void aStagedPushOfALargerSheetReplacesTheSectionListWhenItCompletes() {
        HeadRaid probe = new HeadRaid(34, true);
        AssignmentSet old = HeadRaid.sheet(probe.sim, "sheet/old", SheetSpec.of(4, 10, 8));
        AssignmentSet fresh = HeadRaid.sheet(probe.sim, "sheet/new", SheetSpec.of(8, 10, 8));
        HeadRaid raid = raid(34, 4, old);
        int victim = 2;
        AtomicBoolean dropped = new AtomicBoolean();
        raid.channel.setDropRule((s, r, t) -> s == 0 && r == victim && t.startsWith("BSTR:")
                && dropped.compareAndSet(false, true));
        raid.at(100, () -> raid.get(0).importSheet(fresh));
        raid.at(101.5, () -> assertEquals(4, raid.get(victim).snapshot().sectionNames().size(),
                "staged: the old list stays until the push is whole"));
        raid.runUntil(400);

        assertTrue(dropped.get());
        assertEquals(1, raid.channel.count("BSMISS", 0));
        ClientSnapshot v = raid.get(victim).snapshot();
        assertEquals(8, v.sectionNames().size());
        assertEquals(raid.get(0).snapshot().sectionNames(), v.sectionNames());
        assertTrue(v.currentSection() >= 1 && v.currentSection() <= 8, "navigated within the new list");
        assertTrue(raid.metrics.syncedAt.containsKey(victim));
        assertFalse(raid.get(victim).checkDesync());
    }

    @Test
    void aDroppedChunkIsResentAsItsWholeSectionAndNoHandlerAborts() {
        HeadRaid probe = new HeadRaid(44, true);
        AssignmentSet old = HeadRaid.sheet(probe.sim, "sheet/old", SheetSpec.defaults());
        AssignmentSet fresh = HeadRaid.sheet(probe.sim, "sheet/new", SheetSpec.defaults());
        HeadRaid raid = raid(44, 6, old);
        int victim = 4;
        AtomicBoolean dropped = new AtomicBoolean();
        raid.channel.setDropRule((s, r, t) -> s == 0 && r == victim && t.startsWith("CHUNK:")
                && dropped.compareAndSet(false, true));
        raid.at(100, () -> raid.get(0).importSheet(fresh));
        raid.runUntil(300);

        long t1 = HeadRaid.EPOCH + 100;
        EncodedSheet expected = HeadRaid.encode(fresh, t1);
        int firstChunked = 1;
        while (("BSEC:" + t1 + ":" + firstChunked + ":" + expected.sectionBlobs().get(firstChunked - 1)).length()
                <= 2000) {
            firstChunked++;
        }
        assertTrue(dropped.get());
        List<TestChannel.Sent> asks = raid.channel.sent("BSMISS", 0);
        assertEquals(1, asks.size());
        assertEquals("BSMISS:" + t1 + ":P00:" + firstChunked, asks.get(0).text());
        long askedAt = asks.get(0).time();
        assertTrue(askedAt >= SimTime.seconds(100 + 0.5 + TIMEOUT), "after the quiet time");
        List<TestChannel.Sent> resent = raid.channel.sent("BSEC", askedAt);
        assertEquals(1, resent.size());
        assertTrue(resent.get(0).text().startsWith("BSEC:" + t1 + ":" + firstChunked + ":CHUNKED:"));
        assertEquals(1, raid.channel.count("CHUNKED", askedAt));
        assertEquals(1, raid.channel.count("BSTR", askedAt));
        assertEquals(List.of(victim), raid.metrics.events.stream().filter(e -> e.kind().equals("request")
                && e.detail().equals("BSMISS")).map(RecordingMetrics.Event::client).toList(), "the repair request"
                + " counts as the victim's request");
        assertEquals(List.of("BSMISS"), raid.metrics.events.stream().filter(e -> e.kind().equals("response")
                && e.client() == 0).map(RecordingMetrics.Event::detail).toList(), "and the pusher's answer as a"
                + " response");
        assertEquals(expected.sectionBlobs().get(firstChunked - 1),
                raid.get(victim).snapshot().compressedSections().get(firstChunked));
        assertTrue(raid.metrics.syncedAt.containsKey(victim));
        assertEquals(0, raid.metrics.count("aborted"), "no RequestMissingSectionsWhisper (B29)");
        for (int i = 0; i < 6; i++) {
            assertFalse(raid.get(i).checkDesync(), "client " + i);
        }
    }

    @Test
    void aSectionHeldWholeIsKeptWhenALaterPushOfTheSameVersionLosesItsChunks() {
        HeadRaid probe = new HeadRaid(45, true);
        AssignmentSet old = HeadRaid.sheet(probe.sim, "sheet/old", SheetSpec.defaults());
        AssignmentSet fresh = HeadRaid.sheet(probe.sim, "sheet/new", SheetSpec.defaults());
        // no repair round: once the push is quiet the victim pulls the whole version again, retried every 10 s
        PlanPolicies off = PlanPolicies.OFF;
        PlanPolicies policies = new PlanPolicies(off.responders(), off.coalescing(), new Backoff.Fixed(10, 2),
                off.skipRedundant(), off.throttle(), new Recovery.Resume(TIMEOUT, 0), off.versionCheck(),
                off.versioning(), off.permissions(), off.compressedCache(), off.differential());
        HeadRaid raid = HeadRaid.holding(45, 3, old, T0, policies);
        int victim = 2;
        java.util.Map<Integer, Integer> transfers = new java.util.HashMap<>();
        AtomicInteger firstPush = new AtomicInteger();
        // every chunked section is one CHUNKED header and its CHUNKs, in section order, before the BSECs: the
        // import's push loses the chunks of the second chunked section, every later push those of the first
        raid.channel.setDropRule((s, r, t) -> {
            if (r != victim) {
                return false;
            }
            boolean first = raid.sim.now() < SimTime.seconds(102);
            if (t.startsWith("CHUNKED:")) {
                int n = transfers.merge(s, 1, Integer::sum);
                if (first) {
                    firstPush.set(n);
                }
            }
            int n = transfers.getOrDefault(s, 0);
            return t.startsWith("CHUNK:") && (first ? n == 2 : n % firstPush.get() == 1);
        });
        raid.at(100, () -> raid.get(0).importSheet(fresh));
        raid.at(102, () -> transfers.clear());
        raid.runUntil(300);

        assertTrue(firstPush.get() >= 2, "chunked sections in a push: " + firstPush.get());
        assertTrue(raid.channel.count("BSREQ", SimTime.seconds(102)) >= 1, "the victim pulled the version again");
        assertTrue(raid.metrics.syncedAt.containsKey(victim), "the import's first section and the later push's"
                + " second one make the version whole");
        assertEquals(HeadRaid.EPOCH + 100, raid.get(victim).snapshot().assignmentsTimestamp());
        for (int i = 0; i < 3; i++) {
            assertFalse(raid.get(i).checkDesync(), "client " + i);
        }
    }

    @Test
    void malformedMessagesAreCountedAndNeverApplied() {
        HeadRaid probe = new HeadRaid(5, true);
        AssignmentSet old = HeadRaid.sheet(probe.sim, "sheet/old", SheetSpec.of(4, 5, 6));
        HeadRaid raid = raid(5, 3, old);
        int fake = raid.addFake();
        raid.inject(50, fake, "BSREQ:abc"); // head reads a non-number as BSREQ:0 and every member pushes (B36)
        raid.inject(51, fake, "BSEC:" + (HeadRaid.EPOCH + 60) + ":1:\u00F1notbase64");
        raid.inject(52, fake, "SECTION:" + (HeadRaid.EPOCH + 60)); // head: a Lua error (§12.2)
        raid.runUntil(120);
        assertEquals(3 * 3, raid.metrics.count("malformed"));
        assertEquals(0, raid.channel.count("BSACK", 0));
        for (int i = 0; i < 3; i++) {
            assertEquals(T0, raid.get(i).snapshot().assignmentsTimestamp());
        }
        assertEquals(0, raid.metrics.count("aborted"));
    }

    /** The push of {@code sheet} at {@code ts} as a raw member would send it, unchunked: BSECs then BSTR. */
    private static List<String> push(EncodedSheet sheet, long ts, boolean withStructure) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < sheet.size(); i++) {
            out.add("BSEC:" + ts + ":" + (i + 1) + ":" + sheet.sectionBlobs().get(i));
        }
        if (withStructure) {
            out.add("BSTR:" + ts + ":" + sheet.structureBlob());
        }
        return out;
    }

    @Test
    void aNewerPushReplacesTheStagedOneAndAnOlderOneIsHeldNowhere() {
        HeadRaid raid = HeadRaid.holders(5, 1, RECOVERY);
        long t1 = HeadRaid.HELD + 100;
        long t2 = HeadRaid.HELD + 200;
        EncodedSheet one = HeadRaid.encode(HeadRaid.sheet(raid.sim, "sheet/one", SheetSpec.of(4, 6, 6)), t1);
        EncodedSheet two = HeadRaid.encode(HeadRaid.sheet(raid.sim, "sheet/two", SheetSpec.of(4, 6, 6)), t2);
        double at = 10;
        for (String m : push(one, t1, false)) {
            raid.inject(at += 0.01, 1, m);
        }
        for (String m : push(two, t2, false)) {
            raid.inject(at += 0.01, 1, m);
        }
        for (String m : push(one, t1, true)) { // the older push, whole: staged nowhere, never applied
            raid.inject(at += 0.01, 1, m);
        }
        raid.inject(at += 0.01, 1, "BSTR:" + t2 + ":" + two.structureBlob());
        raid.runUntil(at + 1);
        ClientSnapshot s = raid.get(0).snapshot();
        assertEquals(t2, s.assignmentsTimestamp());
        for (int i = 1; i <= two.size(); i++) {
            assertEquals(two.sectionBlobs().get(i - 1), s.compressedSections().get(i), "section " + i);
        }
        assertEquals(0, raid.channel.count("BSMISS", 0));
    }

    @Test
    void aStructureThatDoesNotDecodeIsCountedAndNeverStaged() {
        HeadRaid raid = HeadRaid.holders(5, 1, RECOVERY);
        long t1 = HeadRaid.HELD + 100;
        raid.inject(10, 1, "BSTR:" + t1 + ":bm90IGEgc3RydWN0dXJl");
        raid.runUntil(30);
        assertEquals(1, raid.metrics.count("malformed", "BSTR"));
        assertEquals(0, raid.channel.count("BSMISS", 0), "nothing staged, so nothing to repair");
        assertEquals(HeadRaid.HELD, raid.get(0).snapshot().assignmentsTimestamp());
    }

    @Test
    void aSectionOfAnOlderVersionIsNeverWrittenIntoTheDataHeld() {
        HeadRaid raid = HeadRaid.holders(5, 1, RECOVERY);
        String own = raid.get(0).snapshot().compressedSections().get(1);
        EncodedSheet older = HeadRaid.encode(HeadRaid.sheet(raid.sim, "sheet/older", SheetSpec.of(4, 6, 6)),
                HeadRaid.HELD - 100);
        raid.inject(10, 1, "BSEC:" + (HeadRaid.HELD - 100) + ":1:" + older.sectionBlobs().get(0));
        raid.runUntil(30);
        assertEquals(own, raid.get(0).snapshot().compressedSections().get(1), "B11 fixed");
        assertEquals(0, raid.channel.count("BSMISS", 0));
    }
}
