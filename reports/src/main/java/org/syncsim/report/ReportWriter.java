package org.syncsim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.syncsim.metrics.Scalar;
import org.syncsim.report.chart.ChartImage;
import org.syncsim.report.chart.Charts;
import org.syncsim.report.compare.Comparison;
import org.syncsim.report.html.ComparisonPage;
import org.syncsim.report.html.RunReportPage;

/**
 * Writes reports: {@code report.html} (or {@code comparison.html}), self-contained, plus every chart as PNG and
 * SVG under {@code charts/}. Files are written to a temporary name and renamed into place.
 */
public final class ReportWriter {
    public static final String REPORT = "report.html";
    public static final String COMPARISON = "comparison.html";
    public static final String CHARTS = "charts";
    public static final String DESIGN_REPORT = "design-report.html";
    public static final String SWEEP = "sweep.html";

    /** The metrics of a comparison's bar chart, with their axis labels. */
    public static final Map<String, String> COMPARISON_METRICS = RunReportPage.labels(Scalar::shortLabel,
            Scalar.TIME_TO_SYNC_P50_S, Scalar.TIME_TO_SYNC_P95_S, Scalar.SENT_BYTES, Scalar.SENT_MESSAGES,
            Scalar.WAITING_AT_END, Scalar.SERVER_DISCONNECTS);

    private ReportWriter() {
    }

    /**
     * The charts of a run report, in page order; the throttle-queue chart only when some message waited in a
     * throttle or the server disconnected someone ({@link Charts#anyThrottling}), so six or seven charts.
     */
    public static List<ChartImage> runCharts(ReportInput in) {
        List<ChartImage> c = new ArrayList<>();
        c.add(Charts.timeToSyncCdf(List.of(in)));
        c.add(Charts.bytesOverTime(in));
        c.add(Charts.perClientBytes(in));
        c.add(Charts.worstFreeze(in));
        c.add(Charts.syncTimeline(in.replications().first(), 0)); // the first replication is the one kept whole
        c.add(Charts.progress(in.replications().first(), 0));
        if (Charts.anyThrottling(in)) {
            c.add(Charts.throttleQueue(in));
        }
        return c;
    }

    /** The charts of a comparison, in page order. */
    public static List<ChartImage> comparisonCharts(Comparison cmp) {
        List<ChartImage> c = new ArrayList<>();
        c.add(Charts.headlineBars(cmp.variants(), COMPARISON_METRICS));
        c.add(Charts.timeToSyncCdf(cmp.variants()));
        return c;
    }

    /** Writes {@code dir/report.html} and its charts; returns the report's path. */
    public static Path writeRunReport(Path dir, ReportInput in, String generator) throws IOException {
        List<ChartImage> charts = runCharts(in);
        writeCharts(dir, charts);
        for (String id : RUN_CHART_IDS) { // a chart left out this time (throttle-queue) must not stay from before
            if (charts.stream().noneMatch(c -> c.id().equals(id))) {
                Files.deleteIfExists(dir.resolve(CHARTS).resolve(id + ".png"));
                Files.deleteIfExists(dir.resolve(CHARTS).resolve(id + ".svg"));
            }
        }
        Path page = dir.resolve(REPORT);
        write(page, RunReportPage.render(in, charts, generator).getBytes(StandardCharsets.UTF_8));
        return page;
    }

    /** Writes {@code dir/comparison.html} and its charts; returns the page's path. */
    public static Path writeComparison(Path dir, Comparison cmp, String generator) throws IOException {
        List<ChartImage> charts = comparisonCharts(cmp);
        writeCharts(dir, charts);
        Path page = dir.resolve(COMPARISON);
        write(page, ComparisonPage.render(cmp, charts, generator).getBytes(StandardCharsets.UTF_8));
        return page;
    }

    /** Writes {@code dir/design-report.html} and its charts; returns the page's path. */
    public static Path writeDesignReport(Path dir, org.syncsim.report.design.DesignAnalysis a, String generator)
            throws IOException {
        List<ChartImage> charts = org.syncsim.report.chart.DesignCharts.all(a);
        writeCharts(dir, charts);
        Path page = dir.resolve(DESIGN_REPORT);
        write(page, org.syncsim.report.html.DesignPage.render(a, charts, generator).getBytes(StandardCharsets.UTF_8));
        return page;
    }

    /** Writes {@code dir/sweep.html} and its charts; returns the page's path. */
    public static Path writeSweep(Path dir, org.syncsim.report.sweep.SweepAnalysis a, String generator)
            throws IOException {
        List<ChartImage> charts = org.syncsim.report.chart.SweepCharts.all(a);
        writeCharts(dir, charts);
        Path page = dir.resolve(SWEEP);
        write(page, org.syncsim.report.html.SweepPage.render(a, charts, generator).getBytes(StandardCharsets.UTF_8));
        return page;
    }

    private static void writeCharts(Path dir, List<ChartImage> charts) throws IOException {
        Path d = dir.resolve(CHARTS);
        Files.createDirectories(d);
        for (ChartImage c : charts) {
            write(d.resolve(c.id() + ".svg"), c.svg().getBytes(StandardCharsets.UTF_8));
            write(d.resolve(c.id() + ".png"), c.png());
        }
    }

    /** The names (without extension) of the charts {@link #runCharts} writes under {@code charts/}. */
    public static final List<String> RUN_CHART_IDS = List.of("time-to-sync-cdf", "bytes-over-time",
            "per-client-bytes", "worst-freeze", "sync-timeline", "progress", "throttle-queue");

    private static void write(Path file, byte[] bytes) throws IOException {
        AtomicFiles.write(file, bytes);
    }
}
