package org.syncsim.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.syncsim.engine.RandomStreams;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SheetGenerator;
import org.syncsim.protocol.data.SheetSpec;

/** A decoder seeded with a sheet's verdicts answers as a fresh one does, and shares what it was seeded with. */
class DataSheetsTest {
    private static EncodedSheet sheet(String stream) {
        AssignmentSet set = new SheetGenerator(RandomStreams.fresh(3, stream)).generate(SheetSpec.of(3, 12, 6));
        return DataSheets.encode(set, 1_700_000_000L);
    }

    @Test
    void aSeededDecoderGivesTheFreshDecodersVerdictsAndTheSeededSections() {
        EncodedSheet known = sheet("a");
        EncodedSheet other = sheet("b");
        DataSheets.Decoded decoded = DataSheets.Decoded.of(known);
        PayloadDecoder seeded = DataSheets.cachingDecoder(4096, decoded);
        PayloadDecoder fresh = DataSheets.cachingDecoder(4096);
        for (EncodedSheet s : new EncodedSheet[] {known, other}) {
            assertEquals(fresh.structureNames(s.structureBlob()), seeded.structureNames(s.structureBlob()));
            for (String blob : s.sectionBlobs()) {
                assertEquals(fresh.section(blob), seeded.section(blob));
                assertEquals(fresh.sectionUsable(blob), seeded.sectionUsable(blob));
            }
        }
        String first = known.sectionBlobs().get(0);
        assertSame(seeded.section(first).orElseThrow(), DataSheets.cachingDecoder(64, decoded).section(first)
                .orElseThrow(), "decoded once, shared by every decoder seeded with it");
        assertTrue(seeded.sectionUsable(first));
        assertFalse(seeded.sectionUsable("CHUNKED:1-2"));
        assertThrows(UnsupportedOperationException.class,
                () -> seeded.structureNames(known.structureBlob()).orElseThrow().add("x"),
                "shared name lists cannot be changed by one replication under another");
    }
}
