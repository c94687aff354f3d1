package org.syncsim.report.design;

import java.util.List;
import java.util.Map;

/**
 * The results of one cell as read back from its files: every scalar metric per replication (NaN where the
 * replication has no value, a time to sync where no wait ended), with the seeds they ran on, and the flaws
 * found in each replication.
 *
 * @param file the results file, relative to the page
 * @param flawsFile the flaws file beside it, relative to the page
 * @param command the command that reproduces the cell
 * @param findings per replication, the flaw findings of that run (empty where nothing broke)
 */
public record CellResult(String id, String base, String configuration, String file, String flawsFile,
        String command, List<Long> seeds, Map<String, double[]> metrics, List<List<FlawFinding>> findings) {
    public CellResult {
        seeds = List.copyOf(seeds);
        metrics = Map.copyOf(metrics);
        findings = findings.stream().map(List::copyOf).toList();
    }

    /** One metric per replication; a metric the cell never recorded counts 0 (a command nobody sent). */
    public double[] values(String metric) {
        double[] v = metrics.get(metric);
        return v != null ? v : new double[seeds.size()];
    }
}
