package org.syncsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.ChannelConfig;
import org.syncsim.channel.throttle.ThrottleConfig;
import org.syncsim.metrics.ClientResult;
import org.syncsim.metrics.RunResult;
import org.syncsim.protocol.client.ClientSnapshot;
import org.syncsim.protocol.client.SyncClient;
import org.syncsim.scenario.Action;
import org.syncsim.scenario.BundledScenarios;
import org.syncsim.scenario.ClientSettings;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.RosterEntry;

/**
 * The bundled scenarios that use the wired channel and head-client features, end to end on the real world. The
 * expected numbers follow the specs' rules (addon-channel.md "ChatThrottleLib"; protocol §3.5, §3.9, §6, B32,
 * B38), computed here from the scenario, not copied from a run.
 */
class WiredScenariosTest {
    private static final Pattern SEND = Pattern.compile("sender=(\\d+) \\S+ (.+) bytes=(\\d+) queued=(\\d+)");

    /** One message leaving a client, from the channel's trace. */
    record Sent(long at, int sender, String command, int bytes) {
    }

    /** Runs replication 0 with the channel's trace collected and the world kept for inspection. */
    private static final class Traced implements WorldFactory {
        final List<Sent> sent = new ArrayList<>();
        StandardWorld world;

        @Override
        public World build(LoadedScenario s, org.syncsim.engine.Simulation sim, org.syncsim.metrics.RunRecorder rec) {
            sim.setTrace((t, kind, details) -> {
                if (kind.equals("send")) {
                    Matcher m = SEND.matcher(details);
                    assertTrue(m.find(), details);
                    sent.add(new Sent(t, Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3))));
                }
            });
            world = new StandardWorld(s, sim, rec);
            return world;
        }
    }

    private static RunResult run(String name) {
        return new ReplicationRunner(StandardWorld.FACTORY).run(BundledScenarios.load(name), 0);
    }

    @Test
    void throttledLateJoinerStormIsPacedByTheLibraryAndEveryoneStillSyncs() {
        LoadedScenario s = BundledScenarios.load("late-joiner-throttled");
        Traced traced = new Traced();
        RunResult r = new ReplicationRunner(traced).run(s, 0);
        RunResult direct = run("late-joiner");
        ChannelConfig cc = StandardWorld.channelConfig(s.scenario().channel(), s);
        ThrottleConfig ctl = cc.throttle();
        assertEquals(ThrottleConfig.Mode.CTL, ctl.mode());
        assertEquals(0, ctl.maxMessageBytes(), "turtle: no 255-byte check, or every CHUNK would be refused");
        int serverOverhead = cc.server().messageOverheadBytes();

        // the library changes when messages leave, not which: 39 ACKs and 39 full pushes as without it (§6 d, B1)
        assertEquals(0L, r.rejectedByReason().getOrDefault("TOO_LONG", 0L));
        for (String c : List.of("BSREQ", "BSACK", "BSEC", "BSTR", "CHUNKED", "CHUNK")) {
            assertEquals(direct.sent(c), r.sent(c), c);
        }
        assertEquals(39, r.sent("BSACK"));
        assertEquals(39, r.sent("BSTR"));

        // every member still syncs: the joiner once, nobody left waiting
        ClientResult joiner = r.clients().get(1);
        assertEquals("Newbie", joiner.name());
        assertEquals(1, joiner.syncEpisodes());
        assertEquals(0, r.waitingAtEnd());
        assertEquals("all-synced", r.stopReason());
        assertTrue(r.queueDelay().maxMicros() > 0, "pushes wait in the library's queue");

        // no client ever sends faster than its budget: a bucket of BURST bytes refilled at MAX_CPS (the library's
        // avail starts at 0 and is clamped lower after login, so this bucket holds at least as much at any time)
        // must cover each message's cost, text + prefix + 1 + MSG_OVERHEAD
        Map<Integer, List<Sent>> bySender = new TreeMap<>();
        for (Sent m : traced.sent) {
            bySender.computeIfAbsent(m.sender(), k -> new ArrayList<>()).add(m);
        }
        long fewestPushBytes = Long.MAX_VALUE;
        for (Map.Entry<Integer, List<Sent>> e : bySender.entrySet()) {
            double tokens = ctl.burst();
            long last = 0;
            long push = 0;
            for (Sent m : e.getValue()) {
                tokens = Math.min(ctl.burst(), tokens + ctl.maxCps() * (m.at() - last) / 1e6);
                last = m.at();
                int cost = m.bytes() - serverOverhead + ctl.overheadBytes();
                assertTrue(cost <= tokens + 1e-6, "client " + e.getKey() + " sent " + m + " with " + tokens
                        + " bytes of budget");
                tokens -= cost;
                if (!m.command().equals("BSACK") && !m.command().equals("BSREQ") && !m.command().equals("VER")) {
                    push += cost;
                }
            }
            if (e.getKey() != 1 && push > 0) {
                fewestPushBytes = Math.min(fewestPushBytes, push);
            }
        }
        // the joiner asks 2 s after joining, responders wait at least 2.0 s (§3.2 step 9), and the smallest push
        // cannot leave faster than the burst plus MAX_CPS per second
        long bound = 4_000_000L + (long) ((fewestPushBytes - ctl.burst()) / ctl.maxCps() * 1e6);
        assertTrue(joiner.lastTimeToSyncMicros() >= bound, joiner.lastTimeToSyncMicros() + " < " + bound);
        assertTrue(bound > direct.clients().get(1).lastTimeToSyncMicros(), "slower than the unthrottled storm");
    }

    @Test
    void plainTextImportEndsWithThePreviousSheetUnderTheNewTimestampEverywhere() {
        LoadedScenario s = BundledScenarios.load("plain-text-import");
        Traced traced = new Traced();
        RunResult r = new ReplicationRunner(traced).run(s, 0);
        List<SyncClient> clients = traced.world.clients();
        long oldTs = s.scenario().data().timestamp();

        // B38: the import sends nothing; the reloader's login pull (§6 d) finds one newer member, the importer,
        // which alone ACKs and pushes its compressed cache under the new A (§6 e); every member takes the BSTR
        // because its timestamp is newer (§3.5 step 2)
        assertEquals(0, r.sent("SECTION"));
        assertEquals(1, r.sent("BSREQ"));
        assertEquals(1, r.sent("BSACK"));
        assertEquals(1, r.sent("BSTR"));
        ClientSnapshot leader = clients.get(0).snapshot();
        assertTrue(leader.assignmentsTimestamp() > oldTs, "the import set A");
        assertEquals(oldTs, leader.compressedTimestamp(), "the compressed cache kept the previous sheet");
        for (SyncClient c : clients) {
            ClientSnapshot snap = c.snapshot();
            assertEquals(leader.assignmentsTimestamp(), snap.assignmentsTimestamp(), c.name());
            assertEquals(leader.compressedSections(), snap.compressedSections(), c.name() + " holds the old sheet");
        }
        assertEquals(clients.size(), r.desyncedAtEnd(), "all claim the import's timestamp with other content");
    }

    @Test
    void eachLeaderClickCostsElevenCtraMessagesPerTankSyncUser() {
        LoadedScenario s = BundledScenarios.load("tank-sync-storm");
        RunResult r = run("tank-sync-storm");
        // §3.9, B32: a listener per member logged in with live sync and Tank Sync on; it sends MT CLEAR and SET
        // 1..10 when oRA2 is loaded, on every SECTION_CHANGED: the leader's click and each fromSync navigation
        long k = s.roster().stream().filter(e -> e.liveSync() && e.tankSync() && e.ora2()
                && e.start() == ClientSettings.Start.IN_RAID).count();
        String leader = s.roster().stream().filter(e -> e.role() == org.syncsim.scenario.Member.Role.LEADER)
                .map(RosterEntry::name).findFirst().orElseThrow();
        long clicks = s.timeline().stream().filter(t -> t.action() instanceof Action.Navigate
                && leader.equals(t.action().who())).count();
        assertEquals(10, k);
        assertNotEquals(0, clicks);
        assertEquals(clicks, r.sent("SECTION"));
        assertEquals(k * clicks, r.sent("MT CLEAR"));
        assertEquals(10 * k * clicks, r.sent("SET"));
        assertEquals(11 * k * clicks, r.sent("MT CLEAR") + r.sent("SET"));
        assertEquals(0, r.sent("BSREQ"), "nobody is stale");
    }
}
