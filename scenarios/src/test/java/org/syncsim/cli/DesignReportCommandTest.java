package org.syncsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncsim.cli.RunCommandTest.Outcome;
import org.syncsim.report.stats.MeanCi;

/** {@code syncsim design-report}: the matrix runs, the page is computed from the cells' files, and reruns resume. */
class DesignReportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUM = Pattern.compile("<span class=\"num\" data-kind=\"([a-z-]+)\" data-metric=\""
            + "([^\"]+)\" data-file=\"([^\"]+)\"(?: data-base-file=\"([^\"]+)\")? data-value=\"([^\"]+)\""
            + "(?: data-low=\"([^\"]+)\" data-high=\"([^\"]+)\")?>");

    @TempDir
    Path dir;

    private Outcome run(String... args) {
        return RunCommandTest.run(SyncSimCli.commandLine(new SyncSimCli(org.syncsim.run.StandardWorld.FACTORY,
                dir.resolve("results"))), args);
    }

    /** A matrix of one late joiner in a 10-member raid with a small sheet, under head and two policies alone. */
    private Path tinyMatrix(String responders) throws IOException {
        Path f = dir.resolve("tiny.yaml");
        Files.writeString(f, """
                name: tiny
                replications: 2
                events:
                  late-joiner: { label: late joiner, scenario: late-joiner }
                raid-sizes: [10]
                sheets:
                  small: { set: [data.sections=4, data.rows=12, data.columns=7] }
                networks:
                  clean: {}
                grid:
                  - {}
                configurations:
                  - { id: head }
                  - { id: skip-redundant, policy: skip-redundant }
                  - { id: responders, policy: responders%s }
                """.formatted(responders));
        return f;
    }

    @Test
    void theQuickMatrixWritesAPageWhoseEveryNumberTracesToAResultsFileBesideIt() throws IOException {
        Path out = dir.resolve("quick");
        Outcome r = run("design-report", "--quick", "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String page = Files.readString(out.resolve("design-report.html"));
        assertTrue(page.contains("id=\"summary\"") && page.contains("id=\"ablation\"") && page.contains("./syncsim run "),
                "summary, ablation table and the commands that reproduce the cells");
        for (String chart : List.of("improvement", "pareto", "rollout", "flaws")) {
            assertTrue(Files.isRegularFile(out.resolve("charts/" + chart + ".svg")), chart);
            assertTrue(page.contains("id=\"chart-" + chart + "\""), chart);
        }
        assertEquals(21, countCells(out), "3 base scenarios x 7 configurations");
        int checked = checkNumbers(out, page);
        assertTrue(checked > 100, "numbers checked: " + checked);
        int flawCounts = checkFlawCounts(out, page);
        assertTrue(flawCounts >= 7 * 2, "flaw counts checked: " + flawCounts);
        assertTrue(page.contains("B29 (a Lua error names it)"), "head's B29 Lua error is named on the lossy import");
    }

    @Test
    void aRerunInTheSameDirectorySkipsTheFinishedCells() throws IOException {
        Path matrix = tinyMatrix("");
        Path out = dir.resolve("resume");
        assertEquals(0, run("design-report", matrix.toString(), "--quiet", "--out", out.toString()).code());
        Path kept = out.resolve("cells/late-joiner-10-small-clean--head/summary.json");
        Path lost = out.resolve("cells/late-joiner-10-small-clean--responders/summary.json");
        Files.setLastModifiedTime(kept, java.nio.file.attribute.FileTime.fromMillis(1_000_000L));
        byte[] lostBytes = Files.readAllBytes(lost);
        Files.delete(lost); // as if interrupted before this cell finished
        Outcome again = run("design-report", matrix.toString(), "--out", out.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("2 of 3 cells already in"), again.err());
        assertTrue(again.out().contains("3 cells (1 run now)"), again.out());
        assertEquals(1_000_000L, Files.getLastModifiedTime(kept).toMillis(), "a finished cell is not written again");
        assertArrayEquals(lostBytes, Files.readAllBytes(lost), "the rerun cell gives the same results");
    }

    @Test
    void resultsAreIdenticalForOneAndTwoThreads() throws IOException {
        Path matrix = tinyMatrix("");
        for (String t : List.of("1", "2")) {
            assertEquals(0, run("design-report", matrix.toString(), "--quiet", "--threads", t, "--out",
                    dir.resolve("t" + t).toString()).code());
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir.resolve("t1"))) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".png")).toList();
        }
        assertTrue(files.size() >= 5, files.toString());
        for (Path f : files) {
            Path rel = dir.resolve("t1").relativize(f);
            if (!rel.toString().equals(ResultsDirectory.MANIFEST)) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(dir.resolve("t2").resolve(rel)), rel.toString());
            }
        }
    }

    @Test
    void theRankingMovesWhenAPolicysParametersChange() throws IOException {
        assertEquals(0, run("design-report", tinyMatrix("").toString(), "--quiet", "--out",
                dir.resolve("a").toString()).code());
        Map<String, Integer> before = ranking(dir.resolve("a"));
        assertEquals("responders", before.keySet().iterator().next(), "one elected responder saves the most: " + before);
        assertTrue(before.get("responders") > 0, "its bytes saved are a proven gain: " + before);
        // every member may answer: elected responders with a count of the whole raid is head's storm again
        assertEquals(0, run("design-report", tinyMatrix(", set: [\"protocol.policies.responders={kind: elected,"
                + " count: 40}\"]").toString(), "--quiet", "--out", dir.resolve("b").toString()).code());
        Map<String, Integer> after = ranking(dir.resolve("b"));
        assertNotEquals(List.copyOf(before.keySet()), List.copyOf(after.keySet()));
        assertEquals("skip-redundant", after.keySet().iterator().next(), after.toString());
        assertTrue(after.get("responders") < before.get("responders"), "the storm's bytes are back: " + after);
        assertEquals(before.get("skip-redundant"), after.get("skip-redundant"), "skip-redundant did not change");
    }

    @Test
    void aBadMatrixGivesFileLineAndFieldAndExitCode2() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "name: bad\nevents:\n  late-joiner: { scenario: late-joiner }\nraid-sizes: [10]\n"
                + "sheets: { s: {} }\nnetworks: { n: {} }\ngrid:\n  - { events: [late-joiner, reload] }\n"
                + "configurations:\n  - { id: head }\n");
        Outcome r = run("design-report", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(f + ":8:") && r.err().contains("grid[0].events[1]: no 'reload' defined"), r.err());
        Files.writeString(f, "name: bad\nreplications: 3\nconfigurations:\n  - { id: head, polcy: backoff }\n");
        r = run("design-report", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(f + ":4:") && r.err().contains("configurations[0]: unknown field \"polcy\""),
                r.err());
    }

    /** The ranked summary's configurations in page order, with their scores. */
    private static Map<String, Integer> ranking(Path out) throws IOException {
        Matcher m = Pattern.compile("<li data-config=\"([^\"]+)\" data-score=\"(-?\\d+)\">").matcher(
                Files.readString(out.resolve("design-report.html")));
        Map<String, Integer> ids = new LinkedHashMap<>();
        while (m.find()) {
            ids.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return ids;
    }

    /**
     * Recounts every flaw count of the page from the flaws files of the configuration's cells (the runs in which a
     * finding of that group was found); returns how many.
     */
    private static int checkFlawCounts(Path out, String page) throws IOException {
        Matcher m = Pattern.compile("<span class=\"num\" data-kind=\"flaw-runs\" data-config=\"([^\"]+)\""
                + " data-flaws=\"([^\"]*)\" data-via=\"([^\"]*)\" data-value=\"(\\d+)\">").matcher(page);
        int n = 0;
        while (m.find()) {
            String config = m.group(1);
            int runs = 0;
            List<Path> files;
            try (Stream<Path> s = Files.list(out.resolve("cells"))) {
                files = s.filter(d -> d.getFileName().toString().endsWith("--" + config)).map(d -> d.resolve(
                        "flaws.json")).toList();
            }
            for (Path f : files) {
                for (JsonNode rep : JSON.readTree(Files.readString(f)).path("per_replication")) {
                    boolean found = false;
                    for (JsonNode x : rep.path("findings")) {
                        String via = x.path("named").asBoolean() ? "" : x.path("invariant").asText();
                        found |= x.path("flaws").asText().equals(m.group(2)) && via.equals(m.group(3));
                    }
                    runs += found ? 1 : 0;
                }
            }
            assertEquals(runs, Integer.parseInt(m.group(4)), m.group());
            n++;
        }
        return n;
    }

    private static long countCells(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("cells"))) {
            return s.count();
        }
    }

    /** Recomputes every attributed number of the page from the results files it names; returns how many. */
    private static int checkNumbers(Path out, String page) throws IOException {
        Matcher m = NUM.matcher(page);
        int n = 0;
        while (m.find()) {
            String kind = m.group(1);
            String metric = m.group(2);
            double[] v = values(out.resolve(m.group(3)), metric);
            double shown = Double.parseDouble(m.group(5));
            if (kind.equals("mean-all")) {
                MeanCi ci = MeanCi.of(java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray());
                close(ci.mean(), shown, m.group());
                if (m.group(6) != null) {
                    close(ci.low(), Double.parseDouble(m.group(6)), m.group());
                    close(ci.high(), Double.parseDouble(m.group(7)), m.group());
                }
            } else {
                double[] base = values(out.resolve(m.group(4)), metric);
                List<double[]> pairs = new ArrayList<>();
                for (int i = 0; i < v.length; i++) {
                    if (!Double.isNaN(v[i]) && !Double.isNaN(base[i])) {
                        pairs.add(new double[] {base[i], v[i]});
                    }
                }
                double b = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
                double c = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
                MeanCi d = MeanCi.pairedDifference(pairs.stream().mapToDouble(p -> p[1] - p[0]).toArray());
                double expected = switch (kind) {
                    case "base-mean" -> b;
                    case "mean" -> c;
                    case "diff" -> d.mean();
                    default -> d.mean() / b;
                };
                close(expected, shown, m.group());
                if (m.group(6) != null) {
                    double scale = kind.equals("rel") ? b : 1;
                    close(Math.max(d.low(), -b) / scale, Double.parseDouble(m.group(6)), m.group());
                    close(d.high() / scale, Double.parseDouble(m.group(7)), m.group());
                }
            }
            n++;
        }
        return n;
    }

    private static void close(double expected, double shown, String what) {
        assertEquals(expected, shown, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    /** One metric per replication from a cell's summary.json (NaN where null, 0 where absent). */
    private static double[] values(Path summary, String metric) throws IOException {
        JsonNode reps = JSON.readTree(Files.readString(summary)).path("per_replication");
        double[] v = new double[reps.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode x = reps.get(i).path("metrics").path(metric);
            v[i] = x.isNull() ? Double.NaN : x.isMissingNode() ? 0 : x.asDouble();
        }
        return v;
    }
}
