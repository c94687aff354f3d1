package org.syncsim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.syncsim.report.ConstructedStorm;
import org.syncsim.report.Findings;
import org.syncsim.report.OneWait;
import org.syncsim.report.ReportInput;
import org.syncsim.report.ReportWriter;

/** What a reader sees in the charts (issue 13): each case the issue named, read back from the drawn chart. */
class ChartReadingTest {
    private static JFreeChart drawn(ChartImage image) {
        assertTrue(image.svg().contains("<svg"));
        return ChartRenderer.LAST.get();
    }

    @Test
    void cdfLabelsOfCloseP50AndP95SitAtOppositeEndsOfTheirLines() {
        JFreeChart c = drawn(Charts.timeToSyncCdf(List.of(OneWait.input("a", 40.0, 40.1, 40.2, 40.3))));
        List<ValueMarker> markers = new ArrayList<>();
        for (Object m : ((XYPlot) c.getPlot()).getDomainMarkers(Layer.FOREGROUND)) {
            markers.add((ValueMarker) m);
        }
        ValueMarker p50 = markers.stream().filter(m -> m.getLabel().startsWith("pooled p50")).findFirst().orElseThrow();
        ValueMarker p95 = markers.stream().filter(m -> m.getLabel().startsWith("pooled p95")).findFirst().orElseThrow();
        assertTrue(Math.abs(p95.getValue() - p50.getValue()) < 1, "the lines are close");
        assertTrue(p50.getLabelAnchor().toString().contains("BOTTOM"), "p50 labelled at the foot");
        assertTrue(p95.getLabelAnchor().toString().contains("TOP"), "p95 labelled at the top: no overlap");
    }

    @Test
    void cdfAxisStartsNearTheFirstWaitWhenEveryWaitIsLate() {
        JFreeChart late = drawn(Charts.timeToSyncCdf(List.of(OneWait.input("a", 38.0, 39.0, 40.0))));
        ValueAxis x = ((XYPlot) late.getPlot()).getDomainAxis();
        assertTrue(x.getLowerBound() > 30 && x.getLowerBound() <= 38, "starts near 38 s: " + x.getRange());
        assertTrue(x.getUpperBound() >= 40);
        JFreeChart early = drawn(Charts.timeToSyncCdf(List.of(OneWait.input("a", 1.0, 20.0, 40.0))));
        assertEquals(0.0, ((XYPlot) early.getPlot()).getDomainAxis().getLowerBound(), 1e-9);
    }

    @Test
    void bytesOverTimeDrawsEachBucketAsOneStackedBarInKilobytes() {
        ReportInput in = ConstructedStorm.input(3, "storm", "");
        ChartImage image = Charts.bytesOverTime(in);
        XYPlot plot = (XYPlot) drawn(image).getPlot();
        assertInstanceOf(StackedXYBarRenderer.class, plot.getRenderer(), "bars, not areas interpolated over buckets");
        IntervalXYDataset d = (IntervalXYDataset) plot.getDataset();
        double width = in.replications().first().bucketMicros() / 1e6;
        assertEquals(d.getXValue(0, 1), d.getStartXValue(0, 1), 1e-9, "a bucket's bar starts at its start");
        assertEquals(d.getXValue(0, 1) + width, d.getEndXValue(0, 1), 1e-9, "and ends at its end");
        String label = plot.getRangeAxis().getLabel();
        assertTrue(label.endsWith("(kB/s)") || label.endsWith("(B/s)") || label.endsWith("(MB/s)"), label);
        assertEquals(new Charts.ByteRate(1e3, "kB/s"), Charts.ByteRate.of(836_200));
        assertEquals(new Charts.ByteRate(1e6, "MB/s"), Charts.ByteRate.of(2_300_000));
        assertEquals(new Charts.ByteRate(1, "B/s"), Charts.ByteRate.of(420));
    }

    @Test
    void bytesCaptionNamesOnlyTheBudgetLinesDrawn() {
        Charts.ByteRate kb = Charts.ByteRate.of(5000);
        assertEquals("", Charts.budgetCaption(List.of(), List.of(), kb), "no budget, no red line named");
        String one = Charts.budgetCaption(List.of("server limit 2000 B/s per client"), List.of("ChatThrottleLib 800"
                + " B/s per client"), kb);
        assertTrue(one.contains("Red dashed line: the throttle budget server limit"), one);
        assertTrue(one.contains("Not drawn, far above the traffic: ChatThrottleLib"), one);
        ReportInput quiet = OneWait.input("a", 3.0);
        assertFalse(Charts.bytesOverTime(quiet).caption().contains("Red dashed"), "OneWait has no budget");
    }

    @Test
    void syncTimelineTitleHasNoSeedAndItsMarkersAreDrawnOverASingleBar() {
        ReportInput in = OneWait.input("a", 3.0);
        ChartImage image = Charts.syncTimeline(in.replications().first(), 0);
        XYPlot plot = (XYPlot) drawn(image).getPlot();
        assertFalse(image.title().contains("seed"), image.title());
        assertTrue(image.caption().contains("seed " + in.replications().first().seed()), "the seed is in the caption");
        assertEquals(DatasetRenderingOrder.FORWARD, plot.getDatasetRenderingOrder(), "markers over the bars");
        assertTrue(plot.getRangeAxis().getLowerBound() < -0.4 && plot.getRangeAxis().getUpperBound() > 0.4,
                "a single bar leaves room around it");
        assertFalse(Charts.progress(in.replications().first(), 0).title().contains("seed"));
    }

    @Test
    void throttleQueueChartIsLeftOutWhenNothingThrottled() {
        ReportInput quiet = OneWait.input("a", 3.0, 4.0);
        assertFalse(Charts.anyThrottling(quiet));
        List<ChartImage> charts = ReportWriter.runCharts(quiet);
        assertEquals(6, charts.size());
        assertTrue(charts.stream().noneMatch(c -> c.id().equals("throttle-queue")));
    }

    @Test
    void comparisonAxesNeverStartBelowZero() {
        // skewed times: Student's t put the p50 whisker, and so the axis, below zero
        ReportInput a = OneWait.input("a", 0.2, 0.3, 15.0);
        ReportInput b = OneWait.input("b", 0.1, 0.2, 0.3);
        JFreeChart c = drawn(Charts.headlineBars(List.of(a, b), Map.of("time_to_sync_p50_s", "p50 (s)")));
        for (Object p : ((CombinedDomainCategoryPlot) c.getPlot()).getSubplots()) {
            assertTrue(((CategoryPlot) p).getRangeAxis().getLowerBound() >= 0, "axis from 0");
            assertTrue(((CategoryPlot) p).getRangeAxis().getUpperBound() >= 15 / 3.0, "the bar fits");
        }
    }

    @Test
    void headlineSaysOneWaitNotOneWaits() {
        String h = Findings.headline(OneWait.input("a", 3.0));
        assertTrue(h.contains("1 wait per run took"), h);
        assertFalse(h.contains("1 waits"), h);
        assertTrue(Findings.headline(ConstructedStorm.input(2, "storm", "")).contains("waits per run"));
    }
}
