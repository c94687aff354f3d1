package org.syncsim.metrics;

/**
 * One wait of one client for the newest data, for the per-client sync timeline: when the wait began, when the
 * client first asked for data and first received a message from another client while waiting, and when it
 * ended. Times are virtual microseconds; {@code -1} means it did not happen (an {@code endMicros} of -1 is a wait
 * abandoned by leaving the group or still open at the end of the run).
 */
public record SyncEpisode(int client, long startMicros, long requestMicros, long firstMessageMicros,
        long endMicros) implements java.io.Serializable {

    /** Whether the client ended the wait holding the newest data. */
    public boolean completed() {
        return endMicros >= 0;
    }

    /** The wait's duration, or -1 if it never ended. */
    public long durationMicros() {
        return endMicros < 0 ? -1 : endMicros - startMicros;
    }
}
