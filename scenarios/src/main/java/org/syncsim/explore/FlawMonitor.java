package org.syncsim.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.syncsim.engine.SimTime;
import org.syncsim.metrics.ClientResult;
import org.syncsim.metrics.RunResult;
import org.syncsim.run.Watch;

/**
 * Follows one run for the {@link Invariant}s a flaw of spec §9 can break (a version going backwards, a Lua error, a
 * silent desync, a member never synced) and hands each {@link Finding} on as it is found. The explorer's
 * {@link InvariantMonitor} uses it beside its checks for SyncSim's own bugs; {@code syncsim design-report} runs it
 * alone in every replication, so that the flaws it names per protocol come from the same checks and the same
 * mapping to B-numbers ({@link Finding#flaws()}). Cheap enough for every run: it keeps one number per member. Not
 * thread-safe: one per run.
 */
public final class FlawMonitor implements Watch.Watcher {
    private final List<String> names;
    private final long[] newestHeld;
    private final Consumer<Finding> sink;
    private final Map<String, Finding> found = new LinkedHashMap<>();

    /** A monitor that keeps the first finding of each key, for {@link #findings}. */
    public FlawMonitor(List<String> names) {
        this(names, null);
    }

    /** A monitor that gives every finding to {@code sink} (which keeps what it wants). */
    FlawMonitor(List<String> names, Consumer<Finding> sink) {
        this.names = List.copyOf(names);
        this.sink = sink != null ? sink : f -> found.putIfAbsent(f.key(), f);
        newestHeld = new long[names.size()];
        java.util.Arrays.fill(newestHeld, Long.MIN_VALUE);
    }

    @Override
    public void clientSynced(long time, int client, long dataTimestamp) {
        if (dataTimestamp < newestHeld[client]) {
            sink.accept(new Finding(Invariant.MONOTONIC, "", names.get(client) + " held version "
                    + newestHeld[client] + ", then reported holding the older " + dataTimestamp + " at "
                    + SimTime.format(time)));
        }
        newestHeld[client] = Math.max(newestHeld[client], dataTimestamp);
    }

    @Override
    public void handlerAborted(long time, int client, String command, String where) {
        String kind = withoutNumbers(where);
        sink.accept(new Finding(Invariant.LUA_ERROR, kind.startsWith(command) ? kind : command + ": " + kind,
                names.get(client) + "'s " + command + " handler raised \"" + where + "\" at "
                        + SimTime.format(time)));
    }

    @Override
    public void desyncDetected(long time, int client, long claimedTimestamp) {
        sink.accept(new Finding(Invariant.SILENT_DESYNC, "", names.get(client) + " claimed version "
                + claimedTimestamp + " holding other content at " + SimTime.format(time)));
    }

    /**
     * What only the end of the run shows: members in the group without the newest data, or silently desynced. Returns
     * {@link #findings}.
     */
    @Override
    public ArrayList<Finding> finish(RunResult r) {
        List<String> waiting = new ArrayList<>();
        List<String> desynced = new ArrayList<>();
        for (ClientResult c : r.clients()) {
            if (c.waitingAtEnd()) {
                waiting.add(c.name());
            }
            if (c.desyncedAtEnd()) {
                desynced.add(c.name());
            }
        }
        if (!waiting.isEmpty()) {
            sink.accept(new Finding(Invariant.CONVERGENCE, "", waiting.size() + " member(s) in the group lacked the"
                    + " newest data at " + SimTime.format(r.virtualTimeMicros()) + ": " + String.join(", ", waiting)));
        }
        if (!desynced.isEmpty()) {
            sink.accept(new Finding(Invariant.SILENT_DESYNC, "", "at the end, " + String.join(", ", desynced)
                    + " claimed the newest timestamp holding other content"));
        }
        return new ArrayList<>(findings());
    }

    /** The first finding of each key, in the order found (empty for a monitor made with a sink). */
    public List<Finding> findings() {
        return List.copyOf(found.values());
    }

    /** A Lua error's message with its counts and times replaced, so that one flaw is one finding. */
    static String withoutNumbers(String where) {
        return where.replaceAll("(?<![A-Za-z\\d.])\\d+(\\.\\d+)?", "N");
    }
}
