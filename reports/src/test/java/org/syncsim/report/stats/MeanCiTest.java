package org.syncsim.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class MeanCiTest {
    @Test
    void intervalOfSkewedCountsNeverLeavesTheObservedRange() {
        // a few replications where handlers aborted, most where none did: Student's t went below zero here
        double[] aborted = {0, 0, 0, 0, 740};
        MeanCi m = MeanCi.of(aborted);
        assertEquals(148.0, m.mean());
        assertTrue(m.low() >= 0 && m.high() <= 740, m.low() + " .. " + m.high());
        assertTrue(m.low() <= m.mean() && m.mean() <= m.high());
        MeanCi fractions = MeanCi.of(new double[] {0.975, 1, 1, 1, 0.95});
        assertTrue(fractions.low() >= 0.95 && fractions.high() <= 1.0, "a fraction's interval stays in [0, 1]");
    }

    @Test
    void intervalIsTheBootstrapPercentileIntervalOfTheMean() {
        // for many roughly normal values the percentile interval approaches mean ± 1.96 sd / sqrt(n)
        double[] v = new double[200];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 37 % 101) / 10.0;
        }
        MeanCi m = MeanCi.of(v);
        double half = 1.96 * m.sd() / Math.sqrt(v.length);
        assertEquals(m.mean() - half, m.low(), 0.1 * half);
        assertEquals(m.mean() + half, m.high(), 0.1 * half);
    }

    @Test
    void sameValuesGiveTheSameIntervalBitForBitInAnyOrder() {
        MeanCi a = MeanCi.of(new double[] {2.382, 0.5, 14.4, 1.2, 3.3});
        MeanCi b = MeanCi.of(new double[] {14.4, 3.3, 2.382, 1.2, 0.5});
        assertEquals(Double.doubleToRawLongBits(a.low()), Double.doubleToRawLongBits(b.low()));
        assertEquals(Double.doubleToRawLongBits(a.high()), Double.doubleToRawLongBits(b.high()));
    }

    @Test
    void twoValuesGiveTheirRangeAndIdenticalValuesAPoint() {
        MeanCi two = MeanCi.of(new double[] {1, 5});
        assertEquals(1.0, two.low());
        assertEquals(5.0, two.high());
        MeanCi same = MeanCi.of(new double[] {0.1, 0.1, 0.1});
        assertEquals(0.1, same.low());
        assertEquals(0.1, same.high());
    }

    @Test
    void oneValueHasNoInterval() {
        MeanCi m = MeanCi.of(new double[] {7});
        assertNull(m.low());
        assertEquals(0, m.halfWidth());
        assertFalse(m.excludesZero());
    }

    @Test
    void noValueIsNotAZero() {
        MeanCi m = MeanCi.of(new double[0]);
        assertFalse(m.hasValue());
        assertTrue(Double.isNaN(m.mean()), "a metric without values has no mean, not 0");
        assertTrue(Double.isNaN(m.max()));
        assertFalse(m.excludesZero());
        assertTrue(Double.isNaN(MeanCi.welchDifference(new double[0], new double[] {1, 2}).mean()));
        assertFalse(MeanCi.welchDifference(new double[0], new double[] {1, 2}).excludesZero());
    }

    @Test
    void welchDifferenceUsesSatterthwaiteDegreesOfFreedom() {
        double[] a = {1, 2, 3, 4};
        double[] b = {3, 5, 7, 9, 11};
        // var a = 5/3, var b = 10; se^2 = 5/12 + 2 = 29/12; df = (29/12)^2 / ((5/12)^2/3 + 2^2/4) = 5.3567...
        MeanCi d = MeanCi.welchDifference(a, b);
        double se = Math.sqrt(29.0 / 12);
        double df = Math.pow(29.0 / 12, 2) / (Math.pow(5.0 / 12, 2) / 3 + 1.0);
        double t = new org.apache.commons.math3.distribution.TDistribution(df).inverseCumulativeProbability(0.975);
        assertEquals(4.5, d.mean(), 1e-12);
        assertEquals(4.5 - t * se, d.low(), 1e-9);
        assertTrue(t > 2.45 && t < 2.6, "t for about 5.36 degrees of freedom");
    }

    /** The bootstrap as first written: fresh draws for every interval, every metric resampled, constant or not. */
    private static double[] drawnAfresh(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        RandomGenerator rng = new MersenneTwister(MeanCi.BOOTSTRAP_SEED);
        double[] means = new double[MeanCi.RESAMPLES];
        for (int b = 0; b < MeanCi.RESAMPLES; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += v[rng.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        int lowRank = (MeanCi.RESAMPLES + 1) / 40;
        double low = means[lowRank - 1];
        double high = means[MeanCi.RESAMPLES - lowRank];
        return new double[] {Math.max(v[0], Math.min(low, v[n - 1])), Math.min(v[n - 1], Math.max(high, v[0]))};
    }

    @Test
    void keptDrawsAndTheConstantShortcutGiveTheIntervalOfFreshDrawsBitForBit() {
        SplittableRandom r = new SplittableRandom(7);
        int[] sizes = {2, 3, 5, 10, 24, 40, BootstrapDraws.MAX_CACHED, BootstrapDraws.MAX_CACHED + 1, 150};
        for (int n : sizes) {
            for (int kind = 0; kind < 5; kind++) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = switch (kind) {
                        case 0 -> r.nextDouble() * 1e6; // bytes
                        case 1 -> r.nextInt(3); // ties
                        case 2 -> 0.1; // one value whose sums miss it by an ulp
                        case 3 -> r.nextDouble() - 0.5; // signed
                        default -> i == 0 ? 740 : 0; // one outlier
                    };
                }
                double[] want = drawnAfresh(v);
                for (int twice = 0; twice < 2; twice++) { // drawn, then kept
                    double[] got = MeanCi.bootstrapPercentile(v);
                    assertEquals(Double.doubleToRawLongBits(want[0]), Double.doubleToRawLongBits(got[0]),
                            "low, n " + n + ", kind " + kind);
                    assertEquals(Double.doubleToRawLongBits(want[1]), Double.doubleToRawLongBits(got[1]),
                            "high, n " + n + ", kind " + kind);
                }
            }
        }
    }
}
