package org.syncsim.baseline;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The output of {@code syncsim baseline check}, short enough for a CI log: one row per scenario as it finishes,
 * under it each metric that moved (recorded and new value, change, tolerance) and where the trace first differs,
 * then one closing line.
 */
public final class CheckTable {
    private static final String ROW = "%-28s %-16s %s%n";

    private CheckTable() {
    }

    public static void header(PrintWriter o) {
        o.printf(Locale.ROOT, ROW, "scenario", "metrics", "fingerprint");
        o.flush();
    }

    /** The rows of one scenario. */
    public static void row(PrintWriter o, ScenarioCheck c) {
        int n = c.metrics().size();
        List<MetricCheck> moved = c.moved();
        String metrics = n == 0 ? "not checked" : moved.isEmpty() ? n + " ok" : moved.size() + " of " + n + " moved";
        o.printf(Locale.ROOT, ROW, c.baseline().name(), metrics, fingerprint(c));
        for (MetricCheck m : moved) {
            o.printf(Locale.ROOT, "    %-32s %s -> %s%s (tolerance %s)%n", m.metric(), number(m.baseline().mean()),
                    number(m.nowMean()), change(m.baseline().mean(), m.nowMean()), m.tolerance().describe());
        }
        if (c.status() == ScenarioCheck.FingerprintStatus.DIFFERS) {
            divergence(o, c);
        }
        o.flush();
    }

    /** The closing line. */
    public static void summary(PrintWriter o, List<ScenarioCheck> checks) {
        long moved = checks.stream().mapToLong(c -> c.moved().size()).sum();
        long scenarios = checks.stream().filter(c -> !c.moved().isEmpty()).count();
        long differ = checks.stream().filter(c -> c.status() == ScenarioCheck.FingerprintStatus.DIFFERS).count();
        boolean ok = checks.stream().allMatch(ScenarioCheck::ok);
        o.printf(Locale.ROOT, "baseline check: %s: %d metric%s moved beyond tolerance in %d of %d scenarios, %d"
                + " fingerprint%s differ%s%n", ok ? "passed" : "FAILED", moved, moved == 1 ? "" : "s", scenarios,
                checks.size(), differ, differ == 1 ? "" : "s", differ == 1 ? "s" : "");
        o.flush();
    }

    private static String fingerprint(ScenarioCheck c) {
        return switch (c.status()) {
            case NOT_CHECKED -> "not checked";
            case SAME -> "same (" + c.fingerprint().events() + " events)";
            case DIFFERS -> c.divergence() == null ? "differs"
                    : "differs from event " + c.divergence().first();
        };
    }

    private static void divergence(PrintWriter o, ScenarioCheck c) {
        Divergence d = c.divergence();
        Fingerprint old = c.baseline().fingerprint();
        String lengths = c.fingerprint().events() + " events now, " + old.events() + " recorded";
        if (d == null) {
            o.println("    trace: differs, yet every block hash matches (" + lengths + ")");
            return;
        }
        if (d.exact()) {
            o.printf(Locale.ROOT, "    trace of replication %d (seed %d, %s): first difference at event %d%n",
                    old.replication(), old.seed(), lengths, d.first());
            o.println("      now:      " + (d.line() == null ? "(the trace has ended)" : tabs(d.line())));
            o.println("      recorded: " + (d.baselineKind() == null ? "(the trace had ended)"
                    : article(d.baselineKind()) + " " + d.baselineKind() + " event" + (d.line() != null
                            && kindOf(d.line()).equals(d.baselineKind()) ? " with other time or details"
                            : " (" + kindOf(d.line()) + " now)")));
        } else {
            o.printf(Locale.ROOT, "    trace of replication %d (seed %d, %s): first difference within events %d to"
                    + " %d (past the %d events recorded one by one)%n", old.replication(), old.seed(), lengths,
                    d.first(), d.last(), old.prefixEvents());
            o.println("      now, event " + d.first() + ": " + tabs(d.line()));
        }
        if (!d.before().isEmpty()) {
            o.println("      the same in both, just before:");
            d.before().forEach(l -> o.println("                " + tabs(l)));
        }
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String kindOf(String line) {
        String[] f = line.split("\t", 3);
        return f.length > 1 ? f[1] : "";
    }

    private static String tabs(String line) {
        return line.replace('\t', ' ');
    }

    private static String number(Double v) {
        if (v == null) {
            return "no value";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString(v.longValue());
        }
        return Tolerance.number(v);
    }

    private static String change(Double old, Double now) {
        if (old == null || now == null || old == 0) {
            return "";
        }
        return String.format(Locale.ROOT, " (%+.2f %%)", (now - old) / Math.abs(old) * 100);
    }
}
