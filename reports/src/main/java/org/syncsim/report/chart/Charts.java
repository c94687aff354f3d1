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
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.syncsim.metrics.ClientResult;
import org.syncsim.metrics.CommandCounts;
import org.syncsim.metrics.RunResult;
import org.syncsim.metrics.SyncEpisode;
import org.syncsim.metrics.TimeBucket;
import org.syncsim.protocol.wire.WireSpelling;
import org.syncsim.report.BudgetLine;
import org.syncsim.report.Metrics;
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
     * colour in every report and comparison: the palette above, then darker and lighter shades of it.
     */
    private static final Color[] COMMAND_COLOURS = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7), new Color(0x56B4E9),
        new Color(0xD55E00), new Color(0xF0E442), new Color(0x999999), new Color(0x004C77), new Color(0xA36F00),
        new Color(0x006B4F), new Color(0x8F4F76), new Color(0x2F7FAE), new Color(0x943F00), new Color(0xB8AD00),
        new Color(0x555555), new Color(0x9ECAE9), new Color(0xFFD27F), new Color(0x7FD3B9), new Color(0xE5B8D3),
        new Color(0x6A3D9A), new Color(0xB2DF8A), new Color(0xFB9A99)};
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
        int[] waits = new int[variants.size()];
        for (int i = 0; i < variants.size(); i++) {
            samples.add(Metrics.pooledTimeToSync(variants.get(i).replications()));
            waits[i] = Metrics.pooledWaitCount(variants.get(i).replications());
        }
        double longest = samples.stream().filter(s -> s.length > 0).mapToDouble(s -> s[s.length - 1]).max().orElse(0);
        XYSeriesCollection data = new XYSeriesCollection();
        for (int i = 0; i < variants.size(); i++) {
            double[] s = samples.get(i);
            XYSeries series = new XYSeries(variants.get(i).label() + " (" + s.length + " of " + waits[i]
                    + " waits ended)", true, true);
            if (waits[i] > 0) {
                series.add(0.0, 0.0);
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
            plot.addDomainMarker(marker(p50, longest, "pooled p50" + tag + " " + secs(p50), c, DASHED, i));
            plot.addDomainMarker(marker(p95, longest, "pooled p95" + tag + " " + secs(p95), c, DOTTED, i));
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
     * A vertical line at {@code x} labelled at its foot; the label sits left of the line when the line is in the
     * right quarter of an axis ending near {@code axisEnd}, where a label to the right would be clipped.
     */
    private static ValueMarker marker(double x, double axisEnd, String label, Color c, float[] dash, int index) {
        ValueMarker m = new ValueMarker(x, c, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, dash, 0f));
        m.setLabel(label);
        m.setLabelFont(SMALL);
        m.setLabelPaint(c);
        boolean nearEnd = x > 0.75 * axisEnd;
        m.setLabelAnchor(nearEnd ? RectangleAnchor.BOTTOM_LEFT : RectangleAnchor.BOTTOM_RIGHT);
        m.setLabelTextAnchor(nearEnd ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
        m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4, 2, 8 + 12 * index, 2));
        return m;
    }

    // ---- bytes over time ----

    /**
     * Bytes sent per second over time, stacked by command (mean over replications), with the throttle budgets
     * that apply drawn as horizontal lines.
     */
    public static ChartImage bytesOverTime(ReportInput in) {
        List<RunResult> reps = in.replications();
        TreeSet<String> commands = new TreeSet<>();
        int buckets = 0;
        for (RunResult r : reps) {
            commands.addAll(r.commands());
            buckets = Math.max(buckets, r.timeline().size());
        }
        double width = reps.get(0).bucketMicros() / 1e6;
        DefaultTableXYDataset data = new DefaultTableXYDataset();
        for (String c : commands) {
            XYSeries s = new XYSeries(c, true, false);
            for (int b = 0; b < buckets; b++) {
                double sum = 0;
                for (RunResult r : reps) {
                    if (b < r.timeline().size()) {
                        sum += r.timeline().get(b).sentByCommand().getOrDefault(c, CommandCounts.ZERO).sentBytes();
                    }
                }
                s.add(b * width, sum / reps.size() / width);
            }
            data.addSeries(s);
        }
        NumberAxis x = timeAxis(reps);
        NumberAxis y = new NumberAxis("bytes sent per second (all clients)");
        StackedXYAreaRenderer2 r = new StackedXYAreaRenderer2();
        XYPlot plot = new XYPlot(data, x, y, r);
        int i = 0;
        for (String c : commands) {
            r.setSeriesPaint(i++, commandColour(c));
        }
        int k = 0;
        for (BudgetLine bl : in.budgets()) {
            ValueMarker m = new ValueMarker(bl.bytesPerSecond(), BAD, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {8f, 4f}, 0f));
            m.setLabel(bl.label());
            m.setLabelFont(SMALL);
            m.setLabelPaint(BAD);
            m.setLabelAnchor(k % 2 == 0 ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(k % 2 == 0 ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(m);
            k++;
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
                "Mean over " + reps.size() + " replication(s), in " + secs(width) + " buckets. Red dashed lines are"
                        + " throttle budgets; a per-client budget applies to each sender alone." + warmUp,
                chart(title, plot, true), 900, 420);
    }

    // ---- per-client bytes ----

    /** Bytes sent and received per client (mean over replications), coloured by role. */
    public static ChartImage perClientBytes(ReportInput in) {
        List<RunResult> reps = in.replications();
        int n = reps.get(0).clients().size();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> roles = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            double sent = 0;
            double recv = 0;
            for (RunResult r : reps) {
                ClientResult cr = r.clients().get(c);
                sent += cr.sentBytes();
                recv += cr.receivedBytes();
            }
            String name = reps.get(0).clients().get(c).name();
            data.addValue(sent / reps.size(), "sent", name);
            data.addValue(recv / reps.size(), "received", name);
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
        List<RunResult> reps = in.replications();
        int n = reps.get(0).clients().size();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> roles = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            long worst = 0;
            double total = 0;
            for (RunResult r : reps) {
                ClientResult cr = r.clients().get(c);
                worst = Math.max(worst, cr.worstFrameCpuMicros());
                total += cr.cpuMicros();
            }
            String name = reps.get(0).clients().get(c).name();
            data.addValue(worst / 1e3, "longest freeze", name);
            data.addValue(total / reps.size() / 1e3, "Lua CPU in the run", name);
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
     * The waits of one replication as horizontal bars per client (Gantt-like), with the first request and the
     * first message received during each wait marked; an unfinished wait runs to the end of the run in red.
     */
    public static ChartImage syncTimeline(ReportInput in, int replication) {
        RunResult r = in.replications().get(replication);
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
        XYLineAndShapeRenderer pr = new XYLineAndShapeRenderer(false, true);
        pr.setSeriesPaint(0, PALETTE[5]);
        pr.setSeriesShape(0, new Rectangle2D.Double(-3, -3, 6, 6));
        pr.setSeriesPaint(1, Color.BLACK);
        pr.setSeriesShape(1, new Ellipse2D.Double(-3, -3, 6, 6));
        plot.setDataset(1, points);
        plot.setRenderer(1, pr);
        String title = "Sync timeline per client (replication " + replication + ", seed " + r.seed() + ")";
        int height = Math.max(260, 90 + 14 * rows.size());
        return ChartRenderer.render("sync-timeline", title,
                rows.isEmpty() ? "Nobody had to wait for data in this replication."
                        : "One bar per wait, from when newer data existed (or the member joined) to when it held"
                                + " it. Square: first request sent; dot: first message received while waiting.",
                chart(title, plot, true), 1000, height);
    }

    // ---- progress ----

    /**
     * Every client's progress toward the newest data over one replication, as a thin grey step line each, with the
     * mean and the lowest over all clients and the share of clients holding the newest complete data on top: with 40
     * clients the grey lines merge into a band and the coloured lines carry the reading.
     */
    public static ChartImage progress(ReportInput in, int replication) {
        RunResult r = in.replications().get(replication);
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
        XYPlot plot = new XYPlot(aggregates, timeAxis(List.of(r)), y, ar);
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
        String title = "Progress per client (replication " + replication + ", seed " + r.seed() + ")";
        return ChartRenderer.render("progress", title,
                "A client's progress is the share of the newest data it holds: of the newest sheet's sections and"
                        + " its structure, those whose stored copy equals the newest one, over sections + 1; exactly"
                        + " 1 when it holds the newest complete data. Grey: each of the " + clients + " clients;"
                        + " values at the end of each " + secs(width) + " bucket. A client falls when newer data"
                        + " appears elsewhere or a push overwrites what it held.",
                chart(title, plot, true), 1000, 420);
    }

    // ---- throttle queue ----

    /**
     * Throttle backlog over time (largest total queue depth per bucket, and the longest wait of a message sent
     * in it; mean over replications) with server disconnects marked.
     */
    public static ChartImage throttleQueue(ReportInput in) {
        List<RunResult> reps = in.replications();
        int buckets = reps.stream().mapToInt(r -> r.timeline().size()).max().orElse(0);
        double width = reps.get(0).bucketMicros() / 1e6;
        XYSeries depth = new XYSeries("queued messages (all clients)", true, false);
        XYSeries delay = new XYSeries("longest queue delay (s)", true, false);
        long[] disconnects = new long[buckets];
        for (int b = 0; b < buckets; b++) {
            double d = 0;
            double q = 0;
            for (RunResult r : reps) {
                if (b < r.timeline().size()) {
                    TimeBucket t = r.timeline().get(b);
                    d += t.maxQueuedMessages();
                    q += t.maxQueueDelayMicros() / 1e6;
                    disconnects[b] += t.disconnects();
                }
            }
            depth.add(b * width, d / reps.size());
            delay.add(b * width, q / reps.size());
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
                        + " replications). Flat zero lines mean nothing waited in a throttle.",
                chart(title, plot, true), 900, 380);
    }

    // ---- comparison bars ----

    /**
     * One panel per metric side by side, the variants as horizontal bars sharing one axis: each variant's mean
     * with its 95 % confidence interval as whiskers.
     */
    public static ChartImage headlineBars(List<ReportInput> variants, Map<String, String> metrics) {
        CategoryAxis variantsAxis = new CategoryAxis(null);
        variantsAxis.setTickLabelFont(SMALL);
        variantsAxis.setMaximumCategoryLabelLines(3);
        CombinedDomainCategoryPlot combined = new CombinedDomainCategoryPlot(variantsAxis);
        combined.setOrientation(PlotOrientation.HORIZONTAL);
        combined.setGap(12);
        for (Map.Entry<String, String> m : metrics.entrySet()) {
            DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
            for (ReportInput v : variants) {
                MeanCi ci = MeanCi.of(Metrics.values(v.replications(), m.getKey()));
                if (ci.hasValue()) {
                    data.add(ci.mean(), ci.halfWidth(), "mean", v.label());
                } else { // no bar, rather than a bar at 0 (a time to sync where no wait ended)
                    data.add((Number) null, null, "mean", v.label());
                }
            }
            StatisticalBarRenderer r = new StatisticalBarRenderer() {
                @Override
                public Paint getItemPaint(int row, int column) {
                    return lighter(PALETTE[column % PALETTE.length]);
                }
            };
            r.setBarPainter(new StandardBarPainter());
            r.setShadowVisible(false);
            r.setErrorIndicatorPaint(Color.BLACK);
            r.setErrorIndicatorStroke(new BasicStroke(1.5f));
            NumberAxis y = new NumberAxis(m.getValue());
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
    static NumberAxis timeAxis(List<RunResult> reps) {
        double width = reps.get(0).bucketMicros() / 1e6;
        int last = 0;
        int buckets = 0;
        for (RunResult r : reps) {
            buckets = Math.max(buckets, r.timeline().size());
            for (int b = 0; b < r.timeline().size(); b++) {
                TimeBucket t = r.timeline().get(b);
                if (!t.sentByCommand().isEmpty() || t.maxQueuedMessages() > 0 || t.disconnects() > 0) {
                    last = Math.max(last, b);
                }
            }
        }
        double end = buckets * width;
        double active = (last + 1) * width;
        NumberAxis x = new NumberAxis("time (s)");
        x.setRange(0, Math.min(end, Math.max(active + Math.max(5 * width, 0.1 * active), 10 * width)));
        return x;
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
