package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.RaidRank;
import org.syncsim.engine.SimTime;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SheetSpec;
import org.syncsim.protocol.plan.Responders;

/**
 * The plan's {@code responders: elected} ({@link Responders.Elected}): the {@code count} best-ranked holders (leader,
 * assistants, members, then by name; the requester left out) answer a pull as head does; a holder of rank
 * {@code r ≥ count} waits {@code fallback·(r − count + 1)} s beyond the responder delay (spec §3.2 step 9: 2.0 + 0.5·U
 * s) and answers, with its BSACK then, only if fewer than {@code count} better-ranked members acknowledged.
 */
class ElectedRespondersTest {
    private static final long T = HeadRaid.HELD;
    private static final double FALLBACK = 4;
    private static final double LATENCY = 0.05;
    /** One frame at the clients' 60 fps: timers fire on the first frame at or after their time (§2.5). */
    private static final double FRAME = 1.0 / 60;

    private static double seconds(long micros) {
        return micros / 1e6;
    }

    private static List<Integer> senders(List<TestChannel.Sent> sent) {
        return sent.stream().map(TestChannel.Sent::sender).toList();
    }

    @Test
    void onlyTheBestRankedHolderAcknowledgesAtOnceAndPushes() {
        HeadRaid raid = HeadRaid.holders(7, 4, Plan.of(new Responders.Elected(1, FALLBACK)));
        raid.channel.setRank(2, RaidRank.LEADER); // the leader ranks before P00, P01 and P03
        raid.inject(10, 4, "BSREQ:0");
        raid.runUntil(60);

        List<TestChannel.Sent> acks = raid.channel.sent("BSACK", 0);
        assertEquals(List.of(2), senders(acks));
        assertEquals("BSACK:" + T + ":P02", acks.get(0).text());
        assertEquals(SimTime.seconds(10 + LATENCY), acks.get(0).time(), "acknowledged on arrival");
        List<TestChannel.Sent> pushes = raid.channel.sent("BSTR", 0);
        assertEquals(List.of(2), senders(pushes));
        double delay = seconds(pushes.get(0).time()) - (10 + LATENCY);
        assertTrue(delay >= 2.0 && delay <= 2.5 + FRAME, "pushed " + delay + " s after the request came");
    }

    @Test
    void atHeadEveryHolderAcknowledgesAndPushes() {
        HeadRaid raid = HeadRaid.holders(7, 4, Plan.of());
        raid.inject(10, 4, "BSREQ:0");
        raid.runUntil(60);
        assertEquals(List.of(0, 1, 2, 3), senders(raid.channel.sent("BSACK", 0)));
        assertEquals(4, raid.channel.count("BSTR", 0));
    }

    @Test
    void theNextRankAnswersWithItsAckOnlyAfterTheFallbackWhenTheElectedOneStaysSilent() {
        HeadRaid raid = HeadRaid.holders(7, 4, Plan.of(new Responders.Elected(1, FALLBACK)));
        raid.at(5, () -> raid.get(0).leaveWorld()); // P00 ranks first (by name) but hears nothing: still grouped
        raid.inject(10, 4, "BSREQ:0");
        raid.runUntil(80);

        List<TestChannel.Sent> acks = raid.channel.sent("BSACK", 0);
        assertEquals(List.of(1), senders(acks), "P01 (rank 1) falls back; P02 and P03 hear its ACK and stay silent");
        double waited = seconds(acks.get(0).time()) - (10 + LATENCY);
        assertTrue(waited >= 2.0 + FALLBACK && waited <= 2.5 + FALLBACK + FRAME, "ACK " + waited + " s after");
        List<TestChannel.Sent> pushes = raid.channel.sent("BSTR", 0);
        assertEquals(List.of(1), senders(pushes));
        assertEquals(acks.get(0).time(), pushes.get(0).time(), "the fallback pushes with its ACK");
    }

    @Test
    void withTwoElectedTheThirdRankFillsInForTheOneThatStaysSilent() {
        HeadRaid raid = HeadRaid.holders(7, 4, Plan.of(new Responders.Elected(2, FALLBACK)));
        raid.at(5, () -> raid.get(0).leaveWorld());
        raid.inject(10, 4, "BSREQ:0");
        raid.runUntil(80);

        List<TestChannel.Sent> acks = raid.channel.sent("BSACK", 0);
        assertEquals(List.of(1, 2), senders(acks), "P01 (rank 1 < 2) at once, P02 (rank 2) as fallback, not P03");
        assertEquals(SimTime.seconds(10 + LATENCY), acks.get(0).time());
        double waited = seconds(acks.get(1).time()) - (10 + LATENCY);
        assertTrue(waited >= 2.0 + FALLBACK && waited <= 2.5 + FALLBACK + FRAME, "ACK " + waited + " s after");
        assertEquals(List.of(1, 2), senders(raid.channel.sent("BSTR", 0)));
    }

    @Test
    void aBetterRankedAckForAnOlderVersionDoesNotSilenceTheFallback() {
        HeadRaid raid = new HeadRaid(7, true);
        AssignmentSet set = HeadRaid.sheet(raid.sim, "sheet", SheetSpec.of(4, 6, 6));
        EncodedSheet older = HeadRaid.encode(set, T - 100);
        EncodedSheet current = HeadRaid.encode(set, T);
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withInitialData(new InitialData.Saved(T - 100, older)),
                Plan.of(new Responders.Elected(1, FALLBACK)));
        raid.add(2, i -> ClientConfig.defaults(HeadRaid.name(i)).withInitialData(new InitialData.Saved(T, current)),
                Plan.of(new Responders.Elected(1, FALLBACK)));
        int fake = raid.addFake();
        raid.form();
        raid.inject(10, fake, "BSREQ:0");
        raid.runUntil(80);

        List<TestChannel.Sent> acks = raid.channel.sent("BSACK", 0);
        assertEquals(List.of(0, 1), senders(acks), "P00 (rank 0) answers with its older data; P01 falls back");
        assertEquals("BSACK:" + T + ":P01", acks.get(1).text());
        double waited = seconds(acks.get(1).time()) - (10 + LATENCY);
        assertTrue(waited >= 2.0 + FALLBACK && waited <= 2.5 + FALLBACK + FRAME, "ACK " + waited + " s after");
    }

    @Test
    void theRequesterIsLeftOutOfTheRanking() {
        HeadRaid raid = new HeadRaid(7, true);
        EncodedSheet current = HeadRaid.encode(HeadRaid.sheet(raid.sim, "sheet", SheetSpec.of(4, 6, 6)), T);
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true),
                Plan.of(new Responders.Elected(1, FALLBACK))); // P00: a fresh install, pulls on joining
        raid.add(3, i -> ClientConfig.defaults(HeadRaid.name(i)).withInitialData(new InitialData.Saved(T, current)),
                Plan.of(new Responders.Elected(1, FALLBACK)));
        raid.form();
        raid.runUntil(60);

        List<TestChannel.Sent> requests = raid.channel.sent("BSREQ", 0);
        assertEquals(List.of(0), senders(requests));
        List<TestChannel.Sent> acks = raid.channel.sent("BSACK", 0);
        assertEquals(List.of(1), senders(acks), "P01 ranks first once the requester P00 is left out");
        assertEquals(requests.get(0).time() + SimTime.seconds(LATENCY), acks.get(0).time());
        assertEquals(T, raid.get(0).snapshot().assignmentsTimestamp());
    }

    @Test
    void anElectedResponderThatJustPushedAnswersOnceItsPushGuardLetsItThrough() {
        HeadRaid raid = HeadRaid.holders(7, 3, Plan.of(new Responders.Elected(1, FALLBACK)));
        AssignmentSet fresh = HeadRaid.sheet(raid.sim, "sheet/new", SheetSpec.of(4, 6, 6));
        raid.at(5, () -> raid.get(0).importSheet(fresh)); // pushes 0.5 s later (§6(b))
        raid.inject(6, 3, "BSREQ:0");
        raid.runUntil(80);

        List<TestChannel.Sent> pushes = raid.channel.sent("BSTR", 0);
        assertEquals(List.of(0, 0), senders(pushes), "the import push, then the answer; nobody else pushes");
        double first = seconds(pushes.get(0).time());
        double second = seconds(pushes.get(1).time());
        assertTrue(first >= 5.5 && first <= 5.5 + FRAME, "import push at " + first);
        assertTrue(second - first >= 10 && second - first <= 10 + 0.05 + FRAME,
                "the answer waits for the 10 s guard (B7): " + (second - first) + " s after the import push");
        assertEquals(List.of(0), senders(raid.channel.sent("BSACK", 0)));
    }
}
