package org.syncsim.protocol.seed;

import java.util.ArrayList;
import java.util.List;
import org.syncsim.protocol.chunk.ChunkSender;
import org.syncsim.protocol.wire.Command;

/**
 * The chunk format before the 2025-05-11 refactor (spec §10.1 timeline row {@code 0ec12f6}): the message's own
 * prefix heads every piece, {@code <CMD>:<ts>:CHUNKED:<len>:<tid>:<n>} then
 * {@code <CMD>:<ts>:CHUNK:<i>:<n>:<tid>:<data>}. Only the G0 option's {@code DRES} goes out in it (prefix
 * {@code DRES:<ts>:}): at the G1 snapshot the chunk manager was never initialised, so a large {@code SECRES} or
 * immediate {@code SRES} raises a Lua error before its header (§10.2). Nothing on the G1 receive side reassembles
 * pieces: the router hands every piece to the handler of its first token.
 */
final class OldChunkFormat {
    /** Marker of a header piece, right after {@code <CMD>:<ts>:}. */
    static final String HEADER = Command.CHUNKED.token() + ":";
    /** Marker of a data piece, right after {@code <CMD>:<ts>:}. */
    static final String PIECE = Command.CHUNK.token() + ":";
    /**
     * Data bytes per piece: the last G0 value of §10.1 ("chunk size 180 → 1900"), assumed unchanged in G1.
     */
    static final int CHUNK_SIZE = 1900;
    /** Stagger between pieces sent by timers (§10.1, §10.2). */
    static final double STAGGER = 0.2;

    private OldChunkFormat() {
    }

    /** True if {@code <CMD>:<ts>:<data>} is too long to go inline (head's threshold, assumed the same in G1). */
    static boolean needsChunking(int messageLength) {
        return ChunkSender.needsChunking(messageLength);
    }

    /** The header piece; {@code prefix} is {@code <CMD>:<ts>:}. */
    static String header(String prefix, int length, String tid, int count) {
        return prefix + HEADER + length + ":" + tid + ":" + count;
    }

    /** The data pieces of one transfer, in order (piece {@code i} goes out {@code i × STAGGER} after the header). */
    static List<String> pieces(String prefix, String data, String tid) {
        int n = ChunkSender.chunkCount(data.length(), CHUNK_SIZE);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int from = i * CHUNK_SIZE;
            out.add(prefix + PIECE + (i + 1) + ":" + n + ":" + tid + ":"
                    + data.substring(from, Math.min(data.length(), from + CHUNK_SIZE)));
        }
        return out;
    }

    /** True if the data field of a received SRES/SECRES/DRES is a piece of the old format. */
    static boolean isChunkPiece(String data) {
        return data.startsWith(HEADER) || data.startsWith(PIECE);
    }
}
