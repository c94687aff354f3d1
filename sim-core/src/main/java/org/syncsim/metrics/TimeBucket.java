package org.syncsim.metrics;

import java.util.SortedMap;

/**
 * One time bucket {@code [startMicros, startMicros + width)} of a run.
 *
 * @param sentByCommand messages and bytes that left clients in this bucket, per command (only non-zero ones)
 * @param deliveredMessages copies delivered to recipients (own echoes excluded)
 * @param maxQueuedMessages the largest total throttle queue depth (all clients together) seen in the bucket
 * @param maxQueuedBytes the largest total queued bytes seen in the bucket
 * @param disconnects server disconnects that happened in the bucket
 * @param maxQueueDelayMicros the longest time a message sent in this bucket waited in its sender's throttle
 */
public record TimeBucket(
        long startMicros,
        SortedMap<String, CommandCounts> sentByCommand,
        long deliveredMessages,
        long maxQueuedMessages,
        long maxQueuedBytes,
        long disconnects,
        long maxQueueDelayMicros) {

    /** A bucket without queue-delay information (0). */
    public TimeBucket(long startMicros, SortedMap<String, CommandCounts> sentByCommand, long deliveredMessages,
            long maxQueuedMessages, long maxQueuedBytes, long disconnects) {
        this(startMicros, sentByCommand, deliveredMessages, maxQueuedMessages, maxQueuedBytes, disconnects, 0);
    }
}
