package org.syncsim.report.html;

import static org.syncsim.report.html.Html.esc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.syncsim.metrics.Scalar;
import org.syncsim.report.Metrics;
import org.syncsim.report.Unit;
import org.syncsim.report.chart.ChartImage;
import org.syncsim.report.design.BaseScenario;
import org.syncsim.report.design.CellResult;
import org.syncsim.report.design.ConfigInfo;
import org.syncsim.report.design.DesignAnalysis;
import org.syncsim.report.design.DesignInput;
import org.syncsim.report.design.Effect;
import org.syncsim.report.design.FlawFinding;
import org.syncsim.report.stats.MeanCi;

/**
 * The self-contained {@code design-report.html}: the ranked summary in plain words, the ablation table, the
 * charts, the configurations and every cell with its results file and the command that reproduces it. Every number
 * carries {@code data-kind}, {@code data-metric} and the results file(s) it comes from, so a script (and a test)
 * can recompute it.
 */
public final class DesignPage {
    /** How each ablation metric reads in a sentence. */
    static final Map<Scalar, String> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put(Scalar.TIME_TO_SYNC_P50_S, "median time to sync");
        WORDS.put(Scalar.TIME_TO_SYNC_P95_S, "95th-percentile time to sync");
        WORDS.put(Scalar.TIME_TO_SYNC_MAX_S, "worst time to sync");
        WORDS.put(Scalar.SENT_BYTES, "bytes sent");
        WORDS.put(Scalar.SENT_MESSAGES, "messages sent");
        WORDS.put(Scalar.SERVER_DISCONNECTS, "server disconnects");
        WORDS.put(Scalar.WAITING_AT_END, "members never synced");
        WORDS.put(Scalar.DESYNCED_AT_END, "silent desyncs");
        WORDS.put(Scalar.ABORTED_HANDLERS, "Lua errors");
        WORDS.put(Scalar.HITCH_FRAMES, "frame stalls");
    }

    private static final String STYLE = "<style>.num{white-space:nowrap}table.ablation{font-size:.8em}td.fx{min-width:5em}td.fx small{color:#555;"
            + "display:block;font-size:.78em}ol.ranked li{margin:.45em 0}code{font-size:.85em}td.cmd{text-align:left;"
            + "font-family:monospace;font-size:.78em;word-break:break-all}</style>\n";

    private DesignPage() {
    }

    public static String render(DesignAnalysis a, List<ChartImage> charts, String generator) {
        DesignInput in = a.input();
        StringBuilder b = new StringBuilder(Page.head(in.title()));
        b.append(STYLE);
        b.append("<header>\n<h1>").append(esc(in.title())).append("</h1>\n<p class=\"desc\">")
                .append(esc(in.description())).append("</p>\n<p class=\"meta\">Matrix ").append(esc(in.source()))
                .append(": ").append(in.bases().size()).append(" base scenarios \u00d7 ")
                .append(in.configurations().size()).append(" configurations, ").append(in.cells().size())
                .append(" cells simulated, ").append(in.replications()).append(" replications each from seed ")
                .append(in.seed()).append(". Every configuration ran the same seeds (common random numbers), so each"
                        + " change against <b>").append(esc(in.baseline())).append("</b> is the mean of per-seed"
                        + " differences with its paired 95 % confidence interval (Student's t over the differences);"
                        + " a mean's own interval is the bootstrap percentile interval, which never leaves the range of"
                        + " the runs' values, so a time or a count never gets a negative bound. Written by <code>")
                .append(esc(in.command())).append("</code>.</p>\n</header>\n");
        summary(b, a);
        ablation(b, a);
        b.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        charts.forEach(c -> b.append(Html.figure(c)));
        b.append("</section>\n");
        flaws(b, a);
        configurations(b, a);
        cells(b, a);
        b.append(Page.tail(generator));
        return b.toString();
    }

    private static void summary(StringBuilder b, DesignAnalysis a) {
        String base = esc(a.input().baseline());
        b.append("<section id=\"summary\">\n<h2>In short</h2>\n<p class=\"meta\">Configurations ranked by what they"
                + " prove against ").append(base).append(" over every base scenario. A change is proven where its"
                + " paired 95 % interval excludes zero. Each proven reduction adds, each proven increase subtracts,"
                + " the metric's weight: members never synced and silent desyncs 2 (the sync failed); Lua errors,"
                + " server disconnects, time to sync p95 and bytes sent 1 (what a sync costs). Where a configuration"
                + " proves more members never synced or silently desynced, its savings there do not count (bytes"
                + " saved by not syncing are no gain); where it proves a change in members never synced, the time to"
                + " sync does not count either way (it is then measured over other members: one who now syncs late"
                + " instead of never adds a long wait). Ties: fewer weighted increases first, then the larger sum of"
                + " relative reductions, then matrix order. Each line says what the configuration gains and what it"
                + " costs, with the largest of each.</p>\n<ol class=\"ranked\">\n");
        for (DesignAnalysis.Ranked r : a.ranking()) {
            b.append("<li data-config=\"").append(esc(r.configuration().id())).append("\" data-score=\"")
                    .append(r.score()).append("\"><b>").append(esc(r.configuration().label())).append("</b>: score ")
                    .append(r.score() > 0 ? "+" : r.score() < 0 ? "\u2212" : "").append(Math.abs(r.score()))
                    .append(" over ").append(r.bases()).append(" base scenario").append(r.bases() == 1 ? "" : "s")
                    .append(". <i>Gains</i>: ");
            if (r.gains().isEmpty()) {
                b.append("none proven against ").append(base).append('.');
            } else {
                b.append(counts(r.gains())).append("; the largest: it cuts ");
                sentence(b, a, r.best());
                b.append('.');
            }
            b.append(" <i>Costs</i>: ");
            if (r.losses().isEmpty()) {
                b.append("none proven.");
            } else {
                b.append(counts(r.losses())).append("; the largest: it raises ");
                sentence(b, a, r.worst());
                b.append('.');
            }
            b.append("</li>\n");
        }
        b.append("</ol>\n</section>\n");
    }

    /** "members never synced in 2 base scenarios, bytes sent in 5", most important metric first. */
    private static String counts(List<Effect> effects) {
        Map<String, Integer> n = new LinkedHashMap<>();
        effects.forEach(e -> n.merge(e.metric(), 1, Integer::sum));
        StringBuilder t = new StringBuilder();
        n.forEach((m, k) -> t.append(t.length() == 0 ? "" : ", ").append(esc(WORDS.get(scalar(m)))).append(" in ")
                .append(k).append(k == 1 ? " base scenario" : " base scenarios"));
        return t.toString();
    }

    /** "the bytes sent of the late joiner, 40 members, … from X to Y (−Z %, 95 % CI …)". */
    private static void sentence(StringBuilder b, DesignAnalysis a, Effect e) {
        Scalar m = scalar(e.metric());
        Unit u = Unit.of(e.metric());
        b.append("the ").append(esc(WORDS.get(m))).append(" of the ").append(esc(base(a, e.base()).describe()))
                .append(" from ").append(num(e, "base-mean", e.baselineMean(), u.format(e.baselineMean())))
                .append(" to ").append(num(e, "mean", e.mean(), u.format(e.mean()))).append(" per run (");
        if (e.baselineMean() == 0) {
            b.append(num(e, "diff", e.difference().mean(), signed(u, e.difference().mean()))).append(", 95 % CI ")
                    .append(signed(u, e.low())).append(" to ").append(signed(u, e.difference().high()));
        } else {
            b.append(num(e, "rel", e.relative(), percent(e.relative()))).append(", 95 % CI ")
                    .append(percent(e.relativeLow())).append(" to ").append(percent(e.relativeHigh()));
        }
        b.append(", ").append(e.difference().n()).append(" paired seeds)");
    }

    private static void ablation(StringBuilder b, DesignAnalysis a) {
        DesignInput in = a.input();
        b.append("<section id=\"ablation\">\n<h2>Ablation: each configuration against ").append(esc(in.baseline()))
                .append("</h2>\n<p class=\"meta\">Per base scenario, the first row is ").append(esc(in.baseline()))
                .append("'s mean per run [95 % bootstrap CI]; the others its change: the mean per-seed difference as a"
                        + " share of ").append(esc(in.baseline())).append("'s mean [paired 95 % CI] (the absolute"
                        + " difference where ").append(esc(in.baseline())).append("'s mean is 0). Green: proven lower,"
                        + " red: proven higher (the interval excludes zero), the stronger the larger the change; no"
                        + " colour: not proven either way. Every metric is a cost or a harm: lower is better.</p>\n");
        String event = null;
        for (BaseScenario base : in.bases()) {
            if (!base.event().equals(event)) {
                event = base.event();
                b.append("<h3>").append(esc(base.eventLabel())).append("</h3>\n");
            }
            b.append("<div class=\"wide\"><table class=\"ablation\" id=\"ablation-").append(esc(base.id()))
                    .append("\">\n<caption>").append(esc(base.describe())).append("</caption>\n<thead><tr>")
                    .append("<th class=\"t\">configuration</th>");
            DesignAnalysis.METRICS.forEach(m -> b.append("<th>").append(esc(WORDS.get(m))).append("</th>"));
            b.append("</tr></thead>\n<tbody>\n");
            CellResult head = a.cell(base.id(), in.baseline());
            b.append("<tr><td class=\"t\">").append(esc(label(in, in.baseline()))).append("</td>");
            for (Scalar m : DesignAnalysis.METRICS) {
                b.append("<td>");
                if (head != null) {
                    MeanCi ci = MeanCi.of(Metrics.present(head.values(m.key())));
                    Unit u = Unit.of(m.key());
                    b.append("<span class=\"num\" data-kind=\"mean-all\" data-metric=\"").append(m.key())
                            .append("\" data-file=\"").append(esc(head.file())).append("\" data-value=\"")
                            .append(ci.mean()).append('"').append(ci.low() == null ? "" : " data-low=\"" + ci.low()
                                    + "\" data-high=\"" + ci.high() + "\"").append('>')
                            .append(esc(u.format(ci.mean()))).append("</span>");
                    if (ci.low() != null) {
                        b.append("<small class=\"muted\"> [").append(esc(u.format(ci.low()))).append(", ")
                                .append(esc(u.format(ci.high()))).append("]</small>");
                    }
                }
                b.append("</td>");
            }
            b.append("</tr>\n");
            for (ConfigInfo c : a.compared()) {
                b.append("<tr><td class=\"t\">").append(esc(c.label())).append("</td>");
                for (Scalar m : DesignAnalysis.METRICS) {
                    b.append(effectCell(a.effect(base.id(), c.id(), m.key())));
                }
                b.append("</tr>\n");
            }
            b.append("</tbody>\n</table></div>\n");
        }
        b.append("</section>\n");
    }

    private static String effectCell(Effect e) {
        if (e == null || !e.hasValue()) {
            return "<td class=\"fx muted\">" + (e == null ? "not run" : "\u2013") + "</td>";
        }
        Unit u = Unit.of(e.metric());
        MeanCi d = e.difference();
        boolean relative = e.baselineMean() != 0;
        String text = relative ? percent(e.relative()) : signed(u, d.mean());
        String range = d.low() == null ? "" : relative ? "[" + percent(e.relativeLow()) + ", "
                + percent(e.relativeHigh()) + "]" : "[" + signed(u, e.low()) + ", " + signed(u, d.high()) + "]";
        String colour = "";
        if (e.better() || e.worse()) {
            double strength = relative ? Math.min(1, Math.abs(e.relative())) : 1;
            colour = String.format(Locale.ROOT, " style=\"background:rgba(%s,%.2f)\"",
                    e.better() ? "0,158,115" : "192,57,43", 0.15 + 0.55 * strength);
        }
        return "<td class=\"fx\"" + colour + " title=\"" + esc(signed(u, d.mean()) + " per run, from "
                + u.format(e.baselineMean()) + " to " + u.format(e.mean())) + "\">"
                + num(e, relative ? "rel" : "diff", relative ? e.relative() : d.mean(), text)
                + (range.isEmpty() ? "" : "<small>" + esc(range) + "</small>") + "</td>";
    }

    /**
     * Per configuration, in how many runs each group of spec §9 flaws was found, and which groups it removes or adds
     * against the baseline; every count carries the configuration and group, so a script can recount it from the
     * cells' flaws files.
     */
    private static void flaws(StringBuilder b, DesignAnalysis a) {
        DesignInput in = a.input();
        List<FlawFinding.Group> groups = a.flawGroups();
        b.append("<section id=\"flaws\">\n<h2>Flaws found per configuration</h2>\n<p class=\"meta\">Every run was"
                + " checked as <code>syncsim explore</code> checks its schedules: a Lua error names its flaw of spec"
                + " \u00a79 itself (B29: <code>RequestMissingSectionsWhisper</code> is undefined); a member left"
                + " without the newest data (convergence), one claiming the newest version over other content"
                + " (silent-desync) and one going back to an older version (monotonic) each name the flaws through"
                + " which head can break that invariant, any one of which may be the cause. Each count is the runs"
                + " (over the base scenarios ").append(esc(in.baseline())).append(" also ran) in which the group was"
                + " found; the runs are in each cell's <code>flaws.json</code>, with what happened. <i>Removes</i>:"
                + " found under ").append(esc(in.baseline())).append(", never under the configuration; <i>adds</i>:"
                + " the reverse.</p>\n");
        if (groups.isEmpty()) {
            b.append("<p>No run broke any of these invariants.</p>\n</section>\n");
            return;
        }
        b.append("<div class=\"wide\"><table id=\"flaw-table\">\n<thead><tr><th class=\"t\">configuration</th>"
                + "<th>runs</th>");
        groups.forEach(g -> b.append("<th>").append(esc(g.label())).append("</th>"));
        b.append("<th class=\"t\">removes</th><th class=\"t\">adds</th></tr></thead>\n<tbody>\n");
        for (ConfigInfo c : in.configurations()) {
            Map<FlawFinding.Group, Integer> runs = a.flawRuns(c.id());
            int total = a.flawRunsTotal(c.id());
            b.append("<tr><td class=\"t\">").append(esc(c.label())).append("</td><td>").append(total).append("</td>");
            for (FlawFinding.Group g : groups) {
                int k = runs.getOrDefault(g, 0);
                b.append("<td>").append("<span class=\"num\" data-kind=\"flaw-runs\" data-config=\"")
                        .append(esc(c.id())).append("\" data-flaws=\"").append(esc(g.flaws()))
                        .append("\" data-via=\"").append(esc(g.via())).append("\" data-value=\"").append(k)
                        .append("\">").append(k).append("</span>");
                if (total > 0 && k > 0) {
                    b.append("<small class=\"muted\"> (").append(Html.percent((double) k / total)).append(")</small>");
                }
                b.append("</td>");
            }
            boolean baseline = c.id().equals(in.baseline());
            b.append("<td class=\"t\">").append(baseline ? "(baseline)" : groupList(a.flawsRemoved(c.id())))
                    .append("</td><td class=\"t\">").append(baseline ? "" : groupList(a.flawsAdded(c.id())))
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static String groupList(List<FlawFinding.Group> groups) {
        return groups.isEmpty() ? "\u2013" : esc(String.join("; ", groups.stream().map(FlawFinding.Group::label)
                .toList()));
    }

    private static void configurations(StringBuilder b, DesignAnalysis a) {
        b.append("<section id=\"configurations\">\n<h2>Configurations</h2>\n<table>\n<thead><tr><th class=\"t\">id</th>"
                + "<th class=\"t\">configuration</th><th class=\"t\">what it is</th><th class=\"t\">--set on each base"
                + " scenario</th></tr></thead>\n<tbody>\n");
        for (ConfigInfo c : a.input().configurations()) {
            String what = c.policy() != null ? "head with the plan policy " + c.policy() + " (kind " + c.kind()
                    + ") alone; it targets " + c.targets()
                    : c.planShare() != null && c.planShare() < 1 ? "a roll-out: " + Html.percent(c.planShare())
                            + " of the raid, spread over the roster, runs plan with every policy, the rest head"
                    : c.overrides().isEmpty() ? "the base scenario as it is" : "";
            b.append("<tr><td class=\"t\"><code>").append(esc(c.id())).append("</code></td><td class=\"t\">")
                    .append(esc(c.label())).append(c.id().equals(a.input().baseline()) ? " (baseline)" : "")
                    .append("</td><td class=\"t\">").append(esc(what)).append("</td><td class=\"cmd\">");
            c.overrides().forEach(o -> b.append("--set ").append(esc(o)).append("<br>"));
            b.append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }

    private static void cells(StringBuilder b, DesignAnalysis a) {
        b.append("<section id=\"cells\">\n<h2>Cells and how to reproduce them</h2>\n<p class=\"meta\">Each cell's"
                + " results (every metric per replication) are in the file beside this page; the command runs the"
                + " same replications on the same seeds and gives the same numbers.</p>\n<details><summary>")
                .append(a.input().cells().size()).append(" cells</summary>\n<table class=\"sortable\">\n<thead><tr>"
                        + "<th class=\"t\">cell</th><th class=\"t\">results</th><th class=\"t\">command</th></tr>"
                        + "</thead>\n<tbody>\n");
        for (CellResult c : a.input().cells()) {
            b.append("<tr><td class=\"t\">").append(esc(c.id())).append("</td><td class=\"t\"><a href=\"")
                    .append(esc(c.file())).append("\">").append(esc(c.file())).append("</a></td><td class=\"cmd\">")
                    .append(esc(c.command())).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</details>\n");
        if (!a.input().skipped().isEmpty()) {
            b.append("<p>Not simulated (the simulator cannot run them):</p>\n<ul>\n");
            a.input().skipped().forEach((id, why) -> b.append("<li><code>").append(esc(id)).append("</code>: ")
                    .append(esc(why)).append("</li>\n"));
            b.append("</ul>\n");
        }
        b.append("</section>\n");
    }

    /** A number of an effect with where it comes from. */
    private static String num(Effect e, String kind, double value, String text) {
        String range = "";
        if (e.low() != null && (kind.equals("rel") || kind.equals("diff"))) {
            boolean rel = kind.equals("rel");
            range = " data-low=\"" + (rel ? e.relativeLow() : e.low()) + "\" data-high=\""
                    + (rel ? e.relativeHigh() : e.difference().high()) + "\"";
        }
        return "<span class=\"num\" data-kind=\"" + kind + "\" data-metric=\"" + esc(e.metric()) + "\" data-file=\""
                + esc(e.cell().file()) + "\" data-base-file=\"" + esc(e.baselineCell().file()) + "\" data-value=\""
                + value + "\"" + range + ">" + esc(text) + "</span>";
    }

    private static String percent(double f) {
        if (Double.isNaN(f)) {
            return "\u2013";
        }
        return (f > 0 ? "+" : f < 0 ? "\u2212" : "\u00b1") + String.format(Locale.ROOT, Math.abs(f) < 0.1 ? "%.1f %%"
                : "%.0f %%", 100 * Math.abs(f));
    }

    private static String signed(Unit u, Double v) {
        return v == null ? "\u2013" : ComparisonPage.signed(u, v);
    }

    private static Scalar scalar(String key) {
        return DesignAnalysis.METRICS.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    private static BaseScenario base(DesignAnalysis a, String id) {
        return a.input().bases().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    private static String label(DesignInput in, String config) {
        return in.configurations().stream().filter(c -> c.id().equals(config)).map(ConfigInfo::label).findFirst()
                .orElse(config);
    }
}
