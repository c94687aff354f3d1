package org.syncsim.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.syncsim.metrics.MetricsRecorder;

/** Test recorder: keeps what clients report. */
public final class RecordingMetrics implements MetricsRecorder {
    public record Event(long time, int client, String kind, String detail) {
    }

    /** One progress report. */
    public record Progress(long time, int client, double fraction) {
    }

    public final List<Event> events = new ArrayList<>();
    public final Map<Integer, Long> syncedAt = new TreeMap<>();
    /** Progress reports, kept apart from {@link #events} so that tests counting events see what they did before. */
    public final List<Progress> progress = new ArrayList<>();
    /** Lua CPU charges, kept apart from {@link #events} as progress is. */
    public final List<Cpu> cpu = new ArrayList<>();

    /** One CPU charge. */
    public record Cpu(long time, int client, String work, long micros, long frameMicros) {
    }

    @Override
    public void cpuCharged(long time, int client, String work, long micros, long frameMicros) {
        cpu.add(new Cpu(time, client, work, micros, frameMicros));
    }

    @Override
    public void progress(long time, int client, double fraction) {
        progress.add(new Progress(time, client, fraction));
    }

    @Override
    public void clientSynced(long time, int client, long dataTimestamp) {
        syncedAt.putIfAbsent(client, time);
        events.add(new Event(time, client, "synced", Long.toString(dataTimestamp)));
    }

    @Override
    public void requestSent(long time, int client, String command) {
        events.add(new Event(time, client, "request", command));
    }

    @Override
    public void responseStarted(long time, int client, String command) {
        events.add(new Event(time, client, "response", command));
    }

    @Override
    public void duplicateTransfer(long time, int client, String what) {
        events.add(new Event(time, client, "duplicate", what));
    }

    @Override
    public void handlerAborted(long time, int client, String command, String where) {
        events.add(new Event(time, client, "aborted", command + " " + where));
    }

    @Override
    public void messageMalformed(long time, int client, String reason) {
        events.add(new Event(time, client, "malformed", reason));
    }

    @Override
    public void messageRefused(long time, int client, String command, String why) {
        events.add(new Event(time, client, "refused", command + " " + why));
    }

    @Override
    public void desyncDetected(long time, int client, long claimedTimestamp) {
        events.add(new Event(time, client, "desync", Long.toString(claimedTimestamp)));
    }

    public long count(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).count();
    }

    public long count(String kind, int client) {
        return events.stream().filter(e -> e.kind().equals(kind) && e.client() == client).count();
    }

    public long count(String kind, String detailPrefix) {
        return events.stream().filter(e -> e.kind().equals(kind) && e.detail().startsWith(detailPrefix)).count();
    }
}
