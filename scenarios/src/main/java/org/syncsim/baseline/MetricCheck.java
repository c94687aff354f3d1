package org.syncsim.baseline;

import org.syncsim.report.stats.MeanCi;

/**
 * One metric of a scenario checked against its baseline. On the recorded seeds runs are deterministic, so the new
 * mean must lie within the tolerance of the recorded mean (any change beyond it is behaviour, not chance). On other
 * seeds the new 95 % interval must overlap the recorded one widened by the tolerance on each side. A metric one
 * side lacks counts 0 there (a command never sent); a mean without a value (no wait ended) matches only another.
 */
public record MetricCheck(String metric, MetricBaseline baseline, MeanCi now, Tolerance tolerance, boolean ok) {
    /** Checks {@code now} against {@code baseline} (either null when that side lacks the metric). */
    static MetricCheck of(String metric, MetricBaseline baseline, MeanCi now, Tolerance tolerance,
            boolean sameSeeds) {
        MetricBaseline old = baseline != null ? baseline : new MetricBaseline(0.0, null, null, 0);
        MetricBaseline fresh = now != null ? MetricBaseline.of(now) : new MetricBaseline(0.0, null, null, 0);
        boolean ok;
        if (old.mean() == null || fresh.mean() == null) {
            ok = old.mean() == null && fresh.mean() == null;
        } else if (sameSeeds) {
            ok = Math.abs(fresh.mean() - old.mean()) <= tolerance.around(old.mean());
        } else {
            double low = old.lowOrMean() - tolerance.around(old.lowOrMean());
            double high = old.highOrMean() + tolerance.around(old.highOrMean());
            ok = fresh.highOrMean() >= low && fresh.lowOrMean() <= high;
        }
        return new MetricCheck(metric, old, now, tolerance, ok);
    }

    /** The new mean, null without a value. */
    public Double nowMean() {
        return now != null && now.hasValue() ? now.mean() : now == null ? Double.valueOf(0) : null;
    }
}
