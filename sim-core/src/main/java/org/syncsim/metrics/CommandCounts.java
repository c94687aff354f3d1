package org.syncsim.metrics;

/** Messages and bytes of one wire command, as sent by and received by one client (or by all). */
public record CommandCounts(long sentMessages, long sentBytes, long receivedMessages, long receivedBytes)
        implements java.io.Serializable {
    public static final CommandCounts ZERO = new CommandCounts(0, 0, 0, 0);

    CommandCounts plus(CommandCounts o) {
        return new CommandCounts(sentMessages + o.sentMessages, sentBytes + o.sentBytes,
                receivedMessages + o.receivedMessages, receivedBytes + o.receivedBytes);
    }
}
