package org.syncsim.report.sweep;

import java.util.List;
import java.util.Map;

/**
 * One sweep point's results as read back from its results file: its parameter values and every scalar metric per
 * replication (NaN where a replication has no value, a time to sync where no wait ended), with the seeds.
 *
 * @param id the point's id ({@code p-} and a hash of its values)
 * @param values per parameter key, the value as set, in the sweep file's order
 * @param file the results file, relative to the page
 * @param command the command that reproduces the point
 */
public record PointResult(String id, Map<String, String> values, String file, String command, List<Long> seeds,
        Map<String, double[]> metrics) {
    public PointResult {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        seeds = List.copyOf(seeds);
        metrics = Map.copyOf(metrics);
    }

    /** One metric per replication; a metric the point never recorded counts 0 (a command nobody sent). */
    public double[] values(String metric) {
        double[] v = metrics.get(metric);
        return v != null ? v : new double[seeds.size()];
    }

    /** The values as {@code key=value, key=value}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return b.toString();
    }
}
