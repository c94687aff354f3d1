package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.ChannelConfig;
import org.syncsim.channel.GroupBus;
import org.syncsim.engine.RunLimits;
import org.syncsim.engine.SimTime;
import org.syncsim.engine.Simulation;
import org.syncsim.metrics.MetricsRecorder;
import org.syncsim.protocol.ProtocolProfiles;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.DataSheets;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.GroundTruth;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.client.ProtocolEnvironment;
import org.syncsim.protocol.client.SyncClient;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SheetSpec;

/** Head clients on the real channel model (default latency distribution, direct sends). */
class HeadOnGroupBusTest {
    /** Counts sends per command and the clients' reports. */
    private static final class Counts implements MetricsRecorder {
        final Map<String, Integer> offered = new TreeMap<>();
        final List<Integer> synced = new ArrayList<>();
        int aborted;

        @Override
        public void messageOffered(long time, int sender, String command, int bytes) {
            offered.merge(command, 1, Integer::sum);
        }

        @Override
        public void clientSynced(long time, int client, long dataTimestamp) {
            synced.add(client);
        }

        @Override
        public void handlerAborted(long time, int client, String command, String where) {
            aborted++;
        }
    }

    @Test
    void fortyHeadClientsConvergeOnAnImportOverTheGroupBus() {
        Simulation sim = new Simulation(77);
        Counts counts = new Counts();
        GroupBus bus = new GroupBus(sim, ChannelConfig.defaults(), counts);
        GroundTruth truth = new GroundTruth();
        ProtocolEnvironment env = new ProtocolEnvironment(sim, bus, counts, truth, DataSheets.DECODER, HeadRaid::name,
                HeadRaid.EPOCH);
        SheetSpec spec = SheetSpec.of(8, 10, 8); // a push of ~13 KB stays inside the server's 32 KB burst
        long t0 = HeadRaid.EPOCH - 86_400;
        EncodedSheet old = DataSheets.encode(HeadRaid.sheet(sim, "old", spec), t0);
        AssignmentSet fresh = HeadRaid.sheet(sim, "new", spec);
        List<SyncClient> clients = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            clients.add(ProtocolProfiles.byName("head").create(env, i, ClientConfig.defaults(HeadRaid.name(i))
                    .withLiveSync(true).withInitialData(new InitialData.Saved(t0, old))));
        }
        for (SyncClient c : clients) {
            c.enterWorld();
            bus.join(c.id());
        }
        sim.post(SimTime.seconds(60), now -> clients.get(0).importSheet(fresh));
        sim.run(RunLimits.until(SimTime.seconds(120)));

        assertTrue(counts.offered.get("BSREQ") <= 40 + 39, "join pulls + at most 39 import pulls");
        assertEquals(40, counts.synced.size());
        assertEquals(0, counts.aborted);
        for (SyncClient c : clients) {
            assertEquals(HeadRaid.EPOCH + 60, c.snapshot().assignmentsTimestamp());
            assertFalse(c.checkDesync());
        }
    }
}
