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
import org.syncsim.protocol.client.PresenceBridge;
import org.syncsim.protocol.client.ProtocolEnvironment;
import org.syncsim.protocol.client.SyncClient;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SheetSpec;

/** Head clients on the real channel model (default latency distribution, direct sends). */
class HeadOnGroupBusTest {
    /** Counts sends per command and the clients' reports. */
    private static final class Counts implements MetricsRecorder {
        final Map<String, Integer> offered = new TreeMap<>();
        final List<String> log = new ArrayList<>();
        final List<long[]> versions = new ArrayList<>();
        final List<Integer> synced = new ArrayList<>();
        int aborted;

        @Override
        public void messageOffered(long time, int sender, String command, int bytes) {
            offered.merge(command, 1, Integer::sum);
            log.add(SimTime.format(time) + " " + sender + " " + command);
            if (command.equals("VER")) {
                versions.add(new long[] {time, sender});
            }
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

    @Test
    void disconnectLosesAPendingResponseAndReconnectRejoinsLikeALogin() {
        Simulation sim = new Simulation(78);
        Counts counts = new Counts();
        GroupBus bus = new GroupBus(sim, ChannelConfig.defaults(), counts);
        ProtocolEnvironment env = new ProtocolEnvironment(sim, bus, counts, new GroundTruth(),
                DataSheets.cachingDecoder(64), HeadRaid::name, HeadRaid.EPOCH);
        long t0 = HeadRaid.EPOCH - 86_400;
        EncodedSheet data = DataSheets.encode(HeadRaid.sheet(sim, "s", SheetSpec.of(4, 6, 6)), t0);
        List<SyncClient> clients = new ArrayList<>();
        clients.add(ProtocolProfiles.byName("head").create(env, 0, ClientConfig.defaults(HeadRaid.name(0))
                .withInitialData(new InitialData.Saved(t0, data))));
        clients.add(ProtocolProfiles.byName("head").create(env, 1, ClientConfig.defaults(HeadRaid.name(1))
                .withLiveSync(true)));
        bus.addPresenceListener(new PresenceBridge(clients::get));
        clients.get(0).enterWorld();
        bus.join(0);
        clients.get(1).enterWorld();
        sim.post(SimTime.seconds(30), now -> bus.join(1)); // fresh joiner: BSREQ:0 at 32 s
        bus.disconnect(0, SimTime.seconds(33), SimTime.seconds(30)); // before its 2.0-2.5 s response delay ends
        sim.run(RunLimits.until(SimTime.seconds(120)));

        assertEquals(1, counts.offered.get("BSACK"));
        assertFalse(counts.offered.containsKey("BSTR"), "the response timer died with the session");
        List<long[]> later = counts.versions.stream().filter(v -> v[0] > SimTime.seconds(30)).toList();
        assertEquals(2, later.size(), "the joiner's, then the responder's after reconnecting: " + counts.log);
        assertEquals(1, later.get(0)[1]);
        assertEquals(0, later.get(1)[1]);
        assertTrue(later.get(1)[0] >= SimTime.seconds(65), "2 s after logging in again at 63 s");
        assertTrue(clients.get(1).snapshot().isExample(), "nobody retries (B8)");
    }
}
