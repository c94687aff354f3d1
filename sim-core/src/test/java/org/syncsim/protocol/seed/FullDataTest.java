package org.syncsim.protocol.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SectionPayloads;
import org.syncsim.protocol.data.SheetSpec;

/** The full-data string: the sender's blobs come back byte for byte, and anything else is rejected. */
class FullDataTest {
    @Test
    void fullDataStringCarriesEverySectionBlobAndTheStructureBackUnchanged() {
        AssignmentSet set = ProfileRaid.sheet(31, "sheet", SheetSpec.of(16, 10, 8));
        EncodedSheet sheet = ProfileRaid.encode(set, 1_747_458_000L);
        String blob = FullData.encode(sheet.sectionBlobs()).orElseThrow();
        assertEquals(SeedFullDataTest.expectedFullData(set, 1_747_458_000L), blob);
        EncodedSheet back = FullData.decode(blob).orElseThrow();
        assertEquals(sheet.names(), back.names());
        assertEquals(sheet.sectionBlobs(), back.sectionBlobs());
        assertEquals(sheet.structureBlob(), back.structureBlob());
    }

    @Test
    void undecodableInputsYieldNothing() {
        assertTrue(FullData.encode(List.of("")).isEmpty());
        assertEquals(Optional.empty(), FullData.decode("DRES-piece"));
        assertEquals(Optional.empty(), FullData.decode(SectionPayloads.encodeText("{}")));
        assertEquals(Optional.empty(), FullData.decode(SectionPayloads.encodeText("{[1]=\"x\"}")));
        assertEquals(Optional.empty(), FullData.decode(SectionPayloads.encodeText("{[1]={[\"Section Name\"]=\"A\"}}")));
    }
}
