package org.syncsim.metrics;

/**
 * A client's progress toward the newest data at the end of a time bucket, listed for the first bucket and for every
 * bucket at whose end it differs from the end of the bucket before: a client's progress in any bucket is the value
 * of its last change at or before it.
 *
 * @param bucketStartMicros the bucket {@code [start, start + width)} at whose end the client had this progress
 * @param progress 0 to 1, as the clients report it ({@link MetricsRecorder#progress})
 */
public record ProgressChange(long bucketStartMicros, int client, double progress)
        implements java.io.Serializable {
}
