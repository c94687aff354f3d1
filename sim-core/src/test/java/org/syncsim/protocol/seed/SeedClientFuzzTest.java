package org.syncsim.protocol.seed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.RandomStreams;
import org.syncsim.protocol.Mutations;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.data.SheetSpec;

/** Garbage and mutated seed traffic never makes a seed handler throw; it is counted instead. */
class SeedClientFuzzTest {
    /** Seed members, one synced and one fresh, whose activity produces every kind of seed message to mutate. */
    private static ProfileRaid raidWithTraffic(SeedPull pull, long t) {
        ProfileRaid raid = new ProfileRaid(new SeedProfile(pull), 7, 50_000);
        EncodedSheet sheet = ProfileRaid.encode(ProfileRaid.sheet(7, "sheet", SheetSpec.of(4, 25, 10)), t);
        raid.add(2, i -> ClientConfig.defaults(ProfileRaid.name(i)).withLiveSync(true)
                .withInitialData(new InitialData.Saved(t, sheet)));
        raid.add(1, i -> ClientConfig.defaults(ProfileRaid.name(i)).withLiveSync(true));
        raid.form();
        raid.at(5, () -> raid.get(0).navigate(2));
        raid.at(8, () -> raid.get(2).navigate(1));
        raid.at(12, () -> raid.get(2).navigate(3));
        raid.at(16, () -> raid.get(0).importSheet(ProfileRaid.sheet(8, "new", SheetSpec.of(4, 25, 10))));
        raid.runUntil(30);
        return raid;
    }

    @Test
    void mutatedTrafficIsCountedNeverThrown() {
        long t = ProfileRaid.EPOCH - 3600;
        for (SeedPull pull : SeedPull.values()) {
            ProfileRaid raid = raidWithTraffic(pull, t);
            int fake = raid.addFake();
            List<String> seeds = new ArrayList<>();
            raid.channel.log().forEach(s -> seeds.add(s.text()));
            assertTrue(seeds.size() > 10, pull + ": traffic to mutate: " + seeds);
            UniformRandomProvider rng = RandomStreams.fresh(5, "fuzz/seed/" + pull);
            double at = 31;
            for (int i = 0; i < 20_000; i++) {
                raid.inject(at, fake, Mutations.edit(seeds.get(rng.nextInt(seeds.size())), rng));
                at += 0.013;
            }
            raid.runUntil(at + 60); // an exception from any handler would fail the test here
            assertTrue(raid.metrics.count("malformed") > 100, pull + ": malformed " + raid.metrics.count("malformed"));
        }
    }
}
