package org.syncsim.protocol.head;

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

/** Garbage and mutated protocol traffic never makes a head handler throw; it is counted instead. */
class HeadClientFuzzTest {
    @Test
    void mutatedTrafficIsCountedNeverThrown() {
        HeadRaid raid = new HeadRaid(99, true);
        long t = HeadRaid.EPOCH - 3600;
        EncodedSheet sheet = HeadRaid.encode(HeadRaid.sheet(raid.sim, "sheet", SheetSpec.of(4, 25, 10)), t);
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true)
                .withInitialData(new InitialData.Saved(t, sheet)));
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true));
        int fake = raid.addFake();
        raid.form();
        raid.at(5, () -> raid.get(0).syncAll());
        raid.runUntil(10);
        List<String> seeds = new ArrayList<>();
        raid.channel.log().forEach(s -> seeds.add(s.text()));
        seeds.add("SECTION:" + t + ":2");
        seeds.add("BSREQ:0");
        seeds.add("BSACK:" + (t + 9) + ":X");
        UniformRandomProvider rng = RandomStreams.fresh(3, "fuzz/head");
        double at = 11;
        for (int i = 0; i < 20_000; i++) {
            raid.inject(at, fake, Mutations.edit(seeds.get(rng.nextInt(seeds.size())), rng));
            at += 0.013;
        }
        raid.runUntil(at + 60);
        assertTrue(raid.metrics.count("malformed") > 100);
    }
}
