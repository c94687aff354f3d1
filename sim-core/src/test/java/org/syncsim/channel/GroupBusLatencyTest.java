package org.syncsim.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.link.LatencyConfig;
import org.syncsim.channel.server.ServerConfig;
import org.syncsim.engine.RandomStreams;
import org.syncsim.engine.RunLimits;
import org.syncsim.engine.SimTime;
import org.syncsim.engine.Simulation;
import org.syncsim.metrics.MetricsRecorder;

/** How the latency models shape a burst's arrivals through {@link GroupBus}'s fan-out and per-link FIFO. */
class GroupBusLatencyTest {
    private static final int MEMBERS = 40;
    private static final int BURST = 72;
    private static final String TEXT = "x".repeat(200);

    /** Arrival times of the burst at each recipient, sender 0 sending all of it at 1 s. */
    private static long[][] burstArrivals(LatencyConfig latency, long seed) {
        Simulation sim = new Simulation(seed);
        GroupBus bus = new GroupBus(sim, ChannelConfig.defaults().withServer(ServerConfig.unlimited())
                .withLatency(latency), MetricsRecorder.NONE);
        long[][] at = new long[MEMBERS][BURST];
        int[] got = new int[MEMBERS];
        for (int i = 0; i < MEMBERS; i++) {
            int r = i;
            bus.register(i, (now, prefix, text, dist, sender) -> at[r][got[r]++] = now, now -> { });
            bus.join(i);
        }
        sim.post(SimTime.seconds(1), t -> {
            for (int k = 0; k < BURST; k++) {
                bus.send(0, "TWRA", TEXT, Distribution.RAID, AddonChannel.NO_TARGET, Priority.NORMAL, "BSEC");
            }
        });
        sim.run(RunLimits.untilEmpty());
        for (int r = 0; r < MEMBERS; r++) {
            assertEquals(BURST, got[r]);
        }
        return at;
    }

    @Test
    void correlatedBurstArrivesAsOneBlockNotAtTheSlowestOfItsDraws() {
        int bytes = "TWRA".length() + 1 + TEXT.length() + ServerConfig.defaults().messageOverheadBytes();
        long upload = SimTime.seconds(BURST * bytes * 8 / (LatencyConfig.DEFAULT_UPLOAD_KBPS * 1000));
        for (long seed = 1; seed <= 5; seed++) {
            long[][] at = burstArrivals(LatencyConfig.correlated(), seed);
            for (int r = 0; r < MEMBERS; r++) {
                long spread = at[r][BURST - 1] - at[r][0];
                assertTrue(spread <= upload + SimTime.millis(30), "seed " + seed + " recipient " + r + ": the burst"
                        + " spreads over " + spread + " us, more than its upload time " + upload + " us + 30 ms");
            }
        }
    }

    @Test
    void iidBurstEndsAtTheSlowestOfItsDraws() {
        long spreads = 0;
        long[][] at = burstArrivals(LatencyConfig.logNormal(80, 250), 1);
        for (int r = 0; r < MEMBERS; r++) {
            spreads += at[r][BURST - 1] - at[r][0];
        }
        // the maximum of 72 draws of a log-normal with median 80 ms, p95 250 ms averages about 450 ms
        assertTrue(spreads / MEMBERS > SimTime.millis(250), "mean spread " + spreads / MEMBERS + " us");
    }

    /**
     * The i.i.d. models are what the channel did before {@code correlated} existed: every copy draws its delay
     * from its recipient's stream {@code channel/link/<id>/latency}, in relay order, and waits behind the link's
     * previous copy. Recomputed here from the streams alone, for two senders interleaving.
     */
    @Test
    void iidLogNormalDrawsEachCopyFromItsRecipientsStreamInRelayOrder() {
        long seed = 42;
        int members = 5;
        Simulation sim = new Simulation(seed);
        GroupBus bus = new GroupBus(sim, ChannelConfig.defaults().withServer(ServerConfig.unlimited())
                .withLatency(LatencyConfig.logNormal(80, 250)), MetricsRecorder.NONE);
        List<List<Long>> arrivals = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            List<Long> in = new ArrayList<>();
            arrivals.add(in);
            bus.register(i, (now, prefix, text, dist, from) -> in.add(now), now -> { });
            bus.join(i);
        }
        long[] sendAt = new long[60];
        int[] sender = new int[60];
        for (int k = 0; k < sendAt.length; k++) {
            sendAt[k] = SimTime.seconds(1) + SimTime.millis(7) * k;
            sender[k] = k % 3 == 0 ? 3 : 0;
            int s = sender[k];
            sim.post(sendAt[k], t -> bus.send(s, "TWRA", "m", Distribution.RAID, AddonChannel.NO_TARGET,
                    Priority.NORMAL, "TEST"));
        }
        sim.run(RunLimits.untilEmpty());

        double sigma = Math.log(250.0 / 80) / 1.6448536269514722;
        for (int r = 0; r < members; r++) {
            ContinuousSampler draws = LogNormalSampler.of(ZigguratSampler.NormalizedGaussian.of(
                    RandomStreams.fresh(seed, "channel/link/" + r + "/latency")), Math.log(80_000), sigma);
            long[] lastOnLink = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
            List<long[]> expected = new ArrayList<>();
            for (int k = 0; k < sendAt.length; k++) {
                long at = Math.max(sendAt[k] + Math.round(draws.sample()), lastOnLink[sender[k]]);
                lastOnLink[sender[k]] = at;
                expected.add(new long[] {at, sender[k]});
            }
            expected.sort((a, b) -> Long.compare(a[0], b[0]));
            for (int k = 0; k < sendAt.length; k++) {
                assertEquals(expected.get(k)[0], arrivals.get(r).get(k), "recipient " + r + ", arrival " + k);
            }
        }
    }
}
