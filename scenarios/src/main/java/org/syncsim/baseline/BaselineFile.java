package org.syncsim.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.syncsim.metrics.Scalar;
import org.syncsim.report.AtomicFiles;
import org.syncsim.scenario.Locator;

/**
 * Reads and writes baseline files: JSON marked {@code "syncsim_baseline": 1}, one line per metric so that an
 * update reads well as a diff. Reading checks every field and names each problem by {@code file:line:column:
 * field}, so a hand-edited tolerance that is wrong is caught before anything runs.
 */
public final class BaselineFile {
    /** The field that marks a file as a SyncSim baseline. */
    public static final String MARKER = "syncsim_baseline";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();
    private static final Set<String> ROOT = Set.of(MARKER, "written_by", "about", "tolerances", "scenarios");
    private static final Set<String> SCENARIO = Set.of("scenario", "name", "seed", "replications", "overrides",
            "tolerances", "metrics", "fingerprint");
    private static final Set<String> METRIC = Set.of("mean", "low", "high", "n");
    private static final Set<String> TOLERANCE = Set.of("relative", "absolute");
    private static final Set<String> FINGERPRINT = Set.of("replication", "seed", "events", "sha256", "block_events",
            "blocks", "prefix_events", "prefix");

    private BaselineFile() {
    }

    /** Whether {@code file}'s text is marked as a baseline (it may still be damaged). */
    public static boolean isBaseline(Path file) {
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)).has(MARKER);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The baseline in {@code file}; every problem is one line of the {@link BaselineException}. */
    public static Baseline read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BaselineException(file + ": no such file (write one with syncsim baseline write " + file + ")");
        } catch (CharacterCodingException e) {
            throw new BaselineException(file + ": not UTF-8 text, so not a SyncSim baseline", e);
        } catch (IOException e) {
            throw new BaselineException(file + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new BaselineException(file + (loc == null || loc.getLineNr() < 0 ? "" : ":" + loc.getLineNr() + ":"
                    + loc.getColumnNr()) + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        Reader r = new Reader(file.toString(), text);
        Baseline b = r.baseline(root);
        if (!r.problems.isEmpty()) {
            throw new BaselineException(String.join("\n", r.problems));
        }
        return b;
    }

    /** Writes {@code b} to {@code file} atomically ({@link AtomicFiles}). */
    public static void write(Path file, Baseline b, String writtenBy) throws IOException {
        StringBuilder o = new StringBuilder();
        o.append("{\n  \"").append(MARKER).append("\": ").append(Baseline.FORMAT).append(",\n");
        o.append("  \"written_by\": ").append(json(writtenBy)).append(",\n");
        o.append("  \"about\": ").append(json("Checked by: syncsim baseline check FILE. Update on purpose with"
                + " syncsim baseline write FILE (docs/baselines.md); tolerances set here are kept.")).append(",\n");
        o.append("  \"tolerances\": ").append(json(b.tolerances())).append(",\n");
        o.append("  \"scenarios\": [");
        for (int i = 0; i < b.scenarios().size(); i++) {
            ScenarioBaseline s = b.scenarios().get(i);
            o.append(i == 0 ? "\n" : ",\n").append("    {\n");
            o.append("      \"scenario\": ").append(json(s.scenario())).append(",\n");
            o.append("      \"name\": ").append(json(s.name())).append(",\n");
            o.append("      \"seed\": ").append(s.seed()).append(",\n");
            o.append("      \"replications\": ").append(s.replications()).append(",\n");
            o.append("      \"overrides\": ").append(json(s.overrides())).append(",\n");
            o.append("      \"tolerances\": ").append(json(s.tolerances())).append(",\n");
            o.append("      \"metrics\": {");
            int m = 0;
            for (Map.Entry<String, MetricBaseline> e : s.metrics().entrySet()) {
                o.append(m++ == 0 ? "\n" : ",\n").append("        ").append(json(e.getKey())).append(": ")
                        .append(json(e.getValue()));
            }
            o.append("\n      },\n");
            o.append("      \"fingerprint\": ").append(fingerprint(s.fingerprint())).append("\n    }");
        }
        o.append("\n  ]\n}\n");
        AtomicFiles.write(file, o.toString());
    }

    private static String fingerprint(Fingerprint f) throws JsonProcessingException {
        if (f == null) {
            return "null";
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("replication", f.replication());
        m.put("seed", f.seed());
        m.put("events", f.events());
        m.put("sha256", f.sha256());
        m.put("block_events", f.blockEvents());
        m.put("blocks", f.blocks());
        m.put("prefix_events", f.prefixEvents());
        m.put("prefix", f.prefix());
        StringBuilder o = new StringBuilder("{");
        int i = 0;
        for (Map.Entry<String, Object> e : m.entrySet()) {
            o.append(i++ == 0 ? "\n" : ",\n").append("        ").append(json(e.getKey())).append(": ")
                    .append(json(e.getValue()));
        }
        return o.append("\n      }").toString();
    }

    private static String json(Object v) throws JsonProcessingException {
        return JSON.writeValueAsString(v);
    }

    /** Reads the tree field by field, collecting one located line per problem. */
    private static final class Reader {
        private final String file;
        private final String text;
        private final List<String> problems = new ArrayList<>();

        Reader(String file, String text) {
            this.file = file;
            this.text = text;
        }

        Baseline baseline(JsonNode root) {
            if (!root.isObject() || !root.has(MARKER)) {
                problem("", "not a SyncSim baseline (no \"" + MARKER + "\" field); write one with syncsim baseline"
                        + " write");
                return null;
            }
            known(root, "", ROOT);
            if (!root.get(MARKER).isInt() || root.get(MARKER).asInt() != Baseline.FORMAT) {
                problem("/" + MARKER, "expected " + Baseline.FORMAT + " (a baseline of another SyncSim version: write"
                        + " it again)");
            }
            Map<String, ToleranceOverride> tolerances = tolerances(root.get("tolerances"), "/tolerances");
            List<ScenarioBaseline> scenarios = new ArrayList<>();
            JsonNode list = root.get("scenarios");
            if (list == null || !list.isArray()) {
                problem("/scenarios", "expected a list of scenarios");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    ScenarioBaseline s = scenario(list.get(i), "/scenarios/" + i);
                    if (s != null) {
                        scenarios.add(s);
                    }
                }
            }
            return problems.isEmpty() ? new Baseline(tolerances, scenarios) : null;
        }

        private ScenarioBaseline scenario(JsonNode n, String at) {
            if (!object(n, at, SCENARIO)) {
                return null;
            }
            String scenario = string(n, at, "scenario");
            String name = string(n, at, "name");
            long seed = integer(n, at, "seed", Long.MIN_VALUE);
            long replications = integer(n, at, "replications", 1);
            List<String> overrides = new ArrayList<>();
            JsonNode ov = n.get("overrides");
            if (ov != null && !ov.isArray()) {
                problem(at + "/overrides", "expected a list of PATH=VALUE settings");
            } else if (ov != null) {
                for (int i = 0; i < ov.size(); i++) {
                    if (ov.get(i).isTextual()) {
                        overrides.add(ov.get(i).asText());
                    } else {
                        problem(at + "/overrides/" + i, "expected a PATH=VALUE setting");
                    }
                }
            }
            Map<String, ToleranceOverride> tolerances = tolerances(n.get("tolerances"), at + "/tolerances");
            Map<String, MetricBaseline> metrics = new LinkedHashMap<>();
            JsonNode ms = n.get("metrics");
            if (ms == null || !ms.isObject()) {
                problem(at + "/metrics", "expected an object of metrics");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = ms.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    metrics.put(e.getKey(), metric(e.getValue(), at + "/metrics/" + escape(e.getKey())));
                }
            }
            JsonNode fp = n.get("fingerprint");
            Fingerprint fingerprint = fp == null || fp.isNull() ? null : fingerprint(fp, at + "/fingerprint");
            return new ScenarioBaseline(scenario, name, seed, (int) Math.min(replications, Integer.MAX_VALUE),
                    overrides, tolerances, metrics, fingerprint);
        }

        private MetricBaseline metric(JsonNode n, String at) {
            if (!object(n, at, METRIC)) {
                return null;
            }
            return new MetricBaseline(number(n, at, "mean"), number(n, at, "low"), number(n, at, "high"),
                    integer(n, at, "n", 0));
        }

        private Fingerprint fingerprint(JsonNode n, String at) {
            if (!object(n, at, FINGERPRINT)) {
                return null;
            }
            long events = integer(n, at, "events", 0);
            long blockEvents = integer(n, at, "block_events", 1);
            long prefixEvents = integer(n, at, "prefix_events", 0);
            if (blockEvents != Fingerprint.BLOCK_EVENTS || prefixEvents != Fingerprint.PREFIX_EVENTS) {
                problem(at, "blocks of " + blockEvents + " and a prefix of " + prefixEvents + " events; this SyncSim"
                        + " takes " + Fingerprint.BLOCK_EVENTS + " and " + Fingerprint.PREFIX_EVENTS + " (write the"
                        + " baseline again)");
            }
            String sha = string(n, at, "sha256");
            if (sha != null && !sha.matches("[0-9a-f]{64}")) {
                problem(at + "/sha256", "expected 64 lower-case hex digits");
            }
            String blocks = string(n, at, "blocks");
            long blockCount = (events + Fingerprint.BLOCK_EVENTS - 1) / Fingerprint.BLOCK_EVENTS;
            if (blocks != null && (!blocks.matches("[0-9a-f]*") || blocks.length() != blockCount * 8)) {
                problem(at + "/blocks", "expected 8 hex digits for each of the " + blockCount + " blocks of "
                        + Fingerprint.BLOCK_EVENTS + " events");
            }
            String prefix = string(n, at, "prefix");
            if (prefix != null) {
                try {
                    if (Base64.getDecoder().decode(prefix).length != Math.min(events, Fingerprint.PREFIX_EVENTS)) {
                        problem(at + "/prefix", "expected one byte per event of the first "
                                + Math.min(events, Fingerprint.PREFIX_EVENTS));
                    }
                } catch (IllegalArgumentException e) {
                    problem(at + "/prefix", "not Base64: " + e.getMessage());
                }
            }
            return new Fingerprint((int) integer(n, at, "replication", 0), integer(n, at, "seed", Long.MIN_VALUE),
                    events, sha, (int) blockEvents, blocks, (int) prefixEvents, prefix);
        }

        private Map<String, ToleranceOverride> tolerances(JsonNode n, String at) {
            Map<String, ToleranceOverride> out = new LinkedHashMap<>();
            if (n == null || n.isNull()) {
                return out;
            }
            if (!n.isObject()) {
                problem(at, "expected an object: a metric kind (volume, time, cpu, trouble) or metric name to"
                        + " {\"relative\": R, \"absolute\": A}");
                return out;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String where = at + "/" + escape(e.getKey());
                if (MetricKind.byKey(e.getKey()) == null && !isMetric(e.getKey())) {
                    problem(where, "not a metric kind (volume, time, cpu, trouble) nor a metric (e.g. sent_bytes,"
                            + " sent_bytes.BSEC)");
                }
                if (object(e.getValue(), where, TOLERANCE)) {
                    Double rel = number(e.getValue(), where, "relative");
                    Double abs = number(e.getValue(), where, "absolute");
                    if (rel != null && rel < 0 || abs != null && abs < 0) {
                        problem(where, "a tolerance is 0 or more");
                    } else {
                        out.put(e.getKey(), new ToleranceOverride(rel, abs));
                    }
                }
            }
            return out;
        }

        private static boolean isMetric(String key) {
            String base = MetricKind.baseName(key);
            for (Scalar s : Scalar.values()) {
                if (s.key().equals(key) || s.perCommand() && s.key().equals(base) && key.length() > base.length() + 1) {
                    return true;
                }
            }
            return false;
        }

        /** Whether {@code n} is an object holding only {@code fields}; a problem otherwise. */
        private boolean object(JsonNode n, String at, Set<String> fields) {
            if (n == null || !n.isObject()) {
                problem(at, "expected an object with " + String.join(", ", new java.util.TreeSet<>(fields)));
                return false;
            }
            known(n, at, fields);
            return true;
        }

        private void known(JsonNode n, String at, Set<String> fields) {
            n.fieldNames().forEachRemaining(f -> {
                if (!fields.contains(f)) {
                    problem(at + "/" + escape(f), "unknown field; expected one of " + String.join(", ",
                            new java.util.TreeSet<>(fields)));
                }
            });
        }

        private String string(JsonNode n, String at, String field) {
            JsonNode v = n.get(field);
            if (v == null || !v.isTextual()) {
                problem(at + "/" + field, "expected text");
                return null;
            }
            return v.asText();
        }

        private long integer(JsonNode n, String at, String field, long min) {
            JsonNode v = n.get(field);
            if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < min) {
                problem(at + "/" + field, "expected a whole number" + (min == Long.MIN_VALUE ? "" : " of " + min
                        + " or more"));
                return Math.max(min, 0);
            }
            return v.asLong();
        }

        /** A number or null; missing is null too. */
        private Double number(JsonNode n, String at, String field) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber()) {
                problem(at + "/" + field, "expected a number or null");
                return null;
            }
            return v.asDouble();
        }

        private void problem(String pointer, String message) {
            String where = Locator.locate(FACTORY, text, pointer);
            problems.add(file + (where == null ? "" : ":" + where) + ": " + (pointer.isEmpty() ? "" : dotted(pointer)
                    + ": ") + message);
        }

        private static String escape(String key) {
            return key.replace("~", "~0").replace("/", "~1");
        }

        /** {@code /scenarios/2/metrics/sent_bytes} as {@code scenarios[2].metrics.sent_bytes}. */
        private static String dotted(String pointer) {
            StringBuilder b = new StringBuilder();
            for (String seg : pointer.substring(1).split("/", -1)) {
                String s = seg.replace("~1", "/").replace("~0", "~");
                if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
                    b.append('[').append(s).append(']');
                } else {
                    b.append(b.length() == 0 ? "" : ".").append(s);
                }
            }
            return b.toString();
        }
    }
}
