package org.syncsim.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.syncsim.metrics.ClientResult;
import org.syncsim.metrics.CommandCounts;
import org.syncsim.metrics.ProgressChange;
import org.syncsim.metrics.RunResult;
import org.syncsim.metrics.TimeBucket;
import org.syncsim.report.AtomicFiles;
import org.syncsim.report.Replications;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.RosterEntry;
import org.syncsim.scenario.ScenarioLoader;

/**
 * A run's results taken in one replication at a time, in replication order (a {@link Consumer} for
 * {@link ParallelRuns#forEach}), so that its memory does not grow with the number of replications: the rows of
 * {@code clients.csv}, {@code timeline.csv} and {@code progress.csv} go to spool files in the directory the results
 * are written to (a results directory's staging area) as they arrive, and only what {@code summary.json} and the
 * report need stays in memory ({@link Replications}: a few dozen numbers per replication and bounded sums).
 * {@link #finish} writes the result files, byte for byte as from a list of every result; closing removes the spool
 * files, so a failed or interrupted run leaves none.
 *
 * <p>The CSV files have a column per command seen in <em>any</em> replication, known only at the end, so the spool
 * holds each row as its fixed text and its per-command counts, and {@link #finish} writes the rows with every
 * command's columns.
 */
public final class ResultStream implements Consumer<RunResult>, AutoCloseable {
    private final Path dir;
    private final LoadedScenario scenario;
    private final Replications replications = new Replications();
    private final Path clientsSpool;
    private final Path timelineSpool;
    private final Path progressSpool;
    private final DataOutputStream clients;
    private final DataOutputStream timeline;
    private final Writer progress;
    private long clientRows;
    private long timelineRows;
    private boolean closed;

    /** Spools into {@code dir} (created if need be) the results of {@code s}. */
    public ResultStream(Path dir, LoadedScenario s) throws IOException {
        this.dir = dir;
        this.scenario = s;
        Files.createDirectories(dir);
        String tag = "." + ProcessHandle.current().pid() + ".spool";
        clientsSpool = dir.resolve("." + ResultFiles.CLIENTS + tag);
        timelineSpool = dir.resolve("." + ResultFiles.TIMELINE + tag);
        progressSpool = dir.resolve("." + ResultFiles.PROGRESS + tag);
        clients = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(clientsSpool), 1 << 16));
        timeline = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(timelineSpool), 1 << 16));
        progress = Files.newBufferedWriter(progressSpool, StandardCharsets.UTF_8);
        progress.write("replication,t_s,client,name,progress\n");
    }

    /** Takes in the next replication: spools its rows and adds it to {@link #replications}. */
    @Override
    public void accept(RunResult r) {
        int i = replications.size();
        try {
            for (ClientResult c : r.clients()) {
                spoolClient(i, c);
            }
            for (TimeBucket t : r.timeline()) {
                spoolBucket(i, t);
            }
            for (ProgressChange p : r.progress()) {
                progress.append(Integer.toString(i)).append(',').append(ResultFiles.seconds(p.bucketStartMicros()))
                        .append(',').append(Integer.toString(p.client())).append(',')
                        .append(ResultFiles.csv(r.clients().get(p.client()).name())).append(',')
                        .append(ResultFiles.fraction(p.progress())).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        replications.add(r);
    }

    /** What {@code summary.json} and the report need of the replications taken in so far. */
    public Replications replications() {
        return replications;
    }

    private void spoolClient(int i, ClientResult c) throws IOException {
        RosterEntry e = scenario.roster().get(c.id());
        StringBuilder b = new StringBuilder();
        b.append(i).append(',').append(c.id()).append(',').append(ResultFiles.csv(c.name())).append(',')
                .append(ScenarioLoader.yaml().convertValue(e.role(), String.class)).append(',')
                .append(ResultFiles.seconds(c.lastTimeToSyncMicros())).append(',')
                .append(ResultFiles.seconds(c.maxTimeToSyncMicros())).append(',')
                .append(c.syncEpisodes()).append(',').append(c.waitingAtEnd()).append(',')
                .append(c.desyncedAtEnd()).append(',').append(c.finalDataTimestamp()).append(',')
                .append(c.sentMessages()).append(',').append(c.sentBytes()).append(',')
                .append(c.receivedMessages()).append(',').append(c.receivedBytes()).append(',')
                .append(c.requests()).append(',').append(c.responses()).append(',')
                .append(c.duplicateTransfers()).append(',').append(c.abortedHandlers()).append(',')
                .append(c.malformedMessages()).append(',').append(c.refusedMessages()).append(',')
                .append(c.serverDisconnects()).append(',')
                .append(c.rejectedMessages()).append(',').append(c.lostMessages()).append(',')
                .append(ResultFiles.seconds(c.maxQueueDelayMicros())).append(',')
                .append(ResultFiles.millis(c.cpuMicros())).append(',')
                .append(ResultFiles.millis(c.worstFrameCpuMicros())).append(',').append(c.hitchFrames());
        writeText(clients, b);
        spoolCounts(clients, c.byCommand(), true);
        clientRows++;
    }

    private void spoolBucket(int i, TimeBucket t) throws IOException {
        long msgs = t.sentByCommand().values().stream().mapToLong(CommandCounts::sentMessages).sum();
        long bytes = t.sentByCommand().values().stream().mapToLong(CommandCounts::sentBytes).sum();
        writeText(timeline, new StringBuilder().append(i).append(',').append(ResultFiles.seconds(t.startMicros()))
                .append(',').append(msgs).append(',').append(bytes));
        spoolCounts(timeline, t.sentByCommand(), false);
        writeText(timeline, new StringBuilder().append(',').append(t.deliveredMessages()).append(',')
                .append(t.maxQueuedMessages()).append(',').append(t.maxQueuedBytes()).append(',')
                .append(t.disconnects()).append(',').append(ResultFiles.fraction(t.progressMean())).append(',')
                .append(ResultFiles.fraction(t.progressMin())).append(',').append(t.membersComplete()));
        timelineRows++;
    }

    private static void writeText(DataOutputStream out, CharSequence text) throws IOException {
        byte[] b = text.toString().getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A row's per-command counts: sent messages and bytes, and received ones too if {@code received}. */
    private static void spoolCounts(DataOutputStream out, SortedMap<String, CommandCounts> byCommand,
            boolean received) throws IOException {
        out.writeInt(byCommand.size());
        for (Map.Entry<String, CommandCounts> e : byCommand.entrySet()) {
            writeText(out, e.getKey());
            CommandCounts cc = e.getValue();
            out.writeLong(cc.sentMessages());
            out.writeLong(cc.sentBytes());
            if (received) {
                out.writeLong(cc.receivedMessages());
                out.writeLong(cc.receivedBytes());
            }
        }
    }

    private static Map<String, long[]> readCounts(DataInputStream in, int fields) throws IOException {
        int n = in.readInt();
        Map<String, long[]> m = new HashMap<>();
        for (int k = 0; k < n; k++) {
            String c = readText(in);
            long[] v = new long[fields];
            for (int f = 0; f < fields; f++) {
                v[f] = in.readLong();
            }
            m.put(c, v);
        }
        return m;
    }

    /**
     * Writes the four result files and {@code run-info.json} into the directory, {@code summary.json} last, for
     * the results directory {@code resultsDir} (where a sheet file is named from; the directory written may be a
     * staging directory whose files are moved into {@code resultsDir}), and removes the spool files.
     */
    public void finish(Path resultsDir, List<String> overrides, Map<String, Object> runInfo) throws IOException {
        clients.close();
        timeline.close();
        progress.close();
        List<String> commands = List.copyOf(replications.commands());
        AtomicFiles.write(dir.resolve(ResultFiles.CLIENTS), ch -> writeClients(ch, commands));
        AtomicFiles.write(dir.resolve(ResultFiles.TIMELINE), ch -> writeTimeline(ch, commands));
        AtomicFiles.write(dir.resolve(ResultFiles.PROGRESS), ch -> Files.copy(progressSpool,
                Channels.newOutputStream(ch)));
        ResultFiles.writeRunInfo(dir, runInfo);
        close();
        // the summary last: its presence means the run's files are complete
        AtomicFiles.write(dir.resolve(ResultFiles.SUMMARY), ResultFiles.summaryJson(resultsDir, scenario, overrides,
                replications));
    }

    private void writeClients(java.nio.channels.WritableByteChannel ch, List<String> commands) throws IOException {
        Writer w = new BufferedWriter(Channels.newWriter(ch, StandardCharsets.UTF_8), 1 << 16);
        w.write("replication,client,name,role,time_to_sync_s,max_time_to_sync_s,sync_episodes,waiting_at_end,"
                + "desynced_at_end,final_data_ts,sent_messages,sent_bytes,received_messages,received_bytes,"
                + "requests,responses,duplicate_transfers,aborted_handlers,malformed_messages,refused_messages,"
                + "server_disconnects,rejected_messages,lost_messages,max_queue_delay_s,"
                + "cpu_ms,worst_frame_cpu_ms,hitch_frames");
        for (String c : commands) {
            w.append(",sent_messages.").append(c).append(",sent_bytes.").append(c)
                    .append(",received_messages.").append(c).append(",received_bytes.").append(c);
        }
        w.write('\n');
        long[] zero = new long[4];
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(clientsSpool),
                1 << 16))) {
            for (long row = 0; row < clientRows; row++) {
                w.write(readText(in));
                Map<String, long[]> counts = readCounts(in, 4);
                for (String c : commands) {
                    long[] v = counts.getOrDefault(c, zero);
                    w.append(',').append(Long.toString(v[0])).append(',').append(Long.toString(v[1])).append(',')
                            .append(Long.toString(v[2])).append(',').append(Long.toString(v[3]));
                }
                w.write('\n');
            }
        }
        w.flush();
    }

    private void writeTimeline(java.nio.channels.WritableByteChannel ch, List<String> commands) throws IOException {
        Writer w = new BufferedWriter(Channels.newWriter(ch, StandardCharsets.UTF_8), 1 << 16);
        w.write("replication,t_s,sent_messages,sent_bytes");
        for (String c : commands) {
            w.append(",sent_messages.").append(c).append(",sent_bytes.").append(c);
        }
        w.write(",delivered_messages,max_queued_messages,max_queued_bytes,disconnects,progress_mean,progress_min,"
                + "members_complete\n");
        long[] zero = new long[2];
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(timelineSpool),
                1 << 16))) {
            for (long row = 0; row < timelineRows; row++) {
                w.write(readText(in));
                Map<String, long[]> counts = readCounts(in, 2);
                for (String c : commands) {
                    long[] v = counts.getOrDefault(c, zero);
                    w.append(',').append(Long.toString(v[0])).append(',').append(Long.toString(v[1]));
                }
                w.write(readText(in));
                w.write('\n');
            }
        }
        w.flush();
    }

    /** Closes and removes the spool files (after {@link #finish}, or instead of it when the run failed). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            clients.close();
            timeline.close();
            progress.close();
        } finally {
            Files.deleteIfExists(clientsSpool);
            Files.deleteIfExists(timelineSpool);
            Files.deleteIfExists(progressSpool);
        }
    }
}
