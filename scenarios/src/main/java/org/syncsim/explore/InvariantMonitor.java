package org.syncsim.explore;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.syncsim.engine.SimTime;
import org.syncsim.metrics.CommandCounts;
import org.syncsim.metrics.DropReason;
import org.syncsim.metrics.MetricsRecorder;
import org.syncsim.metrics.RunResult;
import org.syncsim.metrics.TimeBucket;

/**
 * Follows one run as it happens (message accounting, sync reports, Lua errors, desyncs) and checks the
 * {@link Invariant}s on it and on its result. Keeps the first occurrence of each finding per run. Not thread-safe:
 * one per run.
 */
final class InvariantMonitor implements MetricsRecorder {
    /** Client ids stay below this (the largest stress raid is 1 000), so (message, recipient) packs into a long. */
    private static final int RECIPIENTS = 1 << 10;

    private final List<String> names;
    private final long quietTailMicros;
    private final BitSet sent = new BitSet();
    private final Set<Long> accounted = new HashSet<>();
    /** Per sent message: copies addressed, minus copies delivered or lost so far. */
    private final Map<Long, int[]> outstanding = new HashMap<>();
    private final FlawMonitor flaws;
    private final Map<String, Finding> findings = new LinkedHashMap<>();

    /**
     * @param names the clients' names by id
     * @param quietTailMicros the end of the run in which no traffic may go on ({@link Invariant#BOUNDED_TRAFFIC})
     */
    InvariantMonitor(List<String> names, long quietTailMicros) {
        this.names = List.copyOf(names);
        this.quietTailMicros = quietTailMicros;
        flaws = new FlawMonitor(names, this::add);
    }

    @Override
    public void messageSent(long time, long messageId, int sender, String command, int bytes, long queuedMicros) {
        sent.set(Math.toIntExact(messageId));
    }

    @Override
    public void messageFannedOut(long time, long messageId, int addressedCopies) {
        outstanding.put(messageId, new int[] {addressedCopies});
    }

    @Override
    public void messageDelivered(long time, long messageId, int sender, int recipient, String command, int bytes) {
        copy(time, messageId, recipient, command, "delivered");
    }

    @Override
    public void messageLost(long time, long messageId, int sender, int recipient, String command, int bytes,
            DropReason reason) {
        copy(time, messageId, recipient, command, "lost (" + reason + ")");
    }

    private void copy(long time, long messageId, int recipient, String command, String what) {
        if (!sent.get(Math.toIntExact(messageId))) {
            add(new Finding(Invariant.CONSERVATION, "copy of an unsent message", "a copy of " + command + " message "
                    + messageId + ", never sent, was " + what + " to " + names.get(recipient) + " at "
                    + SimTime.format(time)));
        } else if (!accounted.add(messageId * RECIPIENTS + recipient)) {
            add(new Finding(Invariant.CONSERVATION, "copy accounted twice", "the copy of " + command + " message "
                    + messageId + " to " + names.get(recipient) + " was " + what + " a second time at "
                    + SimTime.format(time)));
        } else {
            int[] left = outstanding.get(messageId);
            if (left != null && --left[0] == 0) {
                outstanding.remove(messageId);
            }
        }
    }

    @Override
    public void clientSynced(long time, int client, long dataTimestamp) {
        flaws.clientSynced(time, client, dataTimestamp);
    }

    @Override
    public void handlerAborted(long time, int client, String command, String where) {
        flaws.handlerAborted(time, client, command, where);
    }

    @Override
    public void desyncDetected(long time, int client, long claimedTimestamp) {
        flaws.desyncDetected(time, client, claimedTimestamp);
    }

    /** An exception that ended the run. */
    void failed(RuntimeException e) {
        StackTraceElement top = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        add(new Finding(Invariant.JAVA_EXCEPTION, e.getClass().getSimpleName() + (top == null ? ""
                : " at " + top.getClassName().replaceAll(".*\\.", "") + "." + top.getMethodName()), e.toString()));
    }

    /** The run hit its event cap: something kept sending or scheduling. */
    void eventCap(String message) {
        add(new Finding(Invariant.BOUNDED_TRAFFIC, "event cap", message));
    }

    /** Checks what only the end of the run shows (nothing if it did not end: null); returns every finding. */
    List<Finding> finish(RunResult r) {
        if (r == null) {
            return List.copyOf(findings.values());
        }
        flaws.finish(r);
        checkEveryCopyAccounted();
        long tailFrom = r.virtualTimeMicros() - quietTailMicros;
        long late = 0;
        for (TimeBucket b : r.timeline()) {
            if (b.startMicros() >= tailFrom) {
                late += b.sentByCommand().values().stream().mapToLong(CommandCounts::sentMessages).sum();
            }
        }
        if (late > names.size()) {
            add(new Finding(Invariant.BOUNDED_TRAFFIC, "traffic in the quiet period", late + " messages sent in the"
                    + " last " + SimTime.format(quietTailMicros) + " of the quiet period, when nothing happened"));
        }
        return List.copyOf(findings.values());
    }

    /**
     * At the end of a run (after the quiet period nothing is in flight): every addressed copy of every sent message
     * was delivered or lost. (A copy a member who joined in flight got counts too, so a shortfall is certain.)
     */
    void checkEveryCopyAccounted() {
        outstanding.entrySet().stream().filter(e -> e.getValue()[0] > 0).min(Map.Entry.comparingByKey())
                .ifPresent(e -> add(new Finding(Invariant.CONSERVATION, "copies unaccounted", e.getValue()[0]
                        + " of the copies of message " + e.getKey() + " were neither delivered nor lost by the end"
                        + " of the run")));
    }

    private void add(Finding f) {
        findings.putIfAbsent(f.key(), f);
    }
}
