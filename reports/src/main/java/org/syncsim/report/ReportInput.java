package org.syncsim.report;

import java.util.List;
import java.util.Map;
import org.syncsim.metrics.RunResult;
import org.syncsim.report.stats.MeanCi;

/**
 * Everything a report shows about one scenario run: what ran (name, description, the resolved YAML, seed,
 * overrides), who took part (roster in client-id order), the throttle budgets that apply, and what the report
 * needs of every replication ({@link Replications}, taken in one result at a time). Independent of the scenario
 * classes so that reports can be rendered from constructed results.
 *
 * @param label how a comparison names this variant (the scenario name if there is no comparison)
 * @param warmUpMicros {@code run.warm-up}: the timeline shows this stretch, the totals do not count it
 */
public record ReportInput(String scenario, String label, String description, String scenarioYaml, long seed,
        List<String> overrides, List<ClientInfo> roster, List<BudgetLine> budgets, Replications replications,
        long warmUpMicros) {

    /** An input of a list of results (in replication order). */
    public ReportInput(String scenario, String label, String description, String scenarioYaml, long seed,
            List<String> overrides, List<ClientInfo> roster, List<BudgetLine> budgets, List<RunResult> replications,
            long warmUpMicros) {
        this(scenario, label, description, scenarioYaml, seed, overrides, roster, budgets,
                Replications.of(replications), warmUpMicros);
    }

    /** An input of a list of results (in replication order), without warm-up. */
    public ReportInput(String scenario, String label, String description, String scenarioYaml, long seed,
            List<String> overrides, List<ClientInfo> roster, List<BudgetLine> budgets, List<RunResult> replications) {
        this(scenario, label, description, scenarioYaml, seed, overrides, roster, budgets, replications, 0);
    }

    public ReportInput {
        overrides = List.copyOf(overrides);
        roster = List.copyOf(roster);
        budgets = List.copyOf(budgets);
        if (replications.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one replication");
        }
    }

    /** This input under another comparison label. */
    public ReportInput withLabel(String newLabel) {
        return new ReportInput(scenario, newLabel, description, scenarioYaml, seed, overrides, roster, budgets,
                replications, warmUpMicros);
    }

    /** Every scalar metric across the replications, as {@code summary.json} aggregates them. */
    public Map<String, MeanCi> aggregate() {
        return Metrics.aggregate(replications);
    }

    /** The role of a client id ({@code member} if the roster does not know it). */
    public String role(int client) {
        return client < roster.size() ? roster.get(client).role() : "member";
    }
}
