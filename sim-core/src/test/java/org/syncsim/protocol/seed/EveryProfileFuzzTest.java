package org.syncsim.protocol.seed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncsim.engine.RandomStreams;
import org.syncsim.protocol.Mutations;
import org.syncsim.protocol.ProtocolProfiles;
import org.syncsim.protocol.client.AddonClient;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.data.SheetSpec;

/**
 * Issue 16's fuzzing: every profile's client takes generated and damaged wire messages (here because
 * {@link ProfileRaid} runs any profile) without a Java exception and with its progress in range: {@value #MESSAGES}
 * per profile (about 45 s each here), another count with {@code -Dsyncsim.fuzz.messages=N} (docs/explore.md).
 *
 * <p>The messages come from real traffic of a raid doing what the bundled scenarios do (a synced member, a fresh
 * one pulling, navigation, an import pushed in chunks), then damaged ({@link Mutations#damage}: truncated, a field
 * added or dropped, odd numbers, non-ASCII characters), forged ({@link Mutations#forgedChunkHeader}) or replayed
 * as a whole chunk transfer in shuffled order. {@code -Dsyncsim.fuzz.messages=N} changes the count.
 */
class EveryProfileFuzzTest {
    static final int MESSAGES = 1_000_000;
    private static final int COUNT = Integer.getInteger("syncsim.fuzz.messages", MESSAGES);

    /** A raid of {@code profile} clients after 40 s of activity: a synced pair, a fresh member, navigation, an import. */
    private static ProfileRaid active(String profile) {
        long t = ProfileRaid.EPOCH - 3600;
        ProfileRaid raid = new ProfileRaid(ProtocolProfiles.byName(profile), 11, 50_000);
        EncodedSheet sheet = ProfileRaid.encode(ProfileRaid.sheet(7, "sheet", SheetSpec.of(4, 40, 10)), t);
        raid.add(2, i -> ClientConfig.defaults(ProfileRaid.name(i)).withLiveSync(true)
                .withInitialData(new InitialData.Saved(t, sheet)));
        raid.add(1, i -> ClientConfig.defaults(ProfileRaid.name(i)).withLiveSync(true));
        raid.form();
        raid.at(5, () -> raid.get(0).navigate(2));
        raid.at(12, () -> raid.get(2).navigate(3));
        raid.at(16, () -> raid.get(0).importSheet(ProfileRaid.sheet(8, "new", SheetSpec.of(4, 40, 10))));
        raid.runUntil(40);
        return raid;
    }

    @ParameterizedTest
    @ValueSource(strings = {"head", "plan", "seed"})
    @Timeout(600)
    void damagedAndForgedMessagesNeverThrowAndLeaveProgressInRange(String profile) {
        ProfileRaid raid = active(profile);
        List<String> traffic = new ArrayList<>();
        raid.channel.log().forEach(s -> traffic.add(s.text()));
        if (!profile.equals("head")) { // the profile's own messages, and head's: the pushes and chunks of today's addon
            active("head").channel.log().forEach(s -> traffic.add(s.text()));
        }
        List<String> tids = new ArrayList<>();
        List<List<String>> transfers = new ArrayList<>();
        for (String s : traffic) {
            if (s.startsWith("CHUNKED:")) {
                String tid = s.split(":")[2];
                tids.add(tid);
                transfers.add(traffic.stream().filter(x -> x.startsWith("CHUNK:" + tid + ":")).toList());
            }
        }
        assertTrue(transfers.size() > 2, profile + ": chunk transfers to replay: " + transfers.size());
        int fake = raid.addFake();
        UniformRandomProvider rng = RandomStreams.fresh(13, "fuzz/" + profile);
        double at = 41;
        int sent = 0;
        int ranTo = 0;
        while (sent < COUNT) {
            int what = rng.nextInt(20);
            if (what == 0 && !transfers.isEmpty()) { // a whole transfer, chunks out of order
                List<String> chunks = new ArrayList<>(transfers.get(rng.nextInt(transfers.size())));
                Collections.shuffle(chunks, new java.util.Random(rng.nextLong()));
                for (String c : chunks) {
                    raid.inject(at, fake, c);
                    sent++;
                }
            } else if (what == 1) {
                raid.inject(at, fake, Mutations.forgedChunkHeader(tids, rng));
                sent++;
            } else {
                raid.inject(at, fake, Mutations.damage(traffic.get(rng.nextInt(traffic.size())), rng));
                sent++;
            }
            at += 0.002;
            if (sent - ranTo >= 50_000) {
                raid.runUntil(at); // keep the pending events bounded
                ranTo = sent;
            }
        }
        raid.runUntil(at + 120); // an exception from any handler fails the test here
        for (int i = 0; i < 3; i++) {
            double p = ((AddonClient) raid.get(i)).progress();
            assertTrue(p >= 0 && p <= 1, profile + ": progress " + p);
        }
        assertTrue(raid.metrics.count("malformed") > COUNT / 100, profile + ": malformed "
                + raid.metrics.count("malformed"));
    }
}
