package org.syncsim.protocol.wire;

/** The total outcome of parsing one received string: a typed message or a typed rejection. */
public sealed interface ParseResult {
    /** A usable message. */
    record Parsed(Message message) implements ParseResult {
    }

    /**
     * A string the client drops. {@code command} is the command it was routed to, or null if none;
     * {@code detail} is a short human-readable reason.
     */
    record Rejected(Rejection reason, Command command, String detail) implements ParseResult {
    }
}
