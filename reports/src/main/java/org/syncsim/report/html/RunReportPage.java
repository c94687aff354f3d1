package org.syncsim.report.html;

import static org.syncsim.report.html.Html.esc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.syncsim.metrics.Scalar;
import org.syncsim.report.Findings;
import org.syncsim.report.Replications;
import org.syncsim.report.ReportInput;
import org.syncsim.report.Unit;
import org.syncsim.report.chart.ChartImage;
import org.syncsim.report.stats.MeanCi;

/**
 * The self-contained {@code report.html} of one run: what was abnormal and the headline in plain words, big
 * numbers with their confidence intervals, the charts, the per-client table and the scenario's YAML.
 */
public final class RunReportPage {
    /** The headline metrics of the table, with the words a raid lead would use. */
    public static final Map<String, String> HEADLINE_METRICS = labels(Scalar::label,
            Scalar.TIME_TO_SYNC_P50_S, Scalar.TIME_TO_SYNC_P95_S, Scalar.TIME_TO_SYNC_MAX_S, Scalar.SYNC_EPISODES,
            Scalar.WAITING_AT_END, Scalar.DESYNCED_AT_END, Scalar.SENT_BYTES, Scalar.SENT_MESSAGES, Scalar.REQUESTS,
            Scalar.RESPONSES, Scalar.DUPLICATE_TRANSFERS, Scalar.ABORTED_HANDLERS, Scalar.SERVER_DISCONNECTS,
            Scalar.LOST_COPIES, Scalar.QUEUE_DELAY_P95_S, Scalar.CPU_WORST_FRAME_MS, Scalar.HITCH_FRAMES,
            Scalar.CPU_TOTAL_MS, Scalar.VIRTUAL_TIME_S);

    private RunReportPage() {
    }

    /** The metrics' keys with the words {@code label} gives each, in the given order (the order of a table). */
    public static Map<String, String> labels(Function<Scalar, String> label, Scalar... metrics) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Scalar s : metrics) {
            m.put(s.key(), label.apply(s));
        }
        return m;
    }

    public static String render(ReportInput in, List<ChartImage> charts, String generator) {
        Map<String, MeanCi> agg = in.aggregate();
        Replications reps = in.replications();
        StringBuilder b = new StringBuilder(Page.head("SyncSim report: " + in.scenario()));
        b.append("<header>\n<h1>").append(esc(in.scenario())).append("</h1>\n");
        if (in.description() != null && !in.description().isBlank()) {
            b.append("<p class=\"desc\">").append(esc(in.description())).append("</p>\n");
        }
        b.append("<p class=\"meta\">").append(reps.size()).append(" replication").append(reps.size() == 1 ? "" : "s")
                .append(", master seed ").append(in.seed()).append(", ").append(reps.clientCount())
                .append(" clients");
        if (!in.overrides().isEmpty()) {
            b.append(", overrides: <code>").append(esc(String.join(" ", in.overrides()))).append("</code>");
        }
        b.append(". Stopped: ").append(esc(stops(reps))).append(".</p>\n</header>\n");

        b.append("<section id=\"verdict\">\n<h2>What happened</h2>\n<ul class=\"findings\">\n");
        for (Findings.Finding f : Findings.abnormal(in)) {
            b.append("<li class=\"").append(f.severity().name().toLowerCase(Locale.ROOT)).append("\">")
                    .append(esc(f.text())).append("</li>\n");
        }
        b.append("</ul>\n<p class=\"headline\" id=\"headline\">").append(esc(Findings.headline(in))).append("</p>\n");
        b.append(cards(in, agg)).append("</section>\n");

        b.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        for (ChartImage c : charts) {
            b.append(Html.figure(c));
        }
        b.append("</section>\n");

        b.append("<section id=\"numbers\">\n<h2>Headline numbers</h2>\n");
        b.append("<p class=\"meta\">Mean over replications with the 95 % confidence interval of the mean, as in"
                + " <code>summary.json</code>: the bootstrap percentile interval (9 999 resamples, fixed seed), which"
                + " never leaves the range of the replications' values, so never a negative count or time nor a"
                + " fraction outside 0–1. ").append(intervalNote(in.replications().size())).append("</p>\n");
        b.append(metricTable("headline-table", agg, HEADLINE_METRICS));
        Map<String, String> rest = new LinkedHashMap<>();
        agg.keySet().stream().filter(k -> !HEADLINE_METRICS.containsKey(k)).forEach(k -> rest.put(k, k));
        b.append("<details><summary>All ").append(agg.size()).append(" metrics</summary>\n")
                .append(metricTable("all-metrics-table", agg, rest)).append("</details>\n</section>\n");

        b.append("<section id=\"clients\">\n<h2>Per client</h2>\n<p class=\"meta\">Means per replication;"
                + " click a column to sort. Rows in red had a problem in some replication.</p>\n")
                .append("<div class=\"wide\">\n").append(clientTable(in)).append("</div>\n</section>\n");

        b.append("<section id=\"scenario\">\n<details><summary>Scenario (resolved YAML)</summary>\n<pre>")
                .append(esc(in.scenarioYaml())).append("</pre>\n</details>\n</section>\n");
        b.append(Page.tail(generator));
        return b.toString();
    }

    private static String stops(Replications reps) {
        Map<String, Integer> m = reps.stops();
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(reps.size() > 1 ? " \u00d7" + v : ""));
        return b.toString();
    }

    private static String cards(ReportInput in, Map<String, MeanCi> agg) {
        int members = in.replications().clientCount();
        int reps = in.replications().size();
        double synced = Findings.heldNewest(in.replications());
        StringBuilder b = new StringBuilder("<div class=\"cards\">\n");
        b.append("<div class=\"card\" id=\"card-synced\"><div class=\"v\">").append(Html.number(synced)).append(" / ")
                .append(members).append("</div><div class=\"l\">members with the newest data at the end</div></div>\n");
        if (!agg.get(Scalar.TIME_TO_SYNC_P50_S.key()).hasValue()) {
            b.append("<div class=\"card\" id=\"card-no-wait\"><div class=\"v\">\u2014</div><div class=\"l\">time to"
                    + " sync: no member's wait ended in any replication</div></div>\n");
        } else {
            card(b, Scalar.TIME_TO_SYNC_P50_S, "time to sync, median of a run", agg, reps);
            card(b, Scalar.TIME_TO_SYNC_P95_S, "time to sync, p95 of a run", agg, reps);
        }
        card(b, Scalar.SENT_BYTES, "sent per run", agg, reps);
        card(b, Scalar.SERVER_DISCONNECTS, "server disconnects per run", agg, reps);
        return b.append("</div>\n").toString();
    }

    private static void card(StringBuilder b, Scalar metric, String label, Map<String, MeanCi> agg,
            int replications) {
        MeanCi m = agg.get(metric.key());
        Unit u = Unit.of(metric.key());
        b.append("<div class=\"card\"><div class=\"v\" data-metric=\"").append(metric.key()).append("\" data-value=\"")
                .append(m.mean()).append("\">").append(esc(u.format(m.mean()))).append("</div><div class=\"l\">")
                .append(esc(label)).append("</div>");
        if (m.low() != null) {
            b.append("<div class=\"ci\">95 % CI ").append(esc(u.format(m.low()))).append(" – ")
                    .append(esc(u.format(m.high()))).append("</div>");
        }
        if (m.n() < replications) { // a time to sync: only runs where some wait ended have one
            b.append("<div class=\"ci\">over the ").append(m.n()).append(" of ").append(replications)
                    .append(" replications where a wait ended</div>");
        }
        b.append("</div>\n");
    }

    /** What the interval means with this few replications (none for one, the two values' range for two). */
    static String intervalNote(int replications) {
        return switch (replications) {
            case 1 -> "One replication has no interval: rerun with more <code>--replications</code>.";
            case 2 -> "With 2 replications the interval is just the range of the two values.";
            case 3 -> "With 3 replications the interval is a rough bracket close to the range of the values.";
            default -> "";
        };
    }

    static String metricTable(String id, Map<String, MeanCi> agg, Map<String, String> labels) {
        StringBuilder b = new StringBuilder("<table id=\"").append(id).append("\">\n<thead><tr><th class=\"t\">metric"
                + "</th><th>mean</th><th>95 % CI</th><th>min</th><th>max</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, String> e : labels.entrySet()) {
            MeanCi m = agg.get(e.getKey());
            if (m == null) {
                continue;
            }
            Unit u = Unit.of(e.getKey());
            b.append("<tr><td class=\"t\" title=\"").append(esc(e.getKey())).append("\">").append(esc(e.getValue()))
                    .append("</td><td data-metric=\"").append(esc(e.getKey())).append("\" data-value=\"")
                    .append(m.mean()).append("\">").append(esc(u.format(m.mean()))).append("</td><td");
            if (m.low() != null) {
                b.append(" data-low=\"").append(m.low()).append("\" data-high=\"").append(m.high()).append("\">")
                        .append(esc(u.format(m.low()))).append(" – ").append(esc(u.format(m.high())));
            } else {
                b.append(" class=\"muted\">–");
            }
            b.append("</td><td>").append(esc(u.format(m.min()))).append("</td><td>").append(esc(u.format(m.max())))
                    .append("</td></tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    private static String clientTable(ReportInput in) {
        Replications reps = in.replications();
        int n = reps.size();
        StringBuilder b = new StringBuilder("<table id=\"client-table\" class=\"sortable\">\n<thead><tr>"
                + "<th class=\"t\">client</th><th class=\"t\">role</th><th>had newest data at end</th><th>waits</th>"
                + "<th>last time to sync</th><th>worst wait</th><th>sent</th><th>received</th><th>requests</th>"
                + "<th>responses</th><th>duplicates</th><th>aborted handlers</th><th>disconnects</th>"
                + "<th>lost copies</th><th>Lua CPU</th><th>longest freeze</th><th>hitch frames</th></tr></thead>\n"
                + "<tbody>\n");
        for (int c = 0; c < reps.clientCount(); c++) {
            Replications.ClientTotals t = reps.client(c);
            int ok = t.intactReplications();
            double waits = t.syncEpisodes();
            double last = t.lastTimeToSyncSeconds();
            int lastN = t.lastTimeToSyncCount();
            long worst = t.worstWaitMicros();
            double sent = t.sentBytes();
            double recv = t.receivedBytes();
            long aborted = t.abortedHandlers();
            long disc = t.serverDisconnects();
            double cpu = t.cpuMillis();
            long freeze = t.worstFrameCpuMicros();
            boolean bad = ok < n || aborted > 0 || disc > 0;
            b.append("<tr").append(bad ? " class=\"bad\"" : "").append("><td class=\"t\">").append(esc(t.name()))
                    .append("</td><td class=\"t\">").append(esc(in.role(c))).append("</td>")
                    .append(cell(ok, ok + " of " + n))
                    .append(cell(waits / n, Html.number(waits / n)))
                    .append(lastN == 0 ? "<td data-value=\"-1\" class=\"muted\">–</td>"
                            : cell(last / lastN, Html.seconds(last / lastN)))
                    .append(worst < 0 ? "<td data-value=\"-1\" class=\"muted\">–</td>"
                            : cell(worst / 1e6, Html.seconds(worst / 1e6)))
                    .append(cell(sent / n, Html.bytes(sent / n))).append(cell(recv / n, Html.bytes(recv / n)))
                    .append(cell(t.requests() / n, Html.number(t.requests() / n)))
                    .append(cell(t.responses() / n, Html.number(t.responses() / n)))
                    .append(cell(t.duplicateTransfers() / n, Html.number(t.duplicateTransfers() / n)))
                    .append(cell(aborted, Long.toString(aborted)))
                    .append(cell(disc, Long.toString(disc)))
                    .append(cell(t.lostMessages() / n, Html.number(t.lostMessages() / n)))
                    .append(cell(cpu / n, Html.number(cpu / n) + " ms"))
                    .append(cell(freeze / 1e3, Html.number(freeze / 1e3) + " ms"))
                    .append(cell(t.hitchFrames() / n, Html.number(t.hitchFrames() / n)))
                    .append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    private static String cell(double value, String text) {
        return "<td data-value=\"" + value + "\">" + esc(text) + "</td>";
    }
}
