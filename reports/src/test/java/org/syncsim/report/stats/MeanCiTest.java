package org.syncsim.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeanCiTest {
    @Test
    void intervalIsStudentTWithNMinusOneDegreesOfFreedom() {
        // 1..5: mean 3, sd sqrt(2.5); t(0.975, 4) = 2.7764451 (tables)
        MeanCi m = MeanCi.of(new double[] {1, 2, 3, 4, 5});
        double half = 2.7764451 * Math.sqrt(2.5) / Math.sqrt(5);
        assertEquals(3.0, m.mean());
        assertEquals(3.0 - half, m.low(), 1e-6);
        assertEquals(3.0 + half, m.high(), 1e-6);
        assertTrue(m.excludesZero());
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
}
