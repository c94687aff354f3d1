package org.syncsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncsim.report.stats.MeanCi;
import org.w3c.dom.Document;

class RunReportTest {
    private static final int REPS = 5;
    private static final Pattern METRIC = Pattern.compile(
            "<td data-metric=\"([^\"]+)\" data-value=\"([^\"]+)\">([^<]*)</td><td(?: data-low=\"([^\"]+)\" data-high=\"([^\"]+)\")?");
    private static final Pattern FIGURE = Pattern.compile(
            "<figure class=\"chart\" id=\"chart-([a-z-]+)\"><img alt=\"[^\"]*\" src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\">");

    @TempDir
    Path dir;

    private String render() throws Exception {
        ReportInput in = ConstructedStorm.input(REPS, "constructed-storm", "Forty <members> & one leader");
        Path page = ReportWriter.writeRunReport(dir, in, "test");
        return Files.readString(page, StandardCharsets.UTF_8);
    }

    @Test
    void everyChartIsEmbeddedAsNonEmptyValidSvgAndWrittenAsPngAndSvg() throws Exception {
        String html = render();
        Map<String, String> svgs = new HashMap<>();
        Matcher m = FIGURE.matcher(html);
        while (m.find()) {
            svgs.put(m.group(1), new String(Base64.getDecoder().decode(m.group(2)), StandardCharsets.UTF_8));
        }
        assertEquals(List.of("bytes-over-time", "per-client-bytes", "worst-freeze", "sync-timeline", "progress",
                "throttle-queue", "time-to-sync-cdf").stream().sorted().toList(),
                svgs.keySet().stream().sorted().toList());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        for (Map.Entry<String, String> e : svgs.entrySet()) {
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(
                    e.getValue().getBytes(StandardCharsets.UTF_8)));
            assertEquals("svg", doc.getDocumentElement().getLocalName(), e.getKey());
            int shapes = 0;
            for (String tag : List.of("path", "line", "rect", "polyline", "polygon", "circle", "ellipse")) {
                shapes += doc.getElementsByTagNameNS("*", tag).getLength();
            }
            assertTrue(shapes > 40, e.getKey() + " draws data, not just a frame: " + shapes + " shapes");
            assertTrue(e.getValue().contains("<text") || e.getValue().contains("<g"), e.getKey());
            Path png = dir.resolve("charts").resolve(e.getKey() + ".png");
            var img = ImageIO.read(png.toFile());
            assertTrue(img.getWidth() >= 800 && img.getHeight() >= 200, e.getKey() + " png size");
            assertEquals(e.getValue(), Files.readString(dir.resolve("charts").resolve(e.getKey() + ".svg")));
        }
        assertEquals(svgs.keySet().stream().sorted().toList(), ReportWriter.RUN_CHART_IDS.stream().sorted().toList(),
                "the charts a rerun deletes are the charts a report writes");
        assertFalse(html.contains("http://") && html.contains("src=\"http"), "no external resources");
        assertFalse(Pattern.compile("(src|href)=\"(?!data:)").matcher(html).find(), "only data URIs");
    }

    @Test
    void headlineNumbersEqualTheConstructedStormsNumbersWithBootstrapIntervalsInTheirRange() throws Exception {
        String html = render();
        Map<String, double[]> shown = new HashMap<>();
        Matcher m = METRIC.matcher(html);
        while (m.find()) {
            double low = m.group(4) == null ? Double.NaN : Double.parseDouble(m.group(4));
            double high = m.group(5) == null ? Double.NaN : Double.parseDouble(m.group(5));
            shown.put(m.group(1), new double[] {Double.parseDouble(m.group(2)), low, high});
        }
        // p50 of the 38 waits of replication r: nearest rank 19 -> member 19: 1 + 1.9 + 0.2 r; mean over r = 3.3 s
        assertEquals(3.3, shown.get("time_to_sync_p50_s")[0], 1e-9);
        // p95: rank ceil(0.95 * 38) = 37 -> member 37: 4.7 + 0.2 r; mean 5.1 s
        assertEquals(5.1, shown.get("time_to_sync_p95_s")[0], 1e-9);
        assertEquals(1.0, shown.get("waiting_at_end")[0]);
        assertEquals(38.0, shown.get("sync_episodes")[0]);
        double[] bytes = new double[REPS];
        for (int r = 0; r < REPS; r++) {
            bytes[r] = 39 * ConstructedStorm.BSREQ_BYTES + 38 * ConstructedStorm.BSEC_BYTES
                    + r * ConstructedStorm.VER_BYTES;
        }
        double mean = java.util.Arrays.stream(bytes).average().orElseThrow();
        MeanCi expected = MeanCi.of(bytes);
        assertEquals(mean, shown.get("sent_bytes")[0], 1e-9);
        assertEquals(expected.low(), shown.get("sent_bytes")[1]);
        assertEquals(expected.high(), shown.get("sent_bytes")[2]);
        assertTrue(expected.low() >= bytes[0] && expected.high() <= bytes[REPS - 1], "within the values");
        assertEquals(0.2, shown.get("server_disconnects")[0], 1e-12);
        assertEquals(0.2, shown.get("aborted_handlers")[0], 1e-12);
        // one replication in five with an aborted handler: the interval of a count never goes below zero
        assertTrue(shown.get("aborted_handlers")[1] >= 0, "a count's interval is never negative");
        for (Map.Entry<String, double[]> e : shown.entrySet()) {
            assertTrue(Double.isNaN(e.getValue()[1]) || e.getValue()[1] >= 0, e.getKey() + " low end below zero");
        }
        assertTrue(html.contains("39 of 40 members held the newest data at the end"), "headline in plain words");
        assertTrue(html.contains(">3.30 s<"), "median shown rounded as people read it");
    }

    @Test
    void abnormalThingsAreNamedAtTheTopInPlainWords() throws Exception {
        String html = render();
        int verdict = html.indexOf("id=\"verdict\"");
        int charts = html.indexOf("id=\"charts\"");
        assertTrue(verdict > 0 && verdict < charts, "the verdict comes before the charts");
        String top = html.substring(verdict, charts);
        assertTrue(top.contains("In 5 of 5 replications, 5 members in total never got the newest data: Raider40 (5\u00d7)"),
                top);
        assertTrue(top.contains("Handlers aborted with a Lua error 1 time"), top);
        assertTrue(top.contains("The server disconnected clients for sending too fast: 1 disconnect in 1 of 5"
                + " replications (Leader (1\u00d7))"), top);
        assertTrue(top.contains("class=\"bad\""), top);
    }

    @Test
    void everythingFromInputIsEscaped() throws Exception {
        String html = render();
        assertFalse(html.contains("<script>alert"), "scenario text is escaped");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"));
        assertTrue(html.contains("Forty &lt;members&gt; &amp; one leader"));
        assertEquals(1, html.split("<script>", -1).length - 1, "only the page's own script");
    }

    @Test
    void theScenarioIsCollapsedAndTheClientTableHasEveryClient() throws Exception {
        String html = render();
        assertTrue(Pattern.compile("<details><summary>Scenario \\(resolved YAML\\)</summary>\\s*<pre>name: constructed-storm")
                .matcher(html).find());
        String table = html.substring(html.indexOf("<table id=\"client-table\""));
        table = table.substring(0, table.indexOf("</table>"));
        assertEquals(ConstructedStorm.CLIENTS, table.split("<tr", -1).length - 2, "header row + one row per client");
        assertTrue(table.contains("<td class=\"t\">Raider40</td><td class=\"t\">member</td><td data-value=\"0.0\">0 of 5</td>"));
    }

    @Test
    void aRunWhereNoWaitEndedDoesNotClaimNobodyWaited() throws Exception {
        ReportInput in = OneWait.input("s", (Double) null);
        String h = Findings.headline(in);
        assertTrue(h.startsWith("1 of 2 members held the newest data at the end; no member's wait for the new data"
                + " ended."), h);
        String page = Files.readString(ReportWriter.writeRunReport(dir, in, "test"), StandardCharsets.UTF_8);
        assertTrue(page.contains("id=\"card-no-wait\""), "the cards say no wait ended");
        assertFalse(page.contains("<div class=\"v\" data-metric=\"time_to_sync_p50_s\""),
                "no 0.00 s time-to-sync card, which would read as an instant sync");
    }

    @Test
    void theBytesChartMarksTheWarmUpThatTheTotalsLeaveOut() {
        ReportInput plain = ConstructedStorm.input(2, "storm", "");
        ReportInput warm = new ReportInput(plain.scenario(), plain.label(), plain.description(), plain.scenarioYaml(),
                plain.seed(), plain.overrides(), plain.roster(), plain.budgets(), plain.replications(), 5_000_000);
        var without = org.syncsim.report.chart.Charts.bytesOverTime(plain);
        var with = org.syncsim.report.chart.Charts.bytesOverTime(warm);
        assertFalse(without.caption().contains("warm-up"), without.caption());
        assertTrue(with.caption().contains("Grey band: the warm-up (run.warm-up, 5.00 s), drawn but not counted"),
                with.caption());
        assertTrue(with.svg().contains(">warm-up<"), "the band is labelled in the chart");
        assertEquals(5_000_000, warm.withLabel("x").warmUpMicros(), "a comparison label keeps the warm-up");
    }

    @Test
    void theProgressChartDrawsEveryClientWithTheMeanTheLowestAndTheShareComplete() {
        var chart = org.syncsim.report.chart.Charts.progress(ConstructedStorm.replication(1, 1001), 1);
        assertEquals("progress", chart.id());
        assertTrue(chart.title().contains("replication 1"), chart.title());
        assertTrue(chart.caption().contains("ran on seed 1001"), "the seed, out of the title, in the caption");
        assertTrue(chart.caption().contains("Grey: each of the 40 clients"), chart.caption());
        for (String legend : List.of("each client", "mean over clients", "lowest client",
                "share of clients with the newest complete data")) {
            assertTrue(chart.svg().contains(">" + legend + "<"), legend);
        }
        var last = ConstructedStorm.replication(1, 1001).timeline().get(19);
        assertEquals((39 + 0.5) / 40, last.progressMean(), 1e-12, "member 39 holds half at the end");
        assertEquals(0.5, last.progressMin());
        assertEquals(39, last.membersComplete());
    }

    @Test
    void timeToSyncAveragesOnlyTheReplicationsWhereAWaitEnded() throws Exception {
        ReportInput in = OneWait.input("s", 4.0, null, 6.0);
        assertEquals(5.0, in.aggregate().get("time_to_sync_p50_s").mean(), 1e-9, "(4 + 6) / 2, not (4 + 0 + 6) / 3");
        String h = Findings.headline(in);
        assertTrue(h.contains("5.00 s at the median"), h);
        assertTrue(h.contains("in the 2 of 3 replications where a wait ended"), h);
        String page = Files.readString(ReportWriter.writeRunReport(dir, in, "test"), StandardCharsets.UTF_8);
        assertTrue(page.contains("data-metric=\"time_to_sync_p50_s\" data-value=\"5.0\">5.00 s"), "the card");
        assertTrue(page.contains("over the 2 of 3 replications where a wait ended"));
        String cdf = Files.readString(dir.resolve("charts").resolve("time-to-sync-cdf.svg"));
        assertTrue(cdf.contains("(2 of 3 waits ended)"), "the CDF counts the wait that never ended");
    }

    @Test
    void noReplicationWithAnEndedWaitShowsDashesNotZeros() throws Exception {
        ReportInput in = OneWait.input("s", null, null);
        String page = Files.readString(ReportWriter.writeRunReport(dir, in, "test"), StandardCharsets.UTF_8);
        String row = page.substring(page.indexOf("<td data-metric=\"time_to_sync_max_s\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains(">\u2013</td>"), row);
        assertFalse(row.contains("0.00 s"), row);
    }

    @Test
    void aMemberOfflineWithOldDataIsNotReportedAsHoldingTheNewest() {
        org.syncsim.metrics.RunRecorder rec = new org.syncsim.metrics.RunRecorder(List.of("L", "M"), 1_000_000);
        rec.initialData(0, 1);
        rec.initialData(1, 1);
        rec.memberJoined(0, 0);
        rec.memberJoined(0, 1);
        rec.memberLeft(500_000, 1); // M goes offline, then L imports
        rec.dataImported(1_000_000, 0, 2);
        ReportInput in = new ReportInput("s", "s", "", "", 1, List.of(), List.of(new ClientInfo("L", "leader"),
                new ClientInfo("M", "member")), List.of(), List.of(rec.result(1, 30_000_000, 0, "limit")));
        assertEquals(0, in.replications().first().waitingAtEnd(), "out of the group: not waiting");
        assertTrue(Findings.headline(in).startsWith("1 of 2 members held the newest data at the end"),
                Findings.headline(in));
        List<Findings.Finding> f = Findings.abnormal(in);
        assertTrue(f.stream().noneMatch(x -> x.severity() == Findings.Severity.GOOD), f.toString());
        assertTrue(f.stream().anyMatch(x -> x.text().contains("ended out of the group (offline, left or never"
                + " joined) holding older data: M.")), f.toString());
    }

    @Test
    void aMemberBothWaitingAndDesyncedIsCountedOnceNotTwice() {
        org.syncsim.metrics.RunRecorder rec = new org.syncsim.metrics.RunRecorder(List.of("L", "M", "N"), 1_000_000);
        for (int c = 0; c < 3; c++) {
            rec.initialData(c, 1);
            rec.memberJoined(0, c);
        }
        rec.dataImported(1_000_000, 0, 2);
        rec.clientSynced(2_000_000, 2, 2);
        rec.desyncedAtEnd(1); // M never reported the new data (waiting) and holds wrong content (desynced)
        ReportInput in = new ReportInput("s", "s", "", "", 1, List.of(), List.of(new ClientInfo("L", "leader"),
                new ClientInfo("M", "member"), new ClientInfo("N", "member")), List.of(),
                List.of(rec.result(1, 5_000_000, 0, "time")));
        assertEquals(1, in.replications().first().waitingAtEnd());
        assertEquals(1, in.replications().first().desyncedAtEnd());
        assertEquals(2.0, Findings.heldNewest(in.replications()), "L and N hold the newest data, M does not");
        String h = Findings.headline(in);
        assertTrue(h.startsWith("2 of 3 members held the newest data at the end"), h);
    }

    @Test
    void aComparisonPageEmbedsValidChartsAndPairedDifferences() throws Exception {
        ReportInput a = ConstructedStorm.input(3, "A", "");
        ReportInput b = ConstructedStorm.input(3, "B", "");
        String html = Files.readString(ReportWriter.writeComparison(dir,
                new org.syncsim.report.compare.Comparison(List.of(a, b)), "test"));
        Matcher m = FIGURE.matcher(html);
        int charts = 0;
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        while (m.find()) {
            charts++;
            f.newDocumentBuilder().parse(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(2))));
        }
        assertEquals(2, charts, "headline bars and the CDF");
        assertTrue(html.contains("data-diff-variant=\"1\" data-metric=\"sent_bytes\" data-value=\"0.0\""),
                "identical variants differ by zero");
        assertTrue(html.contains("Every variant ran the baseline's 3 seeds"));
    }
}
