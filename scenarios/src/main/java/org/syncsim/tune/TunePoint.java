package org.syncsim.tune;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.syncsim.run.Cell;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.sweep.SweepPoint;

/**
 * One point the tuner simulates: a value for every parameter, and the scenario they make, run on given seeds.
 *
 * @param id the point's directory: {@code t-} and a hash of its values and seeds, so that the same point on the
 *     same seeds is found again by a rerun (and simulated once however often the optimiser asks for it)
 * @param dir {@code evaluations} for the search, {@code confirmation} for the final run on fresh seeds
 * @param values per parameter key, the value as given after {@code key=}, in the file's order
 * @param scenario the bundled scenario or file the point starts from
 * @param overrides every {@code --set} the point applies: the file's, the parameters', then seed and replications
 * @param resolved the scenario with the overrides applied
 */
public record TunePoint(String id, String dir, Map<String, String> values, String scenario, List<String> overrides,
        LoadedScenario resolved) implements Cell {
    public TunePoint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        overrides = List.copyOf(overrides);
    }

    @Override
    public String file() {
        return dir + "/" + id + "/summary.json";
    }

    /** The parameters as {@code --set} assignments, e.g. {@code protocol.policies.backoff.base=5s}. */
    public List<String> assignments() {
        return SweepPoint.assignments(values);
    }
}
