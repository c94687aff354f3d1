package org.syncsim.protocol.data.codec;

import java.util.Base64;

/**
 * Base64 as TWRA uses it (spec §5.5): the standard RFC 4648 alphabet with {@code =} padding and no line breaks
 * when encoding; when decoding, characters outside the alphabet (spaces, CR, LF, TAB, padding, anything else) are
 * skipped and the rest is decoded as if re-padded to a multiple of four.
 */
public final class AddonBase64 {

    private static final byte[] SEXTET = new byte[256];

    static {
        java.util.Arrays.fill(SEXTET, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            SEXTET[alphabet.charAt(i)] = (byte) i;
        }
    }

    private AddonBase64() {}

    /** Standard Base64 of {@code data}, padded, one line. */
    public static String encode(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    /**
     * Decodes leniently, like the addon; returns {@code null} when no alphabet character is present or a single
     * character is left over after the last full group (it cannot carry a whole byte). Never throws.
     */
    public static byte[] decode(CharSequence text) {
        int n = text.length();
        int[] sextets = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 256 && SEXTET[c] >= 0) {
                sextets[count++] = SEXTET[c];
            }
        }
        if (count == 0 || count % 4 == 1) {
            return null;
        }
        int full = count / 4;
        int tail = count % 4;
        byte[] out = new byte[full * 3 + (tail == 0 ? 0 : tail - 1)];
        int o = 0;
        int i = 0;
        for (int g = 0; g < full; g++, i += 4) {
            int v = sextets[i] << 18 | sextets[i + 1] << 12 | sextets[i + 2] << 6 | sextets[i + 3];
            out[o++] = (byte) (v >>> 16);
            out[o++] = (byte) (v >>> 8);
            out[o++] = (byte) v;
        }
        if (tail >= 2) {
            int v = sextets[i] << 18 | sextets[i + 1] << 12 | (tail == 3 ? sextets[i + 2] << 6 : 0);
            out[o++] = (byte) (v >>> 16);
            if (tail == 3) {
                out[o++] = (byte) (v >>> 8);
            }
        }
        return out;
    }
}
