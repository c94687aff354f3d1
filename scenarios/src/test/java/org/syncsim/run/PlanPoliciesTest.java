package org.syncsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.syncsim.metrics.ClientResult;
import org.syncsim.metrics.CommandCounts;
import org.syncsim.metrics.RunResult;
import org.syncsim.scenario.BundledScenarios;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioLoader;

/**
 * The plan's policies on targeted scenarios: each test asserts the effect a policy exists for, computed from its
 * rule (spec §3.2 for the addon's timers, the policy's Javadoc for the rest).
 */
class PlanPoliciesTest {
    private static final String LATE_JOINER = "late-joiner";

    private static RunResult bundled(String name, int replication, String... sets) {
        LoadedScenario s = ScenarioLoader.override(BundledScenarios.load(name), List.of(sets));
        return new ReplicationRunner(StandardWorld.FACTORY).run(s, replication);
    }

    private static ClientResult client(RunResult r, String name) {
        return r.clients().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static long sent(ClientResult c, String command) {
        CommandCounts cc = c.byCommand().get(command);
        return cc == null ? 0 : cc.sentMessages();
    }

    /** Send instants (seconds) of {@code command} by client {@code sender}, from the run's trace. */
    private static List<Double> sendTimes(LoadedScenario s, int replication, int sender, String command) {
        List<Double> out = new ArrayList<>();
        new ReplicationRunner(StandardWorld.FACTORY).run(s, replication, (time, kind, details) -> {
            if (kind.equals("send") && details.contains(" sender=" + sender + " ")
                    && details.contains(" " + command + " ")) {
                out.add(time / 1e6);
            }
        });
        return out;
    }

    @Test
    void oneElectedResponderGivesTheLateJoinerExactlyOnePush() {
        for (int rep = 0; rep < 5; rep++) {
            RunResult r = bundled(LATE_JOINER, rep, "protocol.profile=plan", "protocol.policies.default=off",
                    "protocol.policies.responders.kind=elected", "protocol.policies.responders.count=1");
            assertEquals(1, r.sent("BSACK"), "only the leader (rank 0) acknowledges");
            assertEquals(1, r.sent("BSTR"), "one push, not 39");
            assertEquals(16, r.sent("BSEC"), "one BSEC per section of the one push");
            assertEquals(1, sent(client(r, "Leader"), "BSTR"), "the leader ranks first");
            assertEquals(0, r.waitingAtEnd());
        }
    }

    @Test
    void countElectedRespondersGiveCountPushes() {
        RunResult r = bundled(LATE_JOINER, 0, "protocol.profile=plan", "protocol.policies.default=off",
                "protocol.policies.responders={kind: elected, count: 3}");
        assertEquals(3, r.sent("BSTR"));
        assertEquals(3, r.sent("BSACK"));
        assertEquals(1, sent(client(r, "Leader"), "BSTR"));
        assertEquals(1, sent(client(r, "Raider03"), "BSTR"), "members rank by name after the leader");
        assertEquals(1, sent(client(r, "Raider04"), "BSTR"));
    }

    @Test
    void nobodyPushesToAJoinerThatAlreadyHoldsTheVersion() {
        RunResult r = bundled(LATE_JOINER, 0, "protocol.profile=plan", "raid.members[1].data=current");
        assertEquals(1, r.sent("BSREQ"));
        assertEquals(0, r.sent("BSACK"));
        assertEquals(0, r.sent("BSTR"));
    }

    @Test
    void theNextRankAnswersAfterTheFallbackWhenTheElectedOneCannot() {
        // the leader is in a loading screen when the joiner asks (still in the roster, so still rank 0, but deaf);
        // Raider03 (rank 1) answers fallback = 4 s after its 2.0-2.5 s responder delay, with its BSACK then, and
        // nobody else does
        LoadedScenario s = ScenarioLoader.override(BundledScenarios.load(LATE_JOINER), List.of(
                "protocol.profile=plan", "protocol.policies.default=off",
                "protocol.policies.responders={kind: elected, count: 1, fallback: 4s}",
                "timeline=[{t: 10s, do: join, who: Newbie}, {t: 11s, do: loading-screen, who: Leader, for: 30s}]"));
        RunResult r = new ReplicationRunner(StandardWorld.FACTORY).run(s, 0);
        assertEquals(1, r.sent("BSTR"));
        assertEquals(1, sent(client(r, "Raider03"), "BSTR"));
        double request = sendTimes(s, 0, 1, "BSREQ").get(0);
        double ack = sendTimes(s, 0, 2, "BSACK").get(0);
        assertTrue(ack - request >= 2.0 + 4.0 && ack - request <= 2.5 + 4.0 + 0.5,
                "ACK " + (ack - request) + " s after the request");
    }

    @Test
    void aRollOutOfHalfHeadHalfPlanStillSyncsTheJoinerAndOnlyHeadMembersStorm() {
        // plan members rank the whole roster; the head leader ranks first and acknowledges at once, so every plan
        // member stands down; the 19 other head members answer as the addon does (B1)
        StringBuilder members = new StringBuilder("    - { name: Leader, role: leader }\n"
                + "    - { name: Newbie, start: solo, data: none, profile: plan }\n");
        for (int i = 2; i < 40; i++) {
            members.append("    - { name: ").append(i % 2 == 0 ? "Planner" : "Header").append(i)
                    .append(i % 2 == 0 ? ", profile: plan" : "").append(" }\n");
        }
        LoadedScenario s = ScenarioLoader.load("rollout.yaml", """
                raid:
                  members:
                %s
                protocol: { policies: { responders: { kind: elected, count: 1 } } }
                channel: { server: { on-exceed: none } }
                timeline: [ { t: 10s, do: join, who: Newbie } ]
                """.formatted(members.toString().stripTrailing()), "rollout");
        for (int rep = 0; rep < 3; rep++) {
            RunResult r = new ReplicationRunner(StandardWorld.FACTORY).run(s, rep);
            long planPushes = r.clients().stream().filter(c -> c.name().startsWith("Planner"))
                    .mapToLong(c -> sent(c, "BSTR")).sum();
            assertEquals(0, planPushes);
            assertEquals(1, sent(client(r, "Leader"), "BSTR"));
            assertEquals(20, r.sent("BSTR"), "the leader and the 19 Headers");
            assertEquals(0, r.waitingAtEnd());
        }
    }

    @Test
    void requestCoalescingTurnsTheImportStormIntoAFewRequests() {
        // head: the import's SECTION makes all 39 members pull at once (spec 6(b), B3); with coalescing each waits
        // U(0, 40 x 50 ms) and the import's own push (0.5 s later) or the first request answers the rest
        for (int rep = 0; rep < 5; rep++) {
            RunResult head = bundled("leader-import-40", rep);
            RunResult plan = bundled("leader-import-40", rep, "protocol.profile=plan", "protocol.policies.default=off",
                    "protocol.policies.request-coalescing=listen");
            assertEquals(39, head.sent("BSREQ"));
            assertTrue(plan.sent("BSREQ") <= 5, "BSREQ " + plan.sent("BSREQ"));
            assertEquals(0, plan.waitingAtEnd());
        }
    }

    @Test
    void withoutBackoffALostRequestIsNeverRepeated() {
        RunResult r = new ReplicationRunner(StandardWorld.FACTORY).run(lostRequest("backoff=none", "t 300s"), 0);
        assertEquals(1, sent(client(r, "Newbie"), "BSREQ"), "B8: no timeout, no retry");
        assertEquals(1, r.waitingAtEnd());
    }

    @Test
    void exponentialRetriesFollowBaseTimesMultiplierToTheNUntilAnswered() {
        // requests are lost until 60 s: the join's BSREQ (about 12 s) and retries after 10 and 20 s go nowhere,
        // the retry 40 s later (about 82 s) is answered; timers fire on frames (60 fps)
        LoadedScenario s = lostRequest(
                "backoff={kind: exponential, base: 10s, multiplier: 2, cap: 60s, max-retries: 5, jitter: none}",
                "all-synced");
        List<Double> t = sendTimes(s, 0, 1, "BSREQ");
        assertEquals(4, t.size(), "join + 3 retries: " + t);
        double frame = 1 / 60.0;
        for (int n = 1; n <= 3; n++) {
            double expected = 10 * Math.pow(2, n - 1);
            assertEquals(expected, t.get(n) - t.get(n - 1), frame + 1e-6, "retry " + n + ": " + t);
        }
        assertEquals(0, new ReplicationRunner(StandardWorld.FACTORY).run(s, 0).waitingAtEnd());
    }

    @Test
    void equalJitterRetriesWaitBetweenHalfAndAllOfTheNominalDelayButNeverUnderTheAddonsInterval() {
        // d = 6·2^(n-1) s, spread over [d/2, d]; a draw under the addon's 5 s request interval waits for it
        LoadedScenario s = lostRequest(
                "backoff={kind: exponential, base: 6s, multiplier: 2, cap: 60s, max-retries: 3, jitter: equal}",
                "t 300s");
        for (int rep = 0; rep < 5; rep++) {
            List<Double> t = sendTimes(s, rep, 1, "BSREQ");
            assertEquals(4, t.size(), "the join's request and 3 retries, all lost until 60 s: " + t);
            for (int n = 1; n < t.size(); n++) {
                double nominal = 6 * Math.pow(2, n - 1);
                double gap = t.get(n) - t.get(n - 1);
                assertTrue(gap >= Math.max(5, nominal / 2) - 1e-6 && gap <= Math.max(5, nominal) + 1 / 60.0 + 1e-6,
                        "retry " + n + " after " + gap + " s, nominal " + nominal);
            }
        }
    }

    /** A joiner whose requests the only other member does not hear until 60 s. */
    private static LoadedScenario lostRequest(String backoff, String until) {
        return ScenarioLoader.load("lost.yaml", """
                raid:
                  size: 2
                  members:
                    - { name: Leader, role: leader }
                    - { name: Newbie, start: solo, data: none }
                channel: { server: { on-exceed: none } }
                protocol: { profile: plan, policies: { default: off, %s } }
                timeline:
                  - { t: 0s, do: network, who: Leader, loss: { model: bernoulli, p: 1.0 } }
                  - { t: 10s, do: join, who: Newbie }
                  - { t: 60s, do: network, who: Leader, loss: { model: none } }
                run: { until: %s }
                """.formatted(backoff.replaceFirst("=", ": "), until), "lost");
    }

    @Test
    void planAtItsDefaultsSyncsTheLateJoinerWithOnePushAndFewerBytes() {
        for (int rep = 0; rep < 3; rep++) {
            RunResult head = bundled(LATE_JOINER, rep);
            RunResult plan = bundled(LATE_JOINER, rep, "protocol.profile=plan");
            assertEquals(1, plan.sent("BSTR"));
            assertEquals(0, plan.waitingAtEnd());
            assertEquals(0, plan.desyncedAtEnd());
            assertTrue(plan.sentBytes() * 20 < head.sentBytes(), plan.sentBytes() + " vs " + head.sentBytes());
        }
    }

    /**
     * plan-differential: 16 sections, an import editing sections 2 and 5 while Away is offline, then Away's pull.
     * With differential the answer carries exactly the edited sections plus BSSAME; off, or without the version
     * gate (no member may assume the others read BSSAME), it is the whole sheet again.
     */
    @Test
    void aDifferentialAnswerCarriesOnlyTheEditedSections() {
        int sections = 16;
        int edited = 2;
        for (int rep = 0; rep < 3; rep++) {
            RunResult diff = bundled("plan-differential", rep);
            RunResult off = bundled("plan-differential", rep, "protocol.policies.differential=off");
            RunResult ungated = bundled("plan-differential", rep, "protocol.policies.version-check=off");
            for (RunResult r : List.of(diff, off, ungated)) {
                assertEquals(2, r.sent("BSTR"), "the import push and the answer");
                assertEquals(r.sent("BSEC"), sent(client(r, "Leader"), "BSEC"), "the leader pushes alone");
                assertEquals(0, r.waitingAtEnd());
                assertEquals(0, r.desyncedAtEnd());
            }
            assertEquals(sections + edited, diff.sent("BSEC"), "the import push, then only the edited sections");
            assertEquals(1, diff.sent("BSSAME"));
            assertEquals(2 * sections, off.sent("BSEC"));
            assertEquals(0, off.sent("BSSAME"));
            assertEquals(2 * sections, ungated.sent("BSEC"));
            assertTrue(diff.sentBytes() < off.sentBytes(), diff.sentBytes() + " vs " + off.sentBytes());
        }
    }

    @Test
    void theBundledPlanScenariosShowWhatTheirHeadersSay() {
        RunResult one = bundled("plan-late-joiner", 0);
        assertEquals(1, one.sent("BSTR"));
        assertEquals(1, one.sent("BSACK"));
        RunResult rollout = bundled("plan-rollout", 0);
        assertEquals(20, rollout.sent("BSTR"));
        assertEquals(0, rollout.clients().stream().filter(c -> c.name().startsWith("Planner"))
                .mapToLong(c -> sent(c, "BSTR")).sum());
        RunResult head = bundled("plan-lost-requests", 0, "protocol.profile=head");
        RunResult plan = bundled("plan-lost-requests", 0);
        assertEquals(1, head.waitingAtEnd(), "B8: the joiner's lost request is never repeated");
        assertEquals(0, plan.waitingAtEnd());
        assertTrue(sent(client(plan, "Newbie"), "BSREQ") > 1, "retried");
    }

    @Test
    void eitherPermissionsOrVersioningKeepsTheRogueFutureTimestampOut() {
        // Mallory (a plain member) pushes one BSEC and one BSTR stamped a day ahead; each of the 19 others drops
        // both, and the leader's honest import at 30 s reaches everyone
        for (String policy : List.of("permissions: leader-and-assistants", "versioning: monotonic")) {
            RunResult r = bundled("rogue-future-timestamp", 0, "protocol.profile=plan",
                    "protocol.policies={default: off, " + policy + "}");
            assertEquals(38, r.clients().stream().mapToLong(ClientResult::refusedMessages).sum(), policy);
            assertEquals(0, r.waitingAtEnd(), policy);
            long leaders = client(r, "Leader").finalDataTimestamp();
            assertTrue(r.clients().stream().allMatch(c -> c.finalDataTimestamp() == leaders), policy);
        }
        RunResult head = bundled("rogue-future-timestamp", 0);
        assertEquals(18, head.waitingAtEnd(), "at head the forged day blocks the honest import for all but the "
                + "leader and Mallory, whose own client never took the forged push (spec §8)");
    }

    @Test
    void monotonicVersionsLetTheSlowClocksImportWin() {
        // Slowpoke's clock is 2 h slow: head stamps its import older than the raid's data (B27); monotonic
        // stamps it data.timestamp + 1, so everyone pulls it
        RunResult head = bundled("clock-skewed-importer", 0);
        assertTrue(head.desyncedAtEnd() > 0);
        RunResult r = bundled("clock-skewed-importer", 0, "protocol.profile=plan",
                "protocol.policies={default: off, versioning: monotonic}");
        long expected = BundledScenarios.load("clock-skewed-importer").scenario().data().timestamp() + 1;
        assertTrue(r.clients().stream().allMatch(c -> c.finalDataTimestamp() == expected), r.clients().toString());
        assertEquals(0, r.desyncedAtEnd());
        assertEquals(0, r.waitingAtEnd());
    }

    @Test
    void monotonicVersionsEndTwoImportsOnOneSheet() {
        // the officer hears the leader's SECTION within the 0.4 s, so its import outranks the leader's, and
        // BSECs older than what a member holds are refused (B11): every member ends on the officer's sheet
        for (int rep = 0; rep < 5; rep++) {
            RunResult r = bundled("two-leaders-import", rep, "protocol.profile=plan",
                    "protocol.policies={default: off, versioning: monotonic}");
            long officer = client(r, "Officer").finalDataTimestamp();
            assertTrue(r.clients().stream().allMatch(c -> c.finalDataTimestamp() == officer), "rep " + rep);
            assertEquals(0, r.desyncedAtEnd());
            assertEquals(0, r.waitingAtEnd());
        }
    }

    @Test
    void aMemberWhoMayNotPushNeitherPushesNorIsHeard() {
        // permissions: leader: the assistant's import is neither pushed nor announced by it
        RunResult r = bundled("clock-skewed-importer", 0, "protocol.profile=plan",
                "protocol.policies={default: off, permissions: leader}");
        assertEquals(0, r.sent("BSTR"));
        assertEquals(0, r.sent("SECTION"));
        long raid = BundledScenarios.load("clock-skewed-importer").scenario().data().timestamp();
        assertTrue(r.clients().stream().filter(c -> !c.name().equals("Slowpoke"))
                .allMatch(c -> c.finalDataTimestamp() == raid));
        RunResult listed = bundled("clock-skewed-importer", 0, "protocol.profile=plan",
                "protocol.policies={default: off, permissions: {kind: listed, names: [Slowpoke]}}");
        assertTrue(listed.sent("BSTR") >= 1, "the listed member pushes");
    }

    @Test
    void recoveryAloneLeavesNoSilentDesyncOrLuaErrorOnALossyNetwork() {
        for (int rep = 0; rep < 5; rep++) {
            RunResult head = bundled("lossy-network", rep);
            RunResult plan = bundled("lossy-network", rep, "protocol.profile=plan",
                    "protocol.policies={default: off, recovery: resume}");
            assertTrue(head.desyncedAtEnd() > 0, "B9/B10 at head, rep " + rep);
            assertEquals(0, plan.desyncedAtEnd(), "rep " + rep);
            assertEquals(0, plan.clients().stream().mapToLong(ClientResult::abortedHandlers).sum());
            assertTrue(plan.sent("BSMISS") > 0, "missing sections asked for");
        }
    }

    @Test
    void recoveryWithBackoffBringsEveryoneThroughLossAndAMidTransferDisconnect() {
        for (String scenario : List.of("lossy-network", "disconnect-mid-transfer")) {
            for (int rep = 0; rep < 5; rep++) {
                RunResult r = bundled(scenario, rep, "protocol.profile=plan",
                        "protocol.policies={default: off, recovery: resume, backoff: exponential}");
                assertEquals(0, r.waitingAtEnd(), scenario + " rep " + rep);
                assertEquals(0, r.desyncedAtEnd(), scenario + " rep " + rep);
            }
        }
    }

    /**
     * {@code plan} at its recommended settings: every member ends on the newest data with no silent desync and no
     * Lua error, in every bundled scenario whose network heals, over 20 replications. Left out, with reason:
     * {@code plain-text-import} (B38 is the importer's own import path, which no policy touches: its cache keeps the
     * previous sheet). {@code server-limit-storm}, whose server disconnects a member that bursts, runs with
     * {@code throttle: ctl}, the policy for such servers (the recommended {@code direct} bursts).
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // every bundled scenario under plan: about 100 s on a loaded box
    void planAtItsDefaultsConvergesInEveryBundledScenarioWhoseNetworkHeals() {
        for (String name : BundledScenarios.names()) {
            if (name.equals("plain-text-import")) {
                continue;
            }
            List<String> sets = name.equals("server-limit-storm")
                    ? List.of("protocol.profile=plan", "protocol.policies.throttle=ctl")
                    : List.of("protocol.profile=plan");
            LoadedScenario s = ScenarioLoader.override(BundledScenarios.load(name), sets);
            for (int rep = 0; rep < 20; rep++) {
                RunResult r = new ReplicationRunner(StandardWorld.FACTORY).run(s, rep);
                assertEquals(0, r.waitingAtEnd(), name + " rep " + rep);
                assertEquals(0, r.desyncedAtEnd(), name + " rep " + rep);
                assertEquals(0, r.clients().stream().mapToLong(ClientResult::abortedHandlers).sum(),
                        name + " rep " + rep);
            }
        }
    }

    @Test
    void throughChatThrottleLibTheServerLimitNoLongerDisconnectsThePusher() {
        // server-limit-storm: 2000 B/s, burst 32 KB; an unpaced 60 KB push exceeds the burst (B18), 800 B/s does not
        for (int rep = 0; rep < 3; rep++) {
            RunResult direct = bundled("server-limit-storm", rep, "protocol.profile=plan",
                    "protocol.policies.throttle=direct");
            RunResult ctl = bundled("server-limit-storm", rep, "protocol.profile=plan",
                    "protocol.policies.throttle={kind: ctl, max-cps: 800, burst: 4000}");
            assertTrue(direct.serverDisconnects() > 0, "rep " + rep);
            assertEquals(0, ctl.serverDisconnects(), "rep " + rep);
            assertEquals(0, ctl.waitingAtEnd(), "rep " + rep);
            long pushBytes = ctl.sentBytes();
            double seconds = client(ctl, "Newbie").lastTimeToSyncMicros() / 1e6;
            assertTrue(seconds >= (pushBytes - 4000) / 800.0 * 0.5,
                    "a push paced at 800 B/s takes its bytes / 800 s: " + seconds + " s for " + pushBytes + " B");
        }
    }

    @Test
    void skippingRedundantTransfersCutsTheTieStormAndEndsItsDesyncsAndLuaErrors() {
        // head plus skip-redundant alone: a responder whose 2.0-2.5 s timer fires after another's BSTR reached it
        // stands down (B4), and a member holding the version whole no longer rebuilds on each of the pushes (B12),
        // which is where head's desyncs and B29 Lua errors come from in this storm
        for (int rep = 0; rep < 3; rep++) {
            RunResult head = bundled(LATE_JOINER, rep);
            RunResult skip = bundled(LATE_JOINER, rep, "protocol.profile=plan",
                    "protocol.policies={default: off, skip-redundant: skip}");
            assertEquals(39, head.sent("BSTR"));
            assertTrue(skip.sent("BSTR") < 39, "pushes " + skip.sent("BSTR"));
            assertEquals(0, skip.desyncedAtEnd());
            assertEquals(0, skip.clients().stream().mapToLong(ClientResult::abortedHandlers).sum());
            assertEquals(0, skip.waitingAtEnd());
        }
    }

    @Test
    void theVersionGateKeepsRepairRequestsFromAHeadPusher() {
        // lossy-network with a head leader and plan members with recovery: without the gate the members ask the
        // head leader for missing sections and it counts each BSMISS as unknown; with the gate nobody asks it (a
        // plan member that pushed later may still be asked): the members pull the whole version instead
        List<String> base = List.of("protocol.profile=plan", "raid.members[0].profile=head");
        for (int rep = 0; rep < 3; rep++) {
            List<String> off = new java.util.ArrayList<>(base);
            off.add("protocol.policies={default: off, recovery: resume, backoff: exponential}");
            List<String> gate = new java.util.ArrayList<>(base);
            gate.add("protocol.policies={default: off, recovery: resume, backoff: exponential, version-check: gate}");
            RunResult ungated = bundled("lossy-network", rep, off.toArray(String[]::new));
            RunResult gated = bundled("lossy-network", rep, gate.toArray(String[]::new));
            assertTrue(ungated.sent("BSMISS") > 0, "rep " + rep);
            assertTrue(client(ungated, "Leader").malformedMessages() > 0, "head reads BSMISS as unknown");
            assertEquals(0, client(gated, "Leader").malformedMessages(),
                    "no BSMISS reaches the head leader, rep " + rep);
        }
    }

    @Test
    void aJoinerLearnsEveryPlanMembersVersionFromOneAnswerEach() {
        // plan-rollout's joiner announces 0.2.0; each of the 19 plan members answers once, the head members do not
        // (they only log a newer version, spec 3.8), and the joiner answers none of the answers
        RunResult r = bundled("plan-rollout", 0, "protocol.policies={responders: {kind: elected, count: 1}, "
                + "version-check: gate}");
        assertEquals(1 + 19, r.clients().stream().mapToLong(c -> sent(c, "VER")).sum()
                - r.clients().stream().filter(c -> !c.name().startsWith("Planner") && !c.name().equals("Newbie"))
                        .mapToLong(c -> sent(c, "VER")).sum());
        assertEquals(1, sent(client(r, "Newbie"), "VER"));
        r.clients().stream().filter(c -> c.name().startsWith("Planner"))
                .forEach(c -> assertEquals(1, sent(c, "VER"), c.name()));
    }
}
