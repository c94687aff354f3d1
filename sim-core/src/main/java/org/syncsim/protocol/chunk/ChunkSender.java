package org.syncsim.protocol.chunk;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.syncsim.protocol.wire.Command;
import org.syncsim.protocol.wire.IdentityMemo;
import org.syncsim.protocol.wire.Message;

/**
 * The sending half of the addon's chunk manager ({@code ChunkContent}, spec §3.6-§3.7, §6(e)): a message longer
 * than {@link #INLINE_LIMIT} is replaced by a reference and its data goes out first as a header plus
 * {@code ceil(len / 1800)} chunks, all in the same call.
 */
public final class ChunkSender {
    /** A message longer than this many characters is chunked ({@code Sync.lua:962,981}, §11). */
    public static final int INLINE_LIMIT = 2000;
    /** Payload bytes per {@code CHUNK} ({@code maxChunkSize}, {@code ChunkManager.lua:10}). */
    public static final int CHUNK_SIZE = 1800;
    /** Lower and upper bound (inclusive) of the transfer id's random part ({@code ChunkManager.lua:51}). */
    public static final int TID_RANDOM_MIN = 10000;
    public static final int TID_RANDOM_MAX = 99999;

    private ChunkSender() {
    }

    /** True if a message of this length must be sent as a chunk transfer plus a reference. */
    public static boolean needsChunking(int messageLength) {
        return messageLength > INLINE_LIMIT;
    }

    /**
     * A transfer id {@code time() .. "-" .. random(10000, 99999)} from the sender's wall clock and RNG stream.
     * Same-second ids collide with probability 1/90 000 per pair (B17).
     */
    public static String transferId(long wallSeconds, UniformRandomProvider rng) {
        return wallSeconds + "-" + (TID_RANDOM_MIN + rng.nextInt(TID_RANDOM_MAX - TID_RANDOM_MIN + 1));
    }

    /** How a reference to chunked data starts inside a {@code BSEC}/{@code BSTR} data field. */
    private static final String REFERENCE_PREFIX = Command.CHUNKED.token() + ":";

    /** The reference that replaces chunked data inside a {@code BSEC}/{@code BSTR}: {@code CHUNKED:<tid>}. */
    public static String reference(String transferId) {
        return REFERENCE_PREFIX + transferId;
    }

    /** Whether a data field is a reference to chunked data rather than the data itself. */
    public static boolean isReference(String data) {
        return data.startsWith(REFERENCE_PREFIX);
    }

    /**
     * References whose transfer id was cut lately, per thread, by identity: every receiver of one {@code BSEC} or
     * {@code BSTR} asks with the same parsed reference, and then gets one id instance (whose hash, for the chunk
     * tables' lookup, is computed once). Several hundred pushed messages can be in flight in a storm.
     */
    private static final ThreadLocal<IdentityMemo<String, String>> IDS_OF =
            ThreadLocal.withInitial(() -> new IdentityMemo<>(1024));

    /** The transfer id of a {@code CHUNKED:<tid>[:...]} reference: the text up to the next colon. */
    public static String transferIdOf(String reference) {
        return IDS_OF.get().computeIfAbsent(reference, ChunkSender::cutTransferId);
    }

    private static String cutTransferId(String reference) {
        String rest = reference.substring(REFERENCE_PREFIX.length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    /** Number of chunks for {@code length} bytes: {@code ceil(length / chunkSize)}. */
    public static int chunkCount(int length, int chunkSize) {
        return (length + chunkSize - 1) / chunkSize;
    }

    /** The header and all chunks of one transfer of {@code data}, in send order. */
    public static List<Message> split(String data, String transferId, int chunkSize) {
        return transfer(data.length(), transferId, payloads(data, chunkSize));
    }

    /** {@code data} cut into {@code ceil(length / chunkSize)} consecutive payloads. */
    public static List<String> payloads(String data, int chunkSize) {
        int count = chunkCount(data.length(), chunkSize);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = i * chunkSize;
            out.add(data.substring(from, Math.min(data.length(), from + chunkSize)));
        }
        return out;
    }

    /** The header and the chunks of a transfer of {@code length} bytes cut into {@code payloads}, in send order. */
    public static List<Message> transfer(int length, String transferId, List<String> payloads) {
        List<Message> out = new ArrayList<>(payloads.size() + 1);
        out.add(new Message.ChunkHeader(length, transferId, payloads.size()));
        for (int i = 0; i < payloads.size(); i++) {
            out.add(new Message.Chunk(transferId, i + 1, payloads.get(i)));
        }
        return out;
    }
}
