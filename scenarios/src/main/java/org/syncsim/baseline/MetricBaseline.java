package org.syncsim.baseline;

import org.syncsim.report.stats.MeanCi;

/**
 * One metric as a baseline recorded it: the mean over the replications with a value, and its 95 % interval
 * ({@link MeanCi}; null bounds with fewer than two values, null mean with none).
 */
public record MetricBaseline(Double mean, Double low, Double high, long n) {
    /** The recorded form of an aggregate. */
    public static MetricBaseline of(MeanCi ci) {
        return new MetricBaseline(ci.hasValue() ? ci.mean() : null, ci.low(), ci.high(), ci.n());
    }

    /** The interval's low end, else the mean. */
    double lowOrMean() {
        return low != null ? low : mean;
    }

    /** The interval's high end, else the mean. */
    double highOrMean() {
        return high != null ? high : mean;
    }
}
