package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.RaidRank;
import org.syncsim.engine.SimTime;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SheetSpec;
import org.syncsim.protocol.plan.Permissions;
import org.syncsim.protocol.plan.Responders;

/**
 * The plan's {@code permissions} ({@link Permissions}): a member drops, and counts as refused, SECTION, BSACK, BSEC,
 * BSTR, CHUNKED and CHUNK from anyone the policy does not allow, and does not itself announce, answer pulls or push
 * unless it may; anyone may ask (BSREQ).
 */
class PermissionsTest {
    private static final long T = HeadRaid.HELD;

    private static List<Integer> senders(HeadRaid raid, String command) {
        return raid.channel.sent(command, 0).stream().map(TestChannel.Sent::sender).toList();
    }

    /** P00 the leader, P01 and P02 members, the raw member (3) a member too; the leader alone may push. */
    private static HeadRaid leaderOnly() {
        HeadRaid raid = HeadRaid.holders(13, 3, Plan.of(new Permissions.Leader()));
        raid.channel.setRank(0, RaidRank.LEADER);
        return raid;
    }

    @Test
    void aMemberWhoMayNotPushNeitherAnnouncesNorAnswersNorPushes() {
        HeadRaid raid = leaderOnly();
        AssignmentSet fresh = HeadRaid.sheet(raid.sim, "sheet/new", SheetSpec.of(4, 6, 6));
        raid.at(1, () -> {
            raid.get(0).setLiveSync(true);
            raid.get(1).setLiveSync(true);
        });
        raid.at(10, () -> raid.get(1).navigate(2));
        raid.at(12, () -> raid.get(0).navigate(3));
        raid.inject(20, 3, "BSREQ:0");
        raid.at(40, () -> raid.get(1).syncAll());
        raid.at(60, () -> raid.get(1).importSheet(fresh));
        raid.runUntil(90);

        assertEquals(List.of(0), senders(raid, "SECTION"), "only the leader's navigation is broadcast");
        assertEquals(List.of(0), senders(raid, "BSACK"), "a member's own BSREQ is answered by the leader alone");
        assertEquals(List.of(0), senders(raid, "BSTR"), "neither Sync All nor an import pushes from a member");
        assertEquals(0, raid.channel.sent("BSEC", 0).stream().filter(s -> s.sender() != 0).count());
    }

    @Test
    void membersDropAnnouncementsAndPushesFromAMemberWhoMayNotButAnswerItsRequests() {
        HeadRaid raid = leaderOnly();
        String section1 = raid.get(1).snapshot().compressedSections().get(1);
        raid.inject(10, 3, "SECTION:" + (T + 1) + ":2");
        raid.inject(12, 3, "BSEC:" + (T + 1) + ":1:" + raid.get(0).snapshot().compressedSections().get(2));
        raid.inject(14, 3, "BSACK:" + (T + 1) + ":P03");
        raid.runUntil(20);
        assertEquals(0, raid.channel.count("BSREQ", 0), "the newer SECTION is not heard, so nobody pulls");
        assertEquals(3, raid.metrics.count("refused", "SECTION sender may not announce or push"));
        assertEquals(3, raid.metrics.count("refused", "BSEC sender may not announce or push"));
        assertEquals(3, raid.metrics.count("refused", "BSACK sender may not announce or push"));
        assertEquals(section1, raid.get(1).snapshot().compressedSections().get(1));
        assertEquals(T, raid.get(1).snapshot().assignmentsTimestamp());

        raid.inject(30, 3, "BSREQ:0");
        raid.runUntil(40);
        assertEquals(List.of(0), senders(raid, "BSACK"));
        assertEquals(0, raid.metrics.count("refused", "BSREQ"));
    }

    @Test
    void atHeadAnyMemberIsHeard() {
        HeadRaid raid = HeadRaid.holders(13, 3, Plan.of());
        raid.inject(10, 3, "SECTION:" + (T + 1) + ":2");
        raid.runUntil(20);
        assertEquals(3, raid.channel.count("BSREQ", SimTime.seconds(10)));
        assertEquals(0, raid.metrics.count("refused"));
    }

    @Test
    void electedRespondersRankOnlyTheMembersAllowedToPush() {
        // P00 ranks first by name but is not on the list: P01 is the elected one and answers at once
        HeadRaid raid = HeadRaid.holders(13, 3, Plan.of(new Permissions.Listed(Set.of("P01", "P02")),
                new Responders.Elected(1, 4)));
        raid.inject(10, 3, "BSREQ:0");
        raid.runUntil(60);
        List<TestChannel.Sent> acks = raid.channel.sent("BSACK", 0);
        assertEquals(List.of(1), acks.stream().map(TestChannel.Sent::sender).toList());
        assertEquals(SimTime.seconds(10.05), acks.get(0).time());
        assertEquals(List.of(1), senders(raid, "BSTR"));
    }

    @Test
    void leaderAndAssistantsMayPushButMembersMayNot() {
        HeadRaid raid = HeadRaid.holders(13, 3, Plan.of(new Permissions.LeaderAndAssistants()));
        raid.channel.setRank(0, RaidRank.LEADER);
        raid.channel.setRank(2, RaidRank.ASSISTANT);
        raid.inject(10, 3, "BSREQ:0");
        raid.runUntil(60);
        assertEquals(List.of(0, 2), senders(raid, "BSACK"));
        assertEquals(List.of(0, 2), senders(raid, "BSTR").stream().sorted().toList());
    }
}
