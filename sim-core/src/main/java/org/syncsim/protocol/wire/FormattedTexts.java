package org.syncsim.protocol.wire;

/**
 * The long texts this thread's {@link WireCodec} formatted lately, each with the data part it ends with (a chunk's
 * payload, a section's or the structure's blob). Every recipient of a broadcast gets the very text its sender
 * formatted, and the parse that the first recipient runs can use what the sender knew: the text is a byte string
 * (each part was checked), and its data part equals a string the sender already holds, which the parse hands on
 * instead of cutting a copy of kilobytes out of the text. Identity picks the text, which the codec built ending with
 * that data part, so a cut where the data part starts is that part: a remembered text parses to values equal to
 * those of a fresh parse, and a text that is not remembered (a forged one, or one sent long ago) is parsed in full.
 */
final class FormattedTexts {
    /** Texts shorter than this are not remembered: the lookup would cost about as much as the work it saves. */
    static final int REMEMBER_FROM = 256;
    /**
     * Texts remembered per thread: more than the chunk messages a storm sends within the ~0.1 s between a send and
     * its first delivery (a 200 KB sheet is ~100 chunks a push).
     */
    private static final int REMEMBERED = 2048;
    /** Stands for "no data part" in the memo, which holds no nulls. */
    private static final String NONE = new String("");

    private static final ThreadLocal<IdentityMemo<String, String>> TEXTS =
            ThreadLocal.withInitial(() -> new IdentityMemo<>(REMEMBERED));

    private FormattedTexts() {
    }

    /**
     * Notes {@code text}, a new string the codec built from parts each found to be a byte string, ending with
     * {@code data} (null if it ends with no data part). Only the codec may call this: the note is trusted.
     */
    static void remember(String text, String data) {
        assert data == null || text.endsWith(data) : "the codec's text ends with its data part";
        if (text.length() >= REMEMBER_FROM && text.length() <= ByteStrings.SCRATCH_LIMIT) {
            TEXTS.get().put(text, data == null ? NONE : data);
        }
    }

    /** True if this thread's codec formatted this very {@code text} lately (so it is a byte string). */
    static boolean isRemembered(String text) {
        return text.length() >= REMEMBER_FROM && TEXTS.get().get(text) != null;
    }

    /**
     * {@code text.substring(from)}: the data part the codec noted for this very text if the cut is where that part
     * starts, else a copy cut from the text.
     */
    static String tail(String text, int from) {
        if (text.length() >= REMEMBER_FROM) {
            String data = TEXTS.get().get(text);
            if (data != null && data != NONE && data.length() == text.length() - from) {
                return data;
            }
        }
        return text.substring(from);
    }
}
