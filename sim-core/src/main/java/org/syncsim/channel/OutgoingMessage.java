package org.syncsim.channel;

/**
 * One call of {@code SendAddonMessage} as the channel carries it, from the send call to the last recipient.
 * Allocated once per send and shared by every recipient's copy, so a 40-member fan-out costs one object.
 *
 * <p>Besides the call's values it holds one derived value: what the recipients make of the text (their parse).
 * Every recipient would compute the same immutable result from the same text, so the first stores it and the rest
 * read it, instead of each parsing the text again (the addon parses it once per recipient).
 */
public final class OutgoingMessage {
    private final long id;
    private final int sender;
    private final String prefix;
    private final String text;
    private final Distribution distribution;
    private final int target;
    private final Priority priority;
    private final String command;
    private final int bytes;
    private final long offeredAt;
    private Object reader;
    private Object derived;

    /**
     * @param id dense per-bus message number, for accounting
     * @param bytes accounted size: prefix + 1 separator byte + text + the channel's per-message overhead
     * @param offeredAt instant the client called the send API
     */
    public OutgoingMessage(long id, int sender, String prefix, String text, Distribution distribution, int target,
            Priority priority, String command, int bytes, long offeredAt) {
        this.id = id;
        this.sender = sender;
        this.prefix = prefix;
        this.text = text;
        this.distribution = distribution;
        this.target = target;
        this.priority = priority;
        this.command = command;
        this.bytes = bytes;
        this.offeredAt = offeredAt;
    }

    public long id() {
        return id;
    }

    public int sender() {
        return sender;
    }

    public String prefix() {
        return prefix;
    }

    public String text() {
        return text;
    }

    public Distribution distribution() {
        return distribution;
    }

    public int target() {
        return target;
    }

    public Priority priority() {
        return priority;
    }

    public String command() {
        return command;
    }

    public int bytes() {
        return bytes;
    }

    public long offeredAt() {
        return offeredAt;
    }

    /** Bytes of prefix + separator + text: what the game's length limits count. */
    public int wireLength() {
        return prefix.length() + 1 + text.length();
    }

    /**
     * The value {@code reader} derived from this message, or null if it derived none (or another reader did since).
     * A reader is an object that stands for one pure function of the text, e.g. a wire codec's parser.
     */
    public Object derivedBy(Object reader) {
        return this.reader == reader ? derived : null;
    }

    /** Stores what {@code reader} derived from this message, for the next recipient that reads it alike. */
    public void derive(Object reader, Object value) {
        this.reader = reader;
        this.derived = value;
    }

    @Override
    public String toString() {
        return "OutgoingMessage[id=" + id + ", sender=" + sender + ", " + distribution + " " + command + ", bytes="
                + bytes + "]";
    }
}
