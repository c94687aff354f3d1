package org.syncsim.run;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * One metric across replications: mean, sample standard deviation, the 95 % confidence interval of the mean
 * (Student's t with n − 1 degrees of freedom; absent for a single replication), minimum and maximum.
 */
public record Aggregate(long n, double mean, Double sd, Double ci95Low, Double ci95High, double min, double max) {

    public static Aggregate of(double[] values) {
        SummaryStatistics st = new SummaryStatistics();
        for (double v : values) {
            st.addValue(v);
        }
        long n = st.getN();
        if (n < 2) {
            return new Aggregate(n, st.getMean(), null, null, null, st.getMin(), st.getMax());
        }
        double sd = st.getStandardDeviation();
        double half = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        return new Aggregate(n, st.getMean(), sd, st.getMean() - half, st.getMean() + half, st.getMin(), st.getMax());
    }
}
