package org.syncsim.protocol.cpu;

import org.syncsim.protocol.data.codec.AddonBase64;
import org.syncsim.protocol.data.codec.HuffmanContainer;
import org.syncsim.protocol.wire.IdentityMemo;

/**
 * The byte counts the Lua work on one stored blob (0xF1 + Base64 of a LibCompress container, §5.2-5.5) runs over,
 * read from the blob's length and the container's header without decoding it.
 *
 * <p>In a storm every member meters the decode of the same blob instances (the sections every push carries), so
 * the sizes of the last {@value #REMEMBERED} blobs are remembered per thread, by identity.
 *
 * @param base64 Base64 characters (the blob without its marker)
 * @param text bytes of Lua text inside (0 when the container does not decode: the addon gives up after Base64)
 */
public record BlobSizes(long base64, long text) {
    private static final char MARKER = '\u00F1';
    /** Blobs remembered per thread: the sections and structure of the few sheet versions a run holds. */
    private static final int REMEMBERED = 256;
    private static final ThreadLocal<IdentityMemo<String, BlobSizes>> KNOWN =
            ThreadLocal.withInitial(() -> new IdentityMemo<>(REMEMBERED));

    /** The sizes of {@code blob}; a string that is no blob (a dangling {@code CHUNKED:<tid>}) has no text. */
    public static BlobSizes of(String blob) {
        return KNOWN.get().computeIfAbsent(blob, BlobSizes::read);
    }

    private static BlobSizes read(String blob) {
        if (blob.isEmpty() || blob.charAt(0) != MARKER) {
            return new BlobSizes(blob.length(), 0);
        }
        long chars = blob.length() - 1L;
        byte[] head = AddonBase64.decode(blob.substring(1, (int) Math.min(blob.length(), 9)));
        if (head == null || head.length == 0) {
            return new BlobSizes(chars, 0);
        }
        int method = head[0] & 0xFF;
        if (method == HuffmanContainer.HUFFMAN && head.length >= 5) {
            return new BlobSizes(chars, (head[2] & 0xFF) | (head[3] & 0xFF) << 8 | (head[4] & 0xFF) << 16);
        }
        if (method == HuffmanContainer.RAW) {
            byte[] all = AddonBase64.decode(blob.substring(1));
            return new BlobSizes(chars, all == null ? 0 : all.length - 1L);
        }
        return new BlobSizes(chars, 0);
    }
}
