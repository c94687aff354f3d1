package org.syncsim.report.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The resample indexes of {@link MeanCi}'s bootstrap, drawn once per sample size. The bootstrap seeds its Mersenne
 * Twister with a fixed seed, so which positions of the sorted values resample {@code b} takes depends on the number of
 * values alone: every metric of every cell with n replications draws the same {@code RESAMPLES × n} indexes. A
 * sweep or design report computes intervals for dozens of metrics per cell, so drawing them once per n (and summing
 * in the same order) gives the same means, bit for bit, at a fraction of the cost. Sizes up to {@value #MAX_CACHED}
 * are kept (one byte per index, at most 1.3 MB each); larger ones are drawn afresh each time.
 */
final class BootstrapDraws {
    /** The largest sample size whose draws are kept; an index then fits in a byte. */
    static final int MAX_CACHED = 127;
    private static final Map<Integer, byte[]> KEPT = new ConcurrentHashMap<>();

    private BootstrapDraws() {
    }

    /**
     * The means of {@code resamples} resamples of {@code v}, each drawn with replacement with
     * {@code rng.nextInt(n)} from a Mersenne Twister seeded with {@code seed} and summed in drawing order.
     */
    static double[] resampleMeans(double[] v, int resamples, long seed) {
        int n = v.length;
        double[] means = new double[resamples];
        if (n > MAX_CACHED) {
            RandomGenerator rng = new MersenneTwister(seed);
            for (int b = 0; b < resamples; b++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += v[rng.nextInt(n)];
                }
                means[b] = sum / n;
            }
            return means;
        }
        byte[] draws = KEPT.computeIfAbsent(n, k -> draw(k, resamples, seed));
        if (draws.length != resamples * n) {
            throw new IllegalArgumentException("kept draws are for another number of resamples");
        }
        int at = 0;
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += v[draws[at++]];
            }
            means[b] = sum / n;
        }
        return means;
    }

    private static byte[] draw(int n, int resamples, long seed) {
        RandomGenerator rng = new MersenneTwister(seed);
        byte[] out = new byte[resamples * n];
        for (int k = 0; k < out.length; k++) {
            out[k] = (byte) rng.nextInt(n);
        }
        return out;
    }
}
