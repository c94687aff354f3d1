package org.syncsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncsim.run.StandardWorld;

/** {@code syncsim run --report}, {@code syncsim report DIR} and {@code syncsim compare}. */
class ReportCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static final String SMALL = """
            # Three members, one import.
            raid:
              members: [ { name: A, role: leader }, { name: B }, { name: C }, { name: Never } ]
            timeline: [ { t: 10s, do: import, who: A } ]
            run: { replications: 3, until: t 30s }
            """;

    private Path small() throws IOException {
        Path f = dir.resolve("small.yaml");
        Files.writeString(f, SMALL);
        return f;
    }

    /** Every number of the page's metric tables equals summary.json's aggregate, and every aggregate is shown. */
    private static void assertPageShowsSummary(Path out) throws IOException {
        JsonNode agg = JSON.readTree(out.resolve("summary.json").toFile()).get("aggregate");
        Map<String, double[]> shown = ReportPages.metrics(Files.readString(out.resolve("report.html"),
                StandardCharsets.UTF_8));
        assertEquals(agg.size(), shown.size(), "every aggregate metric appears once in the tables");
        for (Iterator<Map.Entry<String, JsonNode>> it = agg.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            double[] v = shown.get(e.getKey());
            if (e.getValue().get("mean").isNull()) {
                assertTrue(Double.isNaN(v[0]), e.getKey() + " has no value in the summary, so none on the page");
                continue;
            }
            assertEquals(e.getValue().get("mean").asDouble(), v[0], 0.0, e.getKey());
            if (e.getValue().get("ci95_low").isNull()) {
                assertTrue(Double.isNaN(v[1]), e.getKey());
            } else {
                assertEquals(e.getValue().get("ci95_low").asDouble(), v[1], 0.0, e.getKey() + " low");
                assertEquals(e.getValue().get("ci95_high").asDouble(), v[2], 0.0, e.getKey() + " high");
            }
        }
    }

    @Test
    void runWithReportWritesAPageWhoseNumbersAreTheSummarys() throws IOException {
        Path out = dir.resolve("out");
        var o = RunCommandTest.run(RunCommandTest.TRIVIAL, "run", small().toString(), "--out", out.toString(),
                "--report", "--threads", "2");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("report in " + out.resolve("report.html")), o.out());
        assertPageShowsSummary(out);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Never (3\u00d7)"), "the member that never synced is named");
        assertTrue(html.contains("3 of 4 members held the newest data at the end"), "headline");
        assertEveryChartEmbeddedAndWritten(out, html);
    }

    /**
     * The six charts always drawn are in the page as non-empty inline SVG and written to charts/ as PNG and SVG; the
     * throttle-queue chart too exactly when something waited in a throttle or was disconnected (summary.json).
     */
    private static void assertEveryChartEmbeddedAndWritten(Path out, String html) throws IOException {
        var agg = new ObjectMapper().readTree(out.resolve("summary.json").toFile())
                .get("aggregate");
        boolean throttled = agg.get("queue_delay_max_s").get("max").asDouble() > 0
                || agg.get("server_disconnects").get("max").asDouble() > 0;
        List<String> charts = new java.util.ArrayList<>(List.of("time-to-sync-cdf", "bytes-over-time",
                "per-client-bytes", "worst-freeze", "sync-timeline", "progress"));
        if (throttled) {
            charts.add("throttle-queue");
        } else {
            assertFalse(html.contains("id=\"chart-throttle-queue\""), "no empty throttle-queue chart");
            assertTrue(Files.notExists(out.resolve("charts").resolve("throttle-queue.svg")));
        }
        for (String chart : charts) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"chart-" + chart
                    + "\"><img alt=\"[^\"]*\" src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
            assertTrue(m.find(), chart + " embedded as an SVG data URI");
            String svg = new String(java.util.Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
            assertTrue(svg.contains("<svg") && svg.length() > 1000, chart + " is a non-empty SVG");
            assertTrue(Files.size(out.resolve("charts").resolve(chart + ".png")) > 1000, chart);
            assertTrue(Files.size(out.resolve("charts").resolve(chart + ".svg")) > 1000, chart);
        }
    }

    @Test
    void runWithoutReportWritesNoPage() throws IOException {
        Path out = dir.resolve("out");
        var o = RunCommandTest.run(RunCommandTest.TRIVIAL, "run", small().toString(), "--out", out.toString(), "-q");
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.notExists(out.resolve("report.html")));
    }

    @Test
    void aRerunWithoutReportRemovesTheReportOfTheEarlierResults() throws IOException {
        Path out = dir.resolve("out");
        var first = RunCommandTest.run(RunCommandTest.TRIVIAL, "run", small().toString(), "--out", out.toString(),
                "--report", "-q");
        assertEquals(0, first.code(), first.err());
        Files.writeString(out.resolve("charts").resolve("notes.txt"), "mine");
        var second = RunCommandTest.run(RunCommandTest.TRIVIAL, "run", small().toString(), "--out", out.toString(),
                "-q", "--set", "run.replications=1", "--replace");
        assertEquals(0, second.code(), second.err());
        assertTrue(Files.notExists(out.resolve("report.html")), "the old page described other results");
        try (var left = Files.list(out.resolve("charts"))) {
            assertEquals(java.util.List.of("notes.txt"), left.map(p -> p.getFileName().toString()).toList(),
                    "the old charts are gone, the user's own file stays");
        }
    }

    @Test
    void reportOfAResultsDirectoryReSimulatesItAndShowsTheStoredNumbers() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, RunCommandTest.run(RunCommandTest.TRIVIAL, "run", small().toString(), "--out",
                out.toString(), "-q", "--set", "raid.size=6").code());
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        var toFile = RunCommandTest.run(RunCommandTest.TRIVIAL, "report", out.toString(), "--out", file.toString());
        assertEquals(ExitCodes.BAD_INPUT, toFile.code(), "an --out that is a file is bad input: " + toFile.err());
        var o = RunCommandTest.run(RunCommandTest.TRIVIAL, "report", out.toString(), "-q");
        assertEquals(0, o.code(), o.err());
        assertPageShowsSummary(out);
        assertTrue(Files.readString(out.resolve("report.html")).contains("raid.size=6"), "overrides shown");
    }

    @Test
    void reportRefusesADirectoryItsScenarioNoLongerReproduces() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, RunCommandTest.run(RunCommandTest.TRIVIAL, "run", small().toString(), "--out",
                out.toString(), "-q").code());
        ObjectNode summary = (ObjectNode) JSON.readTree(out.resolve("summary.json").toFile());
        ((ObjectNode) summary.get("aggregate").get("sent_messages")).put("mean", 99.0);
        Files.writeString(out.resolve("summary.json"), summary.toString());
        var o = RunCommandTest.run(RunCommandTest.TRIVIAL, "report", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, o.code());
        assertTrue(o.err().contains("does not reproduce its summary.json"), o.err());
        assertTrue(Files.notExists(out.resolve("report.html")));
        var none = RunCommandTest.run(RunCommandTest.TRIVIAL, "report", dir.resolve("nothing").toString());
        assertEquals(ExitCodes.BAD_INPUT, none.code());
        assertTrue(none.err().contains("not a results directory"), none.err());
    }

    @Test
    void compareRunsVariantsOnTheBaselinesSeedsAndPairsTheirDifferences() throws IOException {
        Path out = dir.resolve("cmp");
        String f = small().toString();
        var o = RunCommandTest.run(RunCommandTest.TRIVIAL, "compare", f, f, "--set", "2:raid.size=7",
                "--label", "2:seven", "--seed", "5", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        JsonNode c = JSON.readTree(out.resolve("comparison.json").toFile());
        assertEquals(c.get("variants").get(0).get("seeds"), c.get("variants").get(1).get("seeds"),
                "common random numbers");
        assertEquals(3, c.get("variants").get(0).get("seeds").size());
        assertEquals("seven", c.get("variants").get(1).get("label").asText());
        // TRIVIAL: every member but Never syncs with one PING: 2 messages with 4 members, 5 with 7 (3 generated)
        JsonNode d = c.get("differences").get("sent_messages").get(0);
        assertEquals(2.0, d.get("baseline_mean").asDouble());
        assertEquals(5.0, d.get("mean").asDouble());
        assertEquals(3.0, d.get("difference").asDouble());
        assertEquals(3.0, d.get("ci95_low").asDouble(), "identical per-seed differences: zero width when paired");
        assertTrue(d.get("paired").asBoolean());
        String html = Files.readString(out.resolve("comparison.html"));
        assertTrue(html.contains("id=\"chart-headline-metrics\"") && html.contains("id=\"chart-time-to-sync-cdf\""));
        assertTrue(html.contains("data-diff-variant=\"1\" data-metric=\"sent_messages\" data-value=\"3.0\""), html);
    }

    @Test
    void compareRefusesTwoVariantsWithOneLabelBeforeSimulating() throws IOException {
        String f = small().toString();
        var o = RunCommandTest.run(RunCommandTest.TRIVIAL, "compare", f, f, "--label", "1:same", "--label", "2:same",
                "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains("variants 1 and 2 are both labelled 'same'"), o.err());
        assertTrue(Files.notExists(dir.resolve("x")), "refused before anything was written");
        var seed = RunCommandTest.run(RunCommandTest.TRIVIAL, "compare", f, f, "--set", "2:run.seed=5",
                "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, seed.code(), seed.err());
        assertTrue(seed.err().contains("use --seed or --replications"), seed.err());
    }

    @Test
    void compareRejectsAVariantNumberOutOfRange() throws IOException {
        String f = small().toString();
        var o = RunCommandTest.run(RunCommandTest.TRIVIAL, "compare", f, f, "--set", "3:raid.size=7",
                "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, o.code());
        assertTrue(o.err().contains("variant number must be 1 to 2"), o.err());
    }

    @Test
    void bundledStormReportShowsExactlyTheNumbersOfItsSummary() throws IOException {
        Path out = dir.resolve("storm");
        var o = RunCommandTest.run(StandardWorld.FACTORY, "run", "reload-storm-40", "--report", "--out",
                out.toString(), "--replications", "3", "-q");
        assertEquals(0, o.code(), o.err());
        assertPageShowsSummary(out);
        String html = Files.readString(out.resolve("report.html"));
        JsonNode agg = JSON.readTree(out.resolve("summary.json").toFile()).get("aggregate");
        assertTrue(agg.get("sent_bytes").get("mean").asDouble() > 0, "a storm sends data");
        assertTrue(html.contains("40 clients"), "the roster size is stated");
        assertEveryChartEmbeddedAndWritten(out, html);
    }

    @Test
    void aResultsDirectoryBaselineGivesItsSeedsToTheScenarioVariants() throws IOException {
        Path base = dir.resolve("base");
        String f = small().toString();
        assertEquals(0, RunCommandTest.run(RunCommandTest.TRIVIAL, "run", f, "--out", base.toString(), "-q",
                "--seed", "77", "--replications", "2").code());
        Path out = dir.resolve("cmp");
        var o = RunCommandTest.run(RunCommandTest.TRIVIAL, "compare", base.toString(), f, "--out", out.toString(),
                "-q");
        assertEquals(0, o.code(), o.err());
        JsonNode c = JSON.readTree(out.resolve("comparison.json").toFile());
        assertEquals(2, c.get("variants").get(1).get("seeds").size(), "the baseline's replications");
        assertEquals(c.get("variants").get(0).get("seeds"), c.get("variants").get(1).get("seeds"));
        assertTrue(c.get("variants").get(1).get("paired_with_baseline").asBoolean());
        var refused = RunCommandTest.run(RunCommandTest.TRIVIAL, "compare", base.toString(), f, "--set",
                "1:raid.size=5", "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, refused.code());
        assertTrue(refused.err().contains("is a results directory"), refused.err());
    }
}
