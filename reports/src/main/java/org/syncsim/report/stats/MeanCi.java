package org.syncsim.report.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * One metric across replications: mean, sample standard deviation and the 95 % confidence interval of the mean
 * (Student's t with n − 1 degrees of freedom; null for fewer than two values), the same estimate as
 * {@code summary.json}'s {@code aggregate}. Without any value (a time to sync in runs where no wait ended) the
 * mean, minimum and maximum are NaN, which the pages show as a dash.
 */
public record MeanCi(long n, double mean, Double sd, Double low, Double high, double min, double max) {

    public static MeanCi of(double[] values) {
        SummaryStatistics st = new SummaryStatistics();
        for (double v : values) {
            st.addValue(v);
        }
        long n = st.getN();
        if (n < 2) {
            return new MeanCi(n, st.getMean(), null, null, null, st.getMin(), st.getMax());
        }
        double sd = st.getStandardDeviation();
        double half = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        return new MeanCi(n, st.getMean(), sd, st.getMean() - half, st.getMean() + half, st.getMin(), st.getMax());
    }

    /**
     * The difference of means {@code b − a} of two independent samples with Welch's 95 % interval (used when
     * two variants did not run on the same seeds, so their replications cannot be paired).
     */
    public static MeanCi welchDifference(double[] a, double[] b) {
        SummaryStatistics sa = new SummaryStatistics();
        SummaryStatistics sb = new SummaryStatistics();
        for (double v : a) {
            sa.addValue(v);
        }
        for (double v : b) {
            sb.addValue(v);
        }
        double diff = sb.getMean() - sa.getMean(); // NaN when either has no value
        if (sa.getN() < 2 || sb.getN() < 2) {
            return new MeanCi(Math.min(sa.getN(), sb.getN()), diff, null, null, null, diff, diff);
        }
        double va = sa.getVariance() / sa.getN();
        double vb = sb.getVariance() / sb.getN();
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new MeanCi(Math.min(sa.getN(), sb.getN()), diff, 0.0, diff, diff, diff, diff);
        }
        double df = (va + vb) * (va + vb) / (va * va / (sa.getN() - 1) + vb * vb / (sb.getN() - 1));
        double half = new TDistribution(null, df).inverseCumulativeProbability(0.975) * se;
        return new MeanCi(Math.min(sa.getN(), sb.getN()), diff, se, diff - half, diff + half, diff, diff);
    }

    /** Whether there was at least one value. */
    public boolean hasValue() {
        return n > 0;
    }

    /** Half the width of the interval, or 0 without one. */
    public double halfWidth() {
        return low == null ? 0 : (high - low) / 2;
    }

    /** Whether the interval exists and excludes zero. */
    public boolean excludesZero() {
        return low != null && (low > 0 || high < 0);
    }
}
