package org.syncsim.protocol.head;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.syncsim.protocol.chunk.ChunkManager;
import org.syncsim.protocol.chunk.ChunkSender;
import org.syncsim.protocol.client.PayloadDecoder;
import org.syncsim.protocol.clock.AddonTimers;

/**
 * A push of a newer version held aside until it is complete (the plan's {@code recovery: resume}): its sections
 * and structure as received, blobs or {@code CHUNKED:<tid>} references still waiting for their chunks. Nothing in
 * it is applied before {@link #missing} is empty, which is what keeps a member from claiming a version it does not
 * fully hold (B9, B10, B16, B29).
 */
final class PushStaging {
    final long ts;
    /** The member the last part of this push came from: whom to ask for what is missing. */
    int pusher;
    private final TreeMap<Integer, String> sections = new TreeMap<>();
    private String structure;
    private List<String> names;
    /** Repair requests sent for this push. */
    int repairRequests;
    /** The quiet-time timer after which missing parts are asked for. */
    AddonTimers.Handle quietTimer;

    PushStaging(long ts, int pusher) {
        this.ts = ts;
        this.pusher = pusher;
    }

    /**
     * Takes a section of this push, unless the section is already held whole: a later push of the same version
     * (a repair, or a whole push pulled after the repair rounds) carries the same blob, often as a new chunk
     * reference whose chunks can be lost in turn, and replacing a usable blob with it would undo what the earlier
     * push delivered, so that the staging completes only when one push arrives without any loss.
     */
    void offerSection(int index, String data, ChunkManager chunks, double now, PayloadDecoder decoder) {
        String held = sections.get(index);
        if (held != null) {
            held = resolved(held, chunks, now);
            if (!ChunkSender.isReference(held) && decoder.sectionUsable(held)) {
                sections.put(index, held);
                return;
            }
        }
        sections.put(index, data);
    }

    /** Whether a blob (or a reference) for {@code index} is held. */
    boolean holds(int index) {
        return sections.containsKey(index);
    }

    /** Takes the structure of this push, unless one already decoded (for the reason {@link #offerSection} gives). */
    void offerStructure(String data) {
        if (names != null) {
            return;
        }
        structure = data;
        names = null;
    }

    /** The section names of the structure, once it is held and decodes; resolves a chunk reference first. */
    List<String> names(ChunkManager chunks, double now, PayloadDecoder decoder) {
        if (names == null && structure != null) {
            structure = resolved(structure, chunks, now);
            if (!ChunkSender.isReference(structure)) {
                Optional<List<String>> decoded = decoder.structureNames(structure);
                names = decoded.orElse(null);
            }
        }
        return names;
    }

    /**
     * The indexes 1..n of the structure whose blob is not held yet (references resolved where their chunks have
     * completed); all of them, or none if the structure is not held, as {@code null}.
     */
    List<Integer> missing(ChunkManager chunks, double now, PayloadDecoder decoder) {
        List<String> n = names(chunks, now, decoder);
        if (n == null) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i <= n.size(); i++) {
            String data = sections.get(i);
            if (data != null) {
                data = resolved(data, chunks, now);
                sections.put(i, data);
            }
            if (data == null || ChunkSender.isReference(data) || !decoder.sectionUsable(data)) {
                out.add(i);
            }
        }
        return out;
    }

    /** The structure blob (call after {@link #missing} found nothing missing). */
    String structure() {
        return structure;
    }

    /** Section blobs 1..n (call after {@link #missing} found nothing missing). */
    Map<Integer, String> sections(int n) {
        return new TreeMap<>(sections.headMap(n, true));
    }

    private static String resolved(String data, ChunkManager chunks, double now) {
        if (!ChunkSender.isReference(data) || !chunks.isInitialized()) {
            return data;
        }
        String blob = chunks.retrieve(ChunkSender.transferIdOf(data), now);
        return blob == null ? data : blob;
    }
}
