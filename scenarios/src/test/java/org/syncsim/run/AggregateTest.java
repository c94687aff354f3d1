package org.syncsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    void confidenceIntervalUsesStudentsTWithNMinusOneDegreesOfFreedom() {
        // mean 2, sample sd 1, t(0.975, 2) = 4.302653 (standard t table): half-width 4.302653 / sqrt(3)
        Aggregate a = of(1, 2, 3);
        double half = 4.302653 / Math.sqrt(3);
        assertEquals(3, a.n());
        assertEquals(2.0, a.mean(), 1e-12);
        assertEquals(1.0, a.sd(), 1e-12);
        assertEquals(2 - half, a.ci95Low(), 1e-5);
        assertEquals(2 + half, a.ci95High(), 1e-5);
        assertEquals(1.0, a.min());
        assertEquals(3.0, a.max());
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
