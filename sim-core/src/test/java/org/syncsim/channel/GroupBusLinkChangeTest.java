package org.syncsim.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.link.LatencyConfig;
import org.syncsim.channel.link.LossConfig;
import org.syncsim.engine.RunLimits;
import org.syncsim.engine.SimTime;
import org.syncsim.engine.Simulation;

/** {@link GroupBus#setLinkModels}: a network change during a run, for one recipient or for all. */
class GroupBusLinkChangeTest {
    private final Simulation sim = new Simulation(7);
    private final List<List<Long>> arrivals = new ArrayList<>();

    private GroupBus bus(int clients) {
        GroupBus bus = new GroupBus(sim, ChannelConfig.defaults().withLatency(LatencyConfig.constant(50)),
                org.syncsim.metrics.MetricsRecorder.NONE);
        for (int i = 0; i < clients; i++) {
            List<Long> in = new ArrayList<>();
            arrivals.add(in);
            bus.register(i, (now, prefix, text, dist, sender) -> in.add(now), now -> { });
            bus.join(i);
        }
        return bus;
    }

    private void sendAt(GroupBus bus, double seconds) {
        sim.post(SimTime.seconds(seconds), t -> bus.send(0, "TWRA", "x", Distribution.RAID, AddonChannel.NO_TARGET,
                Priority.NORMAL, "TEST"));
    }

    @Test
    void laterDeliveriesToThatClientUseTheNewLatencyAndOthersKeepTheirs() {
        GroupBus bus = bus(3);
        sendAt(bus, 1);
        sim.post(SimTime.seconds(2), t -> bus.setLinkModels(2, LatencyConfig.constant(300), null));
        sendAt(bus, 3);
        sim.run(RunLimits.untilEmpty());
        assertEquals(List.of(SimTime.seconds(1.05), SimTime.seconds(3.05)), arrivals.get(1));
        assertEquals(List.of(SimTime.seconds(1.05), SimTime.seconds(3.3)), arrivals.get(2));
    }

    @Test
    void certainLossForEveryoneStopsAllLaterDeliveries() {
        GroupBus bus = bus(3);
        sendAt(bus, 1);
        sim.post(SimTime.seconds(2), t -> bus.setLinkModels(-1, null, LossConfig.bernoulli(1.0)));
        sendAt(bus, 3);
        sim.run(RunLimits.untilEmpty());
        for (int r = 0; r < 3; r++) {
            assertEquals(1, arrivals.get(r).size(), "only the message before the change, recipient " + r);
        }
    }
}
