package org.syncsim.channel;

/**
 * One call of {@code SendAddonMessage} as the channel carries it, from the send call to the last recipient.
 * Allocated once per send and shared by every recipient's copy, so a 40-member fan-out costs one object.
 *
 * @param id dense per-bus message number, for accounting
 * @param bytes accounted size: prefix + 1 separator byte + text + the channel's per-message overhead
 * @param offeredAt instant the client called the send API
 */
public record OutgoingMessage(long id, int sender, String prefix, String text, Distribution distribution, int target,
        Priority priority, String command, int bytes, long offeredAt) {

    /** Bytes of prefix + separator + text: what the game's length limits count. */
    public int wireLength() {
        return prefix.length() + 1 + text.length();
    }
}
