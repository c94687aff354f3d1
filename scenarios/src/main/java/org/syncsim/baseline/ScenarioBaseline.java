package org.syncsim.baseline;

import java.util.List;
import java.util.Map;

/**
 * One scenario of a baseline: which scenario ({@code scenario}: a bundled name, or a file relative to the
 * baseline file's directory) with which settings ({@code overrides} as {@code --set} gives them, seed and
 * replications), the tolerances set for it, what each metric measured, and the fingerprint of replication 0's trace
 * (null if none was recorded).
 */
public record ScenarioBaseline(String scenario, String name, long seed, int replications, List<String> overrides,
        Map<String, ToleranceOverride> tolerances, Map<String, MetricBaseline> metrics, Fingerprint fingerprint) {
    public ScenarioBaseline {
        overrides = List.copyOf(overrides);
        tolerances = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tolerances));
    }

    /**
     * The tolerance of {@code metric}: its kind's default, then what the file sets for all scenarios and what it sets
     * for this one, each for the kind, the metric without its command ({@code sent_bytes}), then the metric
     * ({@code sent_bytes.BSEC}), the most specific last.
     */
    public Tolerance tolerance(String metric, Map<String, ToleranceOverride> fileWide) {
        MetricKind kind = MetricKind.of(metric);
        Tolerance t = kind.defaultTolerance();
        for (Map<String, ToleranceOverride> level : List.of(fileWide, tolerances)) {
            for (String key : List.of(kind.key(), MetricKind.baseName(metric), metric)) {
                ToleranceOverride o = level.get(key);
                if (o != null) {
                    t = o.applyTo(t);
                }
            }
        }
        return t;
    }
}
