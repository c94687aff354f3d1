package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.data.SheetSpec;
import org.syncsim.protocol.plan.PlanPolicies;
import org.syncsim.protocol.plan.RequestCoalescing;

/**
 * The plan's {@code request-coalescing: listen} ({@link RequestCoalescing.Listen}): a pull waits a uniform jitter of up
 * to {@code jitter-per-member} × raid size; a member that heard another member's BSREQ for its version or older
 * within the window waits until the window has passed since the last one heard; then it asks unless such a pull or
 * push traffic since its pull began answered it, and it lacks nothing it knows of. The pulls here are the join
 * reaction's (§6(d): VER, then BSREQ at once with liveSync on).
 */
class RequestCoalescingTest {
    private static final double WINDOW = 3;
    private static final double LATENCY = 0.05;
    private static final double FRAME = 1.0 / 60;
    private static final String STRAY_CHUNK = "CHUNK:1700000000-12345:1:payload";

    /** P00 running {@code policies} with liveSync on ({@code data}: what it holds, or none), and a raw member (1). */
    private static HeadRaid joiner(long seed, PlanPolicies policies, boolean holdsData) {
        HeadRaid raid = new HeadRaid(seed, true);
        EncodedSheet sheet = HeadRaid.encode(HeadRaid.sheet(raid.sim, "sheet", SheetSpec.of(4, 6, 6)), HeadRaid.HELD);
        raid.add(1, i -> {
            ClientConfig c = ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true);
            return holdsData ? c.withInitialData(new InitialData.Saved(HeadRaid.HELD, sheet)) : c;
        }, policies);
        raid.addFake();
        return raid.form();
    }

    /** Seconds from P00's join VER to its first BSREQ. */
    private static double requestDelay(HeadRaid raid) {
        List<TestChannel.Sent> ver = raid.channel.sent("VER", 0);
        List<TestChannel.Sent> req = raid.channel.sent("BSREQ", 0);
        return (req.get(0).time() - ver.get(0).time()) / 1e6;
    }

    @Test
    void aPullWaitsAUniformJitterOfUpToThePerMemberShareTimesTheRaidSize() {
        double perMember = 2;
        double span = perMember * 2; // P00 and the raw member: GetNumRaidMembers() = 2
        double longest = 0;
        for (long seed = 1; seed <= 8; seed++) {
            HeadRaid raid = joiner(seed, Plan.of(new RequestCoalescing.Listen(WINDOW, perMember)), false);
            raid.runUntil(30);
            assertEquals(1, raid.channel.count("BSREQ", 0));
            double d = requestDelay(raid);
            assertTrue(d >= 0 && d <= span + FRAME, "seed " + seed + ": " + d + " s");
            longest = Math.max(longest, d);
        }
        assertTrue(longest > span / 4, "eight uniform draws over " + span + " s, the longest " + longest + " s");
        HeadRaid head = joiner(1, PlanPolicies.OFF, false);
        head.runUntil(30);
        assertEquals(0, requestDelay(head), "head asks with its VER");
    }

    @Test
    void aMemberWithNothingStillAsksButOnlyOnceTheWindowHasPassedSinceTheLastPullItHeard() {
        HeadRaid raid = joiner(3, Plan.of(new RequestCoalescing.Listen(WINDOW, 0.01)), false);
        raid.inject(1.9, 1, "BSREQ:0");
        raid.inject(3.9, 1, "BSREQ:0");
        raid.runUntil(30);
        List<TestChannel.Sent> mine = raid.channel.sent("BSREQ", 0).stream().filter(s -> s.sender() == 0).toList();
        assertEquals(1, mine.size());
        double at = mine.get(0).time() / 1e6;
        double lastHeard = 3.9 + LATENCY;
        assertTrue(at >= lastHeard + WINDOW && at <= lastHeard + WINDOW + FRAME, "asked at " + at);
    }

    @Test
    void aPullHeardForItsOwnVersionAnswersAMemberThatLacksNothing() {
        HeadRaid raid = joiner(3, Plan.of(new RequestCoalescing.Listen(WINDOW, 0.5)), true);
        raid.inject(1.0, 1, "BSREQ:" + HeadRaid.HELD);
        raid.runUntil(30);
        assertEquals(0, raid.channel.sent("BSREQ", 0).stream().filter(s -> s.sender() == 0).count());

        HeadRaid head = joiner(3, PlanPolicies.OFF, true);
        head.inject(1.0, 1, "BSREQ:" + HeadRaid.HELD);
        head.runUntil(30);
        assertEquals(1, head.channel.sent("BSREQ", 0).stream().filter(s -> s.sender() == 0).count());
    }

    @Test
    void aPullForANewerVersionThanItsOwnDoesNotAnswerIt() {
        // a member asking from a newer version than P00's tells P00 a newer one exists: P00 still asks
        HeadRaid raid = joiner(3, Plan.of(new RequestCoalescing.Listen(WINDOW, 0.5)), true);
        raid.inject(1.0, 1, "BSREQ:" + (HeadRaid.HELD + 1));
        raid.runUntil(30);
        assertEquals(1, raid.channel.sent("BSREQ", 0).stream().filter(s -> s.sender() == 0).count());
    }

    @Test
    void pushTrafficSinceThePullBeganAnswersIt() {
        HeadRaid raid = joiner(3, Plan.of(new RequestCoalescing.Listen(WINDOW, 10)), true);
        raid.inject(2.1, 1, STRAY_CHUNK); // within the jitter (up to 20 s) of the pull begun at 2 s
        raid.runUntil(40);
        assertEquals(0, raid.channel.sent("BSREQ", 0).stream().filter(s -> s.sender() == 0).count());
    }

    @Test
    void pushTrafficBeforeThePullBeganDoesNotAnswerIt() {
        HeadRaid raid = joiner(3, Plan.of(new RequestCoalescing.Listen(WINDOW, 10)), true);
        raid.inject(1.0, 1, STRAY_CHUNK);
        raid.runUntil(40);
        assertEquals(1, raid.channel.sent("BSREQ", 0).stream().filter(s -> s.sender() == 0).count());
    }

    @Test
    void aNewerAckHeardDelaysThePullByTheWindowButDoesNotReplaceIt() {
        // a BSACK newer than P00's data counts as a pull heard (someone asked and is being answered) and tells P00 a
        // newer version exists: it waits out the window after it, then still asks, lacking that version
        HeadRaid raid = joiner(3, Plan.of(new RequestCoalescing.Listen(WINDOW, 0.01)), true);
        raid.inject(1.9, 1, "BSACK:" + (HeadRaid.HELD + 1) + ":P01");
        raid.runUntil(30);
        List<TestChannel.Sent> mine = raid.channel.sent("BSREQ", 0).stream().filter(s -> s.sender() == 0).toList();
        assertEquals(1, mine.size());
        double at = mine.get(0).time() / 1e6;
        assertTrue(at >= 1.95 + WINDOW && at <= 1.95 + WINDOW + FRAME, "asked at " + at);
    }

    @Test
    void anAckForItsOwnVersionIsNotAPullHeard() {
        HeadRaid raid = joiner(3, Plan.of(new RequestCoalescing.Listen(WINDOW, 0.01)), true);
        raid.inject(1.9, 1, "BSACK:" + HeadRaid.HELD + ":P01");
        raid.runUntil(30);
        List<TestChannel.Sent> mine = raid.channel.sent("BSREQ", 0).stream().filter(s -> s.sender() == 0).toList();
        assertEquals(1, mine.size());
        assertTrue(mine.get(0).time() / 1e6 <= 2 + 0.02 + FRAME, "asked after the jitter alone");
    }
}
