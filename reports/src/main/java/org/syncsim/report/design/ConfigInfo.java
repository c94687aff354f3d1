package org.syncsim.report.design;

import java.util.List;

/**
 * A protocol configuration of a design matrix as the page shows it.
 *
 * @param policy the plan policy it switches on alone, or null
 * @param kind that policy's kind, or null
 * @param targets the spec §9 flaws the policy targets ({@code B1, B36}), or null
 * @param planShare the share of the raid running plan with every policy: 1 for plan, the fraction for a roll-out,
 *     null for any other configuration
 * @param overrides the {@code --set}s it adds to a base scenario
 */
public record ConfigInfo(String id, String label, String policy, String kind, String targets, Double planShare,
        List<String> overrides) {
    public ConfigInfo {
        overrides = List.copyOf(overrides);
    }
}
