package org.syncsim.report.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * One metric across replications: mean, sample standard deviation and the 95 % confidence interval of the mean,
 * the same estimate as {@code summary.json}'s {@code aggregate}. Without any value (a time to sync in runs where no
 * wait ended) the mean, minimum and maximum are NaN, which the pages show as a dash.
 *
 * <p>The interval is the <b>bootstrap percentile interval</b> (Efron and Tibshirani, <i>An Introduction to the
 * Bootstrap</i>, 1993, ch. 13): {@value #RESAMPLES} resamples of the values with replacement, and the 2.5th and
 * 97.5th percentiles of their means (the 250th and 9 750th of the sorted means). Every resample's mean lies between
 * the smallest and the largest value, so the interval never leaves the observed range and therefore never the
 * metric's own (a count or a time below zero, a fraction outside [0, 1]), which Student's t did with few skewed
 * replications ({@code aborted_handlers 148 [-125.3, 421.3]}). It is deterministic: the values are sorted first
 * and the resamples drawn from a Mersenne Twister seeded with the fixed {@link #BOOTSTRAP_SEED}, so the same
 * values give the same interval, bit for bit, in any order and on any number of threads. With one value there is
 * no interval (null); with two it is the range of the two values, and with three it is close to it: a rough
 * bracket, not a 95 % coverage claim (rerun with more replications).
 */
public record MeanCi(long n, double mean, Double sd, Double low, Double high, double min, double max) {
    /** Resamples per interval: (9 999 + 1) × 2.5 % is a whole rank, so no percentile needs interpolation. */
    public static final int RESAMPLES = 9_999;
    /** The seed of every bootstrap, fixed so an interval depends on the values alone. */
    public static final long BOOTSTRAP_SEED = 13L;

    public static MeanCi of(double[] values) {
        SummaryStatistics st = stats(values);
        long n = st.getN();
        if (n < 2) {
            return new MeanCi(n, st.getMean(), null, null, null, st.getMin(), st.getMax());
        }
        double[] ci = bootstrapPercentile(values);
        return new MeanCi(n, st.getMean(), st.getStandardDeviation(), ci[0], ci[1], st.getMin(), st.getMax());
    }

    /** The 95 % bootstrap percentile interval of the mean of at least two values, within [min, max]. */
    static double[] bootstrapPercentile(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        if (Double.compare(v[0], v[n - 1]) == 0) {
            return new double[] {v[0], v[0]}; // every resample's mean is clamped to the one value below
        }
        double[] means = BootstrapDraws.resampleMeans(v, RESAMPLES, BOOTSTRAP_SEED);
        Arrays.sort(means);
        int lowRank = (RESAMPLES + 1) / 40; // 250th of 9 999: the 2.5th percentile
        double low = means[lowRank - 1];
        double high = means[RESAMPLES - lowRank]; // 9 750th
        // a sum of equal values divided by n can miss the value by an ulp; the interval stays in the data's range
        return new double[] {Math.max(v[0], Math.min(low, v[n - 1])), Math.min(v[n - 1], Math.max(high, v[0]))};
    }

    /**
     * The mean of paired differences (one per seed) with Student's t 95 % interval, n − 1 degrees of freedom. A
     * difference has no range to stay in, so the reason for the bootstrap does not apply, and with few seeds the
     * bootstrap percentile interval is far too narrow (with two seeds it is their range, so any two differences of
     * one sign would look significant); Student's t is honest there (t = 12.7 for two).
     */
    public static MeanCi pairedDifference(double[] differences) {
        SummaryStatistics st = stats(differences);
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
     * two variants did not run on the same seeds, so their replications cannot be paired). A difference may rightly
     * be negative, so this symmetric interval is kept for it.
     */
    public static MeanCi welchDifference(double[] a, double[] b) {
        SummaryStatistics sa = stats(a);
        SummaryStatistics sb = stats(b);
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

    private static SummaryStatistics stats(double[] values) {
        SummaryStatistics st = new SummaryStatistics();
        for (double v : values) {
            st.addValue(v);
        }
        return st;
    }
}
