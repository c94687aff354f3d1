package org.syncsim.report.html;

import static org.syncsim.report.html.Html.esc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.syncsim.report.chart.ChartImage;
import org.syncsim.report.stats.MeanCi;
import org.syncsim.report.tune.TuneReport;

/**
 * The self-contained {@code tune.html}: the best point and whether the confirmation on fresh seeds bears it out,
 * the search path, the parameters (start against best), the confirmation's numbers and every evaluation with its
 * results file.
 */
public final class TunePage {
    private static final String STYLE = "<style>.num{white-space:nowrap}code{font-size:.85em}td.cmd{text-align:left;"
            + "font-family:monospace;font-size:.78em;word-break:break-all}tr.infeasible td{color:#a33}"
            + "tr.best td{background:#e8f6ee}</style>\n";

    private TunePage() {
    }

    public static String render(TuneReport r, List<ChartImage> charts, String generator) {
        StringBuilder b = new StringBuilder(Page.head(r.title()));
        b.append(STYLE);
        TuneReport.Optimiser o = r.optimiser();
        b.append("<header>\n<h1>").append(esc(r.title())).append("</h1>\n<p class=\"desc\">")
                .append(esc(r.description())).append("</p>\n<p class=\"meta\">Tune file ").append(esc(r.source()))
                .append(" on ").append(esc(r.scenario())).append(": ").append(o.algorithm()).append(" (population ")
                .append(o.population()).append(", initial step ").append(Html.number(o.sigma()))
                .append(" of every range, random seed ").append(o.optimiserSeed()).append(") spent ").append(o.spent())
                .append(" of ").append(o.budget()).append(" evaluations").append(o.converged() ? " (it converged)" : "")
                .append(", ").append(o.simulated()).append(" distinct points simulated, each on the same ")
                .append(r.replications()).append(" seeds from seed ").append(r.seed()).append(" (common random"
                        + " numbers). Written by <code>").append(esc(r.command())).append("</code>.</p>\n</header>\n");
        summary(b, r);
        b.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        charts.forEach(c -> b.append(Html.figure(c)));
        b.append("</section>\n");
        parameters(b, r);
        confirmation(b, r);
        evaluations(b, r);
        b.append(Page.tail(generator));
        return b.toString();
    }

    private static void summary(StringBuilder b, TuneReport r) {
        TuneReport.Confirmation c = r.confirmation();
        String metric = r.objective().metric();
        b.append("<section id=\"summary\">\n<h2>In short</h2>\n<p class=\"headline\">");
        if (!r.best().feasible()) {
            b.append("No evaluation kept every constraint; the point shown breaks them least.");
        } else {
            b.append("Best point: ").append(esc(metric)).append(" ").append(ci(r.best().objective()))
                    .append(" against the start's ").append(ci(r.start().objective()))
                    .append(" on the search's seeds.");
        }
        b.append(" On fresh seeds (").append(c.seed()).append(", ").append(c.replications())
                .append(" replications) best minus start is <b data-kind=\"difference\">")
                .append(Html.number(c.difference().mean())).append("</b> (paired 95 % interval ")
                .append(interval(c.difference())).append("): ")
                .append(c.better() ? "the best point is better, beyond noise."
                        : "not shown better beyond noise on fresh seeds.")
                .append(c.best().feasible() ? "" : " On fresh seeds the best point breaks a constraint.")
                .append("</p>\n<p>Run it:</p>\n<pre>").append(esc(r.setLine())).append("</pre>\n<p class=\"meta\">"
                        + "Also written as a scenario file: <code>").append(esc(r.bestScenario()))
                .append("</code>.</p>\n</section>\n");
    }

    private static void parameters(StringBuilder b, TuneReport r) {
        b.append("<section id=\"parameters\">\n<h2>Parameters</h2>\n<table>\n<thead><tr><th class=\"t\">parameter"
                + "</th><th>bounds</th><th>scale</th><th>start</th><th class=\"t\">start from</th><th>best</th></tr>"
                + "</thead>\n<tbody>\n");
        for (TuneReport.ParameterRange p : r.parameters()) {
            b.append("<tr><td class=\"t\"><code>").append(esc(p.key())).append("</code></td><td class=\"num\">")
                    .append(Html.number(p.low())).append(" .. ").append(Html.number(p.high())).append(esc(p.unit()))
                    .append("</td><td>").append(esc(p.scale())).append("</td><td>")
                    .append(esc(r.start().values().get(p.key()))).append("</td><td class=\"t\">")
                    .append(esc(p.startFrom())).append("</td><td><b>").append(esc(r.best().values().get(p.key())))
                    .append("</b></td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }

    private static void confirmation(StringBuilder b, TuneReport r) {
        TuneReport.Confirmation c = r.confirmation();
        b.append("<section id=\"confirmation\">\n<h2>Confirmation on fresh seeds</h2>\n<p class=\"meta\">The best"
                + " point was chosen as the best of many on the search's seeds, so its mean there flatters it. Here it"
                + " runs against the start on ").append(c.replications()).append(" other seeds (master seed ")
                .append(c.seed()).append("); the difference is the mean of per-seed differences with Student's t 95 %"
                        + " interval.</p>\n<table>\n<thead><tr><th class=\"t\">metric</th><th>start</th><th>best"
                        + "</th></tr></thead>\n<tbody>\n");
        row(b, r.objective().metric() + " (objective)", c.start().objective(), c.best().objective());
        for (Map.Entry<String, MeanCi> e : c.start().constraints().entrySet()) {
            row(b, e.getKey(), e.getValue(), c.best().constraints().get(e.getKey()));
        }
        b.append("<tr><td class=\"t\">best − start (paired)</td><td colspan=\"2\" class=\"num\">")
                .append(Html.number(c.difference().mean())).append(" ").append(interval(c.difference()))
                .append("</td></tr>\n</tbody>\n</table>\n<table>\n<tbody>\n<tr><td class=\"t\">start</td>"
                        + "<td class=\"cmd\">").append(esc(c.start().command())).append("<br>")
                .append(esc(c.start().file())).append("</td></tr>\n<tr><td class=\"t\">best</td><td class=\"cmd\">")
                .append(esc(c.best().command())).append("<br>").append(esc(c.best().file()))
                .append("</td></tr>\n</tbody>\n</table>\n</section>\n");
    }

    private static void row(StringBuilder b, String label, MeanCi start, MeanCi best) {
        b.append("<tr><td class=\"t\">").append(esc(label)).append("</td><td class=\"num\">").append(ci(start))
                .append("</td><td class=\"num\">").append(ci(best)).append("</td></tr>\n");
    }

    private static void evaluations(StringBuilder b, TuneReport r) {
        b.append("<section id=\"evaluations\">\n<h2>Every evaluation</h2>\n<div class=\"wide\"><table class=\"sortable\">"
                + "\n<thead><tr><th>#</th><th>gen.</th>");
        r.parameters().forEach(p -> b.append("<th class=\"t\">").append(esc(p.key().replaceFirst(
                "^protocol\\.policies\\.", ""))).append("</th>"));
        b.append("<th>").append(esc(r.objective().metric())).append("</th>");
        r.constraints().forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
        b.append("<th class=\"t\">results file</th></tr></thead>\n<tbody>\n");
        for (TuneReport.Evaluation e : r.evaluations()) {
            boolean best = e.file().equals(r.best().file());
            b.append("<tr class=\"").append(e.feasible() ? "" : "infeasible").append(best ? " best" : "")
                    .append("\"><td>").append(e.index()).append("</td><td>").append(e.generation()).append("</td>");
            r.parameters().forEach(p -> b.append("<td class=\"t\">").append(esc(e.values().get(p.key())))
                    .append("</td>"));
            b.append("<td data-value=\"").append(e.objective() == null ? "" : e.objective()).append("\">")
                    .append(e.objective() == null ? "–" : Html.number(e.objective())).append("</td>");
            r.constraints().forEach(c -> {
                Double v = e.constraints().get(c);
                b.append("<td>").append(v == null ? "–" : Html.number(v)).append(e.broken().contains(c) ? " ✗" : "")
                        .append("</td>");
            });
            b.append("<td class=\"t\"><code>").append(esc(e.file())).append("</code></td></tr>\n");
        }
        b.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static String ci(MeanCi m) {
        if (m == null || !m.hasValue()) {
            return "–";
        }
        return Html.number(m.mean()) + (m.low() == null ? "" : " " + interval(m));
    }

    private static String interval(MeanCi m) {
        return m.low() == null ? "(no interval)" : String.format(Locale.ROOT, "[%s, %s]", Html.number(m.low()),
                Html.number(m.high()));
    }
}
