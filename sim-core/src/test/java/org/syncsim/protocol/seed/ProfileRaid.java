package org.syncsim.protocol.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.syncsim.channel.AddonChannel;
import org.syncsim.channel.Distribution;
import org.syncsim.channel.Priority;
import org.syncsim.engine.RunLimits;
import org.syncsim.engine.SimTime;
import org.syncsim.engine.Simulation;
import org.syncsim.protocol.ProtocolProfile;
import org.syncsim.protocol.ProtocolProfiles;
import org.syncsim.protocol.RecordingMetrics;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.DataSheets;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.GroundTruth;
import org.syncsim.protocol.client.ProtocolEnvironment;
import org.syncsim.protocol.client.SyncClient;
import org.syncsim.protocol.clock.ClientClock;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SheetGenerator;
import org.syncsim.protocol.data.SheetSpec;

/** Test fixture: clients of one profile, chosen by name through the registry, on the deterministic test channel. */
final class ProfileRaid {
    static final long EPOCH = ClientClock.DEFAULT_EPOCH_SECONDS;

    final Simulation sim;
    final TestChannel channel;
    final long latency;
    final RecordingMetrics metrics = new RecordingMetrics();
    final GroundTruth truth = new GroundTruth();
    final List<SyncClient> clients = new ArrayList<>();
    final ProtocolEnvironment env;
    final ProtocolProfile profile;
    private int fakes;

    ProfileRaid(String profile, long seed, long latencyMicros) {
        this(ProtocolProfiles.byName(profile), seed, latencyMicros);
    }

    ProfileRaid(ProtocolProfile profile, long seed, long latencyMicros) {
        this.profile = profile;
        sim = new Simulation(seed);
        latency = latencyMicros;
        channel = new TestChannel(sim, latencyMicros, true);
        env = new ProtocolEnvironment(sim, channel, metrics, truth, DataSheets.cachingDecoder(4096), ProfileRaid::name,
                EPOCH);
    }

    static String name(int i) {
        return String.format("P%02d", i);
    }

    ProfileRaid add(int n, IntFunction<ClientConfig> config) {
        for (int k = 0; k < n; k++) {
            int id = clients.size();
            clients.add(profile.create(env, id, config.apply(id)));
        }
        return this;
    }

    /** Every client joins the raid and logs in. */
    ProfileRaid form() {
        for (SyncClient c : clients) {
            channel.joinSilently(c.id());
        }
        for (SyncClient c : clients) {
            c.enterWorld();
        }
        return this;
    }

    SyncClient get(int i) {
        return clients.get(i);
    }

    SeedClient seed(int i) {
        return (SeedClient) clients.get(i);
    }

    /** A raw raid member (not a client) that injects texts; add after all clients. */
    int addFake() {
        int id = clients.size() + fakes++;
        channel.register(id, (now, prefix, text, d, sender) -> { }, now -> { });
        channel.joinSilently(id);
        return id;
    }

    void inject(double seconds, int fake, String text) {
        at(seconds, () -> channel.send(fake, "TWRA", text, Distribution.RAID, AddonChannel.NO_TARGET,
                Priority.NORMAL, "FAKE"));
    }

    void at(double seconds, Runnable action) {
        sim.post(SimTime.seconds(seconds), now -> action.run());
    }

    void runUntil(double seconds) {
        sim.run(RunLimits.until(SimTime.seconds(seconds)));
    }

    static AssignmentSet sheet(long seed, String stream, SheetSpec spec) {
        return new SheetGenerator(new Simulation(seed).random().stream(stream)).generate(spec);
    }

    static EncodedSheet encode(AssignmentSet set, long ts) {
        return DataSheets.encode(set, ts);
    }
}
