package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.data.SheetSpec;
import org.syncsim.protocol.plan.Backoff;
import org.syncsim.protocol.plan.PlanPolicies;

/**
 * The plan's {@code backoff} ({@link Backoff}) on a pull that goes unanswered: retry n follows the pull or the
 * previous retry after the policy's delay, while the member still lacks data it knows of; a retry waits while push
 * traffic arrived within its delay, and never comes sooner than the addon's own 5 s request interval (§3.2 step 1).
 */
class UnansweredPullRetriesTest {
    private static final double FRAME = 1.0 / 60;
    private static final String STRAY_CHUNK = "CHUNK:1700000000-12345:1:payload";

    /** P00, a fresh install with liveSync on running {@code policies}, alone with a raw member (1) nobody answers. */
    private static HeadRaid alone(PlanPolicies policies) {
        HeadRaid raid = new HeadRaid(11, true);
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true), policies);
        raid.addFake();
        return raid.form();
    }

    /** P00's BSREQ instants, in seconds after its first. */
    private static List<Double> requestsAfterFirst(HeadRaid raid) {
        List<Long> t = raid.channel.sent("BSREQ", 0).stream().filter(s -> s.sender() == 0).map(s -> s.time()).toList();
        return t.stream().map(x -> (x - t.get(0)) / 1e6).toList();
    }

    private static void assertTimes(List<Double> expected, List<Double> actual) {
        assertEquals(expected.size(), actual.size(), "requests at " + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(actual.get(i) >= expected.get(i) - 1e-9 && actual.get(i) <= expected.get(i) + (i + 1) * FRAME,
                    "request " + i + " at " + actual.get(i) + " s, expected " + expected.get(i) + " s");
        }
    }

    @Test
    void withoutBackoffAnUnansweredPullIsNeverRepeated() {
        HeadRaid raid = alone(PlanPolicies.OFF);
        raid.runUntil(300);
        assertTimes(List.of(0.0), requestsAfterFirst(raid)); // B8
    }

    @Test
    void exponentialRetriesFollowBaseTimesMultiplierToTheNUntilTheRetriesAreSpent() {
        HeadRaid raid = alone(Plan.of(new Backoff.Exponential(5, 2, 60, 3, Backoff.Jitter.NONE)));
        raid.runUntil(300);
        assertTimes(List.of(0.0, 5.0, 15.0, 35.0), requestsAfterFirst(raid));
    }

    @Test
    void theDelayStopsGrowingAtTheCap() {
        HeadRaid raid = alone(Plan.of(new Backoff.Exponential(5, 3, 20, 4, Backoff.Jitter.NONE)));
        raid.runUntil(300);
        assertTimes(List.of(0.0, 5.0, 20.0, 40.0, 60.0), requestsAfterFirst(raid));
    }

    @Test
    void aRetryNeverComesSoonerThanTheAddonsFiveSecondInterval() {
        HeadRaid raid = alone(Plan.of(new Backoff.Fixed(1, 2)));
        raid.runUntil(300);
        assertTimes(List.of(0.0, 5.0, 10.0), requestsAfterFirst(raid));
    }

    @Test
    void aRetryWaitsUntilPushTrafficHasBeenQuietForItsDelay() {
        HeadRaid raid = alone(Plan.of(new Backoff.Fixed(6, 1)));
        raid.inject(6.95, 1, STRAY_CHUNK); // P00 asks at 2 s; push traffic reaches it at 7 s
        raid.runUntil(300);
        assertTimes(List.of(0.0, 11.0), requestsAfterFirst(raid)); // quiet from 7 s, asked again at 7 + 6 s

        HeadRaid quiet = alone(Plan.of(new Backoff.Fixed(6, 1)));
        quiet.runUntil(300);
        assertTimes(List.of(0.0, 6.0), requestsAfterFirst(quiet));
    }

    @Test
    void retriesStopOnceTheDataHasCome() {
        HeadRaid raid = new HeadRaid(11, true);
        EncodedSheet sheet = HeadRaid.encode(HeadRaid.sheet(raid.sim, "sheet", SheetSpec.of(4, 6, 6)), HeadRaid.HELD);
        PlanPolicies backoff = Plan.of(new Backoff.Exponential(5, 2, 60, 3, Backoff.Jitter.NONE));
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true), backoff);
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i))
                .withInitialData(new InitialData.Saved(HeadRaid.HELD, sheet)), backoff);
        raid.form();
        // P01's answer to the first pull is lost; its answer to the first retry (at 7 s) is refused by its own 10 s
        // push guard (B7); the second retry (17 s) brings the push, so the third (37 s) is never sent
        raid.channel.setDropRule((s, r, t) -> s == 1 && r == 0 && raid.sim.now() < 5_000_000);
        raid.runUntil(300);
        assertTimes(List.of(0.0, 5.0, 15.0), requestsAfterFirst(raid));
        assertEquals(HeadRaid.HELD, raid.get(0).snapshot().assignmentsTimestamp());
        assertTrue(raid.metrics.syncedAt.containsKey(0));
    }
}
