package org.syncsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/scenarios.md's {@code channel} table says what a scenario without those fields gets: every value it writes in
 * backticks for a field ({@code 10s}, {@code {max-cps: 800, ...}}, {@code {model: fixed, delay: 80ms}}) equals the
 * records' default, which they read from sim-core's channel configuration.
 */
class ChannelDocsTableTest {
    static final Path DOC = Path.of("..", "docs", "scenarios.md");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    /** The fields whose defaults are checked; {@code message-limit} has none (the realm's). */
    private static final List<String> FIELDS = List.of("realm", "too-long", "whisper", "throttle", "ctl", "server",
            "latency", "loss", "loading-screen");

    @Test
    void theChannelTableSaysWhatTheRecordsDefaultTo() throws IOException {
        ObjectMapper yaml = ScenarioLoader.yaml();
        JsonNode defaults = yaml.valueToTree(ChannelSpec.defaults());
        Map<String, String[]> rows = channelRows(Files.readAllLines(DOC));
        int checked = 0;
        for (String field : FIELDS) {
            String[] row = rows.get(field);
            assertTrue(row != null, "docs/scenarios.md's channel table has no row " + field);
            List<String> spans = codeSpans(row[2]);
            assertTrue(!spans.isEmpty(), field + ": no default in backticks");
            String first = spans.get(0);
            if (!first.startsWith("{")) {
                assertEquals(defaults.get(field).asText(), first, "channel." + field + " default in docs/scenarios.md");
                checked++;
                continue;
            }
            // the default, then in the meaning column other models at their defaults
            List<String> mappings = new ArrayList<>(List.of(first));
            codeSpans(row[3]).stream().filter(s -> s.startsWith("{model:")).forEach(mappings::add);
            for (String text : mappings) {
                JsonNode doc = yaml.readTree(text);
                JsonNode record = doc.has("model")
                        ? yaml.valueToTree(yaml.treeToValue(yaml.createObjectNode().set("model", doc.get("model")),
                                typeOf(field)))
                        : defaults.get(field);
                doc.fields().forEachRemaining(e -> {
                    JsonNode actual = record.get(e.getKey());
                    assertTrue(actual != null, "channel." + field + "." + e.getKey() + " is not a field (" + text + ")");
                    if (e.getValue().isNumber() || actual.isNumber()) {
                        assertEquals(actual.asDouble(), e.getValue().asDouble(), "channel." + field + "." + e.getKey()
                                + " in docs/scenarios.md (" + text + ")");
                    } else if (actual.asText().matches(Span.PATTERN)) {
                        assertEquals(Span.parse(actual.asText()), Span.parse(e.getValue().asText()), "channel."
                                + field + "." + e.getKey() + " in docs/scenarios.md (" + text + ")");
                    } else {
                        assertEquals(actual.asText(), e.getValue().asText(), "channel." + field + "." + e.getKey()
                                + " in docs/scenarios.md (" + text + ")");
                    }
                });
                checked += doc.size();
            }
        }
        assertTrue(checked > 30, "checked " + checked + " values");
    }

    private static Class<?> typeOf(String field) {
        return switch (field) {
            case "latency" -> Latency.class;
            case "loss" -> Loss.class;
            default -> throw new AssertionError("no model type for " + field);
        };
    }

    private static List<String> codeSpans(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The rows of the table under {@code ## `channel`}, by field. */
    private static Map<String, String[]> channelRows(List<String> lines) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        boolean in = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                in = line.equals("## `channel`");
                continue;
            }
            if (in && line.startsWith("| `")) {
                String[] c = line.split("\\|");
                rows.put(c[1].replace("`", "").strip(), c);
            }
        }
        return rows;
    }
}
