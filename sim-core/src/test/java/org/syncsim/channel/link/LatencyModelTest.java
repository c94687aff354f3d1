package org.syncsim.channel.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.RandomStreams;
import org.syncsim.engine.SimTime;

class LatencyModelTest {
    @Test
    void logNormalHasTheGivenMedianAndP95() {
        LatencySampler s = LatencyModel.of(LatencyConfig.logNormal(80, 250)).sampler(RandomStreams.fresh(7, "lat"));
        long[] x = new long[200_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = s.receiveMicros(0, 0);
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
            long v = u.receiveMicros(0, 0);
            assertTrue(v >= 20_000 && v <= 30_000);
            assertEquals(12_500, c.receiveMicros(0, 0));
            long w = e.receiveMicros(0, 0);
            assertTrue(w == 10_000 || w == 50_000);
            sawTen |= w == 10_000;
            sawFifty |= w == 50_000;
        }
        assertTrue(sawTen && sawFifty);
    }

    @Test
    void iidModelsHaveNoSenderLegAndDrawNothingForIt() {
        LatencyModel m = LatencyModel.of(LatencyConfig.logNormal(80, 250));
        LatencySampler s = m.sampler(RandomStreams.fresh(7, "lat"));
        LatencySampler t = m.sampler(RandomStreams.fresh(7, "lat"));
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, s.sendMicros(i, 500));
            assertEquals(t.receiveMicros(0, 0), s.receiveMicros(i * 1000L, 500));
        }
    }

    @Test
    void correlatedCopyPickedAtRandomHasAboutTheLogNormalsMedianAndP95() {
        LatencyModel m = LatencyModel.of(LatencyConfig.correlated());
        long[] x = new long[100_000];
        for (int i = 0; i < x.length; i++) {
            LatencySampler sender = m.sampler(RandomStreams.fresh(i, "s"));
            LatencySampler recipient = m.sampler(RandomStreams.fresh(i, "r"));
            x[i] = sender.sendMicros(0, 0) + recipient.receiveMicros(0, 0);
        }
        Arrays.sort(x);
        assertEquals(80_000, x[x.length / 2], 80_000 * 0.05);
        assertEquals(250_000, x[(int) (x.length * 0.95)], 250_000 * 0.05);
    }

    @Test
    void correlatedDelayBarelyMovesWithinASecondAndForgetsItsValueOverMinutes() {
        LatencyConfig c = LatencyConfig.correlated(80, 250, 60, 0, 0, 0);
        LatencyModel m = LatencyModel.of(c);
        int n = 2000;
        double[] start = new double[n];
        double[] second = new double[n];
        double[] tenMinutes = new double[n];
        for (int i = 0; i < n; i++) {
            LatencySampler link = m.sampler(RandomStreams.fresh(i, "link"));
            start[i] = Math.log(link.receiveMicros(0, 0));
            second[i] = Math.log(link.receiveMicros(SimTime.seconds(1), 0));
            tenMinutes[i] = Math.log(link.receiveMicros(SimTime.seconds(601), 0));
        }
        assertTrue(correlation(start, second) > 0.97);
        assertTrue(Math.abs(correlation(start, tenMinutes)) < 0.1);
    }

    @Test
    void correlatedSerialisesEachMessageOnTheUploadAndEachCopyOnTheDownload() {
        // no wander (a day's correlation time, read twice in the same instant), no jitter: only the queues move
        LatencyModel m = LatencyModel.of(LatencyConfig.correlated(80, 250, 86_400, 0, 8, 80));
        LatencySampler sender = m.sampler(RandomStreams.fresh(1, "s"));
        LatencySampler recipient = m.sampler(RandomStreams.fresh(1, "r"));
        long up1 = sender.sendMicros(0, 1000);
        long up2 = sender.sendMicros(0, 1000);
        assertEquals(SimTime.seconds(1), up2 - up1, "1000 bytes at 8 kbit/s take 1 s, queued behind the first");
        long down1 = recipient.receiveMicros(0, 1000);
        long down2 = recipient.receiveMicros(0, 1000);
        long unaddressed = recipient.receiveMicros(0, 0);
        assertEquals(SimTime.millis(100), down2 - down1, "1000 bytes at 80 kbit/s take 100 ms");
        assertEquals(down2, unaddressed, "a copy the server does not send waits its turn but adds nothing");
    }

    private static double correlation(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
