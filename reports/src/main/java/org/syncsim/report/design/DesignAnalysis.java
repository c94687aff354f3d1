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
 * metric of every base scenario, and the ranking of the configurations the page's summary states.
 */
public final class DesignAnalysis {
    /** The ablation table's metrics, in its column order: all of them costs or harms, so lower is better. */
    public static final List<Scalar> METRICS = List.of(Scalar.TIME_TO_SYNC_P50_S, Scalar.TIME_TO_SYNC_P95_S,
            Scalar.TIME_TO_SYNC_MAX_S, Scalar.SENT_BYTES, Scalar.SENT_MESSAGES, Scalar.SERVER_DISCONNECTS,
            Scalar.WAITING_AT_END, Scalar.DESYNCED_AT_END, Scalar.ABORTED_HANDLERS, Scalar.HITCH_FRAMES);
    /** The harms the symptoms chart counts: a run where one happened at all is a run that went wrong. */
    public static final List<Scalar> SYMPTOMS = List.of(Scalar.WAITING_AT_END, Scalar.DESYNCED_AT_END,
            Scalar.ABORTED_HANDLERS, Scalar.SERVER_DISCONNECTS, Scalar.HITCH_FRAMES);

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

    /** One line of the summary: a configuration, its largest proven gain and its largest proven loss (or null). */
    public record Ranked(ConfigInfo configuration, Effect best, Effect worst, double score) {
    }

    /** The harms that disqualify a base scenario's savings: bytes saved by not syncing are no gain. */
    static final List<Scalar> HARMS = List.of(Scalar.WAITING_AT_END, Scalar.DESYNCED_AT_END);

    /**
     * The compared configurations ranked by their largest relative reduction whose paired interval lies below
     * zero, on any metric and base scenario where the configuration proves no more members never synced or
     * silently desynced (else sending nothing would rank first) (a reduction from a baseline mean of 0 is impossible, so every score is
     * a share of something that happened); configurations without one follow, in matrix order. Each also carries
     * its largest proven relative increase (an increase from 0 counts as the largest).
     */
    public List<Ranked> ranking() {
        List<Ranked> out = new ArrayList<>();
        for (ConfigInfo c : compared()) {
            Effect best = null;
            Effect worst = null;
            for (BaseScenario b : in.bases()) {
                boolean harms = HARMS.stream().map(h -> effect(b.id(), c.id(), h.key()))
                        .anyMatch(e -> e != null && e.worse());
                for (Scalar m : METRICS) {
                    Effect e = effect(b.id(), c.id(), m.key());
                    if (e == null || !e.hasValue()) {
                        continue;
                    }
                    if (e.better() && !harms && (best == null || e.relative() < best.relative())) {
                        best = e;
                    }
                    if (e.worse() && (worst == null || increase(e) > increase(worst))) {
                        worst = e;
                    }
                }
            }
            out.add(new Ranked(c, best, worst, best == null ? 0 : -best.relative()));
        }
        out.sort(Comparator.comparingDouble(Ranked::score).reversed());
        return out;
    }

    private static double increase(Effect e) {
        return e.baselineMean() == 0 ? Double.POSITIVE_INFINITY : e.relative();
    }

    /**
     * The share of a configuration's replications (over every base scenario it ran) in which a harm happened at
     * all, per symptom: comparable across symptoms whatever their scale.
     */
    public Map<Scalar, Double> symptomRates(String configuration) {
        Map<Scalar, Double> out = new LinkedHashMap<>();
        for (Scalar s : SYMPTOMS) {
            long runs = 0;
            long hit = 0;
            for (CellResult c : in.cells()) {
                if (!c.configuration().equals(configuration)) {
                    continue;
                }
                for (double v : c.values(s.key())) {
                    runs++;
                    hit += v > 0 ? 1 : 0;
                }
            }
            out.put(s, runs == 0 ? Double.NaN : (double) hit / runs);
        }
        return out;
    }
}
