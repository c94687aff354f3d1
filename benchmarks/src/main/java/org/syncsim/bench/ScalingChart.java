package org.syncsim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws how a replication's cost grows from a JMH JSON result of {@link ScenarioBenchmark}'s scaling cases
 * ({@code raid-N}, {@code sheet-Nk}): time per replication and microseconds per event against raid size and
 * against sheet size (sizes and times on logarithmic axes), and prints the table {@code benchmarks/README.md}
 * shows.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.syncsim.bench.ScalingChart RESULT.json OUT.png</pre>
 */
public final class ScalingChart {
    private ScalingChart() {
    }

    /** One case's measurement: replications per second and simulation events per second. */
    record Point(double replicationsPerSecond, double eventsPerSecond) {
        double millisPerReplication() {
            return 1000 / replicationsPerSecond;
        }

        double microsPerEvent() {
            return 1e6 / eventsPerSecond;
        }

        double eventsPerReplication() {
            return eventsPerSecond / replicationsPerSecond;
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ScalingChart RESULT.json OUT.png");
            System.exit(2);
        }
        Map<Integer, Point> raids = new TreeMap<>();
        Map<Integer, Point> sheets = new TreeMap<>();
        for (JsonNode run : new ObjectMapper().readTree(Path.of(args[0]).toFile())) {
            String c = run.path("params").path("scenario").asText();
            Point p = new Point(run.path("primaryMetric").path("score").asDouble(),
                    run.path("secondaryMetrics").path("events").path("score").asDouble());
            if (c.startsWith("raid-")) {
                raids.put(Integer.parseInt(c.substring("raid-".length())), p);
            } else if (c.startsWith("sheet-") && c.endsWith("k")) {
                sheets.put(Integer.parseInt(c.substring("sheet-".length(), c.length() - 1)), p);
            }
        }
        System.out.println("| case | events per replication | ms per replication | µs per event |");
        System.out.println("|---|---|---|---|");
        raids.forEach((n, p) -> System.out.println(row("raid of " + n + " (leader import)", p)));
        sheets.forEach((kb, p) -> System.out.println(row(kb + " KB sheet (late joiner)", p)));

        CombinedDomainXYPlot raidPlot = combined("raid size (members)", raids);
        CombinedDomainXYPlot sheetPlot = combined("sheet size (KB per full push)", sheets);
        JFreeChart left = new JFreeChart("Raid size (leader import)", JFreeChart.DEFAULT_TITLE_FONT, raidPlot, false);
        JFreeChart right = new JFreeChart("Sheet size (late joiner)", JFreeChart.DEFAULT_TITLE_FONT, sheetPlot, false);
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(1000, 520,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        left.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 500, 520));
        right.draw(g, new java.awt.geom.Rectangle2D.Double(500, 0, 500, 520));
        g.dispose();
        Path out = Path.of(args[1]);
        Files.write(out, ChartUtils.encodeAsPNG(img));
        System.out.println("chart: " + out);
    }

    private static String row(String label, Point p) {
        return String.format(Locale.ROOT, "| %s | %,.0f | %.1f | %.2f |", label, p.eventsPerReplication(),
                p.millisPerReplication(), p.microsPerEvent());
    }

    private static CombinedDomainXYPlot combined(String xLabel, Map<Integer, Point> points) {
        LogAxis x = new LogAxis(xLabel);
        x.setSmallestValue(1);
        x.setNumberFormatOverride(new DecimalFormat("#,##0"));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.add(subplot("ms per replication", points, true, new Color(0x1f77b4)), 1);
        plot.add(subplot("µs per event", points, false, new Color(0xd62728)), 1);
        return plot;
    }

    private static XYPlot subplot(String yLabel, Map<Integer, Point> points, boolean perReplication, Color color) {
        XYSeries s = new XYSeries(yLabel);
        points.forEach((n, p) -> s.add(n.doubleValue(), perReplication ? p.millisPerReplication() : p.microsPerEvent()));
        ValueAxis y;
        if (perReplication) {
            LogAxis log = new LogAxis(yLabel);
            log.setSmallestValue(0.01);
            log.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
            y = log;
        } else {
            NumberAxis linear = new NumberAxis(yLabel);
            linear.setAutoRangeIncludesZero(true);
            y = linear;
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, color);
        r.setSeriesStroke(0, new BasicStroke(2f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), null, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
