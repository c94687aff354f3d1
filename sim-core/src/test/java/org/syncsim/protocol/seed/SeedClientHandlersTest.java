package org.syncsim.protocol.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.SimTime;
import org.syncsim.protocol.ProtocolProfile;
import org.syncsim.protocol.ProtocolProfiles;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.chunk.ChunkSender;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.data.SheetSpec;
import org.syncsim.protocol.wire.Command;

/** Focused §10.2 guards, timers and flaws of the seed client, driven by injected messages. */
class SeedClientHandlersTest {
    private static final long T0 = SeedScenariosTest.T0;
    private static final long LATENCY = SeedScenariosTest.LATENCY;
    private static final long FRAME = SeedScenariosTest.FRAME;

    private static EncodedSheet sheet(long seed, SheetSpec spec) {
        return ProfileRaid.encode(ProfileRaid.sheet(seed, "sheet", spec), T0);
    }

    private static ProfileRaid synced(long seed, long latency, int size, EncodedSheet encoded) {
        return SeedScenariosTest.raid("seed", seed, latency, size, encoded, T0);
    }

    /** Sends by the clients (not the injecting fake) at or after {@code from}. */
    private static long clientSends(ProfileRaid raid, int fake, long from) {
        return raid.channel.log().stream().filter(x -> x.time() >= from && x.sender() != fake).count();
    }

    @Test
    void seedIsSelectableByNameAndSpeaksTheG1Commands() {
        ProtocolProfile p = ProtocolProfiles.byName("seed");
        assertEquals("seed", p.name());
        for (Command c : List.of(Command.SECTION, Command.ANC, Command.VER, Command.DREQ, Command.DRES, Command.SREQ,
                Command.SRES, Command.SECREQ, Command.SECRES)) {
            assertTrue(p.spelling().speaks(c), c.name());
        }
        assertFalse(p.spelling().speaks(Command.BSREQ));
        ProfileRaid raid = new ProfileRaid("seed", 1, LATENCY).add(1, i -> ClientConfig.defaults("Alice"));
        assertTrue(raid.get(0) instanceof SeedClient);
    }

    @Test
    void olderTimestampReachingANewerMemberAbortsOnTheUndefinedRespondWithStructure() {
        ProfileRaid raid = synced(1, LATENCY, 4, sheet(1, SheetSpec.of(3, 4, 5)));
        int fake = raid.addFake();
        raid.form();
        long older = T0 - 100;
        raid.inject(10, fake, "SECTION:" + older + ":2");
        raid.inject(11, fake, "ANC:" + older);
        raid.inject(12, fake, "SREQ:" + older);
        raid.runUntil(20);
        assertEquals(12, raid.metrics.count("aborted"));
        assertEquals(4, raid.metrics.count("aborted", "SECTION RespondWithStructure"));
        assertEquals(4, raid.metrics.count("aborted", "SREQ RespondWithStructure"));
        assertEquals(0, clientSends(raid, fake, SimTime.seconds(10)));
        for (int i = 0; i < 4; i++) {
            assertEquals(1, raid.get(i).snapshot().currentSection(), "no navigation after the abort");
        }
    }

    @Test
    void newerTimestampRequestsTheStructureAtMostOncePerFiveSeconds() {
        ProfileRaid raid = synced(2, LATENCY, 1, sheet(2, SheetSpec.of(3, 4, 5)));
        int fake = raid.addFake();
        raid.form();
        long newer = T0 + 100;
        raid.inject(10, fake, "SECTION:" + newer + ":2");
        raid.inject(12, fake, "ANC:" + newer);
        raid.inject(14.9, fake, "SREQ:" + newer);
        raid.inject(15.1, fake, "SECREQ:" + newer + ":1");
        raid.runUntil(20);
        List<TestChannel.Sent> sreq = raid.channel.sent("SREQ", SimTime.seconds(10));
        // SREQ carries the remote timestamp; 10.05 and 15.15 are 5.1 s apart, 12.05 and 14.95 fall inside
        assertEquals(2, sreq.size());
        assertEquals("SREQ:" + newer, sreq.get(0).text());
        assertEquals(SimTime.seconds(10) + LATENCY, sreq.get(0).time());
        assertEquals(SimTime.seconds(15.1) + LATENCY, sreq.get(1).time());
        assertEquals(0, raid.metrics.count("aborted"));
    }

    @Test
    void structureResponderKeepsATwoSecondCooldownAndRedrawsItsJitterPerRequest() {
        EncodedSheet encoded = sheet(3, SheetSpec.of(3, 4, 5));
        ProfileRaid raid = synced(3, LATENCY, 3, encoded);
        int fake = raid.addFake();
        raid.form();
        raid.inject(10, fake, "SREQ:" + T0);
        raid.inject(11, fake, "SREQ:" + T0);
        raid.inject(14, fake, "SREQ:" + T0);
        raid.runUntil(20);
        List<TestChannel.Sent> sres = raid.channel.sent("SRES", SimTime.seconds(10));
        assertEquals(6, sres.size());
        for (TestChannel.Sent s : sres) {
            assertEquals("SRES:" + T0 + ":" + encoded.structureBlob(), s.text());
            long arrival = s.time() < SimTime.seconds(13) ? SimTime.seconds(10) + LATENCY
                    : SimTime.seconds(14) + LATENCY;
            assertTrue(s.time() >= arrival + SimTime.seconds(0.1)
                    && s.time() <= arrival + SimTime.seconds(0.4) + FRAME, SimTime.format(s.time()));
        }
        assertEquals(3, sres.stream().filter(s -> s.time() < SimTime.seconds(13)).count());
    }

    @Test
    void sectionRequestWithOlderTimestampGetsAnImmediateStructureAndWithNewerOneAStructureRequest() {
        EncodedSheet encoded = sheet(4, SheetSpec.of(3, 4, 5));
        ProfileRaid raid = synced(4, LATENCY, 3, encoded);
        int fake = raid.addFake();
        raid.form();
        raid.inject(10, fake, "SECREQ:" + (T0 - 5) + ":1");
        raid.inject(20, fake, "SECREQ:" + (T0 + 5) + ":1");
        raid.runUntil(30);
        List<TestChannel.Sent> sres = raid.channel.sent("SRES", SimTime.seconds(10));
        assertEquals(3, sres.size());
        sres.forEach(s -> assertEquals(SimTime.seconds(10) + LATENCY, s.time()));
        sres.forEach(s -> assertEquals("SRES:" + T0 + ":" + encoded.structureBlob(), s.text()));
        List<TestChannel.Sent> sreq = raid.channel.sent("SREQ", SimTime.seconds(20));
        assertEquals(3, sreq.size());
        sreq.forEach(s -> assertEquals("SREQ:" + (T0 + 5), s.text()));
        assertEquals(0, raid.channel.count("SECRES", 0));
    }

    @Test
    void seenSetIsNeverClearedButIsRuntimeStateThatAReloadForgets() {
        long latency = SimTime.millis(600);
        EncodedSheet encoded = sheet(5, SheetSpec.of(3, 4, 5));
        ProfileRaid raid = synced(5, latency, 3, encoded);
        int fake = raid.addFake();
        raid.form();
        raid.inject(10, fake, "SECREQ:" + T0 + ":2");
        raid.inject(20, fake, "SECREQ:" + T0 + ":2");
        raid.at(25, () -> raid.get(1).reload());
        raid.inject(30, fake, "SECREQ:" + T0 + ":2");
        raid.inject(40, fake, "SECREQ:" + T0 + ":2");
        raid.runUntil(50);
        TestChannel ch = raid.channel;
        assertEquals(3, ch.sent("SECRES", SimTime.seconds(10)).stream().filter(s -> s.time() < SimTime.seconds(20))
                .count());
        assertEquals(0, ch.sent("SECRES", SimTime.seconds(20)).stream().filter(s -> s.time() < SimTime.seconds(30))
                .count());
        // only the reloaded member forgot it had seen index 2; its own answers never mark it, so it answers again
        List<TestChannel.Sent> afterReload = ch.sent("SECRES", SimTime.seconds(30));
        assertEquals(2, afterReload.size());
        for (TestChannel.Sent s : afterReload) {
            assertEquals(1, s.sender());
            assertEquals("SECRES:" + T0 + ":2:" + encoded.sectionBlobs().get(1), s.text());
        }
        assertTrue(afterReload.get(0).time() < SimTime.seconds(40) && afterReload.get(1).time() > SimTime.seconds(40));
        assertEquals(List.of(), raid.seed(1).seenSectionResponses());
        assertEquals(List.of(2), raid.seed(0).seenSectionResponses());
    }

    @Test
    void largeSectionGoesOutInTheOldChunkFormatWhosePiecesOverwriteTheSectionEverywhere() {
        EncodedSheet encoded = sheet(6, SheetSpec.of(3, 40, 12));
        String blob = encoded.sectionBlobs().get(1);
        assertTrue(ChunkSender.needsChunking(("SECRES:" + T0 + ":2:" + blob).length()), "section 2 is large");
        int pieces = ChunkSender.chunkCount(blob.length(), 1900);
        ProfileRaid raid = synced(6, LATENCY, 4, encoded);
        raid.add(1, i -> ClientConfig.defaults(ProfileRaid.name(i)));
        raid.form();
        raid.channel.leave(4);
        raid.at(20, () -> raid.channel.join(4));
        raid.at(30, () -> raid.get(0).navigate(2));
        raid.at(38, () -> raid.get(4).navigate(2));
        raid.runUntil(45);

        TestChannel ch = raid.channel;
        long from = SimTime.seconds(30);
        assertEquals(4, ch.count("SRES", from), "the structure is small and goes inline");
        // one SECREQ only: the second visit finds a non-empty (garbage) section and asks nothing
        assertEquals(List.of("SECREQ:" + T0 + ":2"), ch.sent("SECREQ", from).stream().map(TestChannel.Sent::text)
                .toList());
        // the header of the first answer is taken for a SECRES and marks index 2 as seen: the usual suppression
        List<TestChannel.Sent> headers = ch.sent("SECRES:CHUNKED", from);
        List<TestChannel.Sent> chunks = ch.sent("SECRES:CHUNK", from);
        int c = headers.size();
        assertTrue(c >= 1 && c <= 4);
        assertEquals((long) c * pieces, chunks.size());
        assertEquals(0, ch.count("SECRES", from));
        String prefix2 = "SECRES:" + T0 + ":2:";
        for (TestChannel.Sent h : headers) {
            assertTrue(h.time() <= headers.get(0).time() + LATENCY);
            assertTrue(h.text().matches(prefix2 + "CHUNKED:" + blob.length() + ":\\d{10}-\\d{5}:" + pieces),
                    h.text());
            String tid = h.text().split(":")[5];
            List<TestChannel.Sent> own = chunks.stream().filter(x -> x.sender() == h.sender()).toList();
            StringBuilder joined = new StringBuilder();
            for (int i = 1; i <= pieces; i++) {
                TestChannel.Sent x = own.get(i - 1);
                String prefix = prefix2 + "CHUNK:" + i + ":" + pieces + ":" + tid + ":";
                assertTrue(x.text().startsWith(prefix), x.text().substring(0, 60));
                joined.append(x.text().substring(prefix.length()));
                long due = h.time() + SimTime.seconds(0.2 * i);
                assertTrue(x.time() >= due && x.time() <= due + FRAME, SimTime.format(x.time()));
            }
            assertEquals(blob, joined.toString());
        }
        // every piece reaches the 4 other clients, each takes it for the section's data
        assertEquals((long) c * (1 + pieces) * 4, raid.metrics.count("malformed", "SECRES old-format"));
        TestChannel.Sent last = chunks.get(chunks.size() - 1);
        String lastAsData = "\u00F1" + last.text().substring(prefix2.length());
        assertEquals(lastAsData, raid.get(4).snapshot().compressedSections().get(2));
        assertEquals(List.of(2), raid.seed(4).seenSectionResponses());
        for (int i = 0; i < 5; i++) {
            String held = raid.get(i).snapshot().compressedSections().get(2);
            if (c == 1 && headers.get(0).sender() == i) {
                assertEquals(blob, held, "a lone responder never hears a piece");
                assertFalse(raid.get(i).checkDesync());
            } else {
                assertTrue(held.startsWith("\u00F1CHUNK:"), "client " + i);
                assertTrue(raid.get(i).checkDesync(), "client " + i);
            }
        }
    }

    @Test
    void tankSyncBurstsOnlyOnceThePulledSectionIsDecoded() {
        var set = ProfileRaid.sheet(9, "sheet", SheetSpec.of(4, 10, 8));
        int k = 0;
        for (int i = 1; i <= set.sections().size() && k == 0; i++) {
            if (org.syncsim.protocol.client.TankList.of(set.sections().get(i - 1)).isPresent()) {
                k = i;
            }
        }
        assertTrue(k > 0, "the generated sheet has a section with tank columns");
        List<String> slots = org.syncsim.protocol.client.TankList.of(set.sections().get(k - 1)).get();
        EncodedSheet encoded = ProfileRaid.encode(set, T0);
        ProfileRaid raid = synced(9, LATENCY, 2, encoded);
        raid.add(1, i -> ClientConfig.defaults(ProfileRaid.name(i)).withLiveSync(true).withTankSync(true));
        raid.form();
        raid.channel.leave(2);
        raid.at(10, () -> raid.channel.join(2));
        int target = k;
        raid.at(20, () -> raid.get(0).navigate(target));
        raid.runUntil(30);
        List<TestChannel.Sent> ctra = raid.channel.log().stream().filter(x -> x.prefix().equals("CTRA")).toList();
        // the skeleton navigation (placeholder, nothing decoded) sends nothing; the navigation 0.3 s after the
        // SECRES sends one burst with the section's tanks
        List<String> expected = new java.util.ArrayList<>();
        expected.add("MT CLEAR");
        for (int i = 0; i < slots.size(); i++) {
            expected.add("SET " + (i + 1) + " " + slots.get(i));
        }
        assertEquals(expected, ctra.stream().map(TestChannel.Sent::text).toList());
        ctra.forEach(x -> assertEquals(2, x.sender()));
        long firstSecres = raid.channel.sent("SECRES", 0).get(0).time();
        assertTrue(ctra.get(0).time() >= firstSecres + LATENCY + SimTime.seconds(0.3));
        assertEquals(k, raid.get(2).snapshot().currentSection());
    }

    @Test
    void importWithLiveSyncOffAnnouncesOnlyAndMembersOpenSectionOne() {
        EncodedSheet old = sheet(7, SheetSpec.of(3, 4, 5));
        var fresh = ProfileRaid.sheet(7, "sheet/new", SheetSpec.of(3, 4, 5));
        ProfileRaid raid = SeedScenariosTest.raid("seed", 7, LATENCY, 3, old, T0);
        raid.clients.clear();
        raid.add(3, i -> ClientConfig.defaults(ProfileRaid.name(i))
                .withInitialData(new org.syncsim.protocol.client.InitialData.Saved(T0, old)));
        raid.form();
        raid.at(10, () -> raid.get(0).importSheet(fresh));
        raid.runUntil(20);
        long t1 = ProfileRaid.EPOCH + 10;
        long from = SimTime.seconds(10);
        TestChannel ch = raid.channel;
        assertEquals(0, ch.count("SECTION", from));
        assertEquals(List.of("ANC:" + t1), ch.sent("ANC", from).stream().map(TestChannel.Sent::text).toList());
        assertEquals(2, ch.count("SREQ", from));
        assertEquals(1, ch.count("SRES", from));
        assertEquals(List.of("SECREQ:" + t1 + ":1", "SECREQ:" + t1 + ":1"),
                ch.sent("SECREQ", from).stream().map(TestChannel.Sent::text).toList());
        assertEquals(1, ch.count("SECRES", from));
        for (int i = 1; i < 3; i++) {
            assertEquals(1, raid.get(i).snapshot().currentSection());
        }
    }

    @Test
    void joiningSendsVersionOnlyAndVersionNewerRequestsAndUnusableDataResponsesChangeNothing() {
        EncodedSheet encoded = sheet(8, SheetSpec.of(3, 4, 5));
        ProfileRaid raid = synced(8, LATENCY, 3, encoded);
        int fake = raid.addFake();
        raid.form();
        raid.runUntil(5);
        assertEquals(3, raid.channel.count("VER", 0));
        assertEquals(3, raid.channel.countFrom(0));
        raid.inject(10, fake, "VER:9.9.9");
        raid.inject(11, fake, "DREQ:" + (T0 + 1));
        raid.inject(12, fake, "DRES:" + T0 + ":xyz");
        raid.inject(12.5, fake, "DRES:" + (T0 + 1) + ":xyz");
        raid.inject(13, fake, "BSREQ:" + T0);
        raid.runUntil(20);
        assertEquals(0, clientSends(raid, fake, SimTime.seconds(10)), "nobody is as new as T0 + 1");
        assertEquals(3, raid.metrics.count("duplicate", "DRES"), "an equal DRES is not applied");
        assertEquals(3, raid.metrics.count("malformed", "DRES data does not decode"));
        assertEquals(6, raid.metrics.count("malformed"), "3 undecodable DRES + 3 BSREQ, not a G1 command");
        assertEquals(0, raid.metrics.count("aborted"));
        for (int i = 0; i < 3; i++) {
            assertEquals(T0, raid.get(i).snapshot().assignmentsTimestamp());
            assertEquals(encoded.structureBlob(), raid.get(i).snapshot().structure());
        }
    }
}
