package org.syncsim.protocol.wire;

/**
 * Where a string stops being a WoW addon byte string: the first NUL or character above {@code 0xFF}, which the
 * chat API cannot carry ({@code SendAddonMessage} truncates at NUL; the addon's text is bytes). The codec checks
 * every formatted and every parsed text, chunk messages of kilobytes included, so the common answer ("none") is
 * found without a branch per character: one OR over all characters shows whether any lies above {@code 0xFF},
 * and {@link String#indexOf(int)} (a vectorised intrinsic) looks for the NUL. Only a text that fails either test
 * is walked character by character, to name the first offending position exactly as a plain scan would.
 */
final class ByteStrings {
    private ByteStrings() {
    }

    /** The index of the first NUL or non-byte character of {@code s}, or -1 if there is none. */
    static int firstNonByte(String s) {
        int n = s.length();
        int any = 0;
        for (int i = 0; i < n; i++) {
            any |= s.charAt(i);
        }
        if (any <= 0xFF && s.indexOf(0) < 0) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch == 0 || ch > 0xFF) {
                return i;
            }
        }
        return -1;
    }
}
