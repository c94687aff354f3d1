package org.syncsim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.syncsim.metrics.Scalar;
import org.syncsim.report.design.BaseScenario;
import org.syncsim.report.design.CellResult;
import org.syncsim.report.design.ConfigInfo;
import org.syncsim.report.design.DesignAnalysis;
import org.syncsim.report.design.Effect;
import org.syncsim.report.design.FlawFinding;
import org.syncsim.report.Metrics;
import org.syncsim.report.stats.MeanCi;

/** The charts of {@code design-report.html}, drawn from a {@link DesignAnalysis}. */
public final class DesignCharts {
    /** The metrics of the improvement chart's panels. */
    public static final List<Scalar> IMPROVEMENT = List.of(Scalar.TIME_TO_SYNC_P50_S, Scalar.TIME_TO_SYNC_P95_S,
            Scalar.SENT_BYTES, Scalar.SENT_MESSAGES);
    /** At most this many base scenarios get a line in the roll-out chart. */
    public static final int ROLLOUT_LINES = 8;
    private static final Font SMALL = new Font("SansSerif", Font.PLAIN, 10);

    private DesignCharts() {
    }

    /** Every chart of the page, in page order; the roll-out chart only when the matrix has a roll-out. */
    public static List<ChartImage> all(DesignAnalysis a) {
        List<ChartImage> c = new ArrayList<>();
        c.add(improvement(a));
        c.add(pareto(a));
        if (rolloutConfigs(a).size() > 1) {
            c.add(rollout(a));
        }
        c.add(flaws(a));
        return c;
    }

    /** Per configuration, the relative change against the baseline on the focus scenario, with paired intervals. */
    public static ChartImage improvement(DesignAnalysis a) {
        String focus = a.input().focus();
        CombinedDomainCategoryPlot combined = Charts.sideBySide(2);
        for (Scalar m : IMPROVEMENT) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            List<double[]> intervals = new ArrayList<>();
            for (ConfigInfo c : a.compared()) {
                Effect e = a.effect(focus, c.id(), m.key());
                boolean has = e != null && e.hasValue() && Double.isFinite(e.relative());
                data.addValue(has ? 100 * e.relative() : null, "change", c.label());
                intervals.add(has && Double.isFinite(e.relativeLow())
                        ? new double[] {100 * e.relativeLow(), 100 * e.relativeHigh()} : null);
            }
            NumberAxis y = new NumberAxis(m.shortLabel() + ": change (%)");
            y.setLabelFont(SMALL);
            y.setTickLabelFont(SMALL);
            CategoryPlot p = new CategoryPlot(data, null, y, new Charts.WhiskerBarRenderer(intervals));
            p.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
            combined.add(p, 1);
        }
        String title = "Change against " + a.input().baseline() + " per configuration";
        return ChartRenderer.render("improvement", title, "On " + describe(a, focus) + ": the mean per-seed change"
                + " against " + a.input().baseline() + " as a share of its mean; whisker: paired 95 % confidence"
                + " interval. Left of 0 is better. No bar where the baseline's mean is 0 or no wait ended.",
                Charts.chart(title, combined, false), 1000, Math.max(260, 120 + 34 * a.compared().size()));
    }

    /** Time-to-sync p95 against bytes per configuration on the focus scenario, with the Pareto front. */
    public static ChartImage pareto(DesignAnalysis a) {
        String focus = a.input().focus();
        record Point(String label, double bytes, double p95) {
        }
        List<Point> points = new ArrayList<>();
        for (ConfigInfo c : a.input().configurations()) {
            CellResult cell = a.cell(focus, c.id());
            if (cell == null) {
                continue;
            }
            MeanCi b = MeanCi.of(Metrics.present(cell.values(Scalar.SENT_BYTES.key())));
            MeanCi t = MeanCi.of(Metrics.present(cell.values(Scalar.TIME_TO_SYNC_P95_S.key())));
            if (b.hasValue() && t.hasValue()) {
                points.add(new Point(c.label(), b.mean(), t.mean()));
            }
        }
        XYSeries all = new XYSeries("configuration");
        XYSeries front = new XYSeries("Pareto front", true);
        points.forEach(p -> all.add(p.bytes() / 1000, p.p95()));
        double best = Double.POSITIVE_INFINITY;
        for (Point p : points.stream().sorted(Comparator.comparingDouble(Point::bytes)
                .thenComparingDouble(Point::p95)).toList()) {
            if (p.p95() < best) {
                front.add(p.bytes() / 1000, p.p95());
                best = p.p95();
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(all);
        data.addSeries(front);
        XYLineAndShapeRenderer r = Charts.paretoRenderer();
        NumberAxis x = new NumberAxis("bytes sent per run (kB, mean)");
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = new NumberAxis("time to sync p95 (s, mean)");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, x, y, r);
        for (Point p : points) {
            XYTextAnnotation t = new XYTextAnnotation(" " + p.label(), p.bytes() / 1000, p.p95());
            t.setFont(SMALL);
            t.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(t);
        }
        String title = "Time to sync p95 against bytes";
        return ChartRenderer.render("pareto", title, "On " + describe(a, focus) + ": each configuration's mean bytes"
                + " per run and mean time-to-sync p95; the dashed line joins the configurations no other beats on"
                + " both (the Pareto front). Down and left is better.", Charts.chart(title, plot, true), 1000, 560);
    }

    /** Per base scenario, the change against the baseline as the share of plan members grows (0, roll-outs, 1). */
    public static ChartImage rollout(DesignAnalysis a) {
        List<ConfigInfo> steps = rolloutConfigs(a);
        NumberAxis share = new NumberAxis("share of the raid running plan");
        share.setRange(-0.02, 1.02);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(share);
        combined.setGap(14);
        List<BaseScenario> bases = a.input().bases().stream().limit(ROLLOUT_LINES).toList();
        for (Scalar m : List.of(Scalar.SENT_BYTES, Scalar.TIME_TO_SYNC_P95_S)) {
            XYSeriesCollection data = new XYSeriesCollection();
            for (BaseScenario b : bases) {
                XYSeries s = new XYSeries(b.eventLabel() + ", " + b.raidSize() + ", " + b.sheet() + ", " + b.network());
                for (ConfigInfo c : steps) {
                    Effect e = c.id().equals(a.input().baseline()) ? null : a.effect(b.id(), c.id(), m.key());
                    if (c.id().equals(a.input().baseline())) {
                        s.add(0.0, 0.0);
                    } else if (e != null && e.hasValue() && Double.isFinite(e.relative())) {
                        s.add(c.planShare().doubleValue(), 100 * e.relative());
                    }
                }
                data.addSeries(s);
            }
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
            for (int i = 0; i < bases.size(); i++) {
                r.setSeriesPaint(i, Charts.PALETTE[i % Charts.PALETTE.length]);
            }
            NumberAxis y = new NumberAxis(m.shortLabel() + ": change (%)");
            y.setLabelFont(SMALL);
            XYPlot p = new XYPlot(data, null, y, r);
            p.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
            combined.add(p, 1);
        }
        String title = "Roll-out: the share of plan members against the outcome";
        return ChartRenderer.render("rollout", title, "Change against " + a.input().baseline() + " (0 on the left) as"
                + " the share of members running plan grows to the whole raid (1); one line per base scenario"
                + (a.input().bases().size() > ROLLOUT_LINES ? " (the first " + ROLLOUT_LINES + ")" : "")
                + ". A bend below the straight line means half a roll-out already brings most of the gain.",
                Charts.chart(title, combined, true), 1000, 640);
    }

    /**
     * Per configuration, the share of its runs in which each group of spec §9 flaws was found
     * ({@link DesignAnalysis#flawRuns}): a bar that is there for the baseline and missing for a configuration is a
     * flaw that configuration removes.
     */
    public static ChartImage flaws(DesignAnalysis a) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<FlawFinding.Group> groups = a.flawGroups();
        for (ConfigInfo c : a.input().configurations()) {
            Map<FlawFinding.Group, Integer> runs = a.flawRuns(c.id());
            int total = a.flawRunsTotal(c.id());
            for (FlawFinding.Group g : groups) {
                data.addValue(total == 0 ? null : 100.0 * runs.getOrDefault(g, 0) / total, g.label(), c.label());
            }
        }
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.02);
        for (int i = 0; i < groups.size(); i++) {
            r.setSeriesPaint(i, Charts.PALETTE[i % Charts.PALETTE.length]);
        }
        CategoryAxis configs = new CategoryAxis(null);
        configs.setTickLabelFont(SMALL);
        NumberAxis y = new NumberAxis("runs in which it was found (%)");
        y.setRange(0, 100);
        CategoryPlot p = new CategoryPlot(data, configs, y, r);
        p.setOrientation(PlotOrientation.HORIZONTAL);
        String title = "Spec \u00a79 flaws found per configuration";
        return ChartRenderer.render("flaws", title, "Share of each configuration's runs (all base scenarios pooled)"
                + " in which each group of flaws was found: a Lua error naming its flaw, or a broken invariant (a"
                + " member never synced: convergence; a member claiming the newest version over other content:"
                + " silent-desync; a member going back to an older version: monotonic) with the flaws through which"
                + " head can break it. A group with a bar for " + a.input().baseline() + " and none for a"
                + " configuration is one it removes; the table below the charts counts the runs.",
                Charts.chart(title, p, true), 1000, Math.max(320, 140 + (22 + 12 * Math.max(1, groups.size()))
                        * a.input().configurations().size()));
    }

    /** The configurations of the roll-out chart: the baseline, the roll-outs and plan, by share of plan members. */
    static List<ConfigInfo> rolloutConfigs(DesignAnalysis a) {
        return a.input().configurations().stream()
                .filter(c -> c.id().equals(a.input().baseline()) || c.planShare() != null)
                .sorted(Comparator.comparingDouble(c -> c.id().equals(a.input().baseline()) ? 0 : c.planShare()))
                .toList();
    }

    private static String describe(DesignAnalysis a, String base) {
        return a.input().bases().stream().filter(b -> b.id().equals(base)).findFirst().map(BaseScenario::describe)
                .orElse(base);
    }
}
