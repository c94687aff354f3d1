package org.syncsim.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.Simulation;
import org.syncsim.metrics.MetricsRecorder;

/** What recipients derive from a sent message is stored once per reader and shared by the other recipients. */
class OutgoingMessageTest {
    @Test
    void aDerivedValueBelongsToItsReaderAlone() {
        OutgoingMessage m = new OutgoingMessage(0, 1, "TWRA", "BSREQ:5", Distribution.RAID, -1, Priority.NORMAL,
                "BSREQ", 12, 0);
        Object parser = new Object();
        Object other = new Object();
        assertNull(m.derivedBy(parser));
        m.derive(parser, "parsed");
        assertEquals("parsed", m.derivedBy(parser));
        assertNull(m.derivedBy(other), "another reader derives its own");
        m.derive(other, "other");
        assertNull(m.derivedBy(parser), "one slot: the last reader's value");
    }

    @Test
    void everyRecipientOfABroadcastGetsTheSameSentMessage() {
        Simulation sim = new Simulation(1);
        GroupBus bus = new GroupBus(sim, ChannelConfig.defaults(), MetricsRecorder.NONE);
        List<OutgoingMessage> seen = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bus.register(i, new AddonMessageListener() {
                @Override
                public void onAddonMessage(long now, String prefix, String text, Distribution d, int sender) {
                    throw new AssertionError("the bus delivers the sent message");
                }

                @Override
                public void onAddonMessage(long now, OutgoingMessage m) {
                    seen.add(m);
                }
            }, now -> { });
            bus.join(i);
        }
        sim.post(0, t -> bus.send(0, "TWRA", "BSREQ:5", Distribution.RAID, AddonChannel.NO_TARGET, Priority.NORMAL,
                "BSREQ"));
        sim.run(org.syncsim.engine.RunLimits.untilEmpty());
        assertEquals(5, seen.size(), "four members and the sender's echo");
        assertEquals(1, seen.stream().distinct().count());
    }
}
