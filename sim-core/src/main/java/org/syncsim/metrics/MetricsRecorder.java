package org.syncsim.metrics;

/**
 * What the channel and the clients report while a run goes on. Every method has an empty default so that a
 * recorder implements only what it aggregates. Clients are dense integer ids; {@code command} is the wire
 * command a message carries (e.g. {@code BSEC}), used only for accounting; {@code bytes} always include the
 * prefix, the separator and the channel's per-message overhead.
 */
public interface MetricsRecorder {
    /** Records nothing. */
    MetricsRecorder NONE = new MetricsRecorder() {
    };

    /** A client called the send API with this message. */
    default void messageOffered(long time, int sender, String command, int bytes) {
    }

    /** The message left the client for the server, after {@code queuedMicros} in the client's throttle. */
    default void messageSent(long time, int sender, String command, int bytes, long queuedMicros) {
    }

    /** The message never left the client or was discarded by the server. */
    default void messageRejected(long time, int sender, String command, int bytes, DropReason reason) {
    }

    /** The message reached one recipient's {@code CHAT_MSG_ADDON} (the sender's own echo included). */
    default void messageDelivered(long time, int sender, int recipient, String command, int bytes) {
    }

    /** The message was sent but did not reach this recipient. */
    default void messageLost(long time, int sender, int recipient, String command, int bytes, DropReason reason) {
    }

    /**
     * {@link #messageOffered(long, int, String, int)} with the channel's message id, so that a recorder can follow
     * one message through the channel; by default forwards to the id-less method.
     */
    default void messageOffered(long time, long messageId, int sender, String command, int bytes) {
        messageOffered(time, sender, command, bytes);
    }

    /** The message entered the sender's throttle queue (it will leave later, see {@code messageSent}). */
    default void messageQueued(long time, long messageId, int sender, String command, int bytes) {
    }

    /** {@link #messageSent(long, int, String, int, long)} with the message id. */
    default void messageSent(long time, long messageId, int sender, String command, int bytes, long queuedMicros) {
        messageSent(time, sender, command, bytes, queuedMicros);
    }

    /** {@link #messageRejected(long, int, String, int, DropReason)} with the message id. */
    default void messageRejected(long time, long messageId, int sender, String command, int bytes,
            DropReason reason) {
        messageRejected(time, sender, command, bytes, reason);
    }

    /** {@link #messageDelivered(long, int, int, String, int)} with the message id. */
    default void messageDelivered(long time, long messageId, int sender, int recipient, String command, int bytes) {
        messageDelivered(time, sender, recipient, command, bytes);
    }

    /** {@link #messageLost(long, int, int, String, int, DropReason)} with the message id. */
    default void messageLost(long time, long messageId, int sender, int recipient, String command, int bytes,
            DropReason reason) {
        messageLost(time, sender, recipient, command, bytes, reason);
    }

    /**
     * The sent message {@code messageId} went out to {@code addressedCopies} recipients (the group's members at the
     * send, the sender's echo included; 1 for a whisper): each of those copies is later delivered or lost once.
     */
    default void messageFannedOut(long time, long messageId, int addressedCopies) {
    }

    /** A client's presence changed (online, loading screen, offline). */
    default void presenceChanged(long time, int client, String presence) {
    }

    /** A client's throttle queue changed depth. */
    default void throttleQueue(long time, int client, int queuedMessages, long queuedBytes) {
    }

    /** The server disconnected a client (rate limit) until {@code untilTime}. */
    default void serverDisconnect(long time, int client, long untilTime) {
    }

    /** A client now holds the newest complete data set, stamped {@code dataTimestamp}. */
    default void clientSynced(long time, int client, long dataTimestamp) {
    }

    /**
     * A client's progress toward the newest data changed to {@code fraction} (0 to 1; 1 exactly when it holds the
     * newest complete data): reported once at the start and then on every change, e.g. a section of a push stored
     * or newer data imported elsewhere. The definition is in {@code docs/results.md} ({@code progress.csv}).
     */
    default void progress(long time, int client, double fraction) {
    }

    /** A client started a request for data (e.g. sent {@code BSREQ}). */
    default void requestSent(long time, int client, String command) {
    }

    /** A client started answering a request (e.g. a full push). */
    default void responseStarted(long time, int client, String command) {
    }

    /** A client received data it already had (a duplicate transfer). */
    default void duplicateTransfer(long time, int client, String what) {
    }

    /** A handler stopped half-way where the addon raises a Lua error; state stays as it stands. */
    default void handlerAborted(long time, int client, String command, String where) {
    }

    /** A received message could not be parsed and was dropped. */
    default void messageMalformed(long time, int client, String reason) {
    }

    /**
     * A well-formed message was dropped by a policy of the receiver ({@code why}: e.g. its sender may not push,
     * or its version lies too far in the future).
     */
    default void messageRefused(long time, int client, String command, String why) {
    }

    /**
     * A client spent {@code micros} of Lua CPU on {@code work} (e.g. {@code decompress}); {@code frameMicros} is all
     * the CPU charged in the client's current frame so far, this charge included (the frame freezes that long).
     */
    default void cpuCharged(long time, int client, String work, long micros, long frameMicros) {
    }

    /**
     * End of run: a client claims data version {@code claimedTimestamp} (the newest) but its content differs
     * from the newest import (a permanent silent desync, e.g. B9).
     */
    default void desyncDetected(long time, int client, long claimedTimestamp) {
    }
}
