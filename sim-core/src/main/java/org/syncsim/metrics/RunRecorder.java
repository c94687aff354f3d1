package org.syncsim.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The recorder of one run: aggregates what the channel and the clients report per client, per command and per
 * time bucket, follows which clients are waiting for the newest data, and produces an immutable
 * {@link RunResult}. Counters live in arrays indexed by client id and command ordinal (commands get ordinals in
 * the order first seen), so recording allocates nothing once every command has been seen.
 *
 * <p>Time-to-sync: a client starts waiting when it is in the group and does not hold the newest data timestamp,
 * either because newer data appeared ({@link #dataImported}, or a {@link #clientSynced} report with a newer
 * timestamp than any before) or because it joined holding older data ({@link #memberJoined}); the episode ends
 * when it reports holding the newest timestamp. Leaving the group abandons an episode.
 *
 * <p>Progress: each client's reported fraction of the newest data held ({@link #progress}) as it stood at the end of
 * every time bucket, aggregated into the buckets and listed per client where it changed ({@link ProgressTracker}).
 *
 * <p>Not thread-safe: one recorder per simulation, which is single-threaded.
 */
public final class RunRecorder implements MetricsRecorder {
    private static final long NO_DATA = Long.MIN_VALUE;
    private static final int REASONS = DropReason.values().length;
    /** A frame frozen longer than 100 ms is a hitch a player sees (the default of {@code protocol.cpu.hitch}). */
    public static final long DEFAULT_HITCH_MICROS = 100_000;

    private final int clients;
    /** See {@link #watchedBy}; null when nobody watches. */
    private MetricsRecorder watcher;
    private final String[] names;
    private final long bucketMicros;
    private final long measureFrom;

    private final Map<String, Integer> commandOrdinal = new HashMap<>();
    private final List<String> commandNames = new ArrayList<>();
    private long[][] sentMsgs = new long[0][];
    private long[][] sentBytes = new long[0][];
    private long[][] recvMsgs = new long[0][];
    private long[][] recvBytes = new long[0][];

    private final long[] rejected;
    private final long[] lost;
    private final long[] requests;
    private final long[] responses;
    private final long[] duplicates;
    private final long[] aborted;
    private final long[] malformed;
    private final long[] refused;
    private final long[] disconnects;
    private final long[] maxQueueDelay;
    private final long hitchMicros;
    private final long[] cpu;
    private final long[] worstFrame;
    private final long[] hitches;
    private final long[] rejectedByReason = new long[REASONS];
    private final long[] lostByReason = new long[REASONS];
    private final Histogram queueDelays = new Histogram(3);

    private final long[] queuedMsgs;
    private final long[] queuedBytes;
    private long totalQueuedMsgs;
    private long totalQueuedBytes;

    private int buckets;
    private long[][] bucketSentMsgs = new long[0][];
    private long[][] bucketSentBytes = new long[0][];
    private long[] bucketDelivered = new long[16];
    private long[] bucketMaxQMsgs = new long[16];
    private long[] bucketMaxQBytes = new long[16];
    private long[] bucketDisconnects = new long[16];

    private long lastSent = -1;
    private long newestTs = NO_DATA;
    private final long[] heldTs;
    private final boolean[] present;
    private final long[] waitingSince;
    private final int[] episodes;
    private final long[] lastTts;
    private final long[] maxTts;
    private final boolean[] desynced;
    private long[] ttsSamples = new long[64];
    private int ttsCount;
    private final long[] waitRequest;
    private final long[] waitFirstMessage;
    private final List<SyncEpisode> episodeLog = new ArrayList<>();
    private long[] bucketMaxQueueDelay = new long[16];
    private final ProgressTracker progress;

    /**
     * @param clientNames the name of each client id, in id order
     * @param bucketMicros width of the time buckets of the timeline
     */
    public RunRecorder(List<String> clientNames, long bucketMicros) {
        this(clientNames, bucketMicros, 0);
    }

    /**
     * @param measureFromMicros counters (messages, bytes, queue delays, requests, errors, disconnects) ignore
     *     reports before this instant, e.g. the traffic of a raid forming; time buckets and sync tracking do not
     */
    public RunRecorder(List<String> clientNames, long bucketMicros, long measureFromMicros) {
        this(clientNames, bucketMicros, measureFromMicros, DEFAULT_HITCH_MICROS);
    }

    /**
     * @param hitchMicros a client's frame with more Lua CPU charged than this counts as a hitch
     *     ({@link ClientResult#hitchFrames})
     */
    public RunRecorder(List<String> clientNames, long bucketMicros, long measureFromMicros, long hitchMicros) {
        this.measureFrom = measureFromMicros;
        if (hitchMicros <= 0) {
            throw new IllegalArgumentException("hitch threshold must be positive: " + hitchMicros);
        }
        this.hitchMicros = hitchMicros;
        if (bucketMicros <= 0) {
            throw new IllegalArgumentException("bucket width must be positive: " + bucketMicros);
        }
        this.clients = clientNames.size();
        this.names = clientNames.toArray(new String[0]);
        this.bucketMicros = bucketMicros;
        rejected = new long[clients];
        lost = new long[clients];
        requests = new long[clients];
        responses = new long[clients];
        duplicates = new long[clients];
        aborted = new long[clients];
        malformed = new long[clients];
        refused = new long[clients];
        disconnects = new long[clients];
        maxQueueDelay = new long[clients];
        cpu = new long[clients];
        worstFrame = new long[clients];
        hitches = new long[clients];
        queuedMsgs = new long[clients];
        queuedBytes = new long[clients];
        heldTs = new long[clients];
        Arrays.fill(heldTs, NO_DATA);
        present = new boolean[clients];
        waitingSince = new long[clients];
        Arrays.fill(waitingSince, -1);
        episodes = new int[clients];
        lastTts = new long[clients];
        Arrays.fill(lastTts, -1);
        maxTts = new long[clients];
        Arrays.fill(maxTts, -1);
        desynced = new boolean[clients];
        waitRequest = new long[clients];
        waitFirstMessage = new long[clients];
        progress = new ProgressTracker(clients, bucketMicros);
    }

    private void startWaiting(int client, long time) {
        waitingSince[client] = time;
        waitRequest[client] = -1;
        waitFirstMessage[client] = -1;
    }

    // ---- world-level facts (reported by the world builder, not by the channel or the clients) ----

    /** At the start: the client holds data stamped {@code dataTimestamp} (0 for a fresh install). */
    public void initialData(int client, long dataTimestamp) {
        heldTs[client] = dataTimestamp;
        if (dataTimestamp > newestTs) {
            newestTs = dataTimestamp;
        }
    }

    /** The client is now in the group (at the start, after joining or reconnecting). */
    public void memberJoined(long time, int client) {
        present[client] = true;
        if (newestTs != NO_DATA && heldTs[client] != newestTs && waitingSince[client] < 0) {
            startWaiting(client, time);
        }
    }

    /** The client left the group or went offline; an unfinished wait is abandoned. */
    public void memberLeft(long time, int client) {
        present[client] = false;
        if (waitingSince[client] >= 0) {
            episodeLog.add(new SyncEpisode(client, waitingSince[client], waitRequest[client],
                    waitFirstMessage[client], -1));
        }
        waitingSince[client] = -1;
    }

    /** A client imported data stamped {@code dataTimestamp}; every other member still holding older data waits. */
    public void dataImported(long time, int client, long dataTimestamp) {
        heldTs[client] = dataTimestamp;
        if (dataTimestamp == newestTs) {
            // a same-second re-import: the content changed under the same timestamp, so nobody else holds it
            for (int c = 0; c < clients; c++) {
                if (c != client && heldTs[c] == dataTimestamp) {
                    heldTs[c] = NO_DATA;
                }
            }
        }
        if (dataTimestamp >= newestTs) {
            newer(time, dataTimestamp);
        }
    }

    /** At the end: ground truth says this client claims the newest timestamp but holds different content. */
    public void desyncedAtEnd(int client) {
        desynced[client] = true;
    }

    @Override
    public void desyncDetected(long time, int client, long claimedTimestamp) {
        if (watcher != null) {
            watcher.desyncDetected(time, client, claimedTimestamp);
        }
        desynced[client] = true;
    }

    private void newer(long time, long ts) {
        newestTs = ts;
        for (int c = 0; c < clients; c++) {
            if (present[c] && heldTs[c] != ts && waitingSince[c] < 0) {
                startWaiting(c, time);
            }
        }
    }

    /** When the last message left a client, or -1 if none has. */
    public long lastSentMicros() {
        return lastSent;
    }

    /** Whether the client is in the group, as last reported. */
    public boolean isMember(int client) {
        return present[client];
    }

    /** Whether every member in the group holds the newest data. */
    public boolean allSynced() {
        for (int c = 0; c < clients; c++) {
            if (present[c] && heldTs[c] != newestTs) {
                return false;
            }
        }
        return true;
    }

    /**
     * Also tells {@code w} of every message sent (and to how many), rejected, delivered or lost (with its id),
     * every sync report, Lua error and detected desync, as they happen (an invariant checker follows a run this
     * way); the recorder's own figures are the same with or without.
     */
    public void watchedBy(MetricsRecorder w) {
        watcher = w;
    }

    // ---- MetricsRecorder ----

    @Override
    public void messageSent(long time, long messageId, int sender, String command, int bytes, long queuedMicros) {
        messageSent(time, sender, command, bytes, queuedMicros);
        if (watcher != null) {
            watcher.messageSent(time, messageId, sender, command, bytes, queuedMicros);
        }
    }

    @Override
    public void messageFannedOut(long time, long messageId, int addressedCopies) {
        if (watcher != null) {
            watcher.messageFannedOut(time, messageId, addressedCopies);
        }
    }

    @Override
    public void messageRejected(long time, long messageId, int sender, String command, int bytes,
            DropReason reason) {
        messageRejected(time, sender, command, bytes, reason);
        if (watcher != null) {
            watcher.messageRejected(time, messageId, sender, command, bytes, reason);
        }
    }

    @Override
    public void messageDelivered(long time, long messageId, int sender, int recipient, String command, int bytes) {
        messageDelivered(time, sender, recipient, command, bytes);
        if (watcher != null) {
            watcher.messageDelivered(time, messageId, sender, recipient, command, bytes);
        }
    }

    @Override
    public void messageLost(long time, long messageId, int sender, int recipient, String command, int bytes,
            DropReason reason) {
        messageLost(time, sender, recipient, command, bytes, reason);
        if (watcher != null) {
            watcher.messageLost(time, messageId, sender, recipient, command, bytes, reason);
        }
    }

    @Override
    public void messageSent(long time, int sender, String command, int bytes, long queuedMicros) {
        lastSent = time;
        int k = ordinal(command);
        int b = bucket(time);
        bucketSentMsgs[k][b]++;
        bucketSentBytes[k][b] += bytes;
        if (queuedMicros > bucketMaxQueueDelay[b]) {
            bucketMaxQueueDelay[b] = queuedMicros;
        }
        if (time < measureFrom) {
            return;
        }
        sentMsgs[k][sender]++;
        sentBytes[k][sender] += bytes;
        queueDelays.recordValue(Math.max(0, queuedMicros));
        if (queuedMicros > maxQueueDelay[sender]) {
            maxQueueDelay[sender] = queuedMicros;
        }
    }

    @Override
    public void messageRejected(long time, int sender, String command, int bytes, DropReason reason) {
        if (time < measureFrom) {
            return;
        }
        rejected[sender]++;
        rejectedByReason[reason.ordinal()]++;
    }

    @Override
    public void messageDelivered(long time, int sender, int recipient, String command, int bytes) {
        if (sender == recipient) {
            return;
        }
        int k = ordinal(command);
        int b = bucket(time); // before indexing: bucket() may grow the arrays
        bucketDelivered[b]++;
        if (waitingSince[recipient] >= 0 && waitFirstMessage[recipient] < 0) {
            waitFirstMessage[recipient] = time;
        }
        if (time < measureFrom) {
            return;
        }
        recvMsgs[k][recipient]++;
        recvBytes[k][recipient] += bytes;
    }

    @Override
    public void messageLost(long time, int sender, int recipient, String command, int bytes, DropReason reason) {
        if (time < measureFrom) {
            return;
        }
        lost[recipient]++;
        lostByReason[reason.ordinal()]++;
    }

    @Override
    public void throttleQueue(long time, int client, int queuedMessages, long queuedBytesNow) {
        int b = bucket(time);
        totalQueuedMsgs += queuedMessages - queuedMsgs[client];
        totalQueuedBytes += queuedBytesNow - queuedBytes[client];
        queuedMsgs[client] = queuedMessages;
        queuedBytes[client] = queuedBytesNow;
        if (totalQueuedMsgs > bucketMaxQMsgs[b]) {
            bucketMaxQMsgs[b] = totalQueuedMsgs;
        }
        if (totalQueuedBytes > bucketMaxQBytes[b]) {
            bucketMaxQBytes[b] = totalQueuedBytes;
        }
    }

    @Override
    public void serverDisconnect(long time, int client, long untilTime) {
        int b = bucket(time);
        bucketDisconnects[b]++;
        if (time >= measureFrom) {
            disconnects[client]++;
        }
    }

    @Override
    public void clientSynced(long time, int client, long dataTimestamp) {
        if (watcher != null) {
            watcher.clientSynced(time, client, dataTimestamp);
        }
        heldTs[client] = dataTimestamp;
        if (dataTimestamp > newestTs) {
            newer(time, dataTimestamp);
            return;
        }
        if (dataTimestamp == newestTs && waitingSince[client] >= 0) {
            long tts = time - waitingSince[client];
            episodeLog.add(new SyncEpisode(client, waitingSince[client], waitRequest[client],
                    waitFirstMessage[client], time));
            waitingSince[client] = -1;
            episodes[client]++;
            lastTts[client] = tts;
            if (tts > maxTts[client]) {
                maxTts[client] = tts;
            }
            if (ttsCount == ttsSamples.length) {
                ttsSamples = Arrays.copyOf(ttsSamples, ttsCount * 2);
            }
            ttsSamples[ttsCount++] = tts;
        }
    }

    @Override
    public void progress(long time, int client, double fraction) {
        progress.report(time, client, fraction);
    }

    @Override
    public void requestSent(long time, int client, String command) {
        if (waitingSince[client] >= 0 && waitRequest[client] < 0) {
            waitRequest[client] = time;
        }
        if (time < measureFrom) {
            return;
        }
        requests[client]++;
    }

    @Override
    public void responseStarted(long time, int client, String command) {
        if (time < measureFrom) {
            return;
        }
        responses[client]++;
    }

    @Override
    public void duplicateTransfer(long time, int client, String what) {
        if (time < measureFrom) {
            return;
        }
        duplicates[client]++;
    }

    @Override
    public void handlerAborted(long time, int client, String command, String where) {
        if (watcher != null) {
            watcher.handlerAborted(time, client, command, where);
        }
        if (time < measureFrom) {
            return;
        }
        aborted[client]++;
    }

    @Override
    public void messageMalformed(long time, int client, String reason) {
        if (time < measureFrom) {
            return;
        }
        malformed[client]++;
    }

    @Override
    public void messageRefused(long time, int client, String command, String why) {
        if (time < measureFrom) {
            return;
        }
        refused[client]++;
    }

    @Override
    public void cpuCharged(long time, int client, String work, long micros, long frameMicros) {
        if (time < measureFrom) {
            return;
        }
        cpu[client] += micros;
        if (frameMicros > worstFrame[client]) {
            worstFrame[client] = frameMicros;
        }
        if (frameMicros > hitchMicros && frameMicros - micros <= hitchMicros) {
            hitches[client]++;
        }
    }

    // ---- internals ----

    private int ordinal(String command) {
        for (int i = 0; i < commandNames.size(); i++) {
            if (commandNames.get(i) == command) { // clients pass their command table's strings: the same few instances
                return i;
            }
        }
        Integer k = commandOrdinal.get(command);
        if (k != null) {
            return k; // an equal string from elsewhere (a test, a rogue message)
        }
        int n = commandNames.size();
        commandOrdinal.put(command, n);
        commandNames.add(command);
        sentMsgs = Arrays.copyOf(sentMsgs, n + 1);
        sentBytes = Arrays.copyOf(sentBytes, n + 1);
        recvMsgs = Arrays.copyOf(recvMsgs, n + 1);
        recvBytes = Arrays.copyOf(recvBytes, n + 1);
        sentMsgs[n] = new long[clients];
        sentBytes[n] = new long[clients];
        recvMsgs[n] = new long[clients];
        recvBytes[n] = new long[clients];
        bucketSentMsgs = Arrays.copyOf(bucketSentMsgs, n + 1);
        bucketSentBytes = Arrays.copyOf(bucketSentBytes, n + 1);
        bucketSentMsgs[n] = new long[bucketDelivered.length];
        bucketSentBytes[n] = new long[bucketDelivered.length];
        return n;
    }

    private int bucket(long time) {
        long idx = time / bucketMicros;
        if (idx > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("time beyond the timeline's range: " + time);
        }
        int b = (int) idx;
        if (b >= bucketDelivered.length) {
            int cap = Math.max(b + 1, bucketDelivered.length * 2);
            bucketDelivered = Arrays.copyOf(bucketDelivered, cap);
            bucketMaxQMsgs = Arrays.copyOf(bucketMaxQMsgs, cap);
            bucketMaxQBytes = Arrays.copyOf(bucketMaxQBytes, cap);
            bucketDisconnects = Arrays.copyOf(bucketDisconnects, cap);
            bucketMaxQueueDelay = Arrays.copyOf(bucketMaxQueueDelay, cap);
            for (int k = 0; k < bucketSentMsgs.length; k++) {
                bucketSentMsgs[k] = Arrays.copyOf(bucketSentMsgs[k], cap);
                bucketSentBytes[k] = Arrays.copyOf(bucketSentBytes[k], cap);
            }
        }
        if (b >= buckets) {
            // a bucket opens with the queue depth carried over from the previous one
            for (int i = buckets; i <= b; i++) {
                bucketMaxQMsgs[i] = Math.max(bucketMaxQMsgs[i], totalQueuedMsgs);
                bucketMaxQBytes[i] = Math.max(bucketMaxQBytes[i], totalQueuedBytes);
            }
            buckets = b + 1;
        }
        return b;
    }

    /**
     * The immutable result; the timeline covers every bucket up to {@code endTime}.
     *
     * @param stopReason why the run ended, e.g. {@code all-synced}
     */
    public RunResult result(long seed, long endTime, long eventsProcessed, String stopReason) {
        bucket(endTime);
        List<String> sorted = new ArrayList<>(commandNames);
        sorted.sort(null);
        int[] order = new int[sorted.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = commandOrdinal.get(sorted.get(i));
        }
        SortedMap<String, CommandCounts> totals = new TreeMap<>();
        List<ClientResult> clientResults = new ArrayList<>(clients);
        for (int c = 0; c < clients; c++) {
            SortedMap<String, CommandCounts> byCommand = new TreeMap<>();
            long sm = 0;
            long sb = 0;
            long rm = 0;
            long rb = 0;
            for (int i = 0; i < order.length; i++) {
                int k = order[i];
                CommandCounts cc = new CommandCounts(sentMsgs[k][c], sentBytes[k][c], recvMsgs[k][c], recvBytes[k][c]);
                if (!cc.equals(CommandCounts.ZERO)) {
                    byCommand.put(sorted.get(i), cc);
                }
                totals.merge(sorted.get(i), cc, CommandCounts::plus);
                sm += cc.sentMessages();
                sb += cc.sentBytes();
                rm += cc.receivedMessages();
                rb += cc.receivedBytes();
            }
            clientResults.add(new ClientResult(c, names[c], sm, sb, rm, rb,
                    java.util.Collections.unmodifiableSortedMap(byCommand),
                    rejected[c], lost[c], requests[c], responses[c], duplicates[c], aborted[c], malformed[c],
                    refused[c],
                    disconnects[c], maxQueueDelay[c], episodes[c], lastTts[c], maxTts[c],
                    heldTs[c] == NO_DATA ? 0 : heldTs[c],
                    newestTs != NO_DATA && heldTs[c] != newestTs,
                    present[c] && newestTs != NO_DATA && heldTs[c] != newestTs,
                    desynced[c], cpu[c], worstFrame[c], hitches[c]));
        }
        progress.finish(buckets);
        List<TimeBucket> timeline = new ArrayList<>(buckets);
        for (int b = 0; b < buckets; b++) {
            SortedMap<String, CommandCounts> byCommand = new TreeMap<>();
            for (int i = 0; i < order.length; i++) {
                int k = order[i];
                if (bucketSentMsgs[k][b] != 0) {
                    byCommand.put(sorted.get(i), new CommandCounts(bucketSentMsgs[k][b], bucketSentBytes[k][b], 0, 0));
                }
            }
            timeline.add(new TimeBucket(b * bucketMicros, java.util.Collections.unmodifiableSortedMap(byCommand),
                    bucketDelivered[b], bucketMaxQMsgs[b], bucketMaxQBytes[b], bucketDisconnects[b],
                    bucketMaxQueueDelay[b], progress.mean(b), progress.min(b), progress.complete(b)));
        }
        Percentiles queue = queueDelays.getTotalCount() == 0 ? Percentiles.EMPTY
                : new Percentiles(queueDelays.getTotalCount(), queueDelays.getValueAtPercentile(50),
                        queueDelays.getValueAtPercentile(95), queueDelays.getMaxValue());
        List<SyncEpisode> episodesOut = new ArrayList<>(episodeLog);
        for (int c = 0; c < clients; c++) {
            if (waitingSince[c] >= 0) {
                episodesOut.add(new SyncEpisode(c, waitingSince[c], waitRequest[c], waitFirstMessage[c], -1));
            }
        }
        return new RunResult(seed, endTime, eventsProcessed, stopReason, bucketMicros, sorted, totals,
                clientResults, timeline, percentiles(Arrays.copyOf(ttsSamples, ttsCount)), queue,
                byReason(rejectedByReason), byReason(lostByReason), episodesOut, progress.changes());
    }

    /** Nearest-rank percentiles of {@code samples} (sorted in place). */
    static Percentiles percentiles(long[] samples) {
        if (samples.length == 0) {
            return Percentiles.EMPTY;
        }
        Arrays.sort(samples);
        return new Percentiles(samples.length, rank(samples, 0.50), rank(samples, 0.95), samples[samples.length - 1]);
    }

    private static long rank(long[] sorted, double p) {
        int r = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, r - 1)];
    }

    private static SortedMap<String, Long> byReason(long[] counts) {
        SortedMap<String, Long> m = new TreeMap<>();
        for (DropReason r : DropReason.values()) {
            if (counts[r.ordinal()] != 0) {
                m.put(r.name(), counts[r.ordinal()]);
            }
        }
        return m;
    }
}
