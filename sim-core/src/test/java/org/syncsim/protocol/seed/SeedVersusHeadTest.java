package org.syncsim.protocol.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.SimTime;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.chunk.ChunkSender;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.data.AssignmentSet;

/** One scenario under both profiles: each profile's message mix matches its own spec, and the mixes differ. */
class SeedVersusHeadTest {
    private static final long T0 = SeedScenariosTest.T0;

    private static ProfileRaid run(String profile, AssignmentSet old, AssignmentSet fresh) {
        ProfileRaid raid = SeedScenariosTest.raid(profile, 44, SeedScenariosTest.LATENCY, 40,
                ProfileRaid.encode(old, T0), T0).form();
        raid.at(100, () -> raid.get(0).importSheet(fresh));
        raid.runUntil(130);
        return raid;
    }

    private static Map<String, Long> mix(TestChannel ch, long from) {
        Map<String, Long> m = new TreeMap<>();
        for (TestChannel.Sent s : ch.log()) {
            if (s.time() >= from) {
                m.merge(s.command(), 1L, Long::sum);
            }
        }
        return m;
    }

    @Test
    void leaderImportGivesHeadsFullPushAndSeedsLazyPull() {
        AssignmentSet old = ProfileRaid.sheet(44, "sheet/old", SeedScenariosTest.SMALL);
        AssignmentSet fresh = ProfileRaid.sheet(44, "sheet/new", SeedScenariosTest.SMALL);
        long t1 = ProfileRaid.EPOCH + 100;
        EncodedSheet now = ProfileRaid.encode(fresh, t1);
        int n = now.size();
        int k = Math.max(1, now.names().indexOf(old.sections().get(0).name()) + 1);
        long from = SimTime.seconds(100);
        for (int j = 1; j <= n; j++) {
            String bsec = "BSEC:" + t1 + ":" + j + ":" + now.sectionBlobs().get(j - 1);
            assertFalse(ChunkSender.needsChunking(bsec.length()), "scenario assumes inline sections");
        }

        // head (spec 12.2 scenario 1): 1 SECTION, 39 BSREQ, 1 BSACK, one push of n BSEC + BSTR; all 40 converge
        ProfileRaid head = run("head", old, fresh);
        Map<String, Long> headMix = mix(head.channel, from);
        assertEquals(Map.of("SECTION", 1L, "BSREQ", 39L, "BSACK", 1L, "BSEC", (long) n, "BSTR", 1L), headMix);
        long headBytes = ("SECTION:" + t1 + ":" + k).length() + 39L * ("BSREQ:" + T0).length()
                + ("BSACK:" + t1 + ":P00").length() + ("BSTR:" + t1 + ":" + now.structureBlob()).length();
        for (int j = 1; j <= n; j++) {
            headBytes += ("BSEC:" + t1 + ":" + j + ":" + now.sectionBlobs().get(j - 1)).length();
        }
        assertEquals(headBytes, head.channel.textBytes(from));
        assertEquals(40, head.metrics.syncedAt.size());

        // seed (spec 10.2): SECTION to section 1 and no ANC (the import's Lua error comes before it), 39 SREQ,
        // 1 SRES, 39 SECREQ for section 1, 1 SECRES; only that section travels, so only the importer holds everything
        k = 1;
        ProfileRaid seed = run("seed", old, fresh);
        Map<String, Long> seedMix = mix(seed.channel, from);
        assertEquals(Map.of("SECTION", 1L, "SREQ", 39L, "SRES", 1L, "SECREQ", 39L, "SECRES", 1L), seedMix);
        long seedBytes = ("SECTION:" + t1 + ":" + k).length() + 39L * ("SREQ:" + t1).length()
                + ("SRES:" + t1 + ":" + now.structureBlob()).length() + 39L * ("SECREQ:" + t1 + ":" + k).length()
                + ("SECRES:" + t1 + ":" + k + ":" + now.sectionBlobs().get(k - 1)).length();
        assertEquals(seedBytes, seed.channel.textBytes(from));
        assertEquals(Map.of(0, seed.metrics.syncedAt.get(0)), seed.metrics.syncedAt);
        for (int i = 1; i < 40; i++) {
            assertEquals(now.sectionBlobs().get(k - 1), seed.get(i).snapshot().compressedSections().get(k));
            assertEquals(n - 1, seed.get(i).snapshot().compressedSections().values().stream()
                    .filter(String::isEmpty).count());
        }

        assertNotEquals(headMix.keySet(), seedMix.keySet());
        assertEquals(Map.of("SECTION", 1L), intersection(headMix, seedMix));
    }

    private static Map<String, Long> intersection(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new TreeMap<>(a);
        out.keySet().retainAll(b.keySet());
        return out;
    }
}
