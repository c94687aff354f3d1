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
 * @param progressMean the mean over every client of its progress toward the newest data at the bucket's end
 *     ({@link MetricsRecorder#progress}; a client that never reported counts as 0)
 * @param progressMin the lowest progress of any client at the bucket's end
 * @param membersComplete how many clients held the newest complete data (progress 1) at the bucket's end
 */
public record TimeBucket(
        long startMicros,
        SortedMap<String, CommandCounts> sentByCommand,
        long deliveredMessages,
        long maxQueuedMessages,
        long maxQueuedBytes,
        long disconnects,
        long maxQueueDelayMicros,
        double progressMean,
        double progressMin,
        int membersComplete) implements java.io.Serializable {

    /** A bucket without queue-delay or progress information (0). */
    public TimeBucket(long startMicros, SortedMap<String, CommandCounts> sentByCommand, long deliveredMessages,
            long maxQueuedMessages, long maxQueuedBytes, long disconnects) {
        this(startMicros, sentByCommand, deliveredMessages, maxQueuedMessages, maxQueuedBytes, disconnects, 0, 0, 0, 0);
    }
}
