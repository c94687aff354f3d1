package org.syncsim.report.design;

import java.util.List;
import java.util.Map;

/**
 * Everything {@code design-report.html} shows: the matrix, its configurations and base scenarios, and every cell's
 * results read back from the files beside the page.
 *
 * @param source the matrix file (or bundled matrix)
 * @param focus the id of the base scenario the charts show
 * @param skipped cells not simulated, by id, with why
 * @param command the command that wrote the page
 */
public record DesignInput(String title, String description, String source, int replications, long seed,
        String baseline, String focus, List<ConfigInfo> configurations, List<BaseScenario> bases,
        List<CellResult> cells, Map<String, String> skipped, String command) {
    public DesignInput {
        configurations = List.copyOf(configurations);
        bases = List.copyOf(bases);
        cells = List.copyOf(cells);
        skipped = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skipped));
    }
}
