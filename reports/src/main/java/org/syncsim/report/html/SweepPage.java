package org.syncsim.report.html;

import static org.syncsim.report.html.Html.esc;

import java.util.List;
import org.syncsim.metrics.Scalar;
import org.syncsim.report.Unit;
import org.syncsim.report.chart.ChartImage;
import org.syncsim.report.stats.MeanCi;
import org.syncsim.report.sweep.PointResult;
import org.syncsim.report.sweep.SweepAnalysis;
import org.syncsim.report.sweep.SweepInput;

/**
 * The self-contained {@code sweep.html}: the best points and the Pareto front in words, the charts (metrics against
 * each parameter, a heat map, the front with each point's parameters on hover), and every point's numbers in one
 * sortable table, each linked to its results file.
 */
public final class SweepPage {
    /** The columns of the points table, after the parameters. */
    static final List<Scalar> COLUMNS = List.of(Scalar.TIME_TO_SYNC_P50_S, Scalar.TIME_TO_SYNC_P95_S,
            Scalar.TIME_TO_SYNC_MAX_S, Scalar.SENT_BYTES, Scalar.SENT_MESSAGES, Scalar.WAITING_AT_END,
            Scalar.DESYNCED_AT_END, Scalar.SERVER_DISCONNECTS, Scalar.ABORTED_HANDLERS);

    private SweepPage() {
    }

    public static String render(SweepAnalysis a, List<ChartImage> charts, String generator) {
        SweepInput in = a.input();
        StringBuilder b = new StringBuilder(Page.head("SyncSim sweep: " + in.name()));
        b.append("<header>\n<h1>Sweep: ").append(esc(in.name())).append("</h1>\n");
        if (!in.description().isEmpty()) {
            b.append("<p class=\"desc\">").append(esc(in.description())).append("</p>\n");
        }
        b.append("<p class=\"meta\">").append(in.points().size()).append(" points of <code>").append(esc(in.scenario()))
                .append("</code> varying ").append(esc(String.join(", ", in.parameters()))).append("; ")
                .append(in.replications()).append(" replication").append(in.replications() == 1 ? "" : "s")
                .append(" each, ").append(in.commonRandomNumbers() ? "the same seeds at every point (common random"
                        + " numbers, master seed " + in.seed() + "), so differences between points pair"
                        : "seeds derived from master seed " + in.seed() + " and each point's values")
                .append(". Means with their 95 % bootstrap interval. ")
                .append(RunReportPage.intervalNote(in.replications())).append("</p>\n<p class=\"meta\">From <code>")
                .append(esc(in.command())).append("</code>; every number is in <code>sweep.csv</code>,"
                        + " <code>sweep.json</code> and the points' files under <code>points/</code>.</p>\n</header>\n");

        b.append("<section id=\"best\">\n<h2>Best points</h2>\n<ul class=\"findings\">\n");
        for (Scalar m : List.of(Scalar.TIME_TO_SYNC_P95_S, Scalar.SENT_BYTES)) {
            PointResult p = a.lowest(m.key());
            if (p != null) {
                double waiting = a.stat(p, Scalar.WAITING_AT_END.key()).mean();
                b.append("<li class=\"").append(waiting > 0 ? "warn" : "good").append("\">Lowest ")
                        .append(esc(m.shortLabel())).append(": ").append(esc(withCi(a.stat(p, m.key()),
                                Unit.of(m.key())))).append(" at <b>").append(esc(p.describe())).append("</b> (")
                        .append(link(p)).append(")").append(waiting > 0 ? ", but " + esc(Html.number(waiting))
                                + " members per run were still waiting for the data at the end" : "")
                        .append(".</li>\n");
            }
        }
        List<PointResult> front = a.paretoFront();
        b.append("</ul>\n<p>").append(front.size()).append(" point").append(front.size() == 1 ? " is" : "s are")
                .append(" on the Pareto front of time-to-sync p95 against bytes (no other point is better on both):"
                        + "</p>\n").append(table("front-table", a, front)).append("</section>\n");

        b.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        charts.forEach(c -> b.append(Html.figure(c)));
        b.append("</section>\n");

        b.append("<section id=\"points\">\n<h2>Every point</h2>\n<p class=\"meta\">Click a heading to sort; hover a"
                + " point's id for the command that reproduces it.</p>\n<div class=\"wide\">")
                .append(table("points-table", a, in.points())).append("</div>\n</section>\n");
        b.append(Page.tail(generator));
        return b.toString();
    }

    private static String table(String id, SweepAnalysis a, List<PointResult> points) {
        SweepInput in = a.input();
        StringBuilder b = new StringBuilder("<table class=\"sortable compact\" id=\"").append(id).append("\">\n<thead><tr>"
                + "<th class=\"t\">point</th>");
        in.parameters().forEach(k -> b.append("<th class=\"t\">").append(esc(k)).append("</th>"));
        COLUMNS.forEach(m -> b.append("<th title=\"").append(esc(m.key())).append("\">").append(esc(m.shortLabel()))
                .append("</th>"));
        b.append("</tr></thead>\n<tbody>\n");
        for (PointResult p : points) {
            b.append("<tr><td class=\"t\" title=\"").append(esc(p.command())).append("\">").append(link(p))
                    .append("</td>");
            in.parameters().forEach(k -> {
                String v = p.values().get(k);
                double n = org.syncsim.report.sweep.Values.numeric(v);
                b.append("<td class=\"t\"").append(Double.isNaN(n) ? "" : " data-value=\"" + n + "\"").append('>')
                        .append(esc(v)).append("</td>");
            });
            for (Scalar m : COLUMNS) {
                MeanCi c = a.stat(p, m.key());
                b.append("<td data-metric=\"").append(m.key()).append("\" data-value=\"")
                        .append(c.hasValue() ? c.mean() : "").append("\">")
                        .append(esc(withCi(c, Unit.of(m.key())))).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    private static String link(PointResult p) {
        return "<a href=\"" + esc(p.file()) + "\">" + esc(p.id()) + "</a>";
    }

    /** A mean with its interval, e.g. {@code 3.20 s [2.90 s – 3.61 s]}. */
    static String withCi(MeanCi m, Unit u) {
        if (!m.hasValue()) {
            return "\u2013";
        }
        return u.format(m.mean()) + (m.low() == null ? "" : " [" + u.format(m.low()) + " \u2013 "
                + u.format(m.high()) + "]");
    }
}
