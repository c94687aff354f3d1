package org.syncsim.run;

import org.syncsim.report.stats.MeanCi;

/**
 * One metric across replications as {@code summary.json} writes it: how many replications had a value, their
 * mean, sample standard deviation, the 95 % confidence interval of the mean (the deterministic bootstrap
 * percentile interval of {@link MeanCi}, which never leaves the range of the values; absent for a single value),
 * minimum and maximum. With no value at all (a time to sync where no wait
 * ended in any replication) {@code n} is 0 and the rest is absent, never 0.
 */
public record Aggregate(long n, Double mean, Double sd, Double ci95Low, Double ci95High, Double min, Double max) {

    public static Aggregate of(MeanCi m) {
        if (!m.hasValue()) {
            return new Aggregate(0, null, null, null, null, null, null);
        }
        return new Aggregate(m.n(), m.mean(), m.sd(), m.low(), m.high(), m.min(), m.max());
    }
}
