package org.syncsim.tune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one evaluation is worth to the tuner: the objective's mean, every constraint's mean, whether all constraints
 * hold, and the single fitness CMA-ES minimises.
 *
 * <p><b>The rule for constraints.</b> CMA-ES uses only the order of its candidates' fitness values, so a candidate
 * breaking a constraint is ranked behind every candidate that keeps them all, and infeasible candidates among
 * themselves by how far they break them: a feasible candidate's fitness is the objective's mean (negated when it is
 * maximised); an infeasible one's is {@link #INFEASIBLE} × (1 + v), where v sums each broken constraint's excess
 * relative to its limit ((mean − max) / max(|max|, 1), likewise below a min), plus 1 when the objective has no
 * value (a time to sync in runs where no wait ended). Objective means must therefore stay below 10¹² in size,
 * which any SyncSim metric does.
 *
 * @param objective the objective's mean over the replications that have a value (NaN when none has)
 * @param constraints per constraint (in the file's order, keyed by metric and bound, e.g. {@code sent_bytes <= 60000}),
 *     the metric's mean
 * @param broken the constraints the means break, as in {@code constraints}' keys
 * @param violation v above (0 when feasible)
 * @param fitness what CMA-ES minimises
 */
public record Assessment(double objective, Map<String, Double> constraints, List<String> broken, double violation,
        double fitness) {
    /** The fitness floor of infeasible candidates: above any feasible metric mean. */
    public static final double INFEASIBLE = 1e12;

    public Assessment {
        constraints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(constraints));
        broken = List.copyOf(broken);
    }

    /** Whether every constraint holds and the objective has a value. */
    public boolean feasible() {
        return violation == 0;
    }

    /** Assesses an evaluation from its per-replication metric values ({@link TunePlan#values}). */
    public static Assessment of(TuneFile t, Map<String, double[]> metrics) {
        double objective = mean(metrics.get(t.objective().metric()));
        double v = Double.isNaN(objective) ? 1 : 0;
        Map<String, Double> means = new LinkedHashMap<>();
        List<String> broken = new java.util.ArrayList<>();
        for (TuneFile.Constraint c : t.constraints()) {
            double m = mean(metrics.get(c.metric()));
            String key = label(c);
            means.put(key, m);
            double excess = 0;
            if (Double.isNaN(m)) {
                excess = 1;
            } else {
                if (c.max() != null && m > c.max()) {
                    excess += (m - c.max()) / Math.max(Math.abs(c.max()), 1);
                }
                if (c.min() != null && m < c.min()) {
                    excess += (c.min() - m) / Math.max(Math.abs(c.min()), 1);
                }
            }
            if (excess > 0) {
                broken.add(key);
                v += excess;
            }
        }
        double fitness = v > 0 ? INFEASIBLE * (1 + v)
                : t.objective().goal() == TuneFile.Goal.MAXIMISE ? -objective : objective;
        return new Assessment(objective, means, broken, v, fitness);
    }

    /** A constraint in a few characters: {@code server_disconnects <= 0}, {@code 1 <= x <= 2}. */
    public static String label(TuneFile.Constraint c) {
        String num = c.max() != null ? fmt(c.max()) : null;
        if (c.min() != null && c.max() != null) {
            return fmt(c.min()) + " <= " + c.metric() + " <= " + num;
        }
        return c.max() != null ? c.metric() + " <= " + num : c.metric() + " >= " + fmt(c.min());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The mean of the values that are numbers; NaN when there are none (or no values at all). */
    static double mean(double[] values) {
        if (values == null) {
            return Double.NaN;
        }
        double sum = 0;
        int n = 0;
        for (double x : values) {
            if (!Double.isNaN(x)) {
                sum += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
