package org.syncsim.protocol.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncsim.engine.RandomStreams;
import org.syncsim.engine.SimTime;
import org.syncsim.protocol.Mutations;
import org.syncsim.protocol.ProtocolProfile;
import org.syncsim.protocol.ProtocolProfiles;
import org.syncsim.protocol.RecordingMetrics;
import org.syncsim.protocol.client.AddonClient;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.client.SyncClient;
import org.syncsim.protocol.data.SheetSpec;

/**
 * Progress is judged only when stored data or the newest data change, yet never goes stale: between any two events
 * every client's last reported progress is what judging it afresh gives, and it is 1 exactly when the client holds
 * the newest complete data. Checked for every profile through real and mutated traffic (imports, pulls, pushes,
 * dangling chunk references, undecodable blobs, older and newer timestamps).
 */
class ProgressInvariantTest {
    private static final long T = ProfileRaid.EPOCH - 3600;

    @ParameterizedTest
    @ValueSource(strings = {"head", "seed", "seed-full"})
    void reportedProgressIsAlwaysCurrentAndOneExactlyWhenSynced(String variant) {
        ProtocolProfile profile = variant.equals("seed-full") ? new SeedProfile(SeedPull.FULL)
                : ProtocolProfiles.byName(variant);
        ProfileRaid raid = new ProfileRaid(profile, 13, 50_000);
        SheetSpec spec = SheetSpec.of(4, 25, 10);
        EncodedSheet sheet = ProfileRaid.encode(ProfileRaid.sheet(13, "sheet", spec), T);
        raid.add(2, i -> ClientConfig.defaults(ProfileRaid.name(i)).withLiveSync(true)
                .withInitialData(new InitialData.Saved(T, sheet)));
        raid.add(1, i -> ClientConfig.defaults(ProfileRaid.name(i)).withLiveSync(true));
        int fake = raid.addFake();
        raid.form();
        Checker checker = new Checker(raid);
        raid.at(5, () -> raid.get(0).navigate(2));
        raid.at(8, () -> raid.get(2).navigate(1));
        raid.at(12, () -> raid.get(2).navigate(3));
        raid.at(16, () -> raid.get(0).importSheet(ProfileRaid.sheet(14, "new", spec)));
        raid.at(22, () -> raid.get(1).syncAll());
        for (double t = 0.005; t < 30; t += 0.01) {
            raid.at(t, checker);
        }
        raid.runUntil(30);
        List<String> seeds = new ArrayList<>();
        raid.channel.log().forEach(s -> seeds.add(s.text()));
        UniformRandomProvider rng = RandomStreams.fresh(17, "progress/" + variant);
        double at = 31;
        for (int i = 0; i < 3_000; i++) {
            String s = seeds.get(rng.nextInt(seeds.size()));
            raid.inject(at, fake, rng.nextInt(3) == 0 ? s : Mutations.edit(s, rng));
            raid.at(at + 0.0065, checker);
            at += 0.013;
        }
        raid.at(at + 1, () -> raid.get(2).importSheet(ProfileRaid.sheet(15, "newer", spec)));
        for (double t = at; t < at + 60; t += 0.05) {
            raid.at(t, checker);
        }
        raid.runUntil(at + 60);

        assertTrue(checker.checks > 5_000, "checks: " + checker.checks);
        assertTrue(checker.values.size() >= 3, variant + ": progress took several values: " + checker.values);
        assertTrue(checker.syncedSeen && checker.unsyncedSeen, variant + ": both states were checked");
    }

    /** Compares every client's last report with a fresh judgement; counts what it saw. */
    private static final class Checker implements Runnable {
        private final ProfileRaid raid;
        private final double[] last;
        private int read;
        int checks;
        boolean syncedSeen;
        boolean unsyncedSeen;
        final Set<Double> values = new HashSet<>();

        Checker(ProfileRaid raid) {
            this.raid = raid;
            last = new double[raid.clients.size()];
        }

        @Override
        public void run() {
            List<RecordingMetrics.Progress> reports = raid.metrics.progress;
            for (; read < reports.size(); read++) {
                last[reports.get(read).client()] = reports.get(read).fraction();
            }
            for (SyncClient c : raid.clients) {
                AddonClient<?> a = (AddonClient<?>) c;
                double now = a.progress();
                String at = c.name() + " at " + SimTime.format(raid.sim.now());
                assertEquals(now, last[c.id()], at + ": the last report is the current progress");
                assertEquals(a.isSynced(), now == 1.0, at + ": progress " + now);
                values.add(now);
                syncedSeen |= now == 1.0;
                unsyncedSeen |= now < 1.0;
                checks++;
            }
        }
    }
}
