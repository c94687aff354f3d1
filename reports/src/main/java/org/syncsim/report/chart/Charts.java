package org.syncsim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.syncsim.metrics.RunResult;
import org.syncsim.metrics.SyncEpisode;
import org.syncsim.metrics.TimeBucket;
import org.syncsim.protocol.wire.WireSpelling;
import org.syncsim.report.BudgetLine;
import org.syncsim.report.Metrics;
import org.syncsim.report.Replications;
import org.syncsim.report.ReportInput;
import org.syncsim.report.html.Html;
import org.syncsim.report.stats.MeanCi;

/** The report's charts, built from run results and rendered to SVG and PNG by {@link ChartRenderer}. */
public final class Charts {
    /** Colours of the series, in order (colour-blind friendly, Okabe–Ito). */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x999999), new Color(0x000000)};
    /**
     * One colour per wire command, by its place in the command table ({@code Command}), so a command has the same
     * colour in every report and comparison: Kenneth Kelly's 22 colours of maximum contrast (K. L. Kelly, "Twenty-two
     * colors for maximum contrast", Color Engineering 3(6), 1965; sRGB values as given by P. Green-Armytage, "A
     * colour alphabet and the limits of colour coding", Colour: Design &amp; Creativity 5, 2010), in Kelly's order,
     * so the first commands of the table, which a run sends most, get the most distinct colours. Kelly's white,
     * invisible on the white chart, is left out; Okabe–Ito's bluish green (0x009E73) takes its place last.
     */
    static final Color[] COMMAND_COLOURS = {
        new Color(0x222222), new Color(0xF3C300), new Color(0x875692), new Color(0xF38400), new Color(0xA1CAF1),
        new Color(0xBE0032), new Color(0xC2B280), new Color(0x848482), new Color(0x008856), new Color(0xE68FAC),
        new Color(0x0067A5), new Color(0xF99379), new Color(0x604E97), new Color(0xF6A600), new Color(0xB3446C),
        new Color(0xDCD300), new Color(0x882D17), new Color(0x8DB600), new Color(0x654522), new Color(0xE25822),
        new Color(0x2B3D26), new Color(0x009E73)};
    static final Map<String, Color> ROLE_COLOURS = Map.of(
            "leader", new Color(0xD55E00), "assistant", new Color(0xE69F00), "member", new Color(0x0072B2));
    private static final Color BAD = new Color(0xC0392B);
    private static final Font SMALL = new Font("SansSerif", Font.PLAIN, 10);
    private static final float[] DASHED = {6f, 3f};
    private static final float[] DOTTED = {2f, 3f};

    private Charts() {
    }

    // ---- time to sync ----

    /**
     * The pooled time-to-sync CDF, one step line per variant, as a fraction of every wait (ended or not), so a
     * variant whose members never get the data levels off low instead of reaching 1; markers at the p50 and p95
     * of the waits that ended.
     */
    public static ChartImage timeToSyncCdf(List<ReportInput> variants) {
        List<double[]> samples = new ArrayList<>();
        long[] waits = new long[variants.size()];
        for (int i = 0; i < variants.size(); i++) {
            samples.add(variants.get(i).replications().pooledTimeToSync());
            waits[i] = variants.get(i).replications().pooledWaitCount();
        }
        double longest = samples.stream().filter(s -> s.length > 0).mapToDouble(s -> s[s.length - 1]).max().orElse(0);
        XYSeriesCollection data = new XYSeriesCollection();
        for (int i = 0; i < variants.size(); i++) {
            double[] s = samples.get(i);
            XYSeries series = new XYSeries(variants.get(i).label() + " (" + s.length + " of " + waits[i]
                    + " waits ended)", true, true);
            if (waits[i] > 0) {
                series.add(start(samples), 0.0);
                for (int k = 0; k < s.length; k++) {
                    series.add(s[k], (k + 1) / (double) waits[i]);
                }
                if (longest > 0) { // carry the level on to the right edge, where the other variants end
                    series.add(longest, s.length / (double) waits[i]);
                }
            }
            data.addSeries(series);
        }
        NumberAxis x = new NumberAxis("time to sync (s)");
        double first = samples.stream().filter(s -> s.length > 0).mapToDouble(s -> s[0]).min().orElse(0);
        double start = cdfStart(first, longest);
        if (start > 0) { // every wait was late: start near the first one instead of wasting the width left of it
            x.setRange(start, longest + 0.05 * (longest - start));
        }
        NumberAxis y = new NumberAxis("fraction of all waits ended");
        y.setRange(0, 1.02);
        XYStepRenderer r = new XYStepRenderer();
        XYPlot plot = new XYPlot(data, x, y, r);
        for (int i = 0; i < variants.size(); i++) {
            Color c = PALETTE[i % PALETTE.length];
            r.setSeriesPaint(i, c);
            r.setSeriesStroke(i, new BasicStroke(2f));
            double[] s = samples.get(i);
            if (s.length == 0) {
                continue;
            }
            String tag = variants.size() > 1 ? " " + (i + 1) : "";
            double p50 = Metrics.percentile(s, 0.50);
            double p95 = Metrics.percentile(s, 0.95);
            // p50 labelled at the foot of its line, p95 at the top: close lines never put their labels on each other
            plot.addDomainMarker(marker(p50, longest, "pooled p50" + tag + " " + secs(p50), c, DASHED, i, false));
            plot.addDomainMarker(marker(p95, longest, "pooled p95" + tag + " " + secs(p95), c, DOTTED, i, true));
        }
        String title = "Time to sync: how long members waited for the new data";
        return ChartRenderer.render("time-to-sync-cdf", title,
                "Each step is one wait that ended, all replications pooled, as a fraction of every wait (ended,"
                        + " abandoned by leaving the group, or still open at the end): the curve levels off below 1"
                        + " by the share of waits that never ended. Dashed lines: median (p50) and 95th percentile"
                        + " of the waits that ended; the headline numbers instead average each replication's own"
                        + " percentiles, so they can differ.",
                chart(title, plot, true), 900, 420);
    }

    /**
     * Where the CDF's time axis starts: 0, unless the first wait ended after a fifth of the longest, when it starts
     * a little before the first wait (a 40 s storm whose waits all end between 38 and 40 s would otherwise draw its
     * curve in the right 5 % of the width).
     */
    static double cdfStart(double first, double longest) {
        if (longest <= 0 || first < 0.2 * longest) {
            return 0;
        }
        double span = Math.max(longest - first, 0.01 * longest);
        return Math.max(0, first - 0.1 * span);
    }

    private static double start(List<double[]> samples) {
        double first = samples.stream().filter(s -> s.length > 0).mapToDouble(s -> s[0]).min().orElse(0);
        double longest = samples.stream().filter(s -> s.length > 0).mapToDouble(s -> s[s.length - 1]).max()
                .orElse(0);
        return cdfStart(first, longest);
    }

    /**
     * A vertical line at {@code x} labelled at its foot, or at its top when {@code top}; the label sits left of the
     * line when the line is in the right quarter of an axis ending near {@code axisEnd}, where a label to the right
     * would be clipped.
     */
    private static ValueMarker marker(double x, double axisEnd, String label, Color c, float[] dash, int index,
            boolean top) {
        ValueMarker m = new ValueMarker(x, c, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, dash, 0f));
        m.setLabel(label);
        m.setLabelFont(SMALL);
        m.setLabelPaint(c);
        boolean nearEnd = x > 0.75 * axisEnd;
        if (top) {
            m.setLabelAnchor(nearEnd ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(nearEnd ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(8 + 12 * index, 2, 4, 2));
        } else {
            m.setLabelAnchor(nearEnd ? RectangleAnchor.BOTTOM_LEFT : RectangleAnchor.BOTTOM_RIGHT);
            m.setLabelTextAnchor(nearEnd ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
            m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4, 2, 8 + 12 * index, 2));
        }
        return m;
    }

    // ---- bytes over time ----

    /**
     * Bytes sent per second over time, stacked by command (mean over replications) as one bar per bucket (a burst
     * within one bucket stays in that bucket instead of a triangle over three), in B/s, kB/s or MB/s as the peak
     * needs, with the throttle budgets that apply drawn as horizontal lines. A budget far above the traffic (more
     * than three times the peak) would squash the bars into a sliver: the caption names it instead of drawing it.
     */
    public static ChartImage bytesOverTime(ReportInput in) {
        Replications reps = in.replications();
        java.util.SortedSet<String> commands = reps.commands();
        int buckets = reps.buckets();
        double width = reps.first().bucketMicros() / 1e6;
        double[] stacked = new double[buckets];
        for (String c : commands) {
            for (int b = 0; b < buckets; b++) {
                stacked[b] += meanBytes(reps, c, b) / width;
            }
        }
        double peak = java.util.Arrays.stream(stacked).max().orElse(0);
        ByteRate unit = ByteRate.of(peak);
        DefaultTableXYDataset data = new DefaultTableXYDataset();
        data.setIntervalPositionFactor(0.0); // bucket [t, t + width) drawn from t to t + width
        data.setIntervalWidth(width);
        for (String c : commands) {
            XYSeries s = new XYSeries(c, true, false);
            for (int b = 0; b < buckets; b++) {
                s.add(b * width, meanBytes(reps, c, b) / width / unit.factor());
            }
            data.addSeries(s);
        }
        NumberAxis x = timeAxis(reps);
        NumberAxis y = new NumberAxis("sent per second, all clients (" + unit.label() + ")");
        StackedXYBarRenderer r = new StackedXYBarRenderer(0.0);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        XYPlot plot = new XYPlot(data, x, y, r);
        int i = 0;
        for (String c : commands) {
            r.setSeriesPaint(i++, commandColour(c));
        }
        int k = 0;
        List<String> drawn = new ArrayList<>();
        List<String> offScale = new ArrayList<>();
        double top = peak;
        for (BudgetLine bl : in.budgets()) {
            if (peak > 0 && bl.bytesPerSecond() > 3 * peak) {
                offScale.add(bl.label());
                continue;
            }
            drawn.add(bl.label());
            top = Math.max(top, bl.bytesPerSecond());
            ValueMarker m = new ValueMarker(bl.bytesPerSecond() / unit.factor(), BAD, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {8f, 4f}, 0f));
            m.setLabel(bl.label());
            m.setLabelFont(SMALL);
            m.setLabelPaint(BAD);
            m.setLabelAnchor(k % 2 == 0 ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(k % 2 == 0 ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(m);
            k++;
        }
        if (top > 0) { // a drawn budget above the bars is inside the axis, not cut off
            y.setRange(0, 1.08 * top / unit.factor());
        }
        String warmUp = "";
        if (in.warmUpMicros() > 0) {
            double end = in.warmUpMicros() / 1e6;
            IntervalMarker band = new IntervalMarker(0, end, new Color(0, 0, 0, 22));
            band.setLabel("warm-up");
            band.setLabelFont(SMALL);
            band.setLabelAnchor(RectangleAnchor.TOP);
            band.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            plot.addDomainMarker(band, org.jfree.chart.ui.Layer.BACKGROUND);
            warmUp = " Grey band: the warm-up (run.warm-up, " + secs(end) + "), drawn but not counted in the totals"
                    + " and tables.";
        }
        String title = "Bytes sent over time, by command";
        return ChartRenderer.render("bytes-over-time", title,
                "Mean over " + reps.size() + " replication(s), in " + secs(width) + " buckets." + budgetCaption(drawn,
                        offScale, unit) + warmUp,
                chart(title, plot, true), 900, 420);
    }

    /** The caption's sentence on throttle budgets, naming only the lines that are drawn. */
    static String budgetCaption(List<String> drawn, List<String> offScale, ByteRate unit) {
        StringBuilder b = new StringBuilder();
        if (!drawn.isEmpty()) {
            b.append(drawn.size() == 1 ? " Red dashed line: the throttle budget " : " Red dashed lines: the throttle"
                    + " budgets ").append(String.join("; ", drawn))
                    .append(" (a per-client budget applies to each sender alone).");
        }
        if (!offScale.isEmpty()) {
            b.append(" Not drawn, far above the traffic: ").append(String.join("; ", offScale)).append('.');
        }
        return b.toString();
    }

    private static double meanBytes(Replications reps, String command, int bucket) {
        return reps.bucketBytes(command, bucket) / reps.size();
    }

    /** A unit for a byte rate axis, chosen so the peak reads in at most three digits before the point. */
    record ByteRate(double factor, String label) {
        static ByteRate of(double peakBytesPerSecond) {
            if (peakBytesPerSecond >= 1e6) {
                return new ByteRate(1e6, "MB/s");
            }
            if (peakBytesPerSecond >= 1e3) {
                return new ByteRate(1e3, "kB/s");
            }
            return new ByteRate(1, "B/s");
        }
    }

    // ---- per-client bytes ----

    /** Bytes sent and received per client (mean over replications), coloured by role. */
    public static ChartImage perClientBytes(ReportInput in) {
        Replications reps = in.replications();
        int n = reps.clientCount();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> roles = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            Replications.ClientTotals t = reps.client(c);
            data.addValue(t.sentBytes() / reps.size(), "sent", t.name());
            data.addValue(t.receivedBytes() / reps.size(), "received", t.name());
            roles.add(in.role(c));
        }
        CategoryPlot plot = pairsByRole(data, roles, "bytes (mean per replication)", "sent", "received");
        String title = "Bytes sent and received per client";
        return ChartRenderer.render("per-client-bytes", title,
                "Dark bar: bytes the client sent; light bar: bytes it received from others. Colour: role.",
                chart(title, plot, true), 1000, 440);
    }

    /**
     * Two bars per client (series 0 dark, series 1 light) in the colour of the client's role, with a legend of the
     * roles present.
     */
    private static CategoryPlot pairsByRole(DefaultCategoryDataset data, List<String> roles, String yLabel,
            String dark, String light) {
        BarRenderer r = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                Color base = ROLE_COLOURS.getOrDefault(roles.get(column), PALETTE[7]);
                return row == 0 ? base : lighter(base);
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.0);
        CategoryAxis x = new CategoryAxis("client");
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        x.setTickLabelFont(SMALL);
        x.setCategoryMargin(0.15);
        CategoryPlot plot = new CategoryPlot(data, x, new NumberAxis(yLabel), r);
        LegendItemCollection legend = new LegendItemCollection();
        for (String role : List.of("leader", "assistant", "member")) {
            if (roles.contains(role)) {
                legend.add(new LegendItem(role + ": " + dark, ROLE_COLOURS.get(role)));
                legend.add(new LegendItem(role + ": " + light, lighter(ROLE_COLOURS.get(role))));
            }
        }
        plot.setFixedLegendItems(legend);
        return plot;
    }

    /**
     * Each client's longest freeze (the most Lua CPU charged in one of its frames; worst over replications) with its
     * mean total Lua CPU per replication beside it, coloured by role.
     */
    public static ChartImage worstFreeze(ReportInput in) {
        Replications reps = in.replications();
        int n = reps.clientCount();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> roles = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            Replications.ClientTotals t = reps.client(c);
            data.addValue(t.worstFrameCpuMicros() / 1e3, "longest freeze", t.name());
            data.addValue(t.cpuMicros() / reps.size() / 1e3, "Lua CPU in the run", t.name());
            roles.add(in.role(c));
        }
        CategoryPlot plot = pairsByRole(data, roles, "ms of Lua CPU", "longest freeze", "Lua CPU in the run");
        String title = "Longest freeze per client";
        return ChartRenderer.render("worst-freeze", title,
                "Dark bar: the most Lua CPU charged within one frame of the client (worst replication): the game "
                        + "froze that long. Light bar: its Lua CPU over the run (mean). Costs per byte from "
                        + "protocol.cpu (docs/protocol.md, \"Client CPU\").",
                chart(title, plot, true), 1000, 440);
    }

    static Color lighter(Color c) {
        return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3, (c.getBlue() + 2 * 255) / 3);
    }

    // ---- sync timeline ----

    /**
     * The waits of one replication ({@code r}, replication number {@code replication}) as horizontal bars per client (Gantt-like), with the first request and the
     * first message received during each wait marked; an unfinished wait runs to the end of the run in red.
     */
    public static ChartImage syncTimeline(RunResult r, int replication) {
        TreeSet<Integer> ids = new TreeSet<>();
        r.episodes().forEach(e -> ids.add(e.client()));
        List<Integer> rows = new ArrayList<>(ids);
        String[] names = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            names[i] = r.clients().get(rows.get(i)).name();
        }
        XYIntervalSeries done = new XYIntervalSeries("waiting, then synced");
        XYIntervalSeries open = new XYIntervalSeries("waiting, never synced (or left)");
        XYSeries requests = new XYSeries("first request", false, true);
        XYSeries firsts = new XYSeries("first message received", false, true);
        double end = r.virtualTimeMicros() / 1e6;
        for (SyncEpisode e : r.episodes()) {
            double y = rows.indexOf(e.client());
            double s = e.startMicros() / 1e6;
            if (e.completed()) {
                double t = e.endMicros() / 1e6;
                done.add(s, s, t, y, y - 0.35, y + 0.35);
            } else {
                open.add(s, s, end, y, y - 0.35, y + 0.35);
            }
            if (e.requestMicros() >= 0) {
                requests.add(e.requestMicros() / 1e6, y);
            }
            if (e.firstMessageMicros() >= 0) {
                firsts.add(e.firstMessageMicros() / 1e6, y);
            }
        }
        XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
        bars.addSeries(done);
        bars.addSeries(open);
        XYBarRenderer br = new XYBarRenderer();
        br.setUseYInterval(true);
        br.setBarPainter(new StandardXYBarPainter());
        br.setShadowVisible(false);
        br.setSeriesPaint(0, PALETTE[4]);
        br.setSeriesPaint(1, BAD);
        SymbolAxis y = new SymbolAxis("client", names);
        y.setTickLabelFont(SMALL);
        y.setGridBandsVisible(false);
        NumberAxis x = new NumberAxis("time (s)");
        XYPlot plot = new XYPlot(bars, x, y, br);
        XYSeriesCollection points = new XYSeriesCollection();
        points.addSeries(requests);
        points.addSeries(firsts);
        // markers over the bars (JFreeChart draws the last dataset first by default, which hid them under a bar),
        // filled and outlined in white so they stand out on a bar of any colour, even when it is the only one
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        XYLineAndShapeRenderer pr = new XYLineAndShapeRenderer(false, true);
        pr.setUseOutlinePaint(true);
        pr.setDrawOutlines(true);
        pr.setDefaultOutlinePaint(Color.WHITE);
        pr.setAutoPopulateSeriesOutlinePaint(false);
        pr.setDefaultOutlineStroke(new BasicStroke(1.5f));
        pr.setAutoPopulateSeriesOutlineStroke(false);
        pr.setSeriesPaint(0, PALETTE[5]);
        pr.setSeriesShape(0, new Rectangle2D.Double(-4.5, -4.5, 9, 9));
        pr.setSeriesPaint(1, Color.BLACK);
        pr.setSeriesShape(1, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        plot.setDataset(1, points);
        plot.setRenderer(1, pr);
        if (!rows.isEmpty()) { // one row per client, half a row of room around: a single bar does not fill the plot
            y.setRange(-0.6, rows.size() - 0.4);
        }
        String title = "Sync timeline per client (replication " + replication + ")";
        int height = Math.max(260, 90 + 14 * rows.size());
        return ChartRenderer.render("sync-timeline", title,
                (rows.isEmpty() ? "Nobody had to wait for data in this replication."
                        : "One bar per wait, from when newer data existed (or the member joined) to when it held"
                                + " it. Square: first request sent; dot: first message received while waiting.")
                        + " Replication " + replication + " ran on seed " + r.seed() + ".",
                chart(title, plot, true), 1000, height);
    }

    // ---- progress ----

    /**
     * Every client's progress toward the newest data over one replication ({@code r}, replication number
     * {@code replication}), as a thin grey step line each, with the
     * mean and the lowest over all clients and the share of clients holding the newest complete data on top: with 40
     * clients the grey lines merge into a band and the coloured lines carry the reading.
     */
    public static ChartImage progress(RunResult r, int replication) {
        double width = r.bucketMicros() / 1e6;
        int clients = r.clients().size();
        XYSeries mean = new XYSeries("mean over clients", true, false);
        XYSeries min = new XYSeries("lowest client", true, false);
        XYSeries complete = new XYSeries("share of clients with the newest complete data", true, false);
        for (int b = 0; b < r.timeline().size(); b++) {
            TimeBucket t = r.timeline().get(b);
            if (b == 0) { // the lines start at 0 with the first bucket's end, which is the start in almost every run
                mean.add(0, t.progressMean());
                min.add(0, t.progressMin());
                complete.add(0, clients == 0 ? 0 : t.membersComplete() / (double) clients);
            }
            double end = (b + 1) * width;
            mean.add(end, t.progressMean());
            min.add(end, t.progressMin());
            complete.add(end, clients == 0 ? 0 : t.membersComplete() / (double) clients);
        }
        XYSeriesCollection each = new XYSeriesCollection();
        XYSeries[] perClient = new XYSeries[clients];
        for (int c = 0; c < clients; c++) {
            perClient[c] = new XYSeries(r.clients().get(c).name(), true, false);
            each.addSeries(perClient[c]);
        }
        double[] last = new double[clients];
        for (var p : r.progress()) {
            if (p.bucketStartMicros() == 0) {
                perClient[p.client()].add(0, p.progress());
            }
            perClient[p.client()].add(p.bucketStartMicros() / 1e6 + width, p.progress());
            last[p.client()] = p.progress();
        }
        double runEnd = r.timeline().size() * width;
        for (int c = 0; c < clients; c++) {
            perClient[c].addOrUpdate(runEnd, last[c]);
        }
        XYSeriesCollection aggregates = new XYSeriesCollection();
        aggregates.addSeries(mean);
        aggregates.addSeries(min);
        aggregates.addSeries(complete);
        NumberAxis y = new NumberAxis("progress (fraction of the newest data held)");
        y.setRange(0, 1.02);
        XYStepRenderer ar = new XYStepRenderer();
        ar.setSeriesPaint(0, PALETTE[0]);
        ar.setSeriesStroke(0, new BasicStroke(2.5f));
        ar.setSeriesPaint(1, BAD);
        ar.setSeriesStroke(1, new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, DASHED, 0f));
        ar.setSeriesPaint(2, PALETTE[2]);
        ar.setSeriesStroke(2, new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, DOTTED, 0f));
        XYPlot plot = new XYPlot(aggregates, timeAxis(Replications.of(List.of(r))), y, ar);
        XYStepRenderer cr = new XYStepRenderer();
        cr.setDefaultPaint(new Color(0, 0, 0, 60));
        cr.setAutoPopulateSeriesPaint(false);
        cr.setDefaultStroke(new BasicStroke(0.8f));
        cr.setAutoPopulateSeriesStroke(false);
        plot.setDataset(1, each);
        plot.setRenderer(1, cr);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("each client", null, null, null, new java.awt.geom.Line2D.Double(-7, 0, 7, 0),
                new BasicStroke(1f), new Color(0, 0, 0, 90)));
        for (int i = 0; i < aggregates.getSeriesCount(); i++) {
            legend.add(new LegendItem(aggregates.getSeriesKey(i).toString(), null, null, null,
                    new java.awt.geom.Line2D.Double(-7, 0, 7, 0), ar.getSeriesStroke(i), ar.getSeriesPaint(i)));
        }
        plot.setFixedLegendItems(legend);
        String title = "Progress per client (replication " + replication + ")";
        return ChartRenderer.render("progress", title,
                "A client's progress is the share of the newest data it holds: of the newest sheet's sections and"
                        + " its structure, those whose stored copy equals the newest one, over sections + 1; exactly"
                        + " 1 when it holds the newest complete data. Grey: each of the " + clients + " clients;"
                        + " values at the end of each " + secs(width) + " bucket. A client falls when newer data"
                        + " appears elsewhere or a push overwrites what it held. Replication " + replication + " ran on"
                        + " seed " + r.seed() + ".",
                chart(title, plot, true), 1000, 420);
    }

    // ---- throttle queue ----

    /**
     * Whether anything waited in a client throttle or the server disconnected anyone in any replication: without
     * either the throttle-queue chart would be two flat zero lines, and the report leaves it out.
     */
    public static boolean anyThrottling(ReportInput in) {
        return in.replications().anyThrottling();
    }

    /**
     * Throttle backlog over time (largest total queue depth per bucket, and the longest wait of a message sent
     * in it; mean over replications) with server disconnects marked.
     */
    public static ChartImage throttleQueue(ReportInput in) {
        Replications reps = in.replications();
        int buckets = reps.buckets();
        double width = reps.first().bucketMicros() / 1e6;
        XYSeries depth = new XYSeries("queued messages (all clients)", true, false);
        XYSeries delay = new XYSeries("longest queue delay (s)", true, false);
        long[] disconnects = new long[buckets];
        for (int b = 0; b < buckets; b++) {
            disconnects[b] = reps.bucketDisconnects(b);
            depth.add(b * width, reps.bucketQueuedMessages(b) / reps.size());
            delay.add(b * width, reps.bucketQueueDelaySeconds(b) / reps.size());
        }
        XYLineAndShapeRenderer r0 = new XYLineAndShapeRenderer(true, false);
        r0.setSeriesPaint(0, PALETTE[0]);
        r0.setSeriesStroke(0, new BasicStroke(2f));
        NumberAxis left = new NumberAxis("queued messages");
        left.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        left.setAutoRangeMinimumSize(1);
        left.setRangeType(org.jfree.data.RangeType.POSITIVE);
        XYPlot plot = new XYPlot(new XYSeriesCollection(depth), timeAxis(reps), left, r0);
        NumberAxis right = new NumberAxis("queue delay (s)");
        right.setAutoRangeMinimumSize(0.1);
        right.setRangeType(org.jfree.data.RangeType.POSITIVE);
        plot.setRangeAxis(1, right);
        plot.setDataset(1, new XYSeriesCollection(delay));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer r1 = new XYLineAndShapeRenderer(true, false);
        r1.setSeriesPaint(0, PALETTE[1]);
        r1.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(1, r1);
        long total = 0;
        for (long d : disconnects) {
            total += d;
        }
        boolean labelled = false;
        for (int b = 0; b < buckets; b++) {
            if (disconnects[b] > 0) {
                ValueMarker m = new ValueMarker(b * width, BAD, new BasicStroke(1.5f));
                if (!labelled) {
                    m.setLabel("server disconnects (" + total + " in all replications)");
                    m.setLabelFont(SMALL);
                    m.setLabelPaint(BAD);
                    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                    m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                    labelled = true;
                }
                plot.addDomainMarker(m);
            }
        }
        String title = "Throttle queues and server disconnects";
        return ChartRenderer.render("throttle-queue", title,
                "Mean over " + reps.size() + " replication(s) of the largest backlog in each " + secs(width)
                        + " bucket. Red lines: buckets with server disconnects (" + total + " over all"
                        + " replications).",
                chart(title, plot, true), 900, 380);
    }

    // ---- comparison bars ----

    /**
     * One panel per metric side by side, the variants as horizontal bars sharing one axis: each variant's mean
     * with its 95 % confidence interval as whiskers.
     */
    public static ChartImage headlineBars(List<ReportInput> variants, Map<String, String> metrics) {
        CombinedDomainCategoryPlot combined = sideBySide(3);
        for (Map.Entry<String, String> m : metrics.entrySet()) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            List<double[]> intervals = new ArrayList<>();
            for (ReportInput v : variants) {
                MeanCi ci = MeanCi.of(Metrics.values(v.replications(), m.getKey()));
                if (ci.hasValue()) {
                    data.addValue(ci.mean(), "mean", v.label());
                    intervals.add(ci.low() == null ? null : new double[] {ci.low(), ci.high()});
                } else { // no bar, rather than a bar at 0 (a time to sync where no wait ended)
                    data.addValue(null, "mean", v.label());
                    intervals.add(null);
                }
            }
            WhiskerBarRenderer r = new WhiskerBarRenderer(intervals);
            NumberAxis y = new NumberAxis(m.getValue());
            // every compared metric is a count, a time or bytes: its axis starts at 0, never below
            y.setRangeType(org.jfree.data.RangeType.POSITIVE);
            y.setLabelFont(SMALL);
            y.setTickLabelFont(SMALL);
            CategoryPlot p = new CategoryPlot(data, null, y, r);
            p.setBackgroundPaint(Color.WHITE);
            p.setRangeGridlinePaint(new Color(0xDDDDDD));
            combined.add(p, 1);
        }
        String title = "Headline metrics per variant";
        int h = Math.max(220, 110 + 46 * variants.size());
        return ChartRenderer.render("headline-metrics", title,
                "Bar: mean over replications; whisker: 95 % confidence interval of the mean. A time to sync has no"
                        + " bar where no wait ended in any replication (the tables show a dash).",
                chart(title, combined, false), Math.max(900, 190 * metrics.size()), h);
    }

    /**
     * An empty chart of panels side by side sharing one category axis of horizontal bars (a variant or
     * configuration per bar), labels wrapped to at most {@code labelLines} lines; add one panel per metric.
     */
    static CombinedDomainCategoryPlot sideBySide(int labelLines) {
        CategoryAxis categories = new CategoryAxis(null);
        categories.setTickLabelFont(SMALL);
        categories.setMaximumCategoryLabelLines(labelLines);
        CombinedDomainCategoryPlot combined = new CombinedDomainCategoryPlot(categories);
        combined.setOrientation(PlotOrientation.HORIZONTAL);
        combined.setGap(12);
        return combined;
    }

    /**
     * Horizontal bars, one per variant in its palette colour (lightened), each with a whisker from the low to the
     * high end of its interval: a bootstrap interval need not be symmetric around the mean, so the whisker is drawn
     * from its two ends, not as the mean ± a half-width.
     */
    static final class WhiskerBarRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;
        private final transient List<double[]> intervals;

        WhiskerBarRenderer(List<double[]> intervals) {
            this.intervals = intervals;
            setBarPainter(new StandardBarPainter());
            setShadowVisible(false);
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            return lighter(PALETTE[column % PALETTE.length]);
        }

        @Override
        public org.jfree.data.Range findRangeBounds(org.jfree.data.category.CategoryDataset dataset) {
            org.jfree.data.Range r = super.findRangeBounds(dataset);
            for (double[] ci : intervals) { // the whiskers fit on the axis too
                if (ci != null) {
                    r = org.jfree.data.Range.expandToInclude(org.jfree.data.Range.expandToInclude(r, ci[0]), ci[1]);
                }
            }
            return r;
        }

        @Override
        public void drawItem(java.awt.Graphics2D g2, org.jfree.chart.renderer.category.CategoryItemRendererState state,
                Rectangle2D dataArea, CategoryPlot plot, CategoryAxis domainAxis,
                org.jfree.chart.axis.ValueAxis rangeAxis, org.jfree.data.category.CategoryDataset dataset, int row,
                int column, int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            double[] ci = column < intervals.size() ? intervals.get(column) : null;
            if (pass != 0 || ci == null) {
                return;
            }
            double mid = domainAxis.getCategoryMiddle(column, dataset.getColumnCount(), dataArea,
                    plot.getDomainAxisEdge());
            double lo = rangeAxis.valueToJava2D(ci[0], dataArea, plot.getRangeAxisEdge());
            double hi = rangeAxis.valueToJava2D(ci[1], dataArea, plot.getRangeAxisEdge());
            double cap = state.getBarWidth() / 4;
            g2.setPaint(Color.BLACK);
            g2.setStroke(new BasicStroke(1.5f));
            g2.draw(new java.awt.geom.Line2D.Double(lo, mid, hi, mid));
            g2.draw(new java.awt.geom.Line2D.Double(lo, mid - cap, lo, mid + cap));
            g2.draw(new java.awt.geom.Line2D.Double(hi, mid - cap, hi, mid + cap));
        }
    }

    /**
     * The colour of a wire command (a token of any profile). Other names the metrics count (a chunk piece such
     * as {@code SRES:CHUNKED}, a rogue client's {@code ROGUE}) take a colour from the name's hash, also the same
     * in every report.
     */
    static Color commandColour(String token) {
        int i = WireSpelling.plan().command(token).or(() -> WireSpelling.seed().command(token)).map(Enum::ordinal)
                .orElse(Math.floorMod(token.hashCode(), COMMAND_COLOURS.length));
        return COMMAND_COLOURS[i % COMMAND_COLOURS.length];
    }

    // ---- helpers ----

    /**
     * A time axis from 0 to a little after the last bucket in which anything was sent, queued or disconnected
     * (a run that ends at a fixed time limit would otherwise squeeze its activity into a sliver).
     */
    static NumberAxis timeAxis(Replications reps) {
        double width = reps.first().bucketMicros() / 1e6;
        int last = reps.lastActiveBucket();
        int buckets = reps.buckets();
        double end = buckets * width;
        double active = (last + 1) * width;
        NumberAxis x = new NumberAxis("time (s)");
        x.setRange(0, Math.min(end, Math.max(active + Math.max(5 * width, 0.1 * active), 10 * width)));
        return x;
    }

    /** For a Pareto chart: series 0 the candidates as dots, series 1 the front as a dashed line. */
    static XYLineAndShapeRenderer paretoRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, false);
        r.setSeriesPaint(0, PALETTE[0]);
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(1, PALETTE[5]);
        r.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, DASHED, 0f));
        return r;
    }

    static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, boolean legend) {
        JFreeChart c = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 14), plot, legend);
        c.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xDDDDDD));
            xy.setRangeGridlinePaint(new Color(0xDDDDDD));
        } else if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(new Color(0xDDDDDD));
        }
        return c;
    }

    static String secs(double s) {
        return Html.seconds(s);
    }
}
