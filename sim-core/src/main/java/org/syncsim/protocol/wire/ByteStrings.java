package org.syncsim.protocol.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a string stops being a WoW addon byte string: the first NUL or character above {@code 0xFF}, which the
 * chat API cannot carry ({@code SendAddonMessage} truncates at NUL; the addon's text is bytes). The codec checks
 * every formatted and every parsed text, chunk messages of kilobytes included, so the common answer ("none") is
 * found with the JDK's vectorised intrinsics instead of a branch per character: {@link String#indexOf(int)} looks
 * for the NUL, and the ISO-8859-1 encoder (which stops at the first character above {@code 0xFF}) runs over the
 * text's characters copied into a per-thread scratch array. Only a text that fails either test is walked
 * character by character, to name the first offending position exactly as a plain scan would.
 *
 * <p>The parts a sender formats again and again (a section's blob, or the payloads cut from it, which every member
 * of a storm pushes) are the same String instances each time ({@code ChunkPayloads}), so the formatter's checks
 * remember, per thread and by identity, the last {@value #REMEMBERED} long parts found clean: checking one again
 * costs a lookup; and a long received text that this thread's codec formatted from checked parts
 * ({@link FormattedTexts}) needs no scan. Whether a part or text is remembered changes only the cost, never the
 * answer.
 */
final class ByteStrings {
    /** Longer texts (none on the wire: the parser's limit is 64 KiB) are scanned plainly, not copied. */
    static final int SCRATCH_LIMIT = 1 << 16;
    /** Clean parts remembered per thread: the payloads of a 1 MB sheet (560) and its blobs. */
    private static final int REMEMBERED = 1024;
    /** Shorter parts are checked each time: the lookup would cost about as much as the scan. */
    private static final int REMEMBER_FROM = 256;

    private static final class Scratch {
        final CharsetEncoder latin1 = StandardCharsets.ISO_8859_1.newEncoder();
        final IdentityMemo<String, Boolean> clean = new IdentityMemo<>(REMEMBERED);
        char[] chars;
        CharBuffer in;
        ByteBuffer out;

        Scratch() {
            size(2048);
        }

        void size(int n) {
            chars = new char[n];
            in = CharBuffer.wrap(chars);
            out = ByteBuffer.allocate(n);
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private ByteStrings() {
    }

    /** The index of the first NUL or non-byte character of {@code s}, or -1 if there is none. */
    static int firstNonByte(String s) {
        if (s.length() <= SCRATCH_LIMIT && s.indexOf(0) < 0 && allLatin1(s, SCRATCH.get())) {
            return -1;
        }
        return scan(s);
    }

    /**
     * {@link #firstNonByte}, remembering a long clean {@code s} by identity for this thread: for the parts a sender
     * formats, which come back as the very same instances.
     */
    static int firstNonByteOfPart(String s) {
        if (s.length() < REMEMBER_FROM || s.length() > SCRATCH_LIMIT) {
            return firstNonByte(s);
        }
        Scratch scratch = SCRATCH.get();
        if (scratch.clean.get(s) != null) {
            return -1;
        }
        if (s.indexOf(0) < 0 && allLatin1(s, scratch)) {
            scratch.clean.put(s, Boolean.TRUE);
            return -1;
        }
        return scan(s);
    }

    /** {@link #firstNonByte} of a received text, without a scan if it is a text this thread formatted. */
    static int firstNonByteOfReceived(String text) {
        return FormattedTexts.isRemembered(text) ? -1 : firstNonByte(text);
    }

    private static int scan(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == 0 || ch > 0xFF) {
                return i;
            }
        }
        return -1;
    }

    private static boolean allLatin1(String s, Scratch scratch) {
        int n = s.length();
        if (scratch.chars.length < n) {
            scratch.size(Math.max(n, 2 * scratch.chars.length));
        }
        s.getChars(0, n, scratch.chars, 0);
        scratch.in.clear().limit(n);
        scratch.out.clear();
        scratch.latin1.reset();
        return !scratch.latin1.encode(scratch.in, scratch.out, true).isError();
    }
}
