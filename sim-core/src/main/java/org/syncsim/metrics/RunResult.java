package org.syncsim.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The immutable outcome of one run (one replication): per-client results, totals per command, time buckets,
 * and the headline numbers. Holds no wall-clock time, so two runs with the same seed compare equal.
 *
 * @param commands every command seen, sorted
 * @param totalsByCommand all clients together, per command ({@code received} counts every delivered copy)
 * @param timeToSync every completed sync episode of every client
 * @param queueDelay how long sent messages waited in client throttles (all messages, zero delays included)
 * @param rejectedByReason messages that never left their sender or were discarded by the server
 * @param lostByReason recipient copies that did not arrive
 * @param episodes every wait for the newest data (completed, abandoned by leaving, or open at the end), in the
 *     order they ended (open ones last)
 */
public record RunResult(
        long seed,
        long virtualTimeMicros,
        long eventsProcessed,
        String stopReason,
        long bucketMicros,
        List<String> commands,
        SortedMap<String, CommandCounts> totalsByCommand,
        List<ClientResult> clients,
        List<TimeBucket> timeline,
        Percentiles timeToSync,
        Percentiles queueDelay,
        SortedMap<String, Long> rejectedByReason,
        SortedMap<String, Long> lostByReason,
        List<SyncEpisode> episodes) {

    /** A result without the episode log. */
    public RunResult(long seed, long virtualTimeMicros, long eventsProcessed, String stopReason, long bucketMicros,
            List<String> commands, SortedMap<String, CommandCounts> totalsByCommand, List<ClientResult> clients,
            List<TimeBucket> timeline, Percentiles timeToSync, Percentiles queueDelay,
            SortedMap<String, Long> rejectedByReason, SortedMap<String, Long> lostByReason) {
        this(seed, virtualTimeMicros, eventsProcessed, stopReason, bucketMicros, commands, totalsByCommand, clients,
                timeline, timeToSync, queueDelay, rejectedByReason, lostByReason, List.of());
    }

    public RunResult {
        episodes = List.copyOf(episodes);
        commands = List.copyOf(commands);
        totalsByCommand = unmodifiable(totalsByCommand);
        clients = List.copyOf(clients);
        timeline = List.copyOf(timeline);
        rejectedByReason = unmodifiable(rejectedByReason);
        lostByReason = unmodifiable(lostByReason);
    }

    static <V> SortedMap<String, V> unmodifiable(SortedMap<String, V> m) {
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(m));
    }

    /** Total messages that left any client. */
    public long sentMessages() {
        return clients.stream().mapToLong(ClientResult::sentMessages).sum();
    }

    /** Total bytes that left any client. */
    public long sentBytes() {
        return clients.stream().mapToLong(ClientResult::sentBytes).sum();
    }

    /** Messages of this command that left any client (0 if never seen). */
    public long sent(String command) {
        return totalsByCommand.getOrDefault(command, CommandCounts.ZERO).sentMessages();
    }

    /** Group members stale at the end of the run. */
    public int waitingAtEnd() {
        return (int) clients.stream().filter(ClientResult::waitingAtEnd).count();
    }

    /** Clients whose content differs from the newest data although they claim its timestamp. */
    public int desyncedAtEnd() {
        return (int) clients.stream().filter(ClientResult::desyncedAtEnd).count();
    }

    /** Server disconnects of all clients. */
    public long serverDisconnects() {
        return clients.stream().mapToLong(ClientResult::serverDisconnects).sum();
    }

    /**
     * The run's scalar metrics by stable name, in a fixed order: the numbers a summary aggregates across
     * replications (times in seconds). The time-to-sync percentiles are {@code null} when no wait ended in this
     * run: there is no duration to report, and a 0 would read as an instant sync and drag means down.
     */
    public Map<String, Double> scalars() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("virtual_time_s", seconds(virtualTimeMicros));
        m.put("events", (double) eventsProcessed);
        m.put("sent_messages", (double) sentMessages());
        m.put("sent_bytes", (double) sentBytes());
        for (String c : commands) {
            CommandCounts cc = totalsByCommand.get(c);
            m.put("sent_messages." + c, (double) cc.sentMessages());
            m.put("sent_bytes." + c, (double) cc.sentBytes());
        }
        m.put("sync_episodes", (double) timeToSync.count());
        boolean anyEnded = timeToSync.count() > 0;
        m.put("time_to_sync_p50_s", anyEnded ? seconds(timeToSync.p50Micros()) : null);
        m.put("time_to_sync_p95_s", anyEnded ? seconds(timeToSync.p95Micros()) : null);
        m.put("time_to_sync_max_s", anyEnded ? seconds(timeToSync.maxMicros()) : null);
        long members = clients.size();
        m.put("waiting_at_end", (double) waitingAtEnd());
        m.put("never_synced_fraction", members == 0 ? 0.0 : waitingAtEnd() / (double) members);
        m.put("desynced_at_end", (double) desyncedAtEnd());
        m.put("requests", (double) clients.stream().mapToLong(ClientResult::requests).sum());
        m.put("responses", (double) clients.stream().mapToLong(ClientResult::responses).sum());
        m.put("duplicate_transfers", (double) clients.stream().mapToLong(ClientResult::duplicateTransfers).sum());
        m.put("aborted_handlers", (double) clients.stream().mapToLong(ClientResult::abortedHandlers).sum());
        m.put("malformed_messages", (double) clients.stream().mapToLong(ClientResult::malformedMessages).sum());
        m.put("server_disconnects", (double) serverDisconnects());
        m.put("rejected_messages", (double) rejectedByReason.values().stream().mapToLong(Long::longValue).sum());
        m.put("lost_copies", (double) lostByReason.values().stream().mapToLong(Long::longValue).sum());
        m.put("queue_delay_p95_s", seconds(queueDelay.p95Micros()));
        m.put("queue_delay_max_s", seconds(queueDelay.maxMicros()));
        return m;
    }

    private static double seconds(long micros) {
        return micros / 1e6;
    }
}
