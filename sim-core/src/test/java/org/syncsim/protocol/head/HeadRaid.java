package org.syncsim.protocol.head;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.syncsim.engine.RunLimits;
import org.syncsim.engine.SimTime;
import org.syncsim.engine.Simulation;
import org.syncsim.protocol.RecordingMetrics;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.DataSheets;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.GroundTruth;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.client.ProtocolEnvironment;
import org.syncsim.protocol.clock.ClientClock;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SheetGenerator;
import org.syncsim.protocol.data.SheetSpec;
import org.syncsim.protocol.plan.PlanPolicies;

/** Test fixture: a group of head clients on the deterministic test channel. */
final class HeadRaid {
    static final long LATENCY = SimTime.millis(50);
    static final long EPOCH = ClientClock.DEFAULT_EPOCH_SECONDS;

    final Simulation sim;
    final TestChannel channel;
    final RecordingMetrics metrics = new RecordingMetrics();
    final GroundTruth truth = new GroundTruth();
    final List<HeadClient> clients = new ArrayList<>();
    final ProtocolEnvironment env;

    HeadRaid(long seed, boolean raid) {
        sim = new Simulation(seed);
        channel = new TestChannel(sim, LATENCY, raid);
        env = new ProtocolEnvironment(sim, channel, metrics, truth, DataSheets.cachingDecoder(4096), HeadRaid::name, EPOCH);
    }

    static String name(int i) {
        return String.format("P%02d", i);
    }

    /** Adds {@code n} clients configured by {@code config} (given the id). */
    HeadRaid add(int n, IntFunction<ClientConfig> config) {
        return add(n, config, PlanPolicies.OFF);
    }

    /** Adds {@code n} clients running the plan's {@code policies} (OFF: head). */
    HeadRaid add(int n, IntFunction<ClientConfig> config, PlanPolicies policies) {
        for (int k = 0; k < n; k++) {
            int id = clients.size();
            clients.add(new HeadClient(env, id, config.apply(id), policies));
        }
        return this;
    }

    /**
     * A formed raid of {@code size} clients running {@code policies}, live sync on, each holding {@code sheet}
     * stamped {@code ts} (spec §12.2's validation scenarios start from such a raid).
     */
    static HeadRaid holding(long seed, int size, AssignmentSet sheet, long ts,
            PlanPolicies policies) {
        HeadRaid raid = new HeadRaid(seed, true);
        EncodedSheet encoded = encode(sheet, ts);
        raid.add(size, i -> ClientConfig.defaults(name(i)).withLiveSync(true)
                .withInitialData(new InitialData.Saved(ts, encoded)), policies);
        return raid.form();
    }

    /** The version {@link #holders} hold: an hour before the clock's epoch. */
    static final long HELD = EPOCH - 3600;

    /**
     * {@code n} clients running {@code policies}, liveSync off (so none pulls of its own accord), each holding the
     * same small sheet stamped {@link #HELD}, plus one raw member (id {@code n}, see {@link #addFake}) to inject
     * from; formed.
     */
    static HeadRaid holders(long seed, int n, PlanPolicies policies) {
        HeadRaid raid = new HeadRaid(seed, true);
        EncodedSheet encoded = encode(sheet(raid.sim, "sheet", SheetSpec.of(4, 6, 6)), HELD);
        raid.add(n, i -> ClientConfig.defaults(name(i)).withInitialData(new InitialData.Saved(HELD, encoded)),
                policies);
        raid.addFake();
        return raid.form();
    }

    /** Every client joins the group and logs in (its login roster event counts as joining). */
    HeadRaid form() {
        for (HeadClient c : clients) {
            channel.joinSilently(c.id());
        }
        for (HeadClient c : clients) {
            c.enterWorld();
        }
        return this;
    }

    /** A raw group member (not a client) that can inject arbitrary texts; add after all clients. */
    int addFake() {
        int id = clients.size() + fakes++;
        channel.register(id, (now, prefix, text, d, sender) -> { }, now -> { });
        channel.joinSilently(id);
        return id;
    }

    private int fakes;

    /** At virtual time {@code seconds}, {@code fake} broadcasts {@code text} under prefix TWRA. */
    void inject(double seconds, int fake, String text) {
        at(seconds, () -> channel.send(fake, "TWRA", text, org.syncsim.channel.Distribution.RAID,
                org.syncsim.channel.AddonChannel.NO_TARGET, org.syncsim.channel.Priority.NORMAL, "FAKE"));
    }

    HeadClient get(int i) {
        return clients.get(i);
    }

    void runUntil(double seconds) {
        sim.run(RunLimits.until(SimTime.seconds(seconds)));
    }

    /** Runs {@code action} at virtual time {@code seconds}. */
    void at(double seconds, Runnable action) {
        sim.post(SimTime.seconds(seconds), now -> action.run());
    }

    static AssignmentSet sheet(Simulation sim, String stream, SheetSpec spec) {
        return new SheetGenerator(sim.random().stream(stream)).generate(spec);
    }

    static EncodedSheet encode(AssignmentSet set, long ts) {
        return DataSheets.encode(set, ts);
    }
}
