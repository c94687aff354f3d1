package org.syncsim.baseline;

import java.util.List;
import java.util.Map;

/** A baseline file's content: tolerances set for every scenario, and each scenario's recorded measurements. */
public record Baseline(Map<String, ToleranceOverride> tolerances, List<ScenarioBaseline> scenarios) {
    /** The {@code syncsim_baseline} format this SyncSim reads and writes. */
    public static final int FORMAT = 1;

    public Baseline {
        tolerances = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tolerances));
        scenarios = List.copyOf(scenarios);
    }
}
