package org.syncsim.baseline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scenario re-run against its baseline: each metric's check and the fingerprint's. A fingerprint is compared
 * only on the recorded seed (another seed is another trace) and when the baseline has one.
 */
public record ScenarioCheck(ScenarioBaseline baseline, List<MetricCheck> metrics, FingerprintStatus status,
        Fingerprint fingerprint, Divergence divergence) {
    /** What became of the fingerprint. */
    public enum FingerprintStatus {
        SAME, DIFFERS, NOT_CHECKED
    }

    public ScenarioCheck {
        metrics = List.copyOf(metrics);
    }

    /**
     * Compares {@code m} (measured with {@code sameSeeds} or not) with {@code b}, each metric with its tolerance
     * under {@code fileWide}; {@code statistical} false leaves the metrics unchecked, {@code fingerprints} false
     * the fingerprint.
     */
    public static ScenarioCheck of(ScenarioBaseline b, Map<String, ToleranceOverride> fileWide, Measurement m,
            boolean sameSeeds, boolean statistical, boolean fingerprints) {
        Set<String> names = new LinkedHashSet<>(b.metrics().keySet());
        names.addAll(m.metrics().keySet());
        List<MetricCheck> checks = new ArrayList<>();
        for (String name : statistical ? names : Set.<String>of()) {
            checks.add(MetricCheck.of(name, b.metrics().get(name), m.metrics().get(name), b.tolerance(name, fileWide),
                    sameSeeds));
        }
        FingerprintStatus status = !fingerprints || !sameSeeds || b.fingerprint() == null
                ? FingerprintStatus.NOT_CHECKED
                : m.fingerprint().sha256().equals(b.fingerprint().sha256()) && m.fingerprint().events()
                        == b.fingerprint().events() ? FingerprintStatus.SAME : FingerprintStatus.DIFFERS;
        return new ScenarioCheck(b, checks, status, m.fingerprint(), m.divergence());
    }

    /** The metrics that moved beyond their tolerance. */
    public List<MetricCheck> moved() {
        return metrics.stream().filter(c -> !c.ok()).toList();
    }

    /** Whether the scenario passes: no metric moved and the fingerprint, if checked, is the same. */
    public boolean ok() {
        return moved().isEmpty() && status != FingerprintStatus.DIFFERS;
    }
}
