package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.Priority;
import org.syncsim.engine.SimTime;
import org.syncsim.protocol.RecordingMetrics;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.cpu.CpuCosts;
import org.syncsim.protocol.cpu.CpuWork;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.Section;
import org.syncsim.protocol.data.SectionPayloads;
import org.syncsim.protocol.data.SectionText;
import org.syncsim.protocol.data.SheetSpec;
import org.syncsim.protocol.plan.CompressedCache;
import org.syncsim.protocol.plan.PlanPolicies;

/**
 * The Lua CPU a late joiner's push storm costs every member (B1, B12), computed from the cost rule: each BSTR a
 * client processes decodes the structure and every section (Base64 per character, Huffman and the table rebuild
 * per byte of text), and {@code cache-compressed: per-import} skips the blobs a client already holds decoded.
 */
class ClientCpuTest {
    private static final long T0 = HeadRaid.EPOCH - 86_400;
    private static final int RAID = 40;
    private static final int JOINER = RAID - 1;
    private static final CpuCosts COSTS = CpuCosts.DEFAULTS;
    private static final PlanPolicies CACHE_ONLY = PlanPolicies.OFF.withCompressedCache(
            new CompressedCache.PerImport());

    private record Storm(HeadRaid raid, AssignmentSet set, EncodedSheet sheet) {
    }

    /**
     * 39 members hold a sheet small enough to go without chunks (so no transfer-id collision, B17, spoils a
     * section), a fresh install joins at 5 s and every member pushes to it.
     */
    private static Storm storm(PlanPolicies policies) {
        HeadRaid raid = new HeadRaid(11, true);
        AssignmentSet set = HeadRaid.sheet(raid.sim, "sheet", SheetSpec.of(16, 10, 8));
        EncodedSheet sheet = HeadRaid.encode(set, T0);
        raid.add(RAID - 1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true)
                .withInitialData(new InitialData.Saved(T0, sheet)), policies);
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true), policies);
        raid.form();
        raid.channel.leave(JOINER);
        raid.at(5, () -> raid.channel.join(JOINER));
        raid.runUntil(60);
        return new Storm(raid, set, sheet);
    }

    /** What decoding one whole push (structure and every section) costs of {@code work}, from the texts' sizes. */
    private static long perBstr(Storm s, CpuWork work) {
        long total = cost(work, s.sheet().structureBlob(), SectionPayloads.structureText(s.set().sectionNames()));
        for (int i = 0; i < s.set().size(); i++) {
            Section section = s.set().sections().get(i);
            total += cost(work, s.sheet().sectionBlobs().get(i), SectionText.write(section, T0));
        }
        return total;
    }

    private static long cost(CpuWork work, String blob, String text) {
        long bytes = work == CpuWork.BASE64 ? blob.length() - 1 : text.length();
        return COSTS.micros(work, bytes);
    }

    private static long charged(RecordingMetrics m, int client, CpuWork work) {
        return m.cpu.stream().filter(c -> c.client() == client && c.work().equals(work.key()))
                .mapToLong(RecordingMetrics.Cpu::micros).sum();
    }

    private static long worstFrame(RecordingMetrics m, int client) {
        return m.cpu.stream().filter(c -> c.client() == client).mapToLong(RecordingMetrics.Cpu::frameMicros).max()
                .orElse(0);
    }

    @Test
    void everyBstrOfAHeadStormDecodesTheWholeSheetAgainAtEveryMember() {
        Storm s = storm(PlanPolicies.OFF);
        assertEquals(RAID - 1, s.raid().channel.count("BSTR", 0), "39 pushes (B1)");
        for (CpuWork work : List.of(CpuWork.BASE64, CpuWork.DECOMPRESS, CpuWork.REBUILD)) {
            long one = perBstr(s, work);
            assertEquals((RAID - 1) * one, charged(s.raid().metrics, JOINER, work), work + ": the joiner, 39 BSTRs");
            for (int m = 0; m < JOINER; m++) {
                assertEquals((RAID - 2) * one, charged(s.raid().metrics, m, work),
                        work + ": member " + m + " processes the 38 other pushes (B12)");
            }
        }
        long oneBstr = perBstr(s, CpuWork.BASE64) + perBstr(s, CpuWork.DECOMPRESS) + perBstr(s, CpuWork.REBUILD);
        assertTrue(worstFrame(s.raid().metrics, JOINER) >= oneBstr,
                "a BSTR's whole decode falls in one frame: the joiner freezes at least " + oneBstr + " µs");
        assertEquals(0, charged(s.raid().metrics, 0, CpuWork.COMPRESS), "head pushes the stored blobs: no compression");
    }

    @Test
    void perImportCacheDecodesTheSheetOnceAndSendsTheSameMessages() {
        Storm head = storm(PlanPolicies.OFF);
        Storm cached = storm(CACHE_ONLY);
        assertEquals(texts(head.raid().channel), texts(cached.raid().channel), "the policy changes no message");
        long one = perBstr(cached, CpuWork.DECOMPRESS);
        assertEquals(one, charged(cached.raid().metrics, JOINER, CpuWork.DECOMPRESS), "the joiner decodes once");
        for (int m = 0; m < JOINER; m++) {
            assertEquals(0, charged(cached.raid().metrics, m, CpuWork.DECOMPRESS),
                    "member " + m + " already holds the version decoded");
        }
        assertTrue(worstFrame(cached.raid().metrics, 0) < worstFrame(head.raid().metrics, 0));
    }

    @Test
    void everyMessageSentOrReceivedCostsItsBytesAndHeadSendsAllAtNormalPriority() {
        HeadRaid raid = new HeadRaid(13, true);
        EncodedSheet sheet = HeadRaid.encode(HeadRaid.sheet(raid.sim, "sheet", SheetSpec.of(3, 6, 6)), T0);
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withInitialData(new InitialData.Saved(T0, sheet)));
        raid.addFake();
        raid.form();
        int fake = 1;
        String garbage = "NOISE:" + "x".repeat(600); // received and metered, then dropped as unknown
        String request = "BSREQ:0";
        raid.inject(10, fake, garbage);
        raid.inject(10.1, fake, request); // the member answers with BSACK and, 2 s later, a whole push
        raid.runUntil(20);
        long expected = COSTS.micros(CpuWork.MESSAGE, garbage.length()) + COSTS.micros(CpuWork.MESSAGE,
                request.length());
        int sent = 0;
        for (TestChannel.Sent s : raid.channel.log()) {
            if (s.sender() == 0 && s.time() >= SimTime.seconds(10)) {
                expected += COSTS.micros(CpuWork.MESSAGE, s.text().length());
                sent++;
                assertEquals(Priority.NORMAL, s.priority(), s.text());
            }
        }
        assertTrue(sent >= 3, "BSACK, BSTR and the sections: " + sent);
        long charged = raid.metrics.cpu.stream().filter(c -> c.client() == 0 && c.time() >= SimTime.seconds(10)
                && c.work().equals(CpuWork.MESSAGE.key())).mapToLong(RecordingMetrics.Cpu::micros).sum();
        assertEquals(expected, charged, "the two messages received and every message sent");
    }

    @Test
    void anImportSerialisesCompressesAndEncodesEverySectionOnce() {
        HeadRaid raid = new HeadRaid(12, true);
        raid.add(2, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true));
        raid.form();
        AssignmentSet set = HeadRaid.sheet(raid.sim, "sheet", SheetSpec.of(4, 10, 8));
        raid.at(1, () -> raid.get(0).importSheet(set));
        raid.runUntil(1.1);
        long ts = raid.get(0).snapshot().assignmentsTimestamp();
        EncodedSheet sheet = HeadRaid.encode(set, ts);
        long text = SectionPayloads.structureText(set.sectionNames()).length();
        long chars = sheet.structureBlob().length() - 1;
        for (int i = 0; i < set.size(); i++) {
            text += SectionText.write(set.sections().get(i), ts).length();
            chars += sheet.sectionBlobs().get(i).length() - 1;
        }
        assertEquals(COSTS.micros(CpuWork.SERIALISE, text), charged(raid.metrics, 0, CpuWork.SERIALISE));
        assertEquals(COSTS.micros(CpuWork.COMPRESS, text), charged(raid.metrics, 0, CpuWork.COMPRESS));
        assertEquals(COSTS.micros(CpuWork.BASE64, chars), charged(raid.metrics, 0, CpuWork.BASE64));
        assertEquals(0, charged(raid.metrics, 0, CpuWork.DECOMPRESS), "the importer holds its sheet decoded");
    }

    private static List<String> texts(TestChannel channel) {
        return channel.log().stream().map(x -> x.time() + " " + x.sender() + " " + x.text()).toList();
    }
}
