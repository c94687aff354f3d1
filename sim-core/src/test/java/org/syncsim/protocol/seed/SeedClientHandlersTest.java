package org.syncsim.protocol.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.Priority;
import org.syncsim.engine.SimTime;
import org.syncsim.protocol.ProtocolProfile;
import org.syncsim.protocol.ProtocolProfiles;
import org.syncsim.protocol.RecordingMetrics;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.chunk.ChunkSender;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.ClientSnapshot;
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
        assertFalse(raid.get(0).snapshot().syncInProgress(), "G1 has no syncInProgress flag");
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
    void seedSendsAtTheNormalPriorityItNeverUses() {
        ProfileRaid raid = synced(2, LATENCY, 1, sheet(2, SheetSpec.of(3, 4, 5)));
        int fake = raid.addFake();
        raid.form();
        raid.inject(10, fake, "SECTION:" + (T0 + 100) + ":2"); // a newer version: the member asks for its structure
        raid.runUntil(20);
        List<TestChannel.Sent> sent = raid.channel.log().stream().filter(x -> x.sender() != fake).toList();
        assertFalse(sent.isEmpty());
        for (TestChannel.Sent x : sent) {
            assertEquals(Priority.NORMAL, x.priority(), x.text());
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
    void largeSectionIsNeverSentItsResponderErrsEveryFrameAndTheRequesterStaysOnThePlaceholder() {
        EncodedSheet encoded = sheet(6, SheetSpec.of(3, 40, 12));
        String blob = encoded.sectionBlobs().get(1);
        assertTrue(ChunkSender.needsChunking(("SECRES:" + T0 + ":2:" + blob).length()), "section 2 is large");
        ProfileRaid raid = synced(6, LATENCY, 4, encoded);
        raid.add(1, i -> ClientConfig.defaults(ProfileRaid.name(i)));
        int fake = raid.addFake();
        raid.form();
        raid.channel.leave(4);
        raid.at(20, () -> raid.channel.join(4));
        raid.at(30, () -> raid.get(0).navigate(2));
        raid.at(38, () -> raid.get(4).navigate(2));
        raid.inject(40, fake, "SREQ:" + T0);
        raid.at(43, () -> raid.get(1).reload());
        raid.runUntil(45);

        TestChannel ch = raid.channel;
        long from = SimTime.seconds(30);
        assertEquals(4, ch.sent("SRES", from).stream().filter(x -> x.time() < SimTime.seconds(40)).count(),
                "the structure is small and goes inline");
        // both visits find the placeholder and ask; the second request joins the answer each member still owes
        assertEquals(List.of("SECREQ:" + T0 + ":2", "SECREQ:" + T0 + ":2"), ch.sent("SECREQ", from).stream()
                .filter(x -> x.sender() == 4).map(TestChannel.Sent::text).toList());
        // nothing of the section reaches the wire: the chunk manager raises before its header
        assertEquals(0, ch.log().stream().filter(x -> x.sender() < 4 && x.text().startsWith("SECRES")).count());
        assertEquals(0, raid.metrics.count("malformed"));
        ClientSnapshot joiner = raid.get(4).snapshot();
        assertEquals("", joiner.compressedSections().get(2));
        assertEquals(2, joiner.currentSection());
        assertFalse(raid.seed(4).isSynced());
        assertFalse(raid.get(4).checkDesync(), "a placeholder is not a desync");
        long frame = SimTime.seconds(1.0 / 60);
        for (int i = 0; i < 4; i++) {
            int member = i;
            List<Long> errors = raid.metrics.events.stream()
                    .filter(e -> e.client() == member && e.kind().equals("aborted")).map(RecordingMetrics.Event::time)
                    .toList();
            assertTrue(errors.size() > 60 * 5, "member " + i + ": " + errors.size());
            assertEquals(errors.size(), raid.metrics.count("aborted", member));
            assertTrue(raid.metrics.events.stream().filter(e -> e.client() == member && e.kind().equals("aborted"))
                    .allMatch(e -> e.detail().startsWith("SECRES send SECRES over the inline limit")));
            for (int k = 1; k < errors.size(); k++) {
                assertTrue(Math.abs(errors.get(k) - errors.get(k - 1) - frame) <= 1, "one error a frame");
            }
            long last = errors.get(errors.size() - 1);
            assertTrue(i == 1 ? last < SimTime.seconds(43) : last >= SimTime.seconds(45) - 2 * frame,
                    SimTime.format(last));
            assertEquals(blob, raid.get(i).snapshot().compressedSections().get(2));
            assertFalse(raid.get(i).checkDesync());
        }
        assertTrue(raid.seed(0).timers().erroring());
        assertFalse(raid.seed(1).timers().erroring(), "a reload clears the timer table");
        // the erroring timer comes first in the scan: the SRES timers queued after it never fire, so the fake's
        // SREQ is answered by the joiner alone (the only member whose timers still run)
        assertEquals(List.of(4), ch.sent("SRES", SimTime.seconds(40)).stream().map(TestChannel.Sent::sender)
                .toList());
        assertEquals(List.of(), raid.seed(0).seenSectionResponses());
    }

    @Test
    void queuedStructureResponseGoesOutRawWhateverItsLengthAndTheImmediateOneRaisesBeforeSending() {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            names.add(String.format("%016x%016x%08x", i * 0x9E3779B97F4A7C15L, (i + 7) * 0xC2B2AE3D27D4EB4FL, i));
        }
        EncodedSheet base = sheet(10, SheetSpec.of(100, 1, 2));
        EncodedSheet wide = new EncodedSheet(names, base.sectionBlobs(),
                org.syncsim.protocol.data.SectionPayloads.encodeStructure(names));
        String sres = "SRES:" + T0 + ":" + wide.structureBlob();
        assertTrue(ChunkSender.needsChunking(sres.length()), "the structure is over the inline limit");
        ProfileRaid raid = synced(10, LATENCY, 3, wide);
        int fake = raid.addFake();
        raid.form();
        raid.inject(10, fake, "SREQ:" + T0);
        raid.inject(20, fake, "SECREQ:" + (T0 - 5) + ":1");
        raid.runUntil(30);
        TestChannel ch = raid.channel;
        // the SREQ path: one raw SRES per member on RAID, no chunk header; the realm's limit decides its fate
        List<TestChannel.Sent> sent = ch.sent("SRES", SimTime.seconds(10));
        assertEquals(3, sent.size());
        sent.forEach(x -> assertEquals(sres, x.text()));
        sent.forEach(x -> assertEquals(org.syncsim.channel.Distribution.RAID, x.distribution()));
        assertEquals(0, ch.log().stream().filter(x -> x.text().contains("CHUNK")).count());
        // the SECREQ path goes through the uninitialised chunk manager: a one-off error in the handler
        assertEquals(1, ch.countFrom(SimTime.seconds(20)), "only the fake's SECREQ");
        assertEquals(3, raid.metrics.count("aborted"));
        assertEquals(3, raid.metrics.count("aborted", "SECREQ SRES over the inline limit"));
        for (int i = 0; i < 3; i++) {
            assertFalse(raid.seed(i).timers().erroring());
        }
    }

    @Test
    void equalSectionLeavesItPendingSoALaterSecresForItPullsTheMemberBack() {
        EncodedSheet encoded = sheet(12, SheetSpec.of(4, 4, 5));
        ProfileRaid raid = synced(12, LATENCY, 3, encoded);
        int fake = raid.addFake();
        raid.form();
        raid.at(10, () -> raid.get(0).navigate(3));
        raid.at(12, () -> raid.get(1).navigate(1));
        raid.inject(20, fake, "SECRES:" + T0 + ":3:" + encoded.sectionBlobs().get(2));
        raid.runUntil(19);
        for (int i = 0; i < 3; i++) {
            assertEquals(1, raid.get(i).snapshot().currentSection(), "everyone follows member 1's SECTION");
        }
        raid.runUntil(25);
        // member 1 heard SECTION:3 (pending 3) and then navigated itself; the others' pending is its SECTION:1
        assertEquals(3, raid.get(1).snapshot().currentSection(), "pulled back 0.3 s after the bystander SECRES");
        assertEquals(1, raid.get(0).snapshot().currentSection());
        assertEquals(1, raid.get(2).snapshot().currentSection());
        assertEquals(0, raid.channel.count("SECTION", SimTime.seconds(20)), "the pull-back is fromSync: silent");
    }

    @Test
    void tankSyncBurstsOnlyOnTheFirstNavigationAfterThePulledSectionIsDecoded() {
        // Generated sections have no Tank Columns key until an importer they mention processes them (PlayerView):
        // import as a warrior of group 1 named Aldricus, whom generated sheets mention.
        var set = new org.syncsim.protocol.data.PlayerView("Aldricus", org.syncsim.protocol.data.WowClass.WARRIOR, 1)
                .process(ProfileRaid.sheet(9, "sheet", SheetSpec.of(4, 10, 8)));
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
        // the skeleton navigation (placeholder, nothing decoded) sends nothing, and the SECRES navigates nowhere:
        // the SRES handler cleared pendingSection after its navigation (§10.2)
        assertEquals(0, raid.channel.log().stream().filter(x -> x.prefix().equals("CTRA")).count());
        assertEquals(k, raid.get(2).snapshot().currentSection());
        raid.at(35, () -> raid.get(0).navigate(target));
        raid.runUntil(40);
        List<TestChannel.Sent> ctra = raid.channel.log().stream().filter(x -> x.prefix().equals("CTRA")).toList();
        // the leader's next SECTION (equal ts) navigates the joiner fromSync to the now decoded section: one burst
        List<String> expected = new java.util.ArrayList<>();
        expected.add("MT CLEAR");
        for (int i = 0; i < slots.size(); i++) {
            expected.add("SET " + (i + 1) + " " + slots.get(i));
        }
        assertEquals(expected, ctra.stream().map(TestChannel.Sent::text).toList());
        ctra.forEach(x -> assertEquals(2, x.sender()));
        assertEquals(SimTime.seconds(35) + LATENCY, ctra.get(0).time());
    }

    @Test
    void importSendsOnlyTheSectionOneNavigationAndWithLiveSyncOffNothingAtAll() {
        EncodedSheet old = sheet(7, SheetSpec.of(3, 4, 5));
        var fresh = ProfileRaid.sheet(7, "sheet/new", SheetSpec.of(3, 4, 5));
        for (boolean liveSync : new boolean[] {true, false}) {
            ProfileRaid raid = new ProfileRaid("seed", 7, LATENCY);
            raid.add(3, i -> ClientConfig.defaults(ProfileRaid.name(i)).withLiveSync(liveSync)
                    .withInitialData(new org.syncsim.protocol.client.InitialData.Saved(T0, old)));
            raid.form();
            raid.at(5, () -> raid.get(0).navigate(3));
            raid.at(10, () -> raid.get(0).importSheet(fresh));
            raid.runUntil(20);
            long t1 = ProfileRaid.EPOCH + 10;
            long from = SimTime.seconds(10);
            TestChannel ch = raid.channel;
            // the decoder navigates to section 1 whatever was shown, then string.len on its table raises before
            // AnnounceDataImport: no ANC in either case
            assertEquals(1, raid.get(0).snapshot().currentSection());
            assertEquals(0, ch.count("ANC", from));
            assertEquals(1, raid.metrics.count("aborted", "import DirectImportNewFormat"));
            assertEquals(1, raid.metrics.count("aborted"));
            if (liveSync) {
                assertEquals(List.of("SECTION:" + t1 + ":1"), ch.sent("SECTION", from).stream()
                        .map(TestChannel.Sent::text).toList());
                assertEquals(2, ch.count("SREQ", from));
                assertEquals(List.of("SECREQ:" + t1 + ":1", "SECREQ:" + t1 + ":1"),
                        ch.sent("SECREQ", from).stream().map(TestChannel.Sent::text).toList());
            } else {
                assertEquals(0, ch.countFrom(from), "nothing tells the members");
                for (int i = 1; i < 3; i++) {
                    assertEquals(T0, raid.get(i).snapshot().assignmentsTimestamp());
                }
            }
        }
    }

    @Test
    void joiningSendsNothingAndVerDreqAndDresReachOnlyPlaceholders() {
        EncodedSheet encoded = sheet(8, SheetSpec.of(3, 4, 5));
        ProfileRaid raid = synced(8, LATENCY, 3, encoded);
        int fake = raid.addFake();
        raid.form();
        raid.runUntil(5);
        // G1's VER builder has no caller and OnGroupChanged sends nothing (§10.2)
        assertEquals(0, raid.channel.countFrom(0));
        raid.inject(10, fake, "VER:9.9.9");
        raid.inject(11, fake, "DREQ:" + (T0 - 1));
        raid.inject(12, fake, "DRES:" + T0 + ":xyz");
        raid.inject(12.5, fake, "DRES:" + (T0 + 1) + ":xyz");
        raid.inject(13, fake, "BSREQ:" + T0);
        raid.runUntil(20);
        assertEquals(0, clientSends(raid, fake, SimTime.seconds(10)), "DREQ is a placeholder at G1: no answer");
        assertEquals(0, raid.metrics.count("duplicate"), "nor is a DRES looked at");
        assertEquals(3, raid.metrics.count("malformed"), "3 BSREQ, not a G1 command");
        assertEquals(0, raid.metrics.count("aborted"));
        for (int i = 0; i < 3; i++) {
            assertEquals(T0, raid.get(i).snapshot().assignmentsTimestamp());
            assertEquals(encoded.structureBlob(), raid.get(i).snapshot().structure());
        }
    }
}
