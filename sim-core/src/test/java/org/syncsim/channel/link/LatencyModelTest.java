package org.syncsim.channel.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.RandomStreams;

class LatencyModelTest {
    @Test
    void defaultLogNormalHasMedian80msAndP95Of250ms() {
        LatencySampler s = LatencyModel.of(LatencyConfig.defaults()).sampler(RandomStreams.fresh(7, "lat"));
        long[] x = new long[200_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = s.sampleMicros();
        }
        Arrays.sort(x);
        assertEquals(80_000, x[x.length / 2], 80_000 * 0.02);
        assertEquals(250_000, x[(int) (x.length * 0.95)], 250_000 * 0.03);
    }

    @Test
    void uniformConstantAndEmpiricalStayInTheirSupport() {
        LatencySampler u = LatencyModel.of(LatencyConfig.uniform(20, 30)).sampler(RandomStreams.fresh(7, "u"));
        LatencySampler c = LatencyModel.of(LatencyConfig.constant(12.5)).sampler(RandomStreams.fresh(7, "c"));
        LatencySampler e = LatencyModel.of(LatencyConfig.empirical(List.of(10.0, 50.0)))
                .sampler(RandomStreams.fresh(7, "e"));
        boolean sawTen = false;
        boolean sawFifty = false;
        for (int i = 0; i < 10_000; i++) {
            long v = u.sampleMicros();
            assertTrue(v >= 20_000 && v <= 30_000);
            assertEquals(12_500, c.sampleMicros());
            long w = e.sampleMicros();
            assertTrue(w == 10_000 || w == 50_000);
            sawTen |= w == 10_000;
            sawFifty |= w == 50_000;
        }
        assertTrue(sawTen && sawFifty);
    }
}
