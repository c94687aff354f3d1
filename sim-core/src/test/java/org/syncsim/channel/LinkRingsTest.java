package org.syncsim.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.link.LatencyConfig;
import org.syncsim.engine.RunLimits;
import org.syncsim.engine.SimTime;
import org.syncsim.engine.Simulation;
import org.syncsim.metrics.MetricsRecorder;

class LinkRingsTest {
    private static OutgoingMessage message(int k) {
        return new OutgoingMessage(k, 0, "TWRA", "m" + k, Distribution.RAID, AddonChannel.NO_TARGET,
                Priority.NORMAL, "TEST", 10, 0);
    }

    @Test
    void aRingGivenBackIsHandedToTheNextRequestOfItsSizeHoldingNoMessages() {
        LinkRings spares = new LinkRings();
        long[] slots = new long[16];
        OutgoingMessage[] messages = new OutgoingMessage[16];
        for (int i : new int[] {14, 15, 0, 1}) { // four in flight, wrapped around the end
            messages[i] = message(i);
        }
        spares.give(slots, messages, 14, 4);

        assertEquals(1, spares.spares(16));
        OutgoingMessage[] again = spares.messages(16);
        assertSame(messages, again);
        assertTrue(Arrays.stream(again).allMatch(m -> m == null), "no message outlives its run in a spare");
        assertSame(slots, spares.slots(16));
        assertEquals(0, spares.spares(16));
        assertNotSame(slots, spares.slots(16), "an empty class allocates");
    }

    @Test
    void onlyPowersOfFourUpTo65536AreKept() {
        LinkRings spares = new LinkRings();
        for (int capacity : new int[] {8, 32, 1 << 18}) {
            spares.give(new long[capacity], new OutgoingMessage[capacity], 0, 0);
            assertEquals(0, spares.spares(capacity), "capacity " + capacity);
        }
        for (int capacity : new int[] {4, 16, 64, 256, 1024, 4096, 16384, 65536}) {
            spares.give(new long[capacity], new OutgoingMessage[capacity], 0, 0);
            assertEquals(1, spares.spares(capacity), "capacity " + capacity);
        }
    }

    @Test
    void aNewLinkStartsWithTheLargestRingKept() {
        LinkRings spares = new LinkRings();
        assertEquals(LinkRings.FIRST, spares.largest(), "nothing kept");
        spares.give(new long[16], new OutgoingMessage[16], 0, 0);
        spares.give(new long[256], new OutgoingMessage[256], 0, 0);
        assertEquals(256, spares.largest());
        spares.slots(256);
        spares.messages(256);
        assertEquals(16, spares.largest());
    }

    @Test
    void sparesStopAtTheBudget() {
        LinkRings spares = new LinkRings();
        int kept = 0;
        for (int k = 0; k < 20; k++) { // 20 pairs of 65 536 entries each would be 2.6 M entries
            spares.give(new long[65536], new OutgoingMessage[65536], 0, 0);
            kept = spares.spares(65536);
        }
        assertEquals((1 << 21) / (2 * 65536), kept);
    }

    /** What every client of a 20-member burst received, as "time sender text" lines. */
    private static List<String> burst(long seed) {
        Simulation sim = new Simulation(seed);
        GroupBus bus = new GroupBus(sim,
                ChannelConfig.defaults().withLatency(LatencyConfig.logNormal(80, 250)), MetricsRecorder.NONE);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int me = i;
            bus.register(i, (now, prefix, text, dist, sender) -> got.add(now + " " + me + "<" + sender + " " + text),
                    t -> { });
            bus.join(i);
        }
        for (int k = 0; k < 300; k++) { // 100 copies in flight per link at once: rings grow from 4 to 256
            int sender = k % 3;
            String text = "m" + k;
            sim.post(SimTime.millis(1000), t -> bus.send(sender, "TWRA", text, Distribution.RAID,
                    AddonChannel.NO_TARGET, Priority.NORMAL, "TEST"));
        }
        sim.run(RunLimits.untilEmpty());
        bus.release();
        return got;
    }

    @Test
    void aBusBuiltFromAnotherRunsSparesDeliversExactlyWhatAFreshOneDoes() {
        List<String> first = burst(7);
        int kept = LinkRings.ofThisThread().spares(256);
        assertTrue(kept >= 20 * 3, "the released links' rings are kept: " + kept);
        List<String> second = burst(7);
        assertEquals(kept, LinkRings.ofThisThread().spares(256), "the second run takes them and gives them back");
        assertEquals(20 * 300, first.size());
        assertEquals(first, second);
    }
}
