package org.syncsim.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.syncsim.metrics.ClientResult;
import org.syncsim.metrics.CommandCounts;
import org.syncsim.metrics.ProgressChange;
import org.syncsim.metrics.RunResult;
import org.syncsim.metrics.TimeBucket;
import org.syncsim.report.AtomicFiles;
import org.syncsim.report.Metrics;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.RosterEntry;
import org.syncsim.scenario.ScenarioLoader;

/**
 * The files of a finished run (columns in {@code docs/results.md}): {@code summary.json} (deterministic: no wall
 * time), {@code clients.csv}, {@code timeline.csv}, {@code progress.csv}, and {@code run-info.json} (wall time,
 * threads, version). Every file is written atomically.
 */
public final class ResultFiles {
    public static final String SUMMARY = "summary.json";
    public static final String CLIENTS = "clients.csv";
    public static final String TIMELINE = "timeline.csv";
    public static final String PROGRESS = "progress.csv";
    public static final String RUN_INFO = "run-info.json";
    /** The {@code summary.json} field holding the SHA-256 of the sheet file a run read, if it read one. */
    public static final String SHEET_SHA256 = "sheet_file_sha256";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

    private ResultFiles() {
    }

    /**
     * Every scalar metric aggregated across the replications, in first-seen order, over the replications that
     * have a value for it ({@link Metrics#values}).
     */
    public static Map<String, Aggregate> aggregate(List<RunResult> results) {
        Map<String, Aggregate> out = new LinkedHashMap<>();
        Metrics.aggregate(results).forEach((name, m) -> out.put(name, Aggregate.of(m)));
        return out;
    }

    /**
     * The text of {@code summary.json} for results directory {@code dir}. A sheet file the scenario read is named
     * relative to {@code dir}, so that {@code report DIR} finds it (and the text does not depend on where the
     * directories sit, only on how they sit to each other).
     */
    public static String summaryJson(Path dir, LoadedScenario s, List<String> overrides, List<RunResult> results)
            throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", s.scenario().name());
        root.put("description", s.summary());
        root.put("profile", ScenarioLoader.yaml().convertValue(s.scenario().protocol().profile(), String.class));
        root.put("seed", s.scenario().run().seed());
        root.put("replications", results.size());
        root.put("until", s.scenario().run().until().text());
        root.put("overrides", overrides);
        root.put("aggregate", aggregate(results));
        List<Map<String, Object>> reps = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            RunResult r = results.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("replication", i);
            m.put("seed", r.seed());
            m.put("stop", r.stopReason());
            m.put("metrics", r.scalars());
            Map<String, Object> dropped = new LinkedHashMap<>(); // Map.of's order changes from JVM to JVM
            dropped.put("rejected", r.rejectedByReason());
            dropped.put("lost", r.lostByReason());
            m.put("dropped", dropped);
            reps.add(m);
        }
        root.put("per_replication", reps);
        com.fasterxml.jackson.databind.node.ObjectNode resolved = ScenarioLoader.json().valueToTree(s.scenario());
        if (s.sheetFile() != null) {
            Path from = dir.toAbsolutePath().normalize();
            Path sheet = s.sheetFile().toAbsolutePath().normalize();
            String path = from.getRoot() != null && from.getRoot().equals(sheet.getRoot())
                    ? from.relativize(sheet).toString() : sheet.toString();
            ((com.fasterxml.jackson.databind.node.ObjectNode) resolved.get("data")).put("file",
                    path.replace('\\', '/'));
        }
        root.put("resolved_scenario", resolved);
        if (s.sheetFile() != null) {
            root.put(SHEET_SHA256, sha256(s.sheetFile()));
        }
        return JSON.writeValueAsString(root) + "\n";
    }

    /** The text of {@code clients.csv}: one row per replication and client. */
    public static String clientsCsv(LoadedScenario s, List<RunResult> results) {
        TreeSet<String> commands = new TreeSet<>();
        results.forEach(r -> commands.addAll(r.commands()));
        StringBuilder b = new StringBuilder();
        b.append("replication,client,name,role,time_to_sync_s,max_time_to_sync_s,sync_episodes,waiting_at_end,")
                .append("desynced_at_end,final_data_ts,sent_messages,sent_bytes,received_messages,received_bytes,")
                .append("requests,responses,duplicate_transfers,aborted_handlers,malformed_messages,")
                .append("refused_messages,")
                .append("server_disconnects,rejected_messages,lost_messages,max_queue_delay_s,")
                .append("cpu_ms,worst_frame_cpu_ms,hitch_frames");
        for (String c : commands) {
            b.append(",sent_messages.").append(c).append(",sent_bytes.").append(c)
                    .append(",received_messages.").append(c).append(",received_bytes.").append(c);
        }
        b.append('\n');
        for (int i = 0; i < results.size(); i++) {
            for (ClientResult c : results.get(i).clients()) {
                RosterEntry e = s.roster().get(c.id());
                b.append(i).append(',').append(c.id()).append(',').append(csv(c.name())).append(',')
                        .append(ScenarioLoader.yaml().convertValue(e.role(), String.class)).append(',')
                        .append(seconds(c.lastTimeToSyncMicros())).append(',')
                        .append(seconds(c.maxTimeToSyncMicros())).append(',')
                        .append(c.syncEpisodes()).append(',').append(c.waitingAtEnd()).append(',')
                        .append(c.desyncedAtEnd()).append(',').append(c.finalDataTimestamp()).append(',')
                        .append(c.sentMessages()).append(',').append(c.sentBytes()).append(',')
                        .append(c.receivedMessages()).append(',').append(c.receivedBytes()).append(',')
                        .append(c.requests()).append(',').append(c.responses()).append(',')
                        .append(c.duplicateTransfers()).append(',').append(c.abortedHandlers()).append(',')
                        .append(c.malformedMessages()).append(',').append(c.refusedMessages()).append(',')
                        .append(c.serverDisconnects()).append(',')
                        .append(c.rejectedMessages()).append(',').append(c.lostMessages()).append(',')
                        .append(seconds(c.maxQueueDelayMicros())).append(',')
                        .append(millis(c.cpuMicros())).append(',').append(millis(c.worstFrameCpuMicros()))
                        .append(',').append(c.hitchFrames());
                for (String cmd : commands) {
                    CommandCounts cc = c.byCommand().getOrDefault(cmd, CommandCounts.ZERO);
                    b.append(',').append(cc.sentMessages()).append(',').append(cc.sentBytes()).append(',')
                            .append(cc.receivedMessages()).append(',').append(cc.receivedBytes());
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** The text of {@code timeline.csv}: one row per replication and time bucket. */
    public static String timelineCsv(List<RunResult> results) {
        TreeSet<String> commands = new TreeSet<>();
        results.forEach(r -> commands.addAll(r.commands()));
        StringBuilder b = new StringBuilder("replication,t_s,sent_messages,sent_bytes");
        for (String c : commands) {
            b.append(",sent_messages.").append(c).append(",sent_bytes.").append(c);
        }
        b.append(",delivered_messages,max_queued_messages,max_queued_bytes,disconnects,progress_mean,progress_min,")
                .append("members_complete\n");
        for (int i = 0; i < results.size(); i++) {
            for (TimeBucket t : results.get(i).timeline()) {
                long msgs = t.sentByCommand().values().stream().mapToLong(CommandCounts::sentMessages).sum();
                long bytes = t.sentByCommand().values().stream().mapToLong(CommandCounts::sentBytes).sum();
                b.append(i).append(',').append(seconds(t.startMicros())).append(',').append(msgs).append(',')
                        .append(bytes);
                for (String c : commands) {
                    CommandCounts cc = t.sentByCommand().getOrDefault(c, CommandCounts.ZERO);
                    b.append(',').append(cc.sentMessages()).append(',').append(cc.sentBytes());
                }
                b.append(',').append(t.deliveredMessages()).append(',').append(t.maxQueuedMessages()).append(',')
                        .append(t.maxQueuedBytes()).append(',').append(t.disconnects()).append(',')
                        .append(fraction(t.progressMean())).append(',').append(fraction(t.progressMin())).append(',')
                        .append(t.membersComplete()).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * The text of {@code progress.csv}: each client's progress toward the newest data at the end of the first time
     * bucket and of every bucket where it changed (long format: a client's progress in a bucket is its last row at
     * or before it).
     */
    public static String progressCsv(List<RunResult> results) {
        StringBuilder b = new StringBuilder("replication,t_s,client,name,progress\n");
        for (int i = 0; i < results.size(); i++) {
            RunResult r = results.get(i);
            for (ProgressChange p : r.progress()) {
                b.append(i).append(',').append(seconds(p.bucketStartMicros())).append(',').append(p.client())
                        .append(',').append(csv(r.clients().get(p.client()).name())).append(',')
                        .append(fraction(p.progress())).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * Writes the four result files and {@code run-info.json} into {@code dir}, {@code summary.json} last, for the
     * results directory {@code resultsDir} (where a sheet file is named from; {@code dir} may be a staging
     * directory the files are moved from into {@code resultsDir}).
     */
    public static void write(Path dir, Path resultsDir, LoadedScenario s, List<String> overrides,
            List<RunResult> results, Map<String, Object> runInfo) throws IOException {
        AtomicFiles.write(dir.resolve(CLIENTS), clientsCsv(s, results));
        AtomicFiles.write(dir.resolve(TIMELINE), timelineCsv(results));
        AtomicFiles.write(dir.resolve(PROGRESS), progressCsv(results));
        AtomicFiles.write(dir.resolve(RUN_INFO), JSON.writeValueAsString(runInfo) + "\n");
        // the summary last: its presence means the run's files are complete
        AtomicFiles.write(dir.resolve(SUMMARY), summaryJson(resultsDir, s, overrides, results));
    }

    /** Seconds with microsecond precision, or empty for a negative ("none") value. */
    static String seconds(long micros) {
        if (micros < 0) {
            return "";
        }
        return java.math.BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }

    /** Microseconds as milliseconds, exact ({@code 1250.5}). */
    static String millis(long micros) {
        return java.math.BigDecimal.valueOf(micros, 3).stripTrailingZeros().toPlainString();
    }

    /** A fraction rounded to 6 decimals, without trailing zeros ({@code 1}, {@code 0.5}, {@code 0.058824}). */
    static String fraction(double f) {
        return java.math.BigDecimal.valueOf(f).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }

    private static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** The SHA-256 of a file's bytes, in hex. */
    public static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
