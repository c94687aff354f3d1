package org.syncsim.baseline;

import java.util.Base64;

/**
 * The fingerprint of one replication's event trace: how many events, their SHA-256 (as {@link
 * org.syncsim.engine.HashingTrace} computes it: any change at all shows), and enough to say where a changed trace
 * first differs without storing it: a 32-bit hash per block of {@code blockEvents} events ({@code blocks}, 8 hex
 * digits each), and one byte per event for the first {@code prefixEvents} ({@code prefix}, Base64: the event's
 * kind in the top 3 bits, 5 bits of its hash below), so that a difference there is named to the event and its
 * recorded kind. How the hashes are computed is {@link FingerprintTrace}'s.
 */
public record Fingerprint(int replication, long seed, long events, String sha256, int blockEvents, String blocks,
        int prefixEvents, String prefix) {
    /** Events per block hash: about 2 200 blocks for the bundled scenarios' 560 000 events, 18 kB of hex. */
    public static final int BLOCK_EVENTS = 256;
    /** Events with a code of their own: the whole trace of most small scenarios, 5.5 kB of Base64 each. */
    public static final int PREFIX_EVENTS = 4096;

    /** Blocks the trace holds, the last one possibly partial. */
    public long blockCount() {
        return (events + blockEvents - 1) / blockEvents;
    }

    /** Block {@code b}'s 32-bit hash as its 8 hex digits. */
    String block(long b) {
        int at = Math.toIntExact(b * 8);
        return blocks.substring(at, at + 8);
    }

    /** The per-event codes of the prefix. */
    byte[] prefixCodes() {
        return Base64.getDecoder().decode(prefix);
    }
}
