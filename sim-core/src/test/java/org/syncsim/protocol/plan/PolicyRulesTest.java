package org.syncsim.protocol.plan;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.RaidRank;
import org.syncsim.protocol.head.HeadProfile;

/**
 * The plan's policies as rules (twra-sync-protocol.md, "The improvement plan"): who may push (5), how long a
 * lower-ranked responder waits (6), how long coalesced pulls spread (6), and their parameter bounds.
 */
class PolicyRulesTest {
    @Test
    void leaderOnlyLetsTheLeaderPushAndAssistantsAddTheAssistants() {
        Permissions leader = new Permissions.Leader();
        assertTrue(leader.allows("Alice", RaidRank.LEADER));
        assertFalse(leader.allows("Alice", RaidRank.ASSISTANT));
        assertFalse(leader.allows("Alice", RaidRank.MEMBER));
        Permissions officers = new Permissions.LeaderAndAssistants();
        assertTrue(officers.allows("Bob", RaidRank.LEADER));
        assertTrue(officers.allows("Bob", RaidRank.ASSISTANT));
        assertFalse(officers.allows("Bob", RaidRank.MEMBER));
        assertTrue(new Permissions.Anyone().allows("Carol", RaidRank.MEMBER));
    }

    @Test
    void aListGrantsByNameWhateverTheRank() {
        Permissions listed = new Permissions.Listed(Set.of("Alice", "Dave"));
        assertTrue(listed.allows("Dave", RaidRank.MEMBER));
        assertFalse(listed.allows("Bob", RaidRank.LEADER));
        assertThrows(IllegalArgumentException.class, () -> new Permissions.Listed(Set.of()));
    }

    @Test
    void electedRespondersAnswerAtOnceAndEachFurtherRankWaitsOneMoreFallback() {
        Responders.Elected two = new Responders.Elected(2, 1.5);
        assertEquals(0, two.extraWait(0));
        assertEquals(0, two.extraWait(1));
        assertEquals(1.5, two.extraWait(2)); // rank = count: fallback x 1
        assertEquals(4.5, two.extraWait(4)); // fallback x 3
        assertThrows(IllegalArgumentException.class, () -> new Responders.Elected(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Responders.Elected(1, 0));
        assertDoesNotThrow(() -> new Responders.Elected(1, 0.001));
    }

    @Test
    void coalescedPullsSpreadOverJitterPerMemberTimesTheRaidSize() {
        RequestCoalescing.Listen listen = new RequestCoalescing.Listen(5, 0.25);
        assertEquals(10, listen.jitterSpan(40));
        assertEquals(0.25, listen.jitterSpan(0), "a group of nobody counts as one");
        assertThrows(IllegalArgumentException.class, () -> new RequestCoalescing.Listen(0, 0.25));
        assertThrows(IllegalArgumentException.class, () -> new RequestCoalescing.Listen(5, -0.01));
        assertDoesNotThrow(() -> new RequestCoalescing.Listen(5, 0));
    }

    @Test
    void policyParametersAtTheirBounds() {
        assertThrows(IllegalArgumentException.class, () -> new Recovery.Resume(0, 3));
        assertDoesNotThrow(() -> new Recovery.Resume(0.001, 3));
        assertThrows(IllegalArgumentException.class, () -> new Versioning.Monotonic(0));
        assertThrows(IllegalArgumentException.class, () -> new Throttle.Ctl(0, 4000, 0));
        assertThrows(IllegalArgumentException.class, () -> new Throttle.Ctl(800, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Throttle.Ctl(800, 4000, -1));
        assertDoesNotThrow(() -> new Throttle.Ctl(800, 4000, 0));
        Backoff.Jitter none = Backoff.Jitter.NONE;
        assertDoesNotThrow(() -> new Backoff.Exponential(2, 1, 2, 1, none), "multiplier 1, cap = base, one retry");
        assertThrows(IllegalArgumentException.class, () -> new Backoff.Exponential(2, 0.99, 2, 1, none));
        assertThrows(IllegalArgumentException.class, () -> new Backoff.Exponential(2, 2, 1.99, 1, none));
        assertThrows(IllegalArgumentException.class, () -> new Backoff.Exponential(2, 2, 8, 0, none));
        assertThrows(IllegalArgumentException.class, () -> new Backoff.Exponential(0, 2, 8, 1, none));
    }

    @Test
    void thePlanProfileIsAHeadClientWithItsPolicies() {
        PlanProfile p = new PlanProfile(PlanPolicies.OFF);
        assertSame(PlanPolicies.OFF, p.policies());
        PlanPolicies rec = PlanPolicies.recommended();
        assertSame(rec, p.withPolicies(rec).policies());
        assertEquals(HeadProfile.CAPABILITIES, p.capabilities());
    }
}
