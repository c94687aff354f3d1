package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.Priority;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.plan.PlanPolicies;
import org.syncsim.protocol.plan.Throttle;

/**
 * The plan's {@code throttle: ctl} ({@link Throttle.Ctl}): requests, acknowledgements and announcements go ALERT,
 * pushes BULK, so a pull is never stuck behind a push; head sends every message NORMAL.
 */
class PlanThrottleTest {
    private static Map<String, Priority> priorities(PlanPolicies policies) {
        HeadRaid raid = HeadRaid.holders(29, 1, policies);
        raid.at(1, () -> raid.get(0).setLiveSync(true));
        raid.at(5, () -> raid.get(0).navigate(2)); // the join reaction at 2 s sent VER and, liveSync on, BSREQ
        raid.inject(10, 1, "BSREQ:0");
        raid.at(20, () -> raid.get(0).slashVersion());
        raid.runUntil(30);
        Map<String, Priority> out = new TreeMap<>();
        for (TestChannel.Sent s : raid.channel.log()) {
            if (s.sender() == 0) {
                Priority before = out.put(s.command(), s.priority());
                assertEquals(before == null ? s.priority() : before, s.priority(), s.command());
            }
        }
        return out;
    }

    @Test
    void throughChatThrottleLibPushesGoBulkAndEverythingElseAlert() {
        Map<String, Priority> p = priorities(Plan.of(new Throttle.Ctl(800, 4000, 0)));
        assertEquals(Map.of("SECTION", Priority.ALERT, "VER", Priority.ALERT, "BSREQ", Priority.ALERT,
                "BSACK", Priority.ALERT, "BSEC", Priority.BULK, "BSTR", Priority.BULK), p);
    }

    @Test
    void atHeadEveryMessageIsNormal() {
        Map<String, Priority> p = priorities(PlanPolicies.OFF);
        assertEquals(Map.of("SECTION", Priority.NORMAL, "VER", Priority.NORMAL, "BSREQ", Priority.NORMAL,
                "BSACK", Priority.NORMAL, "BSEC", Priority.NORMAL, "BSTR", Priority.NORMAL), p);
    }
}
