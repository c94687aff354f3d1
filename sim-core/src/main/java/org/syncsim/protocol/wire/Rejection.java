package org.syncsim.protocol.wire;

/** Why a received string is not a usable message. */
public enum Rejection {
    /** Empty text (no command component). */
    EMPTY,
    /** Longer than the codec's limit. */
    OVERSIZED,
    /** A character that is not a byte (above U+00FF) or a NUL byte. */
    NOT_A_BYTE_STRING,
    /** No command of the profile has this token. */
    UNKNOWN_COMMAND,
    /** Too few fields for the command. */
    MISSING_FIELD,
    /** More fields than the command's format has (strict parsing only). */
    EXTRA_FIELD,
    /** A numeric field is not a number (or, strictly, not a canonical decimal). */
    NOT_A_NUMBER,
    /** A number outside the field's range (e.g. a non-integral or negative index). */
    OUT_OF_RANGE,
    /**
     * The addon would raise a Lua error while handling this message (e.g. {@code SECTION} without an index, §12.2;
     * MSREQ/MSACK calling undefined methods, B24). A head client counts it as an aborted handler, not as malformed.
     */
    HANDLER_ERROR
}
