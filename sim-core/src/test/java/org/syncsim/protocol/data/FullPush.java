package org.syncsim.protocol.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages of one full push ({@code SendAllSections}, spec §6(e), formats §3.4-3.7) for a set of section
 * blobs: first a chunk transfer ({@code CHUNKED} header + {@code CHUNK}s of 1800 bytes) for every section whose
 * inline {@code BSEC} would exceed 2000 characters (ascending order standing in for {@code pairs}), then
 * {@code BSEC} 1..n inline or as references, then {@code BSTR}. Test-side arithmetic for the size calibration.
 */
record FullPush(List<String> messages, int chunkedHeaders, int chunks, int inlineSections, int references) {

    static final int INLINE_LIMIT = 2000;
    static final int CHUNK_SIZE = 1800;
    /** A transfer id as the addon makes them: {@code time() .. "-" .. random(10000, 99999)}; always 16 chars. */
    static final String TID = "1747458002-48213";

    static FullPush of(List<String> sectionBlobs, String structureBlob, long ts) {
        List<String> transfers = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        int headers = 0;
        int chunks = 0;
        int inline = 0;
        int refs = 0;
        for (int i = 1; i <= sectionBlobs.size(); i++) {
            String data = sectionBlobs.get(i - 1);
            String prefix = "BSEC:" + ts + ":" + i + ":";
            if ((prefix + data).length() > INLINE_LIMIT) {
                int n = (data.length() + CHUNK_SIZE - 1) / CHUNK_SIZE;
                transfers.add("CHUNKED:" + data.length() + ":" + TID + ":" + n);
                headers++;
                for (int c = 1; c <= n; c++) {
                    int from = (c - 1) * CHUNK_SIZE;
                    transfers.add("CHUNK:" + TID + ":" + c + ":" + data.substring(from, Math.min(data.length(), from + CHUNK_SIZE)));
                    chunks++;
                }
                sections.add(prefix + "CHUNKED:" + TID);
                refs++;
            } else {
                sections.add(prefix + data);
                inline++;
            }
        }
        List<String> all = new ArrayList<>(transfers);
        all.addAll(sections);
        String bstr = "BSTR:" + ts + ":" + structureBlob;
        if (bstr.length() > INLINE_LIMIT) {
            throw new IllegalStateException("chunked structure is out of scope for these tests");
        }
        all.add(bstr);
        return new FullPush(all, headers, chunks, inline, refs);
    }

    static FullPush of(AssignmentSet set, long ts) {
        return of(SectionPayloads.encodeSections(set, ts), SectionPayloads.encodeStructure(set.sectionNames()), ts);
    }

    long payloadBytes() {
        long total = 0;
        for (String m : messages) {
            total += m.length();
        }
        return total;
    }
}
