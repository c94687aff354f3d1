package org.syncsim.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.syncsim.metrics.ClientResult;
import org.syncsim.metrics.CommandCounts;
import org.syncsim.metrics.RunResult;
import org.syncsim.metrics.SyncEpisode;
import org.syncsim.metrics.TimeBucket;

/**
 * What the reports and {@code summary.json} need of a run's replications, taken in one {@link RunResult} at a time
 * in replication order ({@link #add}), so that a run of any number of replications is reported without holding
 * them all. It keeps the first replication whole (the charts of one replication draw it), sums per time bucket, per
 * client and per command, the counts the findings name, and, per replication, only its scalar metrics (which
 * {@code summary.json} and comparisons list one by one) and the durations of its waits that ended (the pooled
 * time-to-sync curve draws each): apart from those its size does not grow with the number of replications
 * ({@link #retainedBounded}, {@link #retainedPerReplication}).
 *
 * <p>Sums are taken in replication order with the same arithmetic as a loop over a list would, so every number
 * drawn from it is the same, bit for bit, as one computed from the list of results.
 */
public final class Replications {
    /** What a finding counts per client: members in a state at the end of a replication, or who suffered something. */
    public enum Flag {
        /** In the group, stale at the end. */
        WAITING(ClientResult::waitingAtEnd),
        /** Out of the group (offline, left, never joined) at the end, holding older data. */
        AWAY(c -> c.staleAtEnd() && !c.waitingAtEnd()),
        /** Claims the newest timestamp, holds other content. */
        DESYNCED(ClientResult::desyncedAtEnd),
        /** Some handler aborted with a Lua error. */
        ABORTED(c -> c.abortedHandlers() > 0),
        /** The server disconnected it. */
        DISCONNECTED(c -> c.serverDisconnects() > 0),
        /** A policy refused some message it received. */
        REFUSED(c -> c.refusedMessages() > 0),
        /** Some frame went over the hitch threshold. */
        HITCHED(c -> c.hitchFrames() > 0);

        private final Predicate<ClientResult> test;

        Flag(Predicate<ClientResult> test) {
            this.test = test;
        }
    }

    /** A per-client count the findings total over every client of every replication. */
    public enum Count {
        ABORTED_HANDLERS(ClientResult::abortedHandlers),
        SERVER_DISCONNECTS(ClientResult::serverDisconnects),
        MALFORMED_MESSAGES(ClientResult::malformedMessages),
        REFUSED_MESSAGES(ClientResult::refusedMessages),
        HITCH_FRAMES(ClientResult::hitchFrames);

        private final ToLongFunction<ClientResult> of;

        Count(ToLongFunction<ClientResult> of) {
            this.of = of;
        }
    }

    /**
     * One replication's numbers as {@code summary.json} lists them: its seed, why it stopped, its scalar metrics
     * ({@link RunResult#scalars}, {@code null} where it has no value) and what was dropped, by reason.
     */
    public record Scalars(long seed, String stopReason, Map<String, Double> metrics,
            SortedMap<String, Long> rejectedByReason, SortedMap<String, Long> lostByReason) {
    }

    /** How often a flag held: per client id (with the client's name), in how many replications, how many in all. */
    public record Flagged(SortedMap<Integer, Integer> replicationsByClient, Map<Integer, String> names,
            int replications, long total) {
    }

    /**
     * One client's numbers summed over the replications, by its place in the roster: replications it ended with
     * the newest data intact, and sums (as doubles, as a report's means take them) or extremes of its counts.
     */
    public record ClientTotals(String name, int intactReplications, double syncEpisodes, double lastTimeToSyncSeconds,
            int lastTimeToSyncCount, long worstWaitMicros, double sentBytes, double receivedBytes, double requests,
            double responses, double duplicateTransfers, long abortedHandlers, long serverDisconnects,
            double lostMessages, double cpuMillis, double cpuMicros, long worstFrameCpuMicros, double hitchFrames) {

        static ClientTotals of(String name) {
            return new ClientTotals(name, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        ClientTotals plus(ClientResult c) {
            boolean last = c.lastTimeToSyncMicros() >= 0;
            return new ClientTotals(name, intactReplications + (c.waitingAtEnd() || c.desyncedAtEnd() ? 0 : 1),
                    syncEpisodes + c.syncEpisodes(),
                    last ? lastTimeToSyncSeconds + c.lastTimeToSyncMicros() / 1e6 : lastTimeToSyncSeconds,
                    lastTimeToSyncCount + (last ? 1 : 0), Math.max(worstWaitMicros, c.maxTimeToSyncMicros()),
                    sentBytes + c.sentBytes(), receivedBytes + c.receivedBytes(), requests + c.requests(),
                    responses + c.responses(), duplicateTransfers + c.duplicateTransfers(),
                    abortedHandlers + c.abortedHandlers(), serverDisconnects + c.serverDisconnects(),
                    lostMessages + c.lostMessages(), cpuMillis + c.cpuMicros() / 1e3, cpuMicros + c.cpuMicros(),
                    Math.max(worstFrameCpuMicros, c.worstFrameCpuMicros()), hitchFrames + c.hitchFrames());
        }
    }

    private RunResult first;
    private final List<Scalars> scalars = new ArrayList<>();
    /** One instance per metric name, shared by every replication's map (per-command names are built per run). */
    private final Map<String, String> names = new HashMap<>();

    private double[] waitsEnded = new double[16];
    private int waitsEndedCount;
    private long waits;
    private boolean anyWait;

    private int buckets;
    private int lastActiveBucket;
    private final SortedMap<String, double[]> bucketBytes = new TreeMap<>();
    private double[] bucketQueued = new double[0];
    private double[] bucketQueueDelay = new double[0];
    private long[] bucketDisconnects = new long[0];
    private boolean anyThrottling;

    private ClientTotals[] clients;
    private final SortedSet<String> commands = new TreeSet<>();
    private final SortedMap<String, Double> sentBytesByCommand = new TreeMap<>();
    private final SortedMap<String, Long> rejected = new TreeMap<>();
    private final SortedMap<String, Long> lost = new TreeMap<>();
    private final SortedMap<String, Integer> stops = new TreeMap<>();
    private final Map<Flag, TreeMap<Integer, Integer>> flagHits = new EnumMap<>(Flag.class);
    private final Map<Flag, Map<Integer, String>> flagNames = new EnumMap<>(Flag.class);
    private final Map<Flag, int[]> flagReplications = new EnumMap<>(Flag.class);
    private final Map<Count, long[]> counts = new EnumMap<>(Count.class);
    private long heldNewest;
    private ClientResult worstFrame;

    public Replications() {
        for (Flag f : Flag.values()) {
            flagHits.put(f, new TreeMap<>());
            flagNames.put(f, new HashMap<>());
            flagReplications.put(f, new int[1]);
        }
        for (Count c : Count.values()) {
            counts.put(c, new long[1]);
        }
    }

    /** The replications of a list, taken in its order. */
    public static Replications of(List<RunResult> results) {
        Replications r = new Replications();
        results.forEach(r::add);
        return r;
    }

    /** Takes in the next replication (replications must come in replication order). */
    public void add(RunResult r) {
        if (first == null) {
            first = r;
            clients = new ClientTotals[r.clients().size()];
            for (int c = 0; c < clients.length; c++) {
                clients[c] = ClientTotals.of(r.clients().get(c).name());
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        r.scalars().forEach((k, v) -> metrics.put(names.computeIfAbsent(k, x -> x), v));
        scalars.add(new Scalars(r.seed(), r.stopReason(), Collections.unmodifiableMap(metrics), r.rejectedByReason(),
                r.lostByReason()));
        stops.merge(r.stopReason(), 1, Integer::sum);
        commands.addAll(r.commands());
        r.totalsByCommand().forEach((k, v) -> sentBytesByCommand.merge(k, (double) v.sentBytes(), Double::sum));
        r.rejectedByReason().forEach((k, v) -> rejected.merge(k, v, Long::sum));
        r.lostByReason().forEach((k, v) -> lost.merge(k, v, Long::sum));
        addWaits(r);
        addBuckets(r);
        addClients(r);
    }

    private void addWaits(RunResult r) {
        anyWait |= !r.episodes().isEmpty();
        waits += r.episodes().size();
        for (SyncEpisode e : r.episodes()) {
            if (e.completed()) {
                if (waitsEndedCount == waitsEnded.length) {
                    waitsEnded = Arrays.copyOf(waitsEnded, 2 * waitsEnded.length);
                }
                waitsEnded[waitsEndedCount++] = e.durationMicros() / 1e6;
            }
        }
    }

    private void addBuckets(RunResult r) {
        List<TimeBucket> timeline = r.timeline();
        if (timeline.size() > buckets) {
            buckets = timeline.size();
            bucketBytes.replaceAll((k, v) -> Arrays.copyOf(v, buckets));
            bucketQueued = Arrays.copyOf(bucketQueued, buckets);
            bucketQueueDelay = Arrays.copyOf(bucketQueueDelay, buckets);
            bucketDisconnects = Arrays.copyOf(bucketDisconnects, buckets);
        }
        for (int b = 0; b < timeline.size(); b++) {
            TimeBucket t = timeline.get(b);
            for (Map.Entry<String, CommandCounts> e : t.sentByCommand().entrySet()) {
                bucketBytes.computeIfAbsent(e.getKey(), k -> new double[buckets])[b] += e.getValue().sentBytes();
            }
            bucketQueued[b] += t.maxQueuedMessages();
            bucketQueueDelay[b] += t.maxQueueDelayMicros() / 1e6;
            bucketDisconnects[b] += t.disconnects();
            if (!t.sentByCommand().isEmpty() || t.maxQueuedMessages() > 0 || t.disconnects() > 0) {
                lastActiveBucket = Math.max(lastActiveBucket, b);
            }
            anyThrottling |= t.maxQueuedMessages() > 0 || t.maxQueueDelayMicros() > 0 || t.disconnects() > 0;
        }
    }

    private void addClients(RunResult r) {
        for (int c = 0; c < Math.min(clients.length, r.clients().size()); c++) {
            clients[c] = clients[c].plus(r.clients().get(c));
        }
        boolean[] seen = new boolean[Flag.values().length];
        for (ClientResult c : r.clients()) {
            for (Flag f : Flag.values()) {
                if (f.test.test(c)) {
                    flagHits.get(f).merge(c.id(), 1, Integer::sum);
                    flagNames.get(f).put(c.id(), c.name());
                    seen[f.ordinal()] = true;
                }
            }
            for (Count k : Count.values()) {
                counts.get(k)[0] += k.of.applyAsLong(c);
            }
            if (!c.staleAtEnd() && !c.desyncedAtEnd()) {
                heldNewest++;
            }
            if (worstFrame == null || c.worstFrameCpuMicros() > worstFrame.worstFrameCpuMicros()) {
                worstFrame = c; // the first of equals, as Stream.max keeps
            }
        }
        for (Flag f : Flag.values()) {
            flagReplications.get(f)[0] += seen[f.ordinal()] ? 1 : 0;
        }
    }

    /** How many replications were taken in. */
    public int size() {
        return scalars.size();
    }

    /** Whether none was. */
    public boolean isEmpty() {
        return scalars.isEmpty();
    }

    /** The first replication, whole (replication 0 of a run). */
    public RunResult first() {
        if (first == null) {
            throw new IllegalStateException("no replication yet");
        }
        return first;
    }

    /** Every replication's scalar numbers, in replication order. */
    public List<Scalars> scalars() {
        return Collections.unmodifiableList(scalars);
    }

    /** The replications' seeds, in order. */
    public List<Long> seeds() {
        return scalars.stream().map(Scalars::seed).toList();
    }

    /** Durations in seconds of every wait that ended, in every replication, sorted (the pooled sample). */
    public double[] pooledTimeToSync() {
        double[] v = Arrays.copyOf(waitsEnded, waitsEndedCount);
        Arrays.sort(v);
        return v;
    }

    /** Waits in all replications: ended, abandoned by leaving, or open at the end. */
    public long pooledWaitCount() {
        return waits;
    }

    /** Whether any replication had any wait at all. */
    public boolean anyWait() {
        return anyWait;
    }

    /** Time buckets of the longest timeline. */
    public int buckets() {
        return buckets;
    }

    /** The last bucket in which anything was sent, queued or disconnected, in any replication (0 if none). */
    public int lastActiveBucket() {
        return lastActiveBucket;
    }

    /** Every command seen in any replication, sorted. */
    public SortedSet<String> commands() {
        return Collections.unmodifiableSortedSet(commands);
    }

    /** Bytes of {@code command} sent in bucket {@code b}, summed over the replications. */
    public double bucketBytes(String command, int b) {
        double[] v = bucketBytes.get(command);
        return v == null ? 0 : v[b];
    }

    /** The largest total throttle queue depth of bucket {@code b}, summed over the replications. */
    public double bucketQueuedMessages(int b) {
        return bucketQueued[b];
    }

    /** The longest queue delay (s) of a message sent in bucket {@code b}, summed over the replications. */
    public double bucketQueueDelaySeconds(int b) {
        return bucketQueueDelay[b];
    }

    /** Server disconnects in bucket {@code b}, summed over the replications. */
    public long bucketDisconnects(int b) {
        return bucketDisconnects[b];
    }

    /** Whether anything waited in a client throttle or the server disconnected anyone, in any replication. */
    public boolean anyThrottling() {
        return anyThrottling;
    }

    /** Clients of the first replication (every replication has the scenario's roster). */
    public int clientCount() {
        return clients.length;
    }

    /** The totals of the client at place {@code c} of the roster. */
    public ClientTotals client(int c) {
        return clients[c];
    }

    /** Bytes sent per command, all clients of all replications. */
    public SortedMap<String, Double> sentBytesByCommand() {
        return Collections.unmodifiableSortedMap(sentBytesByCommand);
    }

    /** Messages that never left their sender or were discarded by the server, by reason, all replications. */
    public SortedMap<String, Long> rejectedByReason() {
        return Collections.unmodifiableSortedMap(rejected);
    }

    /** Recipient copies that did not arrive, by reason, all replications. */
    public SortedMap<String, Long> lostByReason() {
        return Collections.unmodifiableSortedMap(lost);
    }

    /** How many replications stopped for each reason. */
    public SortedMap<String, Integer> stops() {
        return Collections.unmodifiableSortedMap(stops);
    }

    /** Which clients a flag held for, in how many replications. */
    public Flagged flagged(Flag f) {
        long total = 0;
        for (int v : flagHits.get(f).values()) {
            total += v;
        }
        return new Flagged(Collections.unmodifiableSortedMap(flagHits.get(f)),
                Collections.unmodifiableMap(flagNames.get(f)), flagReplications.get(f)[0], total);
    }

    /** A per-client count totalled over every client of every replication. */
    public long total(Count c) {
        return counts.get(c)[0];
    }

    /**
     * Members that ended holding the newest data intact (neither stale, in the group or out of it, nor desynced),
     * mean over replications.
     */
    public double heldNewest() {
        return isEmpty() ? 0 : (double) heldNewest / size();
    }

    /** The client (of any replication) with the longest freeze; the first of several as long. */
    public ClientResult worstFrame() {
        return worstFrame;
    }

    /**
     * Entries held that do not grow with the number of replications: the first replication (its clients, buckets,
     * waits and progress changes), the sums per bucket and command, per client, and the findings' tallies.
     */
    public long retainedBounded() {
        long n = 0;
        if (first != null) {
            n += first.clients().size() + first.timeline().size() + first.episodes().size() + first.progress().size();
        }
        n += (long) bucketBytes.size() * buckets + 3L * bucketQueued.length;
        n += clients == null ? 0 : clients.length;
        n += names.size() + commands.size() + sentBytesByCommand.size() + rejected.size() + lost.size() + stops.size();
        for (Flag f : Flag.values()) {
            n += flagHits.get(f).size() + flagNames.get(f).size();
        }
        return n;
    }

    /**
     * Entries held per replication: its scalar metrics, the little else {@code summary.json} lists per
     * replication, and the durations of its waits that ended.
     */
    public long retainedPerReplication() {
        long n = waitsEndedCount;
        for (Scalars s : scalars) {
            n += 2 + s.metrics().size() + s.rejectedByReason().size() + s.lostByReason().size();
        }
        return n;
    }
}
