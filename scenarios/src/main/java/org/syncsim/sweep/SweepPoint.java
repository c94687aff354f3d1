package org.syncsim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.syncsim.run.Cell;
import org.syncsim.scenario.LoadedScenario;

/**
 * One point of a sweep: a value for every parameter, and the scenario they make.
 *
 * @param id the point's directory under {@code points/}: {@code p-} and a hash of its parameter values, so that it
 *     names the same point whatever other points a sweep adds or drops
 * @param values per parameter key, the value as given after {@code key=}, in the file's order
 * @param scenario the bundled scenario or file the point starts from
 * @param overrides every {@code --set} the point applies: the sweep's, the parameters', then seed and replications
 * @param resolved the scenario with the overrides applied
 */
public record SweepPoint(String id, Map<String, String> values, String scenario, List<String> overrides,
        LoadedScenario resolved) implements Cell {
    public SweepPoint {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        overrides = List.copyOf(overrides);
    }

    @Override
    public String file() {
        return "points/" + id + "/summary.json";
    }

    /** Parameter values as {@code --set} assignments, e.g. {@code protocol.policies.backoff.base=5s}, in order. */
    public static List<String> assignments(Map<String, String> values) {
        List<String> out = new ArrayList<>();
        values.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }
}
