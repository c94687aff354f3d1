package org.syncsim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.syncsim.metrics.Scalar;
import org.syncsim.report.html.Html;
import org.syncsim.report.stats.MeanCi;
import org.syncsim.report.sweep.PointResult;
import org.syncsim.report.sweep.SweepAnalysis;
import org.syncsim.report.sweep.Values;

/** The charts of a sweep's page: metrics against one parameter, a heat map over two, and the Pareto front. */
public final class SweepCharts {
    /** The metrics drawn against each parameter and over the heat map. */
    public static final List<Scalar> METRICS = List.of(Scalar.TIME_TO_SYNC_P95_S, Scalar.SENT_BYTES);
    /** Lines one chart draws at most (one per combination of the other grid parameters). */
    static final int MAX_LINES = 8;
    /** Parameters drawn against at most, in the file's order. */
    static final int MAX_PARAMETER_CHARTS = 6;

    private SweepCharts() {
    }

    /** Every chart of the page, in page order. */
    public static List<ChartImage> all(SweepAnalysis a) {
        List<ChartImage> out = new ArrayList<>();
        List<String> numeric = a.numericParameters().stream().filter(k -> a.distinctValues(k) > 1).toList();
        numeric.stream().limit(MAX_PARAMETER_CHARTS).forEach(k -> out.add(against(a, k)));
        if (numeric.size() >= 2) {
            out.add(heatMap(a, numeric.get(0), numeric.get(1), METRICS.get(0)));
        }
        out.add(pareto(a));
        return out;
    }

    /**
     * Each metric of {@link #METRICS} against parameter {@code key}: a grid parameter as lines with their 95 %
     * interval band, one line per combination of the other grid parameters; a sampled one as points with whiskers.
     */
    public static ChartImage against(SweepAnalysis a, String key) {
        boolean sampled = a.input().sampled().contains(key);
        List<String> others = a.input().parameters().stream()
                .filter(k -> !k.equals(key) && !a.input().sampled().contains(k) && a.distinctValues(k) > 1).toList();
        Map<String, List<PointResult>> lines = new LinkedHashMap<>();
        for (PointResult p : a.input().points()) {
            String label = others.isEmpty() ? key : String.join(", ", others.stream()
                    .map(k -> k + "=" + p.values().get(k)).toList());
            lines.computeIfAbsent(label, x -> new ArrayList<>()).add(p);
        }
        ValueAxis x = axis(key, a.input().points().stream().mapToDouble(p -> Values.numeric(p.values().get(key)))
                .toArray());
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.setGap(12);
        for (Scalar m : METRICS) {
            NumberAxis y = new NumberAxis(m.shortLabel() + (m == Scalar.SENT_BYTES ? " (kB)" : ""));
            y.setAutoRangeIncludesZero(true);
            double scale = m == Scalar.SENT_BYTES ? 1e-3 : 1;
            XYPlot plot;
            if (sampled) {
                XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
                XYIntervalSeries s = new XYIntervalSeries(m.shortLabel());
                for (PointResult p : a.input().points()) {
                    MeanCi c = a.stat(p, m.key());
                    if (c.hasValue()) {
                        double v = Values.numeric(p.values().get(key));
                        s.add(v, v, v, c.mean() * scale, low(c) * scale, high(c) * scale);
                    }
                }
                data.addSeries(s);
                XYErrorRenderer r = new XYErrorRenderer();
                r.setDrawXError(false);
                r.setSeriesLinesVisible(0, false);
                r.setSeriesPaint(0, Charts.PALETTE[0]);
                plot = new XYPlot(data, null, y, r);
            } else {
                YIntervalSeriesCollection data = new YIntervalSeriesCollection();
                int i = 0;
                for (Map.Entry<String, List<PointResult>> e : lines.entrySet()) {
                    if (i++ == MAX_LINES) {
                        break;
                    }
                    YIntervalSeries s = new YIntervalSeries(e.getKey());
                    for (PointResult p : e.getValue()) {
                        MeanCi c = a.stat(p, m.key());
                        if (c.hasValue()) {
                            s.add(Values.numeric(p.values().get(key)), c.mean() * scale, low(c) * scale,
                                    high(c) * scale);
                        }
                    }
                    data.addSeries(s);
                }
                DeviationRenderer r = new DeviationRenderer(true, true);
                for (int k = 0; k < data.getSeriesCount(); k++) {
                    Color c = Charts.PALETTE[k % Charts.PALETTE.length];
                    r.setSeriesPaint(k, c);
                    r.setSeriesFillPaint(k, c);
                    r.setSeriesStroke(k, new BasicStroke(1.6f));
                }
                r.setAlpha(0.18f);
                r.setDefaultSeriesVisibleInLegend(combined.getSubplots().isEmpty()); // one legend for both panels
                plot = new XYPlot(data, null, y, r);
            }
            combined.add(plot, 1);
        }
        String title = "Time to sync p95 and bytes against " + key;
        String caption = "Mean per point over its replications; " + (sampled ? "whiskers" : "bands") + ": 95 %"
                + " bootstrap interval of the mean." + (sampled ? " The other parameters vary from point to point."
                : others.isEmpty() ? "" : " One line per value of " + String.join(" and ", others)
                        + (lines.size() > MAX_LINES ? " (the first " + MAX_LINES + " of " + lines.size() + ")" : "")
                        + ".") + (x instanceof LogAxis ? " Log scale." : "");
        return ChartRenderer.render(chartId("against", key), title, caption,
                Charts.chart(title, combined, !sampled && lines.size() > 1), 1000, 620);
    }

    /**
     * {@code metric} over two parameters, one square per point coloured by its mean; where other parameters vary
     * too, a square shows the lowest mean over them.
     */
    public static ChartImage heatMap(SweepAnalysis a, String xKey, String yKey, Scalar metric) {
        Map<String, double[]> cells = new LinkedHashMap<>();
        for (PointResult p : a.input().points()) {
            MeanCi c = a.stat(p, metric.key());
            if (!c.hasValue()) {
                continue;
            }
            double x = Values.numeric(p.values().get(xKey));
            double y = Values.numeric(p.values().get(yKey));
            cells.merge(x + "," + y, new double[] {x, y, c.mean()}, (o, n) -> n[2] < o[2] ? n : o);
        }
        double[][] xyz = new double[3][cells.size()];
        int i = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] c : cells.values()) {
            xyz[0][i] = c[0];
            xyz[1][i] = c[1];
            xyz[2][i] = c[2];
            lo = Math.min(lo, c[2]);
            hi = Math.max(hi, c[2]);
            i++;
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(metric.shortLabel(), xyz);
        Scale scale = new Scale(cells.isEmpty() ? 0 : lo, cells.isEmpty() || hi <= lo ? lo + 1 : hi);
        XYShapeRenderer r = new XYShapeRenderer();
        r.setPaintScale(scale);
        boolean grid = !a.input().sampled().contains(xKey) && !a.input().sampled().contains(yKey);
        double size = grid ? 26 : 12;
        r.setDefaultShape(new java.awt.geom.Rectangle2D.Double(-size / 2, -size / 2, size, size));
        r.setDrawOutlines(false);
        ValueAxis x = axis(xKey, xyz[0]);
        ValueAxis y = axis(yKey, xyz[1]);
        XYPlot plot = new XYPlot(data, x, y, r);
        String title = metric.shortLabel() + " over " + xKey + " and " + yKey;
        org.jfree.chart.JFreeChart chart = Charts.chart(title, plot, false);
        NumberAxis legendAxis = new NumberAxis(metric.shortLabel() + " (mean)");
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        legend.setStripWidth(14);
        chart.addSubtitle(legend);
        boolean others = a.input().parameters().size() > 2;
        return ChartRenderer.render(chartId("heat", xKey + "-" + yKey), title, "Each square is a point, coloured by"
                + " its mean " + metric.shortLabel() + " (lighter is lower)." + (others ? " Where the other parameters"
                + " vary, a square shows the lowest mean over them." : ""), chart, 1000, 620);
    }

    /**
     * Mean time-to-sync p95 against mean bytes of every point, the Pareto front dashed; hovering a point names its
     * parameters and numbers.
     */
    public static ChartImage pareto(SweepAnalysis a) {
        XYSeries all = new XYSeries("point", false, true);
        List<PointResult> shown = new ArrayList<>();
        for (PointResult p : a.input().points()) {
            MeanCi b = a.stat(p, SweepAnalysis.FRONT_BYTES.key());
            MeanCi t = a.stat(p, SweepAnalysis.FRONT_TIME.key());
            if (b.hasValue() && t.hasValue()) {
                all.add(b.mean() / 1000, t.mean());
                shown.add(p);
            }
        }
        XYSeries front = new XYSeries("Pareto front", false, true);
        for (PointResult p : a.paretoFront()) {
            front.add(a.stat(p, SweepAnalysis.FRONT_BYTES.key()).mean() / 1000,
                    a.stat(p, SweepAnalysis.FRONT_TIME.key()).mean());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(all);
        data.addSeries(front);
        XYLineAndShapeRenderer r = Charts.paretoRenderer();
        r.setDefaultToolTipGenerator((dataset, series, item) -> series != 0 ? null : tooltip(a, shown.get(item)));
        NumberAxis x = new NumberAxis("bytes sent per run (kB, mean)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("time to sync p95 (s, mean)");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, r);
        String title = "Time to sync p95 against bytes, every point";
        return ChartRenderer.renderWithHover("pareto", title, "Each dot is a point's mean bytes per run and mean"
                + " time-to-sync p95; hover one for its parameters. The dashed line joins the points no other beats on"
                + " both (the Pareto front, listed below). Down and left is better.", Charts.chart(title, plot, true),
                1000, 600);
    }

    private static String tooltip(SweepAnalysis a, PointResult p) {
        return p.id() + ": " + p.describe() + "; time to sync p95 "
                + Html.seconds(a.stat(p, SweepAnalysis.FRONT_TIME.key()).mean()) + ", "
                + Html.bytes(a.stat(p, SweepAnalysis.FRONT_BYTES.key()).mean()) + " sent";
    }

    /** A log axis where the values are positive and span more than a factor of 20, else a linear one. */
    private static ValueAxis axis(String label, double[] values) {
        double min = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).min().orElse(0);
        double max = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).max().orElse(1);
        if (min > 0 && max / min > 20) {
            LogAxis l = new LogAxis(label);
            l.setSmallestValue(min / 2);
            l.setNumberFormatOverride(new java.text.DecimalFormat("0.###",
                    java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
            return l;
        }
        NumberAxis n = new NumberAxis(label);
        n.setAutoRangeIncludesZero(false);
        return n;
    }

    private static double low(MeanCi c) {
        return c.low() != null ? c.low() : c.mean();
    }

    private static double high(MeanCi c) {
        return c.high() != null ? c.high() : c.mean();
    }

    private static String chartId(String kind, String key) {
        return kind + "-" + key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** Colours from Okabe–Ito's sky blue (lowest) through yellow to vermilion (highest). */
    private record Scale(double lower, double upper) implements PaintScale {
        private static final Color[] STOPS = {new Color(0x56B4E9), new Color(0xF0E442), new Color(0xD55E00)};

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            double f = Math.max(0, Math.min(1, (value - lower) / (upper - lower))) * (STOPS.length - 1);
            int i = Math.min(STOPS.length - 2, (int) f);
            double t = f - i;
            Color a = STOPS[i];
            Color b = STOPS[i + 1];
            return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
        }
    }
}
