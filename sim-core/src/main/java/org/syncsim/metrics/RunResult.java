package org.syncsim.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The immutable outcome of one run (one replication): per-client results, totals per command, time buckets,
 * and the headline numbers. Holds no wall-clock time, so two runs with the same seed compare equal. Serializable,
 * with every part, so that a distributed engine can ship it from the machine that ran it.
 *
 * @param commands every command seen, sorted
 * @param totalsByCommand all clients together, per command ({@code received} counts every delivered copy)
 * @param timeToSync every completed sync episode of every client
 * @param queueDelay how long sent messages waited in client throttles (all messages, zero delays included)
 * @param rejectedByReason messages that never left their sender or were discarded by the server
 * @param lostByReason recipient copies that did not arrive
 * @param episodes every wait for the newest data (completed, abandoned by leaving, or open at the end), in the
 *     order they ended (open ones last)
 * @param progress every client's progress toward the newest data at the end of the first bucket and of each bucket
 *     where it changed, in bucket order then client order (the buckets' aggregates are in {@link #timeline})
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
        List<SyncEpisode> episodes,
        List<ProgressChange> progress) implements java.io.Serializable {

    /** A result without the episode log or progress. */
    public RunResult(long seed, long virtualTimeMicros, long eventsProcessed, String stopReason, long bucketMicros,
            List<String> commands, SortedMap<String, CommandCounts> totalsByCommand, List<ClientResult> clients,
            List<TimeBucket> timeline, Percentiles timeToSync, Percentiles queueDelay,
            SortedMap<String, Long> rejectedByReason, SortedMap<String, Long> lostByReason) {
        this(seed, virtualTimeMicros, eventsProcessed, stopReason, bucketMicros, commands, totalsByCommand, clients,
                timeline, timeToSync, queueDelay, rejectedByReason, lostByReason, List.of(), List.of());
    }

    public RunResult {
        episodes = List.copyOf(episodes);
        progress = List.copyOf(progress);
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
     * The run's scalar metrics by stable name, in the order of {@link Scalar} with the per-command entries
     * ({@code sent_messages.C}, {@code sent_bytes.C} for each command C) after {@link Scalar#SENT_BYTES}: the numbers
     * a summary aggregates across replications (times in seconds). The time-to-sync percentiles are {@code null}
     * when no wait ended in this run: there is no duration to report, and a 0 would read as an instant sync and drag
     * means down.
     */
    public Map<String, Double> scalars() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Scalar s : Scalar.values()) {
            m.put(s.key(), value(s));
            if (s == Scalar.SENT_BYTES) {
                for (String c : commands) {
                    CommandCounts cc = totalsByCommand.get(c);
                    m.put(Scalar.SENT_MESSAGES.forCommand(c), (double) cc.sentMessages());
                    m.put(Scalar.SENT_BYTES.forCommand(c), (double) cc.sentBytes());
                }
            }
        }
        return m;
    }

    /** One scalar metric of this run; {@code null} for a time to sync when no wait ended (see {@link #scalars}). */
    public Double value(Scalar s) {
        boolean anyEnded = timeToSync.count() > 0;
        return switch (s) {
            case VIRTUAL_TIME_S -> seconds(virtualTimeMicros);
            case EVENTS -> (double) eventsProcessed;
            case SENT_MESSAGES -> (double) sentMessages();
            case SENT_BYTES -> (double) sentBytes();
            case SYNC_EPISODES -> (double) timeToSync.count();
            case TIME_TO_SYNC_P50_S -> anyEnded ? seconds(timeToSync.p50Micros()) : null;
            case TIME_TO_SYNC_P95_S -> anyEnded ? seconds(timeToSync.p95Micros()) : null;
            case TIME_TO_SYNC_MAX_S -> anyEnded ? seconds(timeToSync.maxMicros()) : null;
            case WAITING_AT_END -> (double) waitingAtEnd();
            case NEVER_SYNCED_FRACTION -> clients.isEmpty() ? 0.0 : waitingAtEnd() / (double) clients.size();
            case DESYNCED_AT_END -> (double) desyncedAtEnd();
            case REQUESTS -> (double) total(ClientResult::requests);
            case RESPONSES -> (double) total(ClientResult::responses);
            case DUPLICATE_TRANSFERS -> (double) total(ClientResult::duplicateTransfers);
            case ABORTED_HANDLERS -> (double) total(ClientResult::abortedHandlers);
            case MALFORMED_MESSAGES -> (double) total(ClientResult::malformedMessages);
            case REFUSED_MESSAGES -> (double) total(ClientResult::refusedMessages);
            case SERVER_DISCONNECTS -> (double) serverDisconnects();
            case REJECTED_MESSAGES -> (double) rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
            case LOST_COPIES -> (double) lostByReason.values().stream().mapToLong(Long::longValue).sum();
            case QUEUE_DELAY_P95_S -> seconds(queueDelay.p95Micros());
            case QUEUE_DELAY_MAX_S -> seconds(queueDelay.maxMicros());
            case CPU_TOTAL_MS -> total(ClientResult::cpuMicros) / 1e3;
            case CPU_WORST_FRAME_MS ->
                    clients.stream().mapToLong(ClientResult::worstFrameCpuMicros).max().orElse(0) / 1e3;
            case HITCH_FRAMES -> (double) total(ClientResult::hitchFrames);
        };
    }

    private long total(java.util.function.ToLongFunction<ClientResult> perClient) {
        return clients.stream().mapToLong(perClient).sum();
    }

    private static double seconds(long micros) {
        return micros / 1e6;
    }
}
