package org.syncsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.syncsim.report.stats.MeanCi;

class AggregateTest {
    private static Aggregate of(double... values) {
        return Aggregate.of(MeanCi.of(values));
    }

    @Test
    void noValueIsWrittenAsAbsentNotZero() {
        Aggregate a = of();
        assertEquals(0, a.n());
        assertNull(a.mean());
        assertNull(a.min());
        assertNull(a.max());
    }

    @Test
    void confidenceIntervalIsTheBootstrapPercentileIntervalAndStaysInTheMetricsRange() {
        // time_to_sync_p50_s over five replications, one of which hit a 15 s retry: Student's t gave [-0.96, 5.72]
        Aggregate a = of(0.9, 1.0, 1.1, 1.2, 7.71);
        MeanCi direct = MeanCi.of(new double[] {0.9, 1.0, 1.1, 1.2, 7.71});
        assertEquals(5, a.n());
        assertEquals(2.382, a.mean(), 1e-12);
        assertEquals(direct.low(), a.ci95Low());
        assertEquals(direct.high(), a.ci95High());
        assertTrue(a.ci95Low() >= 0.9 && a.ci95High() <= 7.71, a.ci95Low() + " .. " + a.ci95High());
        assertEquals(0.9, a.min());
        assertEquals(7.71, a.max());
    }

    @Test
    void aSingleReplicationHasNoInterval() {
        Aggregate a = of(7);
        assertEquals(7.0, a.mean());
        assertNull(a.sd());
        assertNull(a.ci95Low());
        assertNull(a.ci95High());
    }

    @Test
    void identicalValuesGiveAZeroWidthInterval() {
        Aggregate a = of(5, 5, 5, 5);
        assertEquals(5.0, a.ci95Low());
        assertEquals(5.0, a.ci95High());
    }
}
