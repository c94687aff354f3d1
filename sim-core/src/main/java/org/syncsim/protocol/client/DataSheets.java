package org.syncsim.protocol.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.DecodeResult;
import org.syncsim.protocol.data.Section;
import org.syncsim.protocol.data.SectionPayloads;

/** Bridges the data layer ({@code protocol.data}) to what clients import and decode. */
public final class DataSheets {
    /** The addon writes at most 100 names into the structure ({@code Compression.lua:102}, §5.3). */
    public static final int STRUCTURE_CAP = 100;

    /** The data layer's decoder: real Base64 + Huffman + Lua-text parsing. */
    public static final PayloadDecoder DECODER = new PayloadDecoder() {
        @Override
        public Optional<List<String>> structureNames(String blob) {
            return Optional.ofNullable(SectionPayloads.decodeStructure(blob).valueOrNull());
        }

        @Override
        public boolean sectionUsable(String blob) {
            DecodeResult<Section> r = SectionPayloads.decodeSection(blob);
            return r.isOk() && r.valueOrNull().hasDisplayableRow();
        }
    };

    private DataSheets() {
    }

    /** {@code set} as an importable source: every section and the structure encoded for the import's timestamp. */
    public static SheetSource source(AssignmentSet set) {
        return ts -> encode(set, ts);
    }

    /** The addon's encoding of {@code set} at data timestamp {@code ts} (§5.2, §5.3). */
    public static EncodedSheet encode(AssignmentSet set, long ts) {
        List<String> names = set.sectionNames();
        List<String> blobs = new ArrayList<>(set.size());
        for (Section s : set.sections()) {
            blobs.add(SectionPayloads.encodeSection(s, ts));
        }
        String structure = SectionPayloads.encodeStructure(names.subList(0, Math.min(names.size(), STRUCTURE_CAP)));
        return new EncodedSheet(names, blobs, structure);
    }
}
