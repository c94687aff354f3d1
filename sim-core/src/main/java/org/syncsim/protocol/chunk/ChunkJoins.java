package org.syncsim.protocol.chunk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The joined data of a completed transfer, shared by every receiver that joined the very same chunk strings.
 *
 * <p>Every member of the raid receives a broadcast transfer and, as the addon does, concatenates its chunks into
 * the blob (up to tens of kilobytes, dozens of times per storm). The chunk payloads reach the receivers as the same
 * string instances (the codec parses a sent message once), so the first receiver's blob is remembered under the
 * transfer's number ({@link TextIds}) and handed to the next receiver that holds exactly the same parts in the same
 * order.
 * A join that is not remembered is made canonical: if a recent transfer carried the same text (39 members pushing
 * the same section), the earlier String is returned, so that comparing a pushed section with the one a receiver
 * holds, or looking it up in the decoder's memo, finds the same instance instead of comparing kilobytes.
 * Recent texts are found by a {@linkplain #fingerprint fingerprint} (the length and a few dozen characters spread
 * over the text) and confirmed with {@link String#equals}: hashing every fresh join in full (tens of kilobytes,
 * one multiply per character) cost more than the join itself. Only the canonical instance is ever hashed (by the
 * decoder's memo), once, since a String keeps its hash.
 * The text is identical either way; a receiver with any other part (a duplicate, a different transfer) joins its
 * own. Not thread-safe: one per run.
 */
public final class ChunkJoins {
    /** Transfers remembered: more than a 40-member storm completes while its chunks are in flight. */
    private static final int SLOTS = 1024; // a power of two

    /** Characters a fingerprint reads. */
    private static final int SAMPLES = 32;

    private record Joined(int transfer, String[] parts, String data) {
    }

    /** The latest join of each transfer number modulo {@value #SLOTS}. */
    private final Joined[] joined = new Joined[SLOTS];
    /** Recent distinct texts by fingerprint (the latest text of a shared fingerprint); the eldest is forgotten first. */
    private final Map<Long, String> canonical = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > SLOTS;
        }
    };

    /**
     * Makes {@code text} the instance that later joins of the same text return (the blobs every client starts
     * with, so that a received copy of a section is the very String its receiver's data and the decoder's memo
     * already hold).
     */
    public void remember(String text) {
        canonical.put(fingerprint(text), text);
    }

    /** The concatenation of {@code parts}. */
    public String join(String[] parts) {
        return join(-1, parts);
    }

    /** The concatenation of {@code parts}, the chunks of the transfer numbered {@code transfer} (-1: none). */
    public String join(int transfer, String[] parts) {
        if (parts.length == 0) {
            return "";
        }
        int slot = transfer & (SLOTS - 1);
        Joined j = transfer < 0 ? null : joined[slot];
        if (j != null && j.transfer == transfer && sameInstances(j.parts, parts)) {
            return j.data;
        }
        String fresh = String.join("", parts); // one copy of the characters
        Long key = fingerprint(fresh);
        String earlier = canonical.get(key);
        String data;
        if (fresh.equals(earlier)) {
            data = earlier;
        } else {
            data = fresh;
            canonical.put(key, fresh);
        }
        if (transfer >= 0) {
            joined[slot] = new Joined(transfer, parts.clone(), data);
        }
        return data;
    }

    /**
     * The length of {@code s} and {@value #SAMPLES} of its characters at evenly spaced positions, first and last
     * included: equal texts have equal fingerprints, and the texts of different sections or versions rarely share
     * one (a shared one only costs a canonical instance).
     */
    static long fingerprint(String s) {
        int n = s.length();
        long h = n;
        if (n > 0) {
            for (int k = 0; k < SAMPLES; k++) {
                h = 31 * h + s.charAt((int) ((long) k * (n - 1) / (SAMPLES - 1)));
            }
        }
        return h;
    }

    private static boolean sameInstances(String[] a, String[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }
}
