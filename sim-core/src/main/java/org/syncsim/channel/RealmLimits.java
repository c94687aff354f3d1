package org.syncsim.channel;

import java.util.Locale;

/**
 * What a realm's client accepts in {@code SendAddonMessage}. Source: addon-channel.md, "The send call and its
 * limits".
 *
 * @param profile {@code vanilla}, {@code turtle} or {@code custom}
 * @param maxLength the limit in bytes
 * @param limitCountsPrefix true when the limit counts prefix + 1 separator + text (stock 1.12, 255); false when it
 *     counts the text alone (Turtle WoW, 2042)
 * @param whisperSupported whether WHISPER addon messages exist on this realm (stock 1.12: no; Turtle: open question,
 *     twra-sync-protocol.md §13 item 4; default no)
 * @param rejectLineBreaks whether CR/LF in the text is refused ("line breaks are not safe"); NUL is always refused
 * @param oversize {@code reject} (default) or {@code truncate}
 */
public record RealmLimits(String profile, int maxLength, boolean limitCountsPrefix, boolean whisperSupported,
        boolean rejectLineBreaks, String oversize) {
    /**
     * Stock 1.12 / ChatThrottleLib vanilla path: prefix + 1 + text must fit in 255 bytes. The library's check is
     * {@code prefix:len() + 1 + text:len() > 255}; its message "prefix + message length cannot exceed 254 bytes"
     * counts prefix and text without the separator, which is the same limit (ChatThrottleLib v24,
     * {@code SendAddonMessage}).
     */
    public static final int VANILLA_MAX = 255;
    /** Turtle WoW: about 2042 characters of text, measured by the TWRA author (TWRA commit 220824e). */
    public static final int TURTLE_MAX = 2042;

    public RealmLimits {
        if (maxLength <= 0) {
            throw new IllegalArgumentException("realm.maxLength must be > 0, got " + maxLength);
        }
        OversizePolicy.named(oversize);
    }

    /** Stock 1.12. */
    public static RealmLimits vanilla() {
        return new RealmLimits("vanilla", VANILLA_MAX, true, false, true, "reject");
    }

    /** Turtle WoW, the default for TWRA scenarios. */
    public static RealmLimits turtle() {
        return new RealmLimits("turtle", TURTLE_MAX, false, false, true, "reject");
    }

    /** {@code vanilla}, {@code turtle}, or a number: a limit on the text alone. */
    public static RealmLimits named(String profile) {
        String p = profile.trim().toLowerCase(Locale.ROOT);
        switch (p) {
            case "vanilla":
                return vanilla();
            case "turtle":
                return turtle();
            default:
                try {
                    return new RealmLimits("custom", Integer.parseInt(p), false, false, true, "reject");
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "unknown realm profile '" + profile + "' (expected vanilla, turtle or a number of bytes)");
                }
        }
    }

    /** The longest text allowed with this prefix. */
    public int maxTextLength(String prefix) {
        return limitCountsPrefix ? maxLength - prefix.length() - 1 : maxLength;
    }

    public RealmLimits withWhisper(boolean supported) {
        return new RealmLimits(profile, maxLength, limitCountsPrefix, supported, rejectLineBreaks, oversize);
    }

    public RealmLimits withOversize(String policy) {
        return new RealmLimits(profile, maxLength, limitCountsPrefix, whisperSupported, rejectLineBreaks, policy);
    }
}
