package org.syncsim.metrics;

import java.util.SortedMap;

/**
 * Everything one client did and suffered in one run. Times are virtual microseconds; a time-to-sync of
 * {@code -1} means the client never had to wait for data (or never finished waiting, see {@code waitingAtEnd}).
 *
 * @param byCommand messages/bytes sent and received, per wire command (sorted by command)
 * @param receivedMessages deliveries from other clients (the own broadcast echo is not counted)
 * @param syncEpisodes how many times the client went from stale to holding the newest data
 * @param lastTimeToSyncMicros duration of the last completed episode, or -1
 * @param maxTimeToSyncMicros the longest completed episode, or -1
 * @param staleAtEnd the client held older data than the newest at the end of the run, in the group or not
 * @param waitingAtEnd the client was in the group, stale, at the end of the run
 * @param desyncedAtEnd the client claims the newest data timestamp but its content differs (ground truth)
 * @param cpuMicros Lua CPU charged to the client (serialise, compress, decode, messages)
 * @param worstFrameCpuMicros the most CPU charged within one of its frames: its longest freeze
 * @param hitchFrames frames whose charged CPU exceeded the hitch threshold
 */
public record ClientResult(
        int id,
        String name,
        long sentMessages,
        long sentBytes,
        long receivedMessages,
        long receivedBytes,
        SortedMap<String, CommandCounts> byCommand,
        long rejectedMessages,
        long lostMessages,
        long requests,
        long responses,
        long duplicateTransfers,
        long abortedHandlers,
        long malformedMessages,
        long refusedMessages,
        long serverDisconnects,
        long maxQueueDelayMicros,
        int syncEpisodes,
        long lastTimeToSyncMicros,
        long maxTimeToSyncMicros,
        long finalDataTimestamp,
        boolean staleAtEnd,
        boolean waitingAtEnd,
        boolean desyncedAtEnd,
        long cpuMicros,
        long worstFrameCpuMicros,
        long hitchFrames) implements java.io.Serializable {
}
