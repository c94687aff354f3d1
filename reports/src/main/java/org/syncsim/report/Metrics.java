package org.syncsim.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.syncsim.report.stats.MeanCi;

/** Numbers derived from the replications of a run, shared by the charts and the pages. */
public final class Metrics {
    private Metrics() {
    }

    /**
     * Every scalar metric across replications in first-seen order, over the replications that have a value for it
     * (see {@link #values}).
     */
    public static Map<String, MeanCi> aggregate(Replications results) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (Replications.Scalars r : results.scalars()) {
            r.metrics().keySet().forEach(k -> names.putIfAbsent(k, Boolean.TRUE));
        }
        Map<String, MeanCi> out = new LinkedHashMap<>();
        for (String name : names.keySet()) {
            out.put(name, MeanCi.of(values(results, name)));
        }
        return out;
    }

    /**
     * One scalar metric of the replications that have a value for it: a run that lacks the metric counts 0 (a
     * command it never sent), a run where it has no value ({@code null}, a time to sync where no wait ended) is
     * left out.
     */
    public static double[] values(Replications results, String metric) {
        return present(perReplication(results, metric));
    }

    /** The values of {@link #perReplication} that exist (not NaN), in order. */
    public static double[] present(double[] perReplication) {
        return java.util.Arrays.stream(perReplication).filter(v -> !Double.isNaN(v)).toArray();
    }

    /** One scalar metric per replication, in order, NaN where the run has no value (for pairing replications). */
    public static double[] perReplication(Replications results, String metric) {
        List<Replications.Scalars> all = results.scalars();
        double[] v = new double[all.size()];
        for (int i = 0; i < v.length; i++) {
            Map<String, Double> s = all.get(i).metrics();
            Double x = s.containsKey(metric) ? s.get(metric) : Double.valueOf(0);
            v[i] = x == null ? Double.NaN : x;
        }
        return v;
    }

    /** Nearest-rank percentile of a sorted sample ({@code p} in 0..1), NaN when empty; as {@code summary.json}. */
    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int r = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, r - 1)];
    }
}
