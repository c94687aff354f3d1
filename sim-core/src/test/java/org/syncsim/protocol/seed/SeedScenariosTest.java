package org.syncsim.protocol.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.SimTime;
import org.syncsim.protocol.RecordingMetrics;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.chunk.ChunkSender;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.ClientSnapshot;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.client.SyncClient;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SheetSpec;

/**
 * The {@code seed} profile's flows (spec §10.2) in a raid, with fixed seeds. Expected messages, counts and bytes are
 * computed from the §10.2 formats and the encoded sheet, not taken from a run.
 */
class SeedScenariosTest {
    static final long T0 = ProfileRaid.EPOCH - 86_400;
    static final long LATENCY = SimTime.millis(50);
    /** One frame at the default 60 fps: timers fire on the first frame at or after their expiry. */
    static final long FRAME = SimTime.seconds(1.0 / 60) + 1;
    static final SheetSpec SMALL = SheetSpec.of(8, 10, 8);

    static ProfileRaid raid(String profile, long seed, long latency, int size, EncodedSheet sheet, long ts) {
        return raid(org.syncsim.protocol.ProtocolProfiles.byName(profile), seed, latency, size, sheet, ts);
    }

    static ProfileRaid raid(org.syncsim.protocol.ProtocolProfile profile, long seed, long latency, int size,
            EncodedSheet sheet, long ts) {
        ProfileRaid raid = new ProfileRaid(profile, seed, latency);
        raid.add(size, i -> ClientConfig.defaults(ProfileRaid.name(i)).withLiveSync(true)
                .withInitialData(new InitialData.Saved(ts, sheet)));
        return raid;
    }

    static void assertNoChunking(EncodedSheet sheet, long ts) {
        for (int i = 0; i < sheet.size(); i++) {
            String secres = "SECRES:" + ts + ":" + (i + 1) + ":" + sheet.sectionBlobs().get(i);
            assertFalse(ChunkSender.needsChunking(secres.length()), "scenario assumes inline sections");
        }
    }

    @Test
    void leaderImportAndNavigationInFortyRaidPullsStructureOnceAndEachSectionOnce() {
        AssignmentSet old = ProfileRaid.sheet(11, "sheet/old", SMALL);
        AssignmentSet fresh = ProfileRaid.sheet(11, "sheet/new", SMALL);
        ProfileRaid raid = raid("seed", 11, LATENCY, 40, ProfileRaid.encode(old, T0), T0).form();
        long t1 = ProfileRaid.EPOCH + 100;
        EncodedSheet now = ProfileRaid.encode(fresh, t1);
        assertNoChunking(now, t1);
        int n = now.size();
        // the import's decoder navigates to section 1, whatever section was shown before (§10.2)
        int k = 1;
        raid.at(100, () -> raid.get(0).importSheet(fresh));
        List<Integer> others = new java.util.ArrayList<>();
        for (int j = 1; j <= n; j++) {
            if (j != k) {
                others.add(j);
            }
        }
        for (int s = 0; s < others.size(); s++) {
            int j = others.get(s);
            raid.at(110 + 10 * s, () -> raid.get(0).navigate(j));
        }
        raid.runUntil(110 + 10 * others.size() + 10);

        long from = SimTime.seconds(100);
        TestChannel ch = raid.channel;
        // import: SECTION (liveSync) and no ANC (a Lua error in the import path comes first); every stale member
        // pulls the structure once, the leader answers once (its timer collapses the 39 requests)
        assertEquals(n, ch.count("SECTION", from));
        assertEquals("SECTION:" + t1 + ":" + k, ch.sent("SECTION", from).get(0).text());
        assertEquals(0, ch.count("ANC", from));
        assertEquals(39, ch.count("SREQ", from));
        ch.sent("SREQ", from).forEach(s -> assertEquals("SREQ:" + t1, s.text()));
        assertEquals(1, ch.count("SRES", from));
        assertEquals("SRES:" + t1 + ":" + now.structureBlob(), ch.sent("SRES", from).get(0).text());
        // each section: 39 empty members ask, only the leader holds it, the leader answers once
        assertEquals(39L * n, ch.count("SECREQ", from));
        assertEquals(n, ch.count("SECRES", from));
        for (int j = 1; j <= n; j++) {
            String secreq = "SECREQ:" + t1 + ":" + j;
            assertEquals(39, ch.sent("SECREQ", from).stream().filter(s -> s.text().equals(secreq)).count());
            String secres = "SECRES:" + t1 + ":" + j + ":" + now.sectionBlobs().get(j - 1);
            assertEquals(1, ch.sent("SECRES", from).stream().filter(s -> s.text().equals(secres) && s.sender() == 0)
                    .count());
        }
        long bytes = 39L * ("SREQ:" + t1).length()
                + ("SRES:" + t1 + ":" + now.structureBlob()).length();
        for (int j = 1; j <= n; j++) {
            bytes += ("SECTION:" + t1 + ":" + j).length() + 39L * ("SECREQ:" + t1 + ":" + j).length()
                    + ("SECRES:" + t1 + ":" + j + ":" + now.sectionBlobs().get(j - 1)).length();
        }
        assertEquals(bytes, ch.textBytes(from));
        assertEquals(n + 39 + 1 + 39L * n + n, ch.countFrom(from));
        // nobody holds everything before the last section is pulled; afterwards everybody does
        assertEquals(40, raid.metrics.syncedAt.size());
        long lastSecres = ch.sent("SECRES", from).get(n - 1).time();
        raid.metrics.syncedAt.forEach((c, t) -> assertTrue(c == 0 || t > lastSecres, "client " + c));
        for (SyncClient c : raid.clients) {
            assertEquals(t1, c.snapshot().assignmentsTimestamp());
            assertFalse(c.checkDesync());
        }
        assertEquals(1, raid.metrics.count("aborted"));
        assertEquals(1, raid.metrics.count("aborted", "import DirectImportNewFormat"));
        // 39 members saw every section's response: none of them will ever answer a SECREQ again (never cleared)
        for (int i = 1; i < 40; i++) {
            assertEquals(n, raid.seed(i).seenSectionResponses().size());
        }
        assertEquals(List.of(), raid.seed(0).seenSectionResponses());
    }

    /**
     * Scenario {@code leader-import-40} under {@code seed} (issue 18): a 16 × 25 × 10 sheet, every section over the
     * inline limit. The import sends SECTION to section 1 and no ANC; 39 SREQ, one SRES; 39 SECREQ for section 1,
     * which the leader's uninitialised chunk manager never answers: its SECRES timer errors every frame.
     */
    @Test
    void leaderImportOfLargeSectionsLeavesEveryMemberOnThePlaceholderAndTheLeaderErringEveryFrame() {
        AssignmentSet old = ProfileRaid.sheet(40, "sheet/old", SheetSpec.of(16, 25, 10));
        AssignmentSet fresh = ProfileRaid.sheet(40, "sheet/new", SheetSpec.of(16, 25, 10));
        ProfileRaid raid = raid("seed", 40, LATENCY, 40, ProfileRaid.encode(old, T0), T0).form();
        long t1 = ProfileRaid.EPOCH + 10;
        EncodedSheet now = ProfileRaid.encode(fresh, t1);
        for (int i = 0; i < now.size(); i++) {
            assertTrue(ChunkSender.needsChunking(("SECRES:" + t1 + ":" + (i + 1) + ":" + now.sectionBlobs().get(i))
                    .length()), "section " + (i + 1) + " is over 2000 chars");
        }
        raid.at(3, () -> raid.get(0).navigate(5));
        raid.at(10, () -> raid.get(0).importSheet(fresh));
        raid.runUntil(40);

        long from = SimTime.seconds(10);
        TestChannel ch = raid.channel;
        assertEquals(List.of("SECTION:" + t1 + ":1"), ch.sent("SECTION", from).stream()
                .map(TestChannel.Sent::text).toList());
        assertEquals(0, ch.count("ANC", from));
        assertEquals(39, ch.count("SREQ", from));
        assertEquals(1, ch.count("SRES", from), "only the leader is as new, and its timer collapses the requests");
        assertEquals(39, ch.count("SECREQ", from));
        ch.sent("SECREQ", from).forEach(x -> assertEquals("SECREQ:" + t1 + ":1", x.text()));
        assertEquals(0, ch.log().stream().filter(x -> x.text().startsWith("SECRES")).count(),
                "no SECRES, no header, no piece");
        assertEquals(1 + 39 + 1 + 39, ch.countFrom(from));
        for (int i = 1; i < 40; i++) {
            ClientSnapshot snap = raid.get(i).snapshot();
            assertEquals(t1, snap.assignmentsTimestamp());
            assertEquals(now.structureBlob(), snap.structure());
            assertEquals(16, snap.compressedSections().values().stream().filter(String::isEmpty).count());
            assertEquals(1, snap.currentSection());
            assertFalse(raid.seed(i).isSynced());
            assertFalse(raid.get(i).checkDesync(), "on the placeholder: never synced, not desynced");
            assertEquals(0, raid.metrics.count("aborted", i));
        }
        assertEquals(Set.of(0), raid.metrics.syncedAt.keySet(), "only the importer holds the data");
        // the leader: one import error, then its SECRES timer raises on every frame from its first firing on
        assertEquals(1, raid.metrics.count("aborted", "import DirectImportNewFormat"));
        long perFrame = raid.metrics.count("aborted", "SECRES send");
        long first = raid.metrics.events.stream().filter(e -> e.detail().startsWith("SECRES send"))
                .mapToLong(RecordingMetrics.Event::time).min().orElseThrow();
        long frames = (SimTime.seconds(40) - first) / SimTime.seconds(1.0 / 60);
        assertTrue(Math.abs(perFrame - frames) <= 2, perFrame + " errors, " + frames + " frames");
        assertEquals(1 + perFrame, raid.metrics.count("aborted", 0));
        assertTrue(raid.seed(0).timers().erroring());
    }

    @Test
    void lateJoinerPullsStructureFromEveryEqualMemberAndItsSectionWithinOneLatency() {
        AssignmentSet sheet = ProfileRaid.sheet(22, "sheet", SMALL);
        EncodedSheet encoded = ProfileRaid.encode(sheet, T0);
        assertNoChunking(encoded, T0);
        ProfileRaid raid = raid("seed", 22, LATENCY, 39, encoded, T0);
        raid.add(1, i -> ClientConfig.defaults(ProfileRaid.name(i)).withLiveSync(true));
        raid.form();
        raid.channel.leave(39);
        raid.at(60, () -> raid.channel.join(39));
        raid.at(70, () -> raid.get(0).navigate(3));
        raid.runUntil(90);

        long from = SimTime.seconds(60);
        TestChannel ch = raid.channel;
        // joining sends nothing (G1 has no pull on join and no VER sender); the pull starts at the leader's SECTION
        assertEquals(0, ch.count("VER", from));
        assertEquals(1, ch.count("SECTION", from));
        assertEquals(1, ch.count("SREQ", from));
        assertEquals("SREQ:" + T0, ch.sent("SREQ", from).get(0).text());
        assertEquals(SimTime.seconds(70) + LATENCY, ch.sent("SREQ", from).get(0).time());
        // the SRES storm: every equal-timestamp member answers, each once, 0.1-0.4 s (+ a frame) after the request
        List<TestChannel.Sent> sres = ch.sent("SRES", from);
        assertEquals(39, sres.size());
        assertEquals(39, sres.stream().map(TestChannel.Sent::sender).distinct().count());
        long sreqArrives = ch.sent("SREQ", from).get(0).time() + LATENCY;
        for (TestChannel.Sent s : sres) {
            assertEquals("SRES:" + T0 + ":" + encoded.structureBlob(), s.text());
            assertTrue(s.time() >= sreqArrives + SimTime.seconds(0.1) && s.time() <= sreqArrives
                    + SimTime.seconds(0.4) + FRAME, SimTime.format(s.time()));
        }
        // the joiner applies the first and ignores 38; every member ignores the 38 others' (40 x 38 duplicates)
        assertEquals(40L * 38, raid.metrics.count("duplicate", "SRES"));
        // the joiner navigates to the pending section 3, which is a placeholder: one SECREQ
        assertEquals(1, ch.count("SECREQ", from));
        TestChannel.Sent secreq = ch.sent("SECREQ", from).get(0);
        assertEquals("SECREQ:" + T0 + ":3", secreq.text());
        assertEquals(sres.get(0).time() + LATENCY, secreq.time());
        // every member holds section 3 and none has seen a SECRES for it: each queues one with 0.1-0.5 s jitter and
        // stands down only if another's arrived first, so all answers leave within one latency of the first
        List<TestChannel.Sent> secres = ch.sent("SECRES", from);
        assertTrue(secres.size() >= 1 && secres.size() <= 39);
        long secreqArrives = secreq.time() + LATENCY;
        long first = secres.get(0).time();
        Set<Integer> answered = new TreeSet<>();
        for (TestChannel.Sent s : secres) {
            assertEquals("SECRES:" + T0 + ":3:" + encoded.sectionBlobs().get(2), s.text());
            assertTrue(s.time() >= secreqArrives + SimTime.seconds(0.1), SimTime.format(s.time()));
            assertTrue(s.time() <= first + LATENCY, SimTime.format(s.time()));
            assertTrue(answered.add(s.sender()));
        }
        long bytes = ("SECTION:" + T0 + ":3").length() + ("SREQ:" + T0).length()
                + 39L * ("SRES:" + T0 + ":" + encoded.structureBlob()).length() + secreq.text().length()
                + secres.size() * (long) secres.get(0).text().length();
        assertEquals(bytes, ch.textBytes(from));
        // the joiner holds the structure, section 3 and placeholders elsewhere: not synced, not desynced
        var snap = raid.get(39).snapshot();
        assertEquals(T0, snap.assignmentsTimestamp());
        assertEquals(encoded.names(), snap.sectionNames());
        assertEquals(encoded.sectionBlobs().get(2), snap.compressedSections().get(3));
        assertEquals(7, snap.compressedSections().values().stream().filter(String::isEmpty).count());
        assertEquals(3, snap.currentSection());
        assertFalse(raid.metrics.syncedAt.containsKey(39));
        assertFalse(raid.get(39).checkDesync());
        // everyone who did not answer has seen an answer for 3 and will never answer it again
        for (int i = 0; i < 39; i++) {
            if (!answered.contains(i)) {
                assertEquals(List.of(3), raid.seed(i).seenSectionResponses());
            }
        }
        assertEquals(0, raid.metrics.count("aborted"));
    }

    @Test
    void memberNavigatingAllSectionsSendsOneRequestPerEmptySectionAndTheSeenSetSilencesLaterRequests() {
        // latency above the 0.5 s jitter spread: no responder can see another's SECRES before its own timer fires
        long latency = SimTime.millis(600);
        AssignmentSet sheet = ProfileRaid.sheet(33, "sheet", SheetSpec.of(6, 10, 8));
        EncodedSheet encoded = ProfileRaid.encode(sheet, T0);
        assertNoChunking(encoded, T0);
        int n = encoded.size();
        ProfileRaid raid = raid("seed", 33, latency, 10, encoded, T0);
        raid.add(2, i -> ClientConfig.defaults(ProfileRaid.name(i)));
        raid.form();
        int j = 10;
        int k = 11;
        raid.channel.leave(j);
        raid.channel.leave(k);
        raid.at(30, () -> raid.channel.join(j));
        raid.at(40, () -> raid.get(0).navigate(1));
        for (int s = 2; s <= n; s++) {
            int idx = s;
            raid.at(50 + 5 * (s - 2), () -> raid.get(j).navigate(idx));
        }
        double phase2 = 50 + 5 * (n - 1) + 10;
        raid.runUntil(phase2);

        long from = SimTime.seconds(30);
        TestChannel ch = raid.channel;
        assertEquals(1, ch.count("SREQ", from));
        assertEquals(10, ch.count("SRES", from));
        // one SECREQ per empty section, each answered by all ten holders (nobody had seen a SECRES yet)
        assertEquals(n, ch.count("SECREQ", from));
        for (int idx = 1; idx <= n; idx++) {
            String req = "SECREQ:" + T0 + ":" + idx;
            assertEquals(1, ch.sent("SECREQ", from).stream().filter(s -> s.text().equals(req) && s.sender() == j)
                    .count());
            String res = "SECRES:" + T0 + ":" + idx + ":" + encoded.sectionBlobs().get(idx - 1);
            assertEquals(10, ch.sent("SECRES", from).stream().filter(s -> s.text().equals(res)).map(
                    TestChannel.Sent::sender).distinct().count());
        }
        assertEquals(10L * n, ch.count("SECRES", from));
        assertTrue(raid.metrics.syncedAt.containsKey(j), "the member holds every section after visiting each");
        assertEquals(9L * n, raid.metrics.count("duplicate", j) - 9, "9 duplicate SRES and 9 SECRES per section");
        for (int i = 0; i < 11; i++) {
            assertEquals(n, raid.seed(i).seenSectionResponses().size(), "client " + i);
        }

        // phase 2: a second joiner; the structure storm now has 11 answers, the section requests none at all
        long from2 = SimTime.seconds(phase2);
        raid.at(phase2 + 1, () -> raid.channel.join(k));
        raid.at(phase2 + 10, () -> raid.get(0).navigate(1));
        raid.at(phase2 + 20, () -> raid.get(k).navigate(2));
        raid.runUntil(phase2 + 40);
        assertEquals(11, ch.count("SRES", from2));
        assertEquals(List.of("SECREQ:" + T0 + ":1", "SECREQ:" + T0 + ":2"),
                ch.sent("SECREQ", from2).stream().map(TestChannel.Sent::text).toList());
        assertEquals(0, ch.count("SECRES", from2));
        assertEquals("", raid.get(k).snapshot().compressedSections().get(1));
        assertFalse(raid.metrics.syncedAt.containsKey(k));
    }
}
