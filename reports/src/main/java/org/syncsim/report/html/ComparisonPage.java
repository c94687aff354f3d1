package org.syncsim.report.html;

import static org.syncsim.report.html.Html.esc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.syncsim.report.Findings;
import org.syncsim.report.ReportInput;
import org.syncsim.report.Unit;
import org.syncsim.report.chart.ChartImage;
import org.syncsim.report.compare.Comparison;
import org.syncsim.report.stats.MeanCi;

/**
 * The self-contained {@code comparison.html}: per variant the plain-words verdict, then the headline metrics
 * side by side with each variant's difference from the baseline and its confidence interval, the charts, and
 * every variant's scenario.
 */
public final class ComparisonPage {
    private ComparisonPage() {
    }

    public static String render(Comparison cmp, List<ChartImage> charts, String generator) {
        List<ReportInput> vs = cmp.variants();
        ReportInput base = vs.get(0);
        StringBuilder b = new StringBuilder(Page.head("SyncSim comparison: " + base.scenario()));
        b.append("<header>\n<h1>Comparison of ").append(vs.size()).append(" variants</h1>\n<p class=\"meta\">Baseline: <b>")
                .append(esc(base.label())).append("</b>. ");
        boolean allPaired = true;
        for (int i = 1; i < vs.size(); i++) {
            allPaired &= cmp.pairedWithBaseline(i);
        }
        b.append(allPaired ? "Every variant ran the baseline's " + base.replications().size() + " seeds (common random"
                + " numbers): a difference is the mean of the per-seed differences with its paired 95 % confidence"
                + " interval (bootstrap percentile of the per-seed differences)."
                : "Some variants did not run on the baseline's seeds; their differences use Welch's unpaired interval.")
                .append(" <span class=\"sig\">Bold</span> differences have an interval that excludes zero.</p>\n</header>\n");

        b.append("<section id=\"verdict\">\n<h2>What happened</h2>\n");
        for (ReportInput v : vs) {
            b.append("<h3>").append(esc(v.label())).append("</h3>\n<ul class=\"findings\">\n");
            for (Findings.Finding f : Findings.abnormal(v)) {
                b.append("<li class=\"").append(f.severity().name().toLowerCase(Locale.ROOT)).append("\">")
                        .append(esc(f.text())).append("</li>\n");
            }
            b.append("</ul>\n<p class=\"headline\">").append(esc(Findings.headline(v))).append("</p>\n");
        }
        b.append("</section>\n");

        b.append("<section id=\"differences\">\n<h2>Differences from the baseline</h2>\n")
                .append(table("difference-table", cmp, RunReportPage.HEADLINE_METRICS));
        Map<String, String> rest = new java.util.LinkedHashMap<>();
        cmp.metrics().stream().filter(k -> !RunReportPage.HEADLINE_METRICS.containsKey(k)).forEach(k -> rest.put(k, k));
        b.append("<details><summary>All metrics</summary>\n").append(table("all-differences-table", cmp, rest))
                .append("</details>\n</section>\n");

        b.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        for (ChartImage c : charts) {
            b.append(Html.figure(c));
        }
        b.append("</section>\n<section id=\"scenario\">\n");
        for (ReportInput v : vs) {
            b.append("<details><summary>Scenario of ").append(esc(v.label())).append(" (resolved YAML)</summary>\n<pre>")
                    .append(esc(v.scenarioYaml())).append("</pre>\n</details>\n");
        }
        b.append("</section>\n").append(Page.tail(generator));
        return b.toString();
    }

    private static String table(String id, Comparison cmp, Map<String, String> labels) {
        List<ReportInput> vs = cmp.variants();
        StringBuilder b = new StringBuilder("<table id=\"").append(id).append("\">\n<thead><tr><th class=\"t\">metric</th>");
        for (int i = 0; i < vs.size(); i++) {
            b.append("<th>").append(esc(vs.get(i).label())).append(i == 0 ? " (baseline)" : "").append("</th>");
            if (i > 0) {
                b.append("<th>difference [95 % CI]</th>");
            }
        }
        b.append("</tr></thead>\n<tbody>\n");
        List<String> metrics = cmp.metrics();
        for (Map.Entry<String, String> e : labels.entrySet()) {
            String metric = e.getKey();
            if (!metrics.contains(metric)) {
                continue;
            }
            Unit u = Unit.of(metric);
            b.append("<tr><td class=\"t\" title=\"").append(esc(metric)).append("\">").append(esc(e.getValue()))
                    .append("</td>");
            for (int i = 0; i < vs.size(); i++) {
                Comparison.Difference d = cmp.difference(metric, Math.max(1, i));
                MeanCi v = i == 0 ? d.baseline() : d.value();
                b.append("<td data-variant=\"").append(i).append("\" data-metric=\"").append(esc(metric))
                        .append("\" data-value=\"").append(v.mean()).append("\">").append(esc(u.format(v.mean())))
                        .append("</td>");
                if (i > 0) {
                    MeanCi df = d.difference();
                    b.append("<td data-diff-variant=\"").append(i).append("\" data-metric=\"").append(esc(metric))
                            .append("\" data-value=\"").append(df.mean()).append('"')
                            .append(df.excludesZero() ? " class=\"sig\"" : "").append('>')
                            .append(esc(signed(u, df.mean())));
                    if (df.low() != null) {
                        b.append(" [").append(esc(signed(u, df.low()))).append(", ").append(esc(signed(u, df.high())))
                                .append(']');
                    }
                    b.append(d.paired() ? "" : " <span class=\"muted\">(unpaired)</span>");
                    if (d.paired() && df.n() < vs.get(i).replications().size()) {
                        b.append(" <span class=\"muted\">(").append(df.n() == 0 ? "no seed where both have a value"
                                : "over the " + df.n() + " seeds where both have a value").append(")</span>");
                    }
                    b.append("</td>");
                }
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    /** A difference with its sign (a proper minus, ± for zero) and unit; a dash for NaN. */
    static String signed(Unit u, double v) {
        return Double.isNaN(v) ? u.format(v) : (v > 0 ? "+" : v < 0 ? "\u2212" : "\u00b1") + u.format(Math.abs(v));
    }
}
