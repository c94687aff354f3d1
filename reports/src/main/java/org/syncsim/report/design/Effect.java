package org.syncsim.report.design;

import org.syncsim.report.stats.MeanCi;

/**
 * The change of one metric from the baseline to a configuration on one base scenario, paired by seed over the
 * replications where both have a value: the means of both over those seeds, and the mean per-seed difference with
 * its paired 95 % interval ({@link MeanCi#pairedDifference}, its low end kept at or above −100 %, {@link #low}). The
 * relative change divides the difference and its
 * interval by the baseline's mean over the same seeds (NaN when that mean is 0).
 */
public record Effect(String base, String configuration, String metric, CellResult baselineCell, CellResult cell,
        double baselineMean, double mean, MeanCi difference) {

    /** Whether some seed has a value in both cells. */
    public boolean hasValue() {
        return difference.hasValue();
    }

    /** The difference as a fraction of the baseline's mean (−0.4: 40 % less). */
    public double relative() {
        return difference.mean() / baselineMean;
    }

    /**
     * The low end of the difference's interval, or null without one. Every metric here is at least 0, so the
     * configuration's mean cannot fall below 0: the low end is raised to −(baseline mean), a −100 % change, where
     * Student's t would reach past it.
     */
    public Double low() {
        return difference.low() == null ? null : Math.max(difference.low(), -baselineMean);
    }

    /** The low end of the relative difference's interval (at least −100 %), or NaN without one. */
    public double relativeLow() {
        return difference.low() == null ? Double.NaN : low() / baselineMean;
    }

    /** The high end of the relative difference's interval, or NaN without one. */
    public double relativeHigh() {
        return difference.high() == null ? Double.NaN : difference.high() / baselineMean;
    }

    /** Whether the interval lies wholly below zero: the configuration lowers the metric (all are costs or harms). */
    public boolean better() {
        return difference.low() != null && difference.high() < 0;
    }

    /** Whether the interval lies wholly above zero: the configuration raises a cost or a harm. */
    public boolean worse() {
        return difference.low() != null && difference.low() > 0;
    }
}
