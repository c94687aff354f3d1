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
import org.syncsim.report.AtomicFiles;
import org.syncsim.report.Metrics;
import org.syncsim.report.Replications;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioLoader;

/**
 * The files of a finished run (columns in {@code docs/results.md}): {@code summary.json} (deterministic: no wall
 * time), {@code clients.csv}, {@code timeline.csv}, {@code progress.csv}, and {@code run-info.json} (wall time,
 * threads, version). Every file is written atomically; {@link ResultStream} writes them as the replications arrive.
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
    public static Map<String, Aggregate> aggregate(Replications results) {
        Map<String, Aggregate> out = new LinkedHashMap<>();
        Metrics.aggregate(results).forEach((name, m) -> out.put(name, Aggregate.of(m)));
        return out;
    }

    /**
     * The text of {@code summary.json} for results directory {@code dir}. A sheet file the scenario read is named
     * relative to {@code dir}, so that {@code report DIR} finds it (and the text does not depend on where the
     * directories sit, only on how they sit to each other).
     */
    public static String summaryJson(Path dir, LoadedScenario s, List<String> overrides, Replications results)
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
            Replications.Scalars r = results.scalars().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("replication", i);
            m.put("seed", r.seed());
            m.put("stop", r.stopReason());
            m.put("metrics", r.metrics());
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

    /** Writes {@code run-info.json} (wall time, threads, versions: what is not deterministic) into {@code dir}. */
    static void writeRunInfo(Path dir, Map<String, Object> runInfo) throws IOException {
        AtomicFiles.write(dir.resolve(RUN_INFO), JSON.writeValueAsString(runInfo) + "\n");
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

    public static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** The SHA-256 of a file's bytes, in hex. */
    public static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    /** The SHA-256 of a text's UTF-8 bytes, in hex (the ids of sweep points and tune evaluations). */
    public static String sha256(String text) {
        return sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
