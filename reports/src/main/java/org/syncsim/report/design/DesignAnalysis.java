package org.syncsim.report.design;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.syncsim.metrics.Scalar;
import org.syncsim.report.stats.MeanCi;

/**
 * The numbers of a design report, computed from the cells' results: every configuration's paired effect on every
 * metric of every base scenario, the ranking of the configurations the page's summary states, and the spec §9
 * flaws found per configuration.
 */
public final class DesignAnalysis {
    /** The ablation table's metrics, in its column order: all of them costs or harms, so lower is better. */
    public static final List<Scalar> METRICS = List.of(Scalar.TIME_TO_SYNC_P50_S, Scalar.TIME_TO_SYNC_P95_S,
            Scalar.TIME_TO_SYNC_MAX_S, Scalar.SENT_BYTES, Scalar.SENT_MESSAGES, Scalar.SERVER_DISCONNECTS,
            Scalar.WAITING_AT_END, Scalar.DESYNCED_AT_END, Scalar.ABORTED_HANDLERS, Scalar.HITCH_FRAMES);

    private final DesignInput in;
    private final Map<String, CellResult> byKey = new HashMap<>();

    public DesignAnalysis(DesignInput in) {
        this.in = in;
        in.cells().forEach(c -> byKey.put(c.base() + "\u0000" + c.configuration(), c));
    }

    public DesignInput input() {
        return in;
    }

    /** The cell of a base scenario and configuration, or null when it was not simulated. */
    public CellResult cell(String base, String configuration) {
        return byKey.get(base + "\u0000" + configuration);
    }

    /** The configurations compared with the baseline, in matrix order. */
    public List<ConfigInfo> compared() {
        return in.configurations().stream().filter(c -> !c.id().equals(in.baseline())).toList();
    }

    /**
     * The effect of {@code configuration} against the baseline on one metric of one base scenario, paired over
     * the seeds both ran where both have a value; null when either cell is missing.
     */
    public Effect effect(String base, String configuration, String metric) {
        CellResult a = cell(base, in.baseline());
        CellResult b = cell(base, configuration);
        if (a == null || b == null) {
            return null;
        }
        double[] va = a.values(metric);
        double[] vb = b.values(metric);
        int[] pairs = IntStream.range(0, Math.min(va.length, vb.length))
                .filter(i -> a.seeds().get(i).equals(b.seeds().get(i)) && !Double.isNaN(va[i]) && !Double.isNaN(vb[i]))
                .toArray();
        double[] d = new double[pairs.length];
        double sa = 0;
        double sb = 0;
        for (int k = 0; k < pairs.length; k++) {
            d[k] = vb[pairs[k]] - va[pairs[k]];
            sa += va[pairs[k]];
            sb += vb[pairs[k]];
        }
        return new Effect(base, configuration, metric, a, b, sa / pairs.length, sb / pairs.length,
                MeanCi.pairedDifference(d));
    }

    /**
     * The metrics the ranking weighs, with their weights: a member left without the newest data (never synced, or
     * silently desynced) counts twice, because the sync failed; Lua errors, server disconnects, the 95th-percentile
     * time to sync and bytes sent once each, because they are what a working sync costs. The other ablation
     * metrics (p50, worst wait, messages, frame stalls) follow from these or are noisier, and are shown, not ranked.
     */
    public static final Map<Scalar, Integer> WEIGHTS = weights();

    private static Map<Scalar, Integer> weights() {
        Map<Scalar, Integer> w = new LinkedHashMap<>();
        w.put(Scalar.WAITING_AT_END, 2);
        w.put(Scalar.DESYNCED_AT_END, 2);
        w.put(Scalar.ABORTED_HANDLERS, 1);
        w.put(Scalar.SERVER_DISCONNECTS, 1);
        w.put(Scalar.TIME_TO_SYNC_P95_S, 1);
        w.put(Scalar.SENT_BYTES, 1);
        return java.util.Collections.unmodifiableMap(w);
    }

    /** The harms that disqualify a base scenario's savings: bytes saved by not syncing are no gain. */
    static final List<Scalar> HARMS = List.of(Scalar.WAITING_AT_END, Scalar.DESYNCED_AT_END);

    /**
     * One line of the summary: a configuration, the effects the ranking counted for it (proven gains and proven
     * losses on the weighted metrics, over every base scenario), its score and tie-breaks.
     *
     * @param gains the proven reductions counted, most important first (weight, then relative size)
     * @param losses the proven increases counted, most important first (weight, then relative size; an increase
     *     from 0 is the largest)
     * @param score the weighted gains minus the weighted losses
     * @param bases the base scenarios both it and the baseline ran
     */
    public record Ranked(ConfigInfo configuration, List<Effect> gains, List<Effect> losses, int score, int bases) {
        public Ranked {
            gains = List.copyOf(gains);
            losses = List.copyOf(losses);
        }

        /** The weighted proven losses: the first tie-break (fewer first). */
        public int lossWeight() {
            return losses.stream().mapToInt(e -> weight(e.metric())).sum();
        }

        /** The proven reductions' relative sizes summed (each at most 100 %): the second tie-break (more first). */
        public double gainSize() {
            return gains.stream().mapToDouble(e -> Math.min(1, -e.relative())).sum();
        }

        /** The most important gain, or null. */
        public Effect best() {
            return gains.isEmpty() ? null : gains.get(0);
        }

        /** The most important loss, or null. */
        public Effect worst() {
            return losses.isEmpty() ? null : losses.get(0);
        }
    }

    /**
     * The compared configurations ranked by what they prove against the baseline, over every base scenario: each
     * paired interval wholly below zero on a {@linkplain #WEIGHTS weighted metric} adds its weight, each wholly above
     * zero subtracts it. Two rules keep the count honest where a configuration changes who syncs at all:
     * <ul>
     * <li>on a base scenario where it proves more members never synced or silently desynced, its reductions of the
     * other metrics do not count (bytes saved by not syncing are no gain; its increases still count);</li>
     * <li>on a base scenario where it proves a change in members never synced, the time to sync does not count
     * either way: the times are then over different members (one who now syncs late instead of never adds a long
     * wait; one who now never syncs drops one).</li>
     * </ul>
     * Order: the higher score first; on a tie, the fewer weighted losses, then the larger sum of relative reductions
     * (each at most 100 %), then matrix order.
     */
    public List<Ranked> ranking() {
        List<Ranked> out = new ArrayList<>();
        for (ConfigInfo c : compared()) {
            List<Effect> gains = new ArrayList<>();
            List<Effect> losses = new ArrayList<>();
            int bases = 0;
            for (BaseScenario b : in.bases()) {
                if (cell(b.id(), c.id()) == null || cell(b.id(), in.baseline()) == null) {
                    continue;
                }
                bases++;
                boolean harms = HARMS.stream().map(h -> effect(b.id(), c.id(), h.key()))
                        .anyMatch(e -> e != null && e.worse());
                Effect never = effect(b.id(), c.id(), Scalar.WAITING_AT_END.key());
                boolean otherMembers = never != null && (never.better() || never.worse());
                for (Scalar m : WEIGHTS.keySet()) {
                    if (m == Scalar.TIME_TO_SYNC_P95_S && otherMembers) {
                        continue;
                    }
                    Effect e = effect(b.id(), c.id(), m.key());
                    if (e == null || !e.hasValue()) {
                        continue;
                    }
                    if (e.better() && (!harms || HARMS.contains(m))) {
                        gains.add(e);
                    } else if (e.worse()) {
                        losses.add(e);
                    }
                }
            }
            gains.sort(Comparator.comparingInt((Effect e) -> -weight(e.metric())).thenComparingDouble(Effect::relative));
            losses.sort(Comparator.comparingInt((Effect e) -> -weight(e.metric()))
                    .thenComparingDouble(e -> -increase(e)));
            int score = gains.stream().mapToInt(e -> weight(e.metric())).sum()
                    - losses.stream().mapToInt(e -> weight(e.metric())).sum();
            out.add(new Ranked(c, gains, losses, score, bases));
        }
        out.sort(Comparator.comparingInt((Ranked r) -> -r.score()).thenComparingInt(Ranked::lossWeight)
                .thenComparingDouble(r -> -r.gainSize())); // stable: matrix order last
        return out;
    }

    /** The weight of a metric in the ranking (0 for one it does not weigh). */
    public static int weight(String metric) {
        return WEIGHTS.entrySet().stream().filter(e -> e.getKey().key().equals(metric)).mapToInt(Map.Entry::getValue)
                .findFirst().orElse(0);
    }

    private static double increase(Effect e) {
        return e.baselineMean() == 0 ? Double.POSITIVE_INFINITY : e.relative();
    }

    /**
     * Per flaw group (the same spec §9 flaws found the same way, {@link FlawFinding#group}), the runs of a
     * configuration in which it was found, over the base scenarios both it and the baseline ran, in
     * {@link FlawFinding.Group} order (groups never found are left out; {@link #flawRunsTotal} is the runs).
     */
    public Map<FlawFinding.Group, Integer> flawRuns(String configuration) {
        Map<FlawFinding.Group, Integer> out = new java.util.TreeMap<>();
        for (CellResult c : in.cells()) {
            if (!c.configuration().equals(configuration) || cell(c.base(), in.baseline()) == null) {
                continue;
            }
            for (List<FlawFinding> run : c.findings()) {
                run.stream().map(FlawFinding::group).distinct().forEach(g -> out.merge(g, 1, Integer::sum));
            }
        }
        return out;
    }

    /** The runs {@link #flawRuns} counts for a configuration. */
    public int flawRunsTotal(String configuration) {
        return in.cells().stream().filter(c -> c.configuration().equals(configuration)
                && cell(c.base(), in.baseline()) != null).mapToInt(c -> c.findings().size()).sum();
    }

    /** Every flaw group found in any run of any configuration, in {@link FlawFinding.Group} order. */
    public List<FlawFinding.Group> flawGroups() {
        return in.cells().stream().flatMap(c -> c.findings().stream()).flatMap(List::stream)
                .map(FlawFinding::group).distinct().sorted().toList();
    }

    /** The flaw groups found under the baseline and in no run of {@code configuration}: what it removes. */
    public List<FlawFinding.Group> flawsRemoved(String configuration) {
        Map<FlawFinding.Group, Integer> mine = flawRuns(configuration);
        return flawRuns(in.baseline()).keySet().stream().filter(g -> !mine.containsKey(g)).toList();
    }

    /** The flaw groups found in some run of {@code configuration} and in none of the baseline's: what it adds. */
    public List<FlawFinding.Group> flawsAdded(String configuration) {
        Map<FlawFinding.Group, Integer> base = flawRuns(in.baseline());
        return flawRuns(configuration).keySet().stream().filter(g -> !base.containsKey(g)).toList();
    }
}
