package org.syncsim.channel;

import java.util.Locale;

/**
 * What the client does with a message longer than the realm allows: one job, chosen by name. Undocumented for
 * Turtle WoW (addon-channel.md, "The send call and its limits"); default {@code reject}.
 */
@FunctionalInterface
public interface OversizePolicy {
    /** The text to send, or {@code null} when the message is rejected; called only for oversize messages. */
    String apply(String text, int maxTextLength);

    /** The message is rejected and never sent (counted as {@code TOO_LONG}). The default. */
    OversizePolicy REJECT = (text, max) -> null;
    /** The text is cut to the longest length that fits. */
    OversizePolicy TRUNCATE = (text, max) -> max <= 0 ? "" : text.substring(0, max);

    /** {@code reject} or {@code truncate}. */
    static OversizePolicy named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "reject" -> REJECT;
            case "truncate" -> TRUNCATE;
            default -> throw new IllegalArgumentException(
                    "unknown oversize policy '" + name + "' (expected reject or truncate)");
        };
    }
}
