package org.syncsim.metrics;

/** Why a message, or one recipient's copy of it, was not delivered. */
public enum DropReason {
    /** Longer than the realm's limit (default policy: rejected at send). */
    TOO_LONG,
    /** Contains a byte the channel does not carry (NUL, or a tab/line break where unsafe). */
    FORBIDDEN_CHARACTER,
    /** The sender is not in a group for a RAID/PARTY message, or the whisper target is unknown. */
    NOT_IN_GROUP,
    /** The realm does not carry this distribution (e.g. WHISPER on stock 1.12). */
    UNSUPPORTED_DISTRIBUTION,
    /** The sender is disconnected (e.g. by the server's rate limiter). */
    SENDER_OFFLINE,
    /** Over the server's rate limit: discarded (and, with the default overflow, its sender disconnected). */
    SERVER_RATE_LIMIT,
    /** The recipient left the group or went offline before it arrived. */
    RECIPIENT_OFFLINE,
    /** The recipient was on a loading screen when it arrived. */
    LOADING_SCREEN,
    /** The link's loss model dropped it. */
    LINK_LOSS,
    /** A scheduled outage of the link. */
    OUTAGE
}
