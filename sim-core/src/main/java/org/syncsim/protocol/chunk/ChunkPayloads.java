package org.syncsim.protocol.chunk;

import java.util.List;
import org.syncsim.protocol.wire.IdentityMemo;

/**
 * The payloads a blob is cut into for sending, the same String instances each time the same blob is sent in a run:
 * in a storm every member pushes the same sections, and the formatter's byte-string check (which remembers the
 * parts it found clean by identity) then reads each payload once instead of once per pusher. The payloads are
 * those {@link ChunkSender#payloads} cuts, whatever is remembered. Not thread-safe: one per run.
 */
public final class ChunkPayloads {
    /** Blobs remembered: every section and structure of a sheet, of the current and an older version. */
    private static final int BLOBS = 256;

    private final IdentityMemo<String, List<String>> cut = new IdentityMemo<>(BLOBS);

    /** The {@link ChunkSender#CHUNK_SIZE} payloads of {@code data}. */
    public List<String> of(String data) {
        return cut.computeIfAbsent(data, d -> List.copyOf(ChunkSender.payloads(d, ChunkSender.CHUNK_SIZE)));
    }
}
