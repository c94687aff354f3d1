package org.syncsim.protocol.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.syncsim.protocol.client.DataSheets;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.data.DecodeResult;
import org.syncsim.protocol.data.SectionPayload;
import org.syncsim.protocol.data.SectionPayloads;
import org.syncsim.protocol.data.SectionText;
import org.syncsim.protocol.data.codec.LuaTable;
import org.syncsim.protocol.data.codec.LuaTableReader;

/**
 * The G0 full-data string of {@code DRES:<ts>:<data>} (spec §10.1: "whole dataset as one compressed string"). The
 * spec gives no layout, so this model defines it from the data layer: the Lua table text
 * {@code {[1]=<section 1 text>,[2]=<section 2 text>,…}} of every section's §5.2 text (timestamp inside), compressed,
 * Base64'd and marked as one blob ({@link SectionPayloads#encodeText}). The sender builds it from its stored
 * per-section blobs (G1 storage is split since {@code 4b3bee4}, §10.1); the receiver splits it back into per-section
 * blobs and rebuilds the structure blob from the section names, as an import would.
 */
final class FullData {
    /** Largest section index a full-data table may hold (guards against {@code {[1e9]=…}}). */
    static final long MAX_SECTIONS = 10_000;

    private FullData() {
    }

    /** The full-data blob of {@code sectionBlobs} (index order), or empty if one of them does not decode. */
    static Optional<String> encode(List<String> sectionBlobs) {
        StringBuilder text = new StringBuilder();
        text.append('{');
        for (int i = 0; i < sectionBlobs.size(); i++) {
            String sectionText = SectionPayloads.decodeText(sectionBlobs.get(i)).valueOrNull();
            if (sectionText == null) {
                return Optional.empty();
            }
            if (i > 0) {
                text.append(',');
            }
            text.append('[').append(i + 1).append("]=").append(sectionText);
        }
        text.append('}');
        return Optional.of(SectionPayloads.encodeText(text.toString()));
    }

    /**
     * The sheet a full-data blob carries: per-section blobs re-encoded from the decoded section texts (the same
     * bytes the sender stored) and the structure blob of their names; empty if the blob, its table text or any
     * section in it does not decode, or it holds no section.
     */
    static Optional<EncodedSheet> decode(String blob) {
        String text = SectionPayloads.decodeText(blob).valueOrNull();
        if (text == null || !(LuaTableReader.read(text) instanceof LuaTableReader.Result.Ok ok)
                || !(ok.value() instanceof LuaTable table) || table.maxIndex() < 1
                || table.maxIndex() > MAX_SECTIONS) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        List<String> blobs = new ArrayList<>();
        for (long i = 1; i <= table.maxIndex(); i++) {
            DecodeResult<SectionPayload> r = SectionText.readTable(table.get(i));
            SectionPayload p = r.valueOrNull();
            if (p == null || p.timestamp() == null) {
                return Optional.empty();
            }
            names.add(p.section().name());
            blobs.add(SectionPayloads.encodeSection(p.section(), p.timestamp()));
        }
        String structure = SectionPayloads.encodeStructure(
                names.subList(0, Math.min(names.size(), DataSheets.STRUCTURE_CAP)));
        return Optional.of(new EncodedSheet(names, blobs, structure));
    }
}
