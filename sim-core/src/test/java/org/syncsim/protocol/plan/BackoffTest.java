package org.syncsim.protocol.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Retry delays follow base·multiplier^(n−1), capped, spread by the jitter law. */
class BackoffTest {
    private static final UniformRandomProvider RNG = RandomSource.SPLIT_MIX_64.create(42L);

    private static Backoff.Exponential exponential(Backoff.Jitter jitter) {
        return new Backoff.Exponential(2, 3, 30, 6, jitter);
    }

    @Test
    void withoutJitterDelaysGrowGeometricallyUpToTheCap() {
        Backoff.Exponential b = exponential(Backoff.Jitter.NONE);
        double[] expected = {2, 6, 18, 30, 30, 30};
        for (int n = 1; n <= 6; n++) {
            assertEquals(expected[n - 1], b.delay(n, 0, RNG), 1e-12, "retry " + n);
        }
    }

    @Test
    void fullJitterIsUniformBelowTheNominalDelay() {
        Backoff.Exponential b = exponential(Backoff.Jitter.FULL);
        double sum = 0;
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            double d = b.delay(2, 0, RNG);
            assertTrue(d >= 0 && d <= 6, "full jitter of 6 s: " + d);
            sum += d;
        }
        assertEquals(3, sum / draws, 0.05, "mean of U(0, 6)");
    }

    @Test
    void equalJitterKeepsAtLeastHalfTheNominalDelay() {
        Backoff.Exponential b = exponential(Backoff.Jitter.EQUAL);
        double sum = 0;
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            double d = b.delay(3, 0, RNG);
            assertTrue(d >= 9 && d <= 18, "equal jitter of 18 s: " + d);
            sum += d;
        }
        assertEquals(13.5, sum / draws, 0.1, "mean of 9 + U(0, 9)");
    }

    @Test
    void decorrelatedJitterDrawsBetweenBaseAndThreeTimesThePreviousDelayCapped() {
        Backoff.Exponential b = exponential(Backoff.Jitter.DECORRELATED);
        for (int i = 0; i < 10_000; i++) {
            double first = b.delay(1, 0, RNG);
            assertTrue(first >= 2 && first <= 6, "first: U(base, 3·base) = U(2, 6): " + first);
            double next = b.delay(2, 5, RNG);
            assertTrue(next >= 2 && next <= 15, "U(2, 15): " + next);
            double capped = b.delay(3, 20, RNG);
            assertTrue(capped >= 2 && capped <= 30, "capped at 30: " + capped);
        }
    }

    @Test
    void fixedBackoffRepeatsOneDelayAndNoneNeverRetries() {
        Backoff.Fixed f = new Backoff.Fixed(7, 3);
        assertEquals(7, f.delay(1, 0, RNG));
        assertEquals(7, f.delay(3, 7, RNG));
        assertEquals(3, f.maxRetries());
        assertEquals(0, new Backoff.None().maxRetries());
    }

    @Test
    void parametersOutsideTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff.Exponential(0, 2, 30, 3, Backoff.Jitter.NONE));
        assertThrows(IllegalArgumentException.class, () -> new Backoff.Exponential(2, 0.5, 30, 3, Backoff.Jitter.NONE));
        assertThrows(IllegalArgumentException.class, () -> new Backoff.Exponential(20, 2, 10, 3, Backoff.Jitter.NONE));
        assertThrows(IllegalArgumentException.class, () -> new Backoff.Fixed(5, 0));
    }
}
