package org.syncsim.channel.link;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Latency and loss models take only parameters that mean something; outages are half-open windows. */
class LinkModelBoundsTest {
    private final UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(5L);

    @Test
    void anOutageCoversItsStartButNotItsEnd() {
        Outage all = new Outage(10, 20, Outage.ALL_CLIENTS);
        assertFalse(all.covers(3, 9));
        assertTrue(all.covers(3, 10));
        assertTrue(all.covers(3, 19));
        assertFalse(all.covers(3, 20));
        Outage one = new Outage(10, 20, 2);
        assertTrue(one.covers(2, 15));
        assertFalse(one.covers(1, 15));
        assertFalse(new Outage(10, 10, 2).covers(2, 10), "an empty outage covers nothing");
        assertThrows(IllegalArgumentException.class, () -> new Outage(10, 9, 2));
    }

    @Test
    void lossProbabilitiesMustLieInZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> LossModel.bernoulli(-0.01));
        assertThrows(IllegalArgumentException.class, () -> LossModel.bernoulli(1.01));
        assertThrows(IllegalArgumentException.class, () -> LossModel.bernoulli(Double.NaN));
        for (int i = 0; i < 4; i++) {
            double[] p = {0.1, 0.2, 0, 1};
            p[i] = 1.5;
            double[] q = p;
            assertThrows(IllegalArgumentException.class, () -> LossModel.gilbertElliott(q[0], q[1], q[2], q[3]),
                    "parameter " + i);
        }
        LossProcess always = LossModel.bernoulli(1).process(rng);
        LossProcess never = LossModel.bernoulli(0).process(rng);
        for (int i = 0; i < 1000; i++) {
            assertTrue(always.lose());
            assertFalse(never.lose());
        }
        LossConfig ge = LossConfig.gilbertElliott(0.1, 0.2, 0, 1);
        assertEquals(List.of(0.1, 0.2, 0.0, 1.0), List.of(ge.goodToBad(), ge.badToGood(), ge.lossInGood(),
                ge.lossInBad()));
    }

    @Test
    void latencyBoundsAreInclusiveAtZeroAndRefusedBelow() {
        assertEquals(0, LatencyModel.constant(0).sampler(rng).receiveMicros(0, 10));
        assertThrows(IllegalArgumentException.class, () -> LatencyModel.constant(-1));
        LatencySampler zero = LatencyModel.uniform(0, 0).sampler(rng);
        LatencySampler two = LatencyModel.uniform(5, 6).sampler(rng);
        boolean sawSix = false;
        for (int i = 0; i < 200; i++) {
            assertEquals(0, zero.receiveMicros(i, 10));
            long d = two.receiveMicros(i, 10);
            assertTrue(d == 5 || d == 6, "uniform on [5, 6] us drew " + d);
            sawSix |= d == 6;
        }
        assertTrue(sawSix, "the upper bound is included");
        assertThrows(IllegalArgumentException.class, () -> LatencyModel.uniform(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> LatencyModel.uniform(5, 4));
        assertThrows(IllegalArgumentException.class, () -> LatencyModel.logNormal(0, 10));
        assertThrows(IllegalArgumentException.class, () -> LatencyModel.logNormal(80, 80));
        assertEquals(0, LatencyModel.empirical(new long[] {0}).sampler(rng).receiveMicros(0, 10));
        assertThrows(IllegalArgumentException.class, () -> LatencyModel.empirical(new long[] {5, -1}));
    }

    @Test
    void correlatedLatencyParametersInTheUnitsItsConnectionsUse() {
        assertThrows(IllegalArgumentException.class, () -> LatencyModel.correlated(0, 250, 60, 2, 3000, 25000));
        assertThrows(IllegalArgumentException.class, () -> LatencyModel.correlated(80, 80, 60, 2, 3000, 25000));
        assertThrows(IllegalArgumentException.class, () -> LatencyModel.correlated(80, 250, 0, 2, 3000, 25000));
        assertDoesNotThrow(() -> LatencyModel.correlated(80, 250, 60, 0, 0, 0));
        LatencyModel.Correlated c = LatencyModel.Correlated.of(80, 250, 60, 2, 3000, 25000);
        assertEquals(60e6, c.correlationMicros(), 1e-6);
        assertEquals(2000, c.jitterMeanMicros(), 1e-9);
        // 3000 kbit/s = 375 000 bytes/s: 8/3 us per byte; 25 000 kbit/s: 0.32 us per byte.
        assertEquals(8.0 / 3, c.uploadMicrosPerByte(), 1e-12);
        assertEquals(0.32, c.downloadMicrosPerByte(), 1e-12);
        assertEquals(0, LatencyModel.Correlated.of(80, 250, 60, 2, 0, 0).uploadMicrosPerByte());
    }
}
