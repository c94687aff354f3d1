package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.SimTime;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.data.SheetSpec;
import org.syncsim.protocol.plan.PlanPolicies;
import org.syncsim.protocol.plan.Recovery;
import org.syncsim.protocol.plan.VersionCheck;

/**
 * The plan's {@code version-check: gate} ({@link VersionCheck.Gate}): the member announces
 * {@value VersionCheck#PLAN_VERSION}, answers the first VER of each member it has not heard from (once, after a jitter
 * of up to 2 s, unless it announced within the last 10 s), and sends the plan's {@code BSMISS} only to a member that
 * announced at least {@value VersionCheck#PLAN_VERSION} (same major).
 */
class VersionGateTest {
    private static final double FRAME = 1.0 / 60;
    private static final PlanPolicies GATE = Plan.of(new VersionCheck.Gate());

    private static List<TestChannel.Sent> versionsFromClients(HeadRaid raid, int clients, double from) {
        return raid.channel.sent("VER", SimTime.seconds(from)).stream().filter(s -> s.sender() < clients).toList();
    }

    @Test
    void aGatedMemberAnnouncesThePlansVersionOnJoining() {
        HeadRaid raid = HeadRaid.holders(19, 2, GATE);
        raid.runUntil(5);
        List<TestChannel.Sent> ver = versionsFromClients(raid, 2, 0);
        assertEquals(2, ver.size(), "each announces once; neither answers the other, both announced just now");
        assertEquals("VER:0.2.0", ver.get(0).text());
        assertEquals(SimTime.seconds(2), ver.get(0).time(), "2 s after joining (§3.8)");
    }

    @Test
    void theFirstVerOfANewMemberIsAnsweredOnceWithinTwoSeconds() {
        HeadRaid raid = HeadRaid.holders(19, 2, GATE);
        raid.inject(30, 2, "VER:0.1.0");
        raid.inject(40, 2, "VER:0.1.0");
        raid.runUntil(60);
        List<TestChannel.Sent> replies = versionsFromClients(raid, 2, 5);
        assertEquals(2, replies.size(), "one answer each, none to the second VER of a member already heard");
        for (TestChannel.Sent r : replies) {
            double after = r.time() / 1e6 - 30.05;
            assertTrue(after >= 0 && after <= 2 + FRAME, "answered " + after + " s after");
            assertEquals("VER:0.2.0", r.text());
        }
    }

    @Test
    void noAnswerWithinTenSecondsOfItsOwnAnnouncement() {
        HeadRaid raid = HeadRaid.holders(19, 1, GATE);
        int late = raid.addFake();
        raid.inject(9, 1, "VER:0.1.0"); // P00 announced at 2 s: heard at 9.05, inside its 10 s
        raid.inject(15, late, "VER:0.1.0");
        raid.runUntil(60);
        List<TestChannel.Sent> replies = versionsFromClients(raid, 1, 5);
        assertEquals(1, replies.size());
        assertTrue(replies.get(0).time() >= SimTime.seconds(15.05), "the answer is to the later member");
    }

    @Test
    void oneAnswerCoversEveryNewMemberHeardWhileItIsPending() {
        HeadRaid raid = HeadRaid.holders(19, 1, GATE);
        int second = raid.addFake();
        raid.inject(30, 1, "VER:0.1.0");
        raid.inject(30, second, "VER:0.1.0");
        raid.runUntil(60);
        assertEquals(1, versionsFromClients(raid, 1, 5).size());
    }

    @Test
    void withoutTheGateAVerIsOnlyLogged() {
        HeadRaid raid = HeadRaid.holders(19, 2, PlanPolicies.OFF);
        raid.inject(30, 2, "VER:0.1.0");
        raid.runUntil(60);
        assertEquals(0, versionsFromClients(raid, 2, 5).size());
        assertEquals("VER:0.1.0", raid.channel.sent("VER", 0).get(0).text());
    }

    /**
     * P00 (gate and recovery, timeout 3 s, 3 requests) holds the small sheet at HELD; the raw member announces
     * {@code version}, then pushes every section of a newer version but no structure. Once the push has been quiet
     * for the timeout, P00 asks that pusher for the structure by name if it speaks the plan, at most 3 times, then
     * pulls the whole version; if it does not speak the plan, P00 pulls at once.
     */
    @ParameterizedTest
    @CsvSource({"0.2.0, true", "0.2.7, true", "0.3.0, true", "0.1.9, false", "1.2.0, false", "0.1.0, false"})
    void repairRequestsGoOnlyToAPusherThatAnnouncedThePlansVersion(String version, boolean speaksPlan) {
        HeadRaid raid = HeadRaid.holders(19, 1, Plan.of(new VersionCheck.Gate(), new Recovery.Resume(3, 3)));
        long t1 = HeadRaid.HELD + 600;
        EncodedSheet fresh = HeadRaid.encode(HeadRaid.sheet(raid.sim, "sheet/new", SheetSpec.of(4, 6, 6)), t1);
        raid.inject(20, 1, "VER:" + version);
        for (int i = 0; i < fresh.size(); i++) {
            raid.inject(30, 1, "BSEC:" + t1 + ":" + (i + 1) + ":" + fresh.sectionBlobs().get(i));
        }
        raid.runUntil(80);
        List<TestChannel.Sent> repairs = raid.channel.sent("BSMISS", 0);
        List<TestChannel.Sent> pulls = raid.channel.sent("BSREQ", 0);
        assertEquals(1, pulls.size());
        assertEquals("BSREQ:" + HeadRaid.HELD, pulls.get(0).text());
        double quiet = 30.05 + 3;
        if (speaksPlan) {
            assertEquals(3, repairs.size());
            for (int k = 0; k < 3; k++) {
                assertEquals("BSMISS:" + t1 + ":P01:", repairs.get(k).text(), "the structure alone, of its pusher");
                double at = repairs.get(k).time() / 1e6;
                assertTrue(at >= quiet + 3 * k && at <= quiet + 3 * k + (k + 1) * FRAME, "repair " + k + " at " + at);
            }
            double at = pulls.get(0).time() / 1e6;
            assertTrue(at >= quiet + 9 && at <= quiet + 9 + 4 * FRAME, "pulled at " + at);
        } else {
            assertEquals(0, repairs.size());
            double at = pulls.get(0).time() / 1e6;
            assertTrue(at >= quiet && at <= quiet + FRAME, "pulled at " + at);
        }
        assertEquals(HeadRaid.HELD, raid.get(0).snapshot().assignmentsTimestamp(), "nothing applied");
    }

    @Test
    void withoutTheGateRepairIsAskedOfAnyPusher() {
        HeadRaid raid = HeadRaid.holders(19, 1, Plan.of(new Recovery.Resume(3, 1)));
        long t1 = HeadRaid.HELD + 600;
        EncodedSheet fresh = HeadRaid.encode(HeadRaid.sheet(raid.sim, "sheet/new", SheetSpec.of(4, 6, 6)), t1);
        raid.inject(20, 1, "VER:0.1.0");
        for (int i = 0; i < fresh.size(); i++) {
            raid.inject(30, 1, "BSEC:" + t1 + ":" + (i + 1) + ":" + fresh.sectionBlobs().get(i));
        }
        raid.runUntil(80);
        assertEquals(1, raid.channel.count("BSMISS", 0));
        assertEquals(1, raid.channel.count("BSREQ", 0), "the one repair round spent, a pull");
    }

    @Test
    void aGatedPusherAnswersARepairRequestWithTheStructure() {
        HeadRaid raid = HeadRaid.holders(19, 1, Plan.of(new VersionCheck.Gate(), new Recovery.Resume(3, 3)));
        raid.inject(10, 1, "BSMISS:" + HeadRaid.HELD + ":P00:");
        raid.inject(20, 1, "BSMISS:" + HeadRaid.HELD + ":P05:"); // another pusher's
        raid.inject(30, 1, "BSMISS:" + (HeadRaid.HELD - 1) + ":P00:"); // another version
        raid.runUntil(40);
        List<TestChannel.Sent> structures = raid.channel.sent("BSTR", 0);
        assertEquals(1, structures.size());
        assertEquals(SimTime.seconds(10.05), structures.get(0).time());
        assertEquals(0, raid.channel.count("BSEC", 0));
    }
}
