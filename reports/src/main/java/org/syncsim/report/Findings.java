package org.syncsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.syncsim.metrics.ClientResult;
import org.syncsim.metrics.Scalar;
import org.syncsim.report.Replications.Count;
import org.syncsim.report.Replications.Flag;
import org.syncsim.report.html.Html;
import org.syncsim.report.stats.MeanCi;

/**
 * The plain-words lines at the top of a report: what was abnormal (members that never synced, silent desyncs,
 * aborted handlers, server disconnects, dropped messages, runs that hit their limit) and the headline sentence
 * on time and cost. Lines are text, not HTML; the page escapes them.
 */
public final class Findings {
    /** How bad a finding is; decides its colour. */
    public enum Severity { BAD, WARN, GOOD }

    /** One finding. */
    public record Finding(Severity severity, String text) {
    }

    private Findings() {
    }

    /** What was abnormal, worst first; a single good line when nothing was. */
    public static List<Finding> abnormal(ReportInput in) {
        Replications reps = in.replications();
        int n = reps.size();
        int members = reps.clientCount();
        List<Finding> out = new ArrayList<>();

        Replications.Flagged waiting = reps.flagged(Flag.WAITING);
        if (waiting.replications() > 0) {
            out.add(new Finding(Severity.BAD, String.format(java.util.Locale.ROOT,
                    "%s never got the newest data: %s.", inRuns(waiting.replications(), n, "member", waiting.total()),
                    names(waiting, n))));
        }
        Replications.Flagged away = reps.flagged(Flag.AWAY);
        long awayTotal = away.total();
        if (awayTotal > 0) {
            out.add(new Finding(Severity.WARN, inRuns(away.replications(), n, "member", awayTotal) + " ended out of"
                    + " the group (offline, left or never joined) holding older data: " + names(away, n) + ". They are"
                    + " not counted as waiting, which counts group members only."));
        }
        Replications.Flagged desync = reps.flagged(Flag.DESYNCED);
        if (desync.replications() > 0) {
            out.add(new Finding(Severity.BAD, inRuns(desync.replications(), n, "member", desync.total())
                    + " ended with a silent desync (claims the newest timestamp, holds other content): "
                    + names(desync, n) + "."));
        }
        long aborted = reps.total(Count.ABORTED_HANDLERS);
        if (aborted > 0) {
            out.add(new Finding(Severity.BAD, "Handlers aborted with a Lua error " + aborted + " time"
                    + (aborted == 1 ? "" : "s") + " over " + runs(n) + " (the addon's state was left half-updated): "
                    + names(reps.flagged(Flag.ABORTED), n) + "."));
        }
        long disconnects = reps.total(Count.SERVER_DISCONNECTS);
        if (disconnects > 0) {
            Replications.Flagged disc = reps.flagged(Flag.DISCONNECTED);
            out.add(new Finding(Severity.BAD, "The server disconnected clients for sending too fast: "
                    + disconnects + " disconnect" + (disconnects == 1 ? "" : "s") + " in " + disc.replications()
                    + " of " + runs(n) + " (" + names(disc, n) + ")."));
        }
        long malformed = reps.total(Count.MALFORMED_MESSAGES);
        if (malformed > 0) {
            out.add(new Finding(Severity.WARN, malformed + " received message" + (malformed == 1 ? " was" : "s were")
                    + " malformed and dropped over " + runs(n) + "."));
        }
        long refused = reps.total(Count.REFUSED_MESSAGES);
        if (refused > 0) {
            out.add(new Finding(Severity.WARN, refused + " received message" + (refused == 1 ? " was" : "s were")
                    + " refused by a policy (sender not permitted, or a version out of bounds) over " + runs(n)
                    + ": " + names(reps.flagged(Flag.REFUSED), n) + "."));
        }
        Map<String, Long> rejected = reps.rejectedByReason();
        Map<String, Long> lost = reps.lostByReason();
        if (!rejected.isEmpty()) {
            out.add(new Finding(Severity.WARN, "Messages that never left their sender or were discarded by the"
                    + " server, over " + runs(n) + ": " + reasons(rejected) + "."));
        }
        if (!lost.isEmpty()) {
            out.add(new Finding(Severity.WARN, "Copies that did not reach a recipient, over " + runs(n) + ": "
                    + reasons(lost) + "."));
        }
        long hitches = reps.total(Count.HITCH_FRAMES);
        if (hitches > 0) {
            ClientResult worst = reps.worstFrame();
            out.add(new Finding(Severity.WARN, String.format(java.util.Locale.ROOT,
                    "The addon's Lua work froze clients' game: %d frame%s over the hitch threshold over %s; the"
                            + " longest freeze was %.0f ms (%s); %s (a cost model, not a measurement: docs/protocol.md,"
                            + " \"Client CPU\").", hitches, hitches == 1 ? "" : "s", runs(n),
                    worst.worstFrameCpuMicros() / 1e3, worst.name(), names(reps.flagged(Flag.HITCHED), n))));
        }
        long limited = reps.stops().getOrDefault("limit", 0);
        if (limited > 0) {
            out.add(new Finding(Severity.WARN, limited + " of " + runs(n) + " hit the run's time limit before"
                    + " its stop condition."));
        }
        if (out.stream().noneMatch(f -> f.severity() == Severity.BAD) && awayTotal == 0) {
            out.add(0, new Finding(Severity.GOOD, "Nothing abnormal: all " + members + " members ended with the"
                    + " newest data in " + (n == 1 ? "the replication" : "every one of " + n + " replications")
                    + "; no desync, no aborted handler, no server disconnect."));
        }
        return out;
    }

    /**
     * Members that ended holding the newest data, intact (neither stale, in the group or out of it, nor desynced),
     * mean over replications. Counted per client because stale and desynced can overlap (a {@code seed} member still
     * missing sections may also hold a corrupted one).
     */
    public static double heldNewest(Replications reps) {
        return reps.heldNewest();
    }

    /**
     * The headline in a sentence or two, e.g. "39 of 40 members held the newest data at the end; waits took 4.2 s
     * at the median (p95 5.1 s); 2.30 MB sent per run, 97 % of it in BSEC messages."
     */
    public static String headline(ReportInput in) {
        Replications reps = in.replications();
        Map<String, MeanCi> a = in.aggregate();
        int members = reps.clientCount();
        double synced = heldNewest(reps);
        StringBuilder b = new StringBuilder();
        b.append(Html.number(synced)).append(" of ").append(members).append(" members held the newest data at the end");
        b.append(reps.size() > 1 ? " (mean of " + reps.size() + " replications)" : "").append("; ");
        MeanCi eps = a.get(Scalar.SYNC_EPISODES.key());
        boolean anyWait = reps.anyWait();
        MeanCi p50 = a.get(Scalar.TIME_TO_SYNC_P50_S.key());
        if (!p50.hasValue()) {
            b.append(anyWait ? "no member's wait for the new data ended" : "nobody had to wait for data");
        } else {
            b.append(Html.number(eps.mean())).append(eps.mean() == 1 ? " wait per run took " : " waits per run took ")
                    .append(Html.seconds(p50.mean())).append(" at the median")
                    .append(ci(p50, Unit.SECONDS))
                    .append(" (p95 ").append(Html.seconds(a.get(Scalar.TIME_TO_SYNC_P95_S.key()).mean()))
                    .append(", worst ").append(Html.seconds(a.get(Scalar.TIME_TO_SYNC_MAX_S.key()).mean())).append(")");
            if (p50.n() < reps.size()) {
                b.append(", in the ").append(p50.n()).append(" of ").append(reps.size())
                        .append(" replications where a wait ended");
            }
        }
        MeanCi bytes = a.get(Scalar.SENT_BYTES.key());
        b.append(". Cost: ").append(Html.bytes(bytes.mean())).append(ci(bytes, Unit.BYTES)).append(" in ")
                .append(Html.number(a.get(Scalar.SENT_MESSAGES.key()).mean())).append(" messages per run");
        String top = null;
        double topBytes = 0;
        Map<String, Double> byCmd = reps.sentBytesByCommand();
        double all = byCmd.values().stream().mapToDouble(Double::doubleValue).sum();
        for (Map.Entry<String, Double> e : byCmd.entrySet()) {
            if (e.getValue() > topBytes) {
                topBytes = e.getValue();
                top = e.getKey();
            }
        }
        if (top != null && all > 0) {
            String topMessages = Scalar.SENT_MESSAGES.forCommand(top);
            double msgs = a.containsKey(topMessages) ? a.get(topMessages).mean() : 0;
            b.append(", ").append(Html.percent(topBytes / all)).append(" of the bytes in ")
                    .append(Html.number(msgs)).append(' ').append(top).append(" message").append(msgs == 1 ? "" : "s");
        }
        MeanCi dup = a.get(Scalar.DUPLICATE_TRANSFERS.key());
        if (dup != null && dup.mean() > 0) {
            b.append("; ").append(Html.number(dup.mean())).append(" duplicate transfer")
                    .append(dup.mean() == 1 ? "" : "s").append(" (data the receiver already had)");
        }
        return b.append('.').toString();
    }

    static String ci(MeanCi m, Unit u) {
        return m.low() == null ? "" : " (95 % CI " + u.format(m.low()) + " – " + u.format(m.high()) + ")";
    }

    private static String inRuns(int reps, int n, String noun, long total) {
        if (n == 1) {
            return total + " " + noun + (total == 1 ? "" : "s");
        }
        return "In " + reps + " of " + n + " replications, " + total + " " + noun + (total == 1 ? "" : "s")
                + " in total";
    }

    private static String runs(int n) {
        return n == 1 ? "1 replication" : n + " replications";
    }

    /** The clients a flag held for, with how many replications each when there are several. */
    private static String names(Replications.Flagged flagged, int n) {
        Map<Integer, Integer> hits = flagged.replicationsByClient();
        List<String> parts = new ArrayList<>();
        int shown = 0;
        for (Map.Entry<Integer, Integer> e : hits.entrySet()) {
            if (shown++ == 12) {
                parts.add("and " + (hits.size() - 12) + " more");
                break;
            }
            parts.add(flagged.names().get(e.getKey()) + (n > 1 ? " (" + e.getValue() + "\u00d7)" : ""));
        }
        return String.join(", ", parts);
    }

    private static String reasons(Map<String, Long> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(v + " " + k.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
        return String.join(", ", parts);
    }
}
