package org.syncsim.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.syncsim.engine.Simulation;
import org.syncsim.protocol.ProtocolProfile;
import org.syncsim.protocol.ProtocolProfiles;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.clock.ClientClock;
import org.syncsim.protocol.head.HeadClient;
import org.syncsim.metrics.MetricsRecorder;
import org.syncsim.protocol.wire.Command;

class ProtocolProfilesTest {
    @Test
    void headProfileIsFoundByNameAndCreatesHeadClients() {
        ProtocolProfile head = ProtocolProfiles.byName("head");
        assertTrue(head.spelling().speaks(Command.BSREQ));
        Simulation sim = new Simulation(1);
        ProtocolEnvironment env = new ProtocolEnvironment(sim, new TestChannel(sim, 0, true), MetricsRecorder.NONE,
                new GroundTruth(), DataSheets.DECODER, i -> "C" + i, ClientClock.DEFAULT_EPOCH_SECONDS);
        SyncClient c = head.create(env, 0, ClientConfig.defaults("Alice"));
        assertTrue(c instanceof HeadClient);
        assertEquals("Alice", c.name());
        assertTrue(c.snapshot().isExample());
    }

    @Test
    void unknownProfileNameIsRejectedWithTheKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProtocolProfiles.byName("nope"));
        assertTrue(e.getMessage().contains("head"));
    }
}
