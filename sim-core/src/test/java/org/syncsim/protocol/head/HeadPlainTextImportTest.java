package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.SimTime;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.ClientSnapshot;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SheetSpec;

/** The plain-Lua-text import path (spec B38, §6(b) step 9). */
class HeadPlainTextImportTest {
    private static final long T = HeadRaid.EPOCH - 3600;
    private static final SheetSpec SMALL = SheetSpec.of(4, 6, 6);

    private HeadRaid raid;
    private EncodedSheet old;
    private AssignmentSet fresh;

    /** Importer 0 and member 1 (both liveSync on) hold the same sheet at T. */
    private void form() {
        raid = new HeadRaid(21, true);
        old = HeadRaid.encode(HeadRaid.sheet(raid.sim, "old", SMALL), T);
        fresh = HeadRaid.sheet(raid.sim, "new", SMALL);
        raid.add(2, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true)
                .withInitialData(new InitialData.Saved(T, old)));
        raid.form();
    }

    private static TreeMap<Integer, String> blobs(EncodedSheet sheet) {
        TreeMap<Integer, String> m = new TreeMap<>();
        for (int i = 0; i < sheet.size(); i++) {
            m.put(i + 1, sheet.sectionBlobs().get(i));
        }
        return m;
    }

    @Test
    void plainTextImportStampsANewTimestampButKeepsTheCompressedCacheAndSendsNothing() {
        form();
        raid.at(10, () -> raid.get(0).importPlainText(fresh));
        raid.runUntil(40);
        assertEquals(0, raid.channel.log().stream().filter(s -> s.time() >= SimTime.seconds(10)).count(),
                "no SECTION, no push");
        ClientSnapshot s = raid.get(0).snapshot();
        assertEquals(HeadRaid.EPOCH + 10, s.assignmentsTimestamp());
        assertEquals(T, s.compressedTimestamp());
        assertEquals(blobs(old), s.compressedSections());
        assertEquals(old.structureBlob(), s.structure());
        assertEquals(List.of(), s.sectionNames(), "the imported table is nested under data: no numeric entries");
        assertEquals(HeadRaid.EPOCH + 10, raid.truth.timestamp());
        assertEquals(HeadRaid.encode(fresh, HeadRaid.EPOCH + 10), raid.truth.sheet());
        assertEquals(T, raid.get(1).snapshot().assignmentsTimestamp());
        assertTrue(raid.metrics.progress.stream().anyMatch(p -> p.client() == 0 && p.time() == SimTime.seconds(10)
                && p.fraction() < 1), "the importer's progress is judged at once: the old sheet under the new"
                + " timestamp is not the sheet imported");
        assertFalse(raid.metrics.syncedAt.containsKey(0), "so it never counts as synced");
    }

    @Test
    void memberPullingFromThePlainTextImporterGetsThePreviousSheetUnderTheNewTimestamp() {
        form();
        raid.at(10, () -> raid.get(0).importPlainText(fresh));
        raid.at(20, () -> raid.get(1).reload());
        raid.runUntil(40);
        assertEquals("BSREQ:" + T, raid.channel.sent("BSREQ", SimTime.seconds(20)).get(0).text());
        assertEquals("BSACK:" + (HeadRaid.EPOCH + 10) + ":" + HeadRaid.name(0),
                raid.channel.sent("BSACK", SimTime.seconds(20)).get(0).text());
        assertEquals(1, raid.channel.count("BSTR", SimTime.seconds(20)));
        ClientSnapshot m = raid.get(1).snapshot();
        assertEquals(HeadRaid.EPOCH + 10, m.assignmentsTimestamp());
        assertEquals(HeadRaid.EPOCH + 10, m.compressedTimestamp());
        assertEquals(blobs(old), m.compressedSections());
        assertEquals(old.structureBlob(), m.structure());
        assertFalse(raid.get(1).isSynced());
        assertTrue(raid.get(1).checkDesync(), "claims the new timestamp, holds the previous sheet");
        assertTrue(raid.get(0).checkDesync(), "the importer itself holds the previous sheet");
        assertFalse(raid.metrics.syncedAt.containsKey(1));
    }

    @Test
    void base64ImportOfTheSameSheetStillPushesTheNewContent() {
        form();
        raid.at(10, () -> raid.get(0).importSheet(fresh));
        raid.runUntil(20);
        assertEquals(blobs(HeadRaid.encode(fresh, HeadRaid.EPOCH + 10)), raid.get(1).snapshot().compressedSections());
        assertTrue(raid.get(1).isSynced());
    }
}
