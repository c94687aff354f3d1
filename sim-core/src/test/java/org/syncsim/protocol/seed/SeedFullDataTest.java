package org.syncsim.protocol.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.SimTime;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.chunk.ChunkSender;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.ClientSnapshot;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SectionPayloads;
import org.syncsim.protocol.data.SectionText;
import org.syncsim.protocol.data.SheetSpec;

/**
 * The seed profile's G0 full-data pull (spec §10.1): {@code DREQ:<ts>} answered by every member with
 * {@code A ≥ ts} with {@code DRES:<A>:<data>}, chunked in the old prefixed format (size 1900, 0.2 s stagger) and not
 * reassembled; the {@code full} pull parameter, which alone makes members answer and apply (at G1, §10.2, both
 * handlers are placeholders). The expected full-data string is built here from the section texts
 * (§5.2) as docs/protocol.md defines it, independently of the client's own encoder.
 */
class SeedFullDataTest {
    /** The G0 option: at the G1 snapshot DREQ/DRES are placeholders, so only this profile answers and applies. */
    private static final SeedProfile G0 = new SeedProfile(SeedPull.FULL);
    private static final long T0 = SeedScenariosTest.T0;
    private static final long T1 = T0 + 100;
    private static final long LATENCY = SeedScenariosTest.LATENCY;
    private static final long FRAME = SeedScenariosTest.FRAME;
    private static final Pattern HEADER = Pattern.compile(
            "DRES:" + T1 + ":CHUNKED:(\\d+):(\\d{10}-\\d{5}):(\\d+)");

    /** {@code {[1]=<section 1 text>,…}} at {@code ts}, compressed, Base64'd and marked. */
    static String expectedFullData(AssignmentSet set, long ts) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < set.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append('[').append(i + 1).append("]=").append(SectionText.write(set.sections().get(i), ts));
        }
        return SectionPayloads.encodeText(text.append('}').toString());
    }

    private static ClientConfig member(int id, long ts, EncodedSheet sheet) {
        return ClientConfig.defaults(ProfileRaid.name(id)).withLiveSync(true)
                .withInitialData(new InitialData.Saved(ts, sheet));
    }

    @Test
    void fullPullInFortyRaidDrawsAChunkedAnswerFromEveryNewerMemberThatNobodyReassembles() {
        int m = 6;
        AssignmentSet old = ProfileRaid.sheet(21, "sheet/old", SheetSpec.of(4, 10, 8));
        AssignmentSet fresh = ProfileRaid.sheet(21, "sheet/new", SheetSpec.of(4, 10, 8));
        AssignmentSet oldest = ProfileRaid.sheet(21, "sheet/oldest", SheetSpec.of(4, 10, 8));
        EncodedSheet oldSheet = ProfileRaid.encode(old, T0);
        EncodedSheet freshSheet = ProfileRaid.encode(fresh, T1);
        EncodedSheet oldestSheet = ProfileRaid.encode(oldest, T0 - 50);
        ProfileRaid raid = new ProfileRaid(G0, 21, LATENCY)
                .add(40, i -> i == 0 ? member(i, T0, oldSheet)
                        : i <= m ? member(i, T1, freshSheet) : member(i, T0 - 50, oldestSheet))
                .form();
        raid.at(10, () -> raid.seed(0).requestFullData());
        raid.runUntil(30);

        long from = SimTime.seconds(10);
        TestChannel ch = raid.channel;
        assertEquals(1, ch.count("DREQ", from));
        assertEquals("DREQ:" + T0, ch.sent("DREQ", from).get(0).text());
        assertEquals(from, ch.sent("DREQ", from).get(0).time());

        String data = expectedFullData(fresh, T1);
        int n = ChunkSender.chunkCount(data.length(), 1900);
        assertTrue(ChunkSender.needsChunking(("DRES:" + T1 + ":" + data).length()), "scenario needs a chunked DRES");
        assertTrue(n >= 2);
        // only the m members with T1 ≥ T0 answer (the 33 at T0 - 50 do not), each at once, no suppression
        List<TestChannel.Sent> headers = ch.sent("DRES:CHUNKED", from);
        assertEquals(m, headers.size());
        assertEquals(m * n, ch.count("DRES:CHUNK", from));
        TreeSet<Integer> responders = new TreeSet<>();
        long bytes = 0;
        for (TestChannel.Sent h : headers) {
            responders.add(h.sender());
            assertEquals(from + LATENCY, h.time());
            Matcher mh = HEADER.matcher(h.text());
            assertTrue(mh.matches(), h.text());
            assertEquals(data.length(), Integer.parseInt(mh.group(1)));
            assertEquals(n, Integer.parseInt(mh.group(3)));
            String tid = mh.group(2);
            bytes += h.text().length();
            List<TestChannel.Sent> pieces = ch.sent("DRES:CHUNK", from).stream()
                    .filter(s -> s.sender() == h.sender()).toList();
            assertEquals(n, pieces.size());
            for (int i = 1; i <= n; i++) {
                String expected = "DRES:" + T1 + ":CHUNK:" + i + ":" + n + ":" + tid + ":"
                        + data.substring((i - 1) * 1900, Math.min(data.length(), i * 1900));
                TestChannel.Sent p = pieces.get(i - 1);
                assertEquals(expected, p.text());
                long due = h.time() + SimTime.seconds(0.2 * i);
                assertTrue(p.time() >= due && p.time() <= due + FRAME, SimTime.format(p.time()));
                bytes += expected.length();
            }
        }
        assertEquals(new TreeSet<>(List.of(1, 2, 3, 4, 5, 6)), responders);
        long dresBytes = ch.log().stream().filter(s -> s.time() >= from && s.command().startsWith("DRES"))
                .mapToLong(s -> s.text().length()).sum();
        assertEquals(bytes, dresBytes);
        assertEquals(m, raid.metrics.count("response", "DREQ"));
        // every piece reaches every other member's DRES handler as data and changes nothing
        assertEquals((long) m * (n + 1) * 39, raid.metrics.count("malformed", "DRES old-format chunk piece"));
        assertEquals(T0, raid.get(0).snapshot().assignmentsTimestamp());
        assertEquals(T0 - 50, raid.get(39).snapshot().assignmentsTimestamp());
        assertFalse(raid.seed(0).isSynced());
    }

    @Test
    void everyMemberAtLeastAsNewAsTheRequestAnswersEqualOnesIncluded() {
        AssignmentSet set = ProfileRaid.sheet(22, "sheet", SheetSpec.of(1, 3, 4));
        EncodedSheet sheet = ProfileRaid.encode(set, T0);
        String data = expectedFullData(set, T0);
        assertFalse(ChunkSender.needsChunking(("DRES:" + T0 + ":" + data).length()), "scenario needs inline DRES");
        ProfileRaid raid = SeedScenariosTest.raid(G0, 22, LATENCY, 4, sheet, T0);
        int fake = raid.addFake();
        raid.form();
        raid.inject(10, fake, "DREQ:" + T0);
        raid.inject(20, fake, "DREQ:" + (T0 + 1));
        raid.inject(30, fake, "DREQ:" + (T0 - 1));
        raid.runUntil(40);

        List<TestChannel.Sent> first = ch(raid, 10, 20);
        assertEquals(4, first.size());
        for (TestChannel.Sent s : first) {
            assertEquals("DRES:" + T0 + ":" + data, s.text());
            assertEquals(SimTime.seconds(10) + LATENCY, s.time(), "no jitter");
        }
        assertEquals(0, ch(raid, 20, 30).size(), "older members do not answer");
        assertEquals(4, ch(raid, 30, 40).size());
        // each member receives the three others' equal-timestamp answers and keeps its data
        assertEquals(2 * 4 * 3, raid.metrics.count("duplicate", "DRES"));
        assertEquals(0, raid.metrics.count("malformed"));
        for (int i = 0; i < 4; i++) {
            assertEquals(sheet.sectionBlobs().get(0), raid.get(i).snapshot().compressedSections().get(1));
        }
    }

    private static List<TestChannel.Sent> ch(ProfileRaid raid, double from, double to) {
        return raid.channel.sent("DRES", SimTime.seconds(from)).stream()
                .filter(s -> s.time() < SimTime.seconds(to)).toList();
    }

    @Test
    void fullPullParameterMakesEveryNewerTimestampSendDreqAtOnceWithoutCooldown() {
        EncodedSheet sheet = ProfileRaid.encode(ProfileRaid.sheet(23, "sheet", SheetSpec.of(3, 4, 5)), T0);
        List<Long> dreqTimes = new ArrayList<>();
        for (SeedPull pull : SeedPull.values()) {
            ProfileRaid raid = new ProfileRaid(new SeedProfile(pull), 23, LATENCY)
                    .add(1, i -> member(i, T0, sheet));
            int fake = raid.addFake();
            raid.form();
            raid.inject(10, fake, "SECTION:" + T1 + ":2");
            raid.inject(10.5, fake, "SECTION:" + T1 + ":3");
            raid.inject(11, fake, "ANC:" + T1);
            raid.inject(11.5, fake, "SREQ:" + T1);
            raid.runUntil(20);
            long from = SimTime.seconds(10);
            if (pull == SeedPull.SEGMENTED) {
                assertEquals(1, raid.channel.count("SREQ", from), "§10.2: one SREQ inside the 5 s throttle");
                assertEquals(0, raid.channel.count("DREQ", from));
            } else {
                assertEquals(0, raid.channel.count("SREQ", from));
                List<TestChannel.Sent> dreq = raid.channel.sent("DREQ", from);
                assertEquals(4, dreq.size());
                dreq.forEach(s -> assertEquals("DREQ:" + T1, s.text()));
                dreq.forEach(s -> dreqTimes.add(s.time()));
                assertEquals(4, raid.metrics.count("request", "DREQ"));
            }
        }
        assertEquals(List.of(SimTime.seconds(10) + LATENCY, SimTime.seconds(10.5) + LATENCY,
                SimTime.seconds(11) + LATENCY, SimTime.seconds(11.5) + LATENCY), dreqTimes);
    }

    @Test
    void smallDatasetArrivesInOneDresAndIsAppliedByTheRequester() {
        AssignmentSet old = ProfileRaid.sheet(24, "sheet/old", SheetSpec.of(2, 3, 4));
        AssignmentSet fresh = ProfileRaid.sheet(24, "sheet/new", SheetSpec.of(1, 3, 4));
        EncodedSheet oldSheet = ProfileRaid.encode(old, T0);
        EncodedSheet freshSheet = ProfileRaid.encode(fresh, T1);
        String data = expectedFullData(fresh, T1);
        assertFalse(ChunkSender.needsChunking(("DRES:" + T1 + ":" + data).length()), "scenario needs inline DRES");
        ProfileRaid raid = new ProfileRaid(G0, 24, LATENCY)
                .add(3, i -> i == 0 ? member(i, T0, oldSheet) : member(i, T1, freshSheet))
                .form();
        raid.at(10, () -> raid.get(0).navigate(2));
        raid.at(20, () -> raid.seed(0).requestFullData());
        raid.runUntil(30);

        long from = SimTime.seconds(20);
        List<TestChannel.Sent> dres = raid.channel.sent("DRES", from);
        assertEquals(2, dres.size());
        dres.forEach(s -> assertEquals("DRES:" + T1 + ":" + data, s.text()));
        ClientSnapshot s = raid.get(0).snapshot();
        assertEquals(T1, s.assignmentsTimestamp());
        assertEquals(T1, s.compressedTimestamp());
        assertEquals(freshSheet.names(), s.sectionNames());
        assertEquals(freshSheet.structureBlob(), s.structure());
        TreeMap<Integer, String> expected = new TreeMap<>();
        expected.put(1, freshSheet.sectionBlobs().get(0));
        assertEquals(expected, s.compressedSections());
        assertEquals(1, s.currentSection(), "no pending section: navigates to 1");
        assertTrue(raid.seed(0).isSynced());
        assertEquals(from + 2 * LATENCY, raid.metrics.syncedAt.get(0));
        // the second answer reaches an up-to-date requester; the two responders see each other's answer
        assertEquals(3, raid.metrics.count("duplicate", "DRES"));
        assertEquals(0, raid.channel.count("SECTION", from), "navigation fromSync does not broadcast");
    }

    @Test
    void defaultSeedSendsTheManualDreqButNobodyAnswersOrAppliesSinceG1HasOnlyPlaceholders() {
        AssignmentSet old = ProfileRaid.sheet(25, "sheet/old", SheetSpec.of(1, 3, 4));
        AssignmentSet fresh = ProfileRaid.sheet(25, "sheet/new", SheetSpec.of(1, 3, 4));
        EncodedSheet oldSheet = ProfileRaid.encode(old, T0);
        EncodedSheet freshSheet = ProfileRaid.encode(fresh, T1);
        String data = expectedFullData(fresh, T1);
        ProfileRaid raid = new ProfileRaid("seed", 25, LATENCY)
                .add(3, i -> i == 0 ? member(i, T0, oldSheet) : member(i, T1, freshSheet));
        int fake = raid.addFake();
        raid.form();
        raid.at(10, () -> raid.seed(0).requestFullData());
        raid.inject(20, fake, "DRES:" + T1 + ":" + data);
        raid.runUntil(30);
        assertEquals(List.of("DREQ:" + T0), raid.channel.sent("DREQ", 0).stream().map(TestChannel.Sent::text)
                .toList());
        assertEquals(0, raid.channel.count("DRES", 0), "no member answers");
        assertEquals(T0, raid.get(0).snapshot().assignmentsTimestamp(), "a newer one-message DRES is not applied");
        assertEquals(0, raid.metrics.count("malformed") + raid.metrics.count("duplicate")
                + raid.metrics.count("aborted"));
    }
}
