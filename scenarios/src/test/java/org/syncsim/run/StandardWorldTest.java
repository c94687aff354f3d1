package org.syncsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.metrics.ClientResult;
import org.syncsim.metrics.RunResult;
import org.syncsim.scenario.BundledScenarios;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioLoader;

/**
 * Bundled scenarios on the real world (GroupBus + head clients). Expected numbers come from the protocol spec
 * (sections 6, 9 and 12.2), not from a run.
 */
class StandardWorldTest {
    private static RunResult runBundled(String name, String... sets) {
        LoadedScenario s = ScenarioLoader.override(BundledScenarios.load(name), List.of(sets));
        return new ReplicationRunner(StandardWorld.FACTORY).run(s, 0);
    }

    @Test
    void aStressRaidOfSixtyFortyOneStormsAsTheFormulaSays() {
        // raid.stress lifts the game's 40-member cap: the joiner's BSREQ:0 gets an ACK and a full push from each of
        // the 59 synced members, as in the 40-member storm (B1, B36)
        RunResult r = runBundled("late-joiner", "raid.size=60", "raid.stress=true");
        assertEquals(60, r.clients().size());
        assertEquals(59, r.sent("BSACK"));
        assertEquals(59, r.sent("BSTR"));
        assertEquals(59 * 16, r.sent("BSEC"));
        assertEquals(0, r.waitingAtEnd());
    }

    @Test
    void freshJoinerInASyncedFortyRaidGetsThirtyNineAcksAndThirtyNinePushes() {
        // spec 6(d) step 3, B1, B36, 12.2(2): BSREQ:0 skips the timestamp test, every one of the 39 complete
        // members ACKs and pushes 2.0-2.5 s later; a push is one BSEC per non-empty section (16 here, every
        // generated section has rows) and one BSTR (6(e) steps 5-6)
        RunResult r = runBundled("late-joiner");
        assertEquals(1, r.sent("VER"), "only the joiner announces (members do nothing on another's join)");
        assertEquals(1, r.sent("BSREQ"));
        assertEquals(39, r.sent("BSACK"));
        assertEquals(39, r.sent("BSTR"));
        assertEquals(39 * 16, r.sent("BSEC"));
        assertEquals(39, r.clients().stream().mapToLong(ClientResult::responses).sum());
        ClientResult joiner = r.clients().get(1);
        assertEquals("Newbie", joiner.name());
        assertEquals(1, joiner.syncEpisodes());
        assertTrue(joiner.lastTimeToSyncMicros() >= 4_000_000, "2 s join delay + 2.0 s responder delay at least");
        assertTrue(joiner.lastTimeToSyncMicros() <= 6_000_000, "2 s + 2.5 s + latency and frames");
        assertEquals(0, r.waitingAtEnd());
        assertEquals("all-synced", r.stopReason());
    }

    @Test
    void everySkullMarkSendsOneSectionPerAutoNavigateUserAndNothingElse() {
        // spec 3.1 (AutoNavigate is a SECTION trigger), 6(a) step 3, B21: six users, three marks; every member
        // holds the same sheet, so receivers only navigate (equal timestamps) and nobody pulls
        RunResult r = runBundled("auto-navigate-marks");
        assertEquals(3 * 6, r.sent("SECTION"));
        assertEquals(r.sent("SECTION"), r.sentMessages(), "nothing but the SECTIONs after the warm-up");
        assertEquals(0, r.timeToSync().count());
        assertEquals(0, r.waitingAtEnd());
        for (int c = 0; c < 6; c++) {
            assertEquals(3, r.clients().get(c).byCommand().get("SECTION").sentMessages(), "one per mark each");
        }
    }

    @Test
    void aMemberWithoutLiveSyncStaysSilentAndOneInALoadingScreenMissesTheMark() {
        RunResult quiet = runBundled("auto-navigate-marks", "raid.members[1].live-sync=false");
        assertEquals(3 * 5, quiet.sent("SECTION"), "Tank navigates without broadcasting");

        RunResult zoning = new ReplicationRunner(StandardWorld.FACTORY).run(ScenarioLoader.load("z.yaml", """
                raid:
                  size: 5
                  defaults: { auto-navigate: true }
                timeline:
                  - { t: 9s, do: loading-screen, who: Raider03, for: 5s }
                  - { t: 10s, do: skull-mark, section: 2 }
                run: { until: quiet-for 10s }
                """, "z"), 0);
        assertEquals(4, zoning.sent("SECTION"));
        assertEquals(null, zoning.clients().get(2).byCommand().get("SECTION"), "Raider03 was zoning at the mark");
    }

    @Test
    void leaderImportSendsOneSectionAndEveryStaleMemberRequestsAtOnce() {
        // spec 6(b) steps 1-2, B3, 12.2(1): one SECTION; each of the 9 stale members sends one BSREQ
        RunResult r = runBundled("leader-import-10");
        assertEquals(1, r.sent("SECTION"));
        assertEquals(9, r.sent("BSREQ"));
        assertTrue(r.sent("BSACK") >= 1);
        assertTrue(r.sent("BSTR") >= 1, "at least the import push");
        assertEquals(9, r.timeToSync().count(), "every other member syncs once");
        assertEquals(0, r.waitingAtEnd());
        assertEquals(0, r.desyncedAtEnd());
    }

    @Test
    void clockSkewedImportIsNeverPulledButItsSectionsOverwriteEveryMember() {
        // B27: stamped 2 h in the past, older than what the raid holds, so nobody requests it (SECTION with an
        // older timestamp is ignored); B11: its import push's BSECs are stored without a version check while
        // the BSTR is refused (C > ts), so all 19 others claim the newest timestamp with other content
        RunResult r = runBundled("clock-skewed-importer");
        assertEquals(0, r.sent("BSREQ"));
        assertEquals(1, r.sent("BSTR"), "only the importer's own push");
        assertEquals(19, r.desyncedAtEnd());
        ClientResult importer = r.clients().get(1);
        assertEquals("Slowpoke", importer.name());
        assertTrue(importer.waitingAtEnd(), "the importer holds older data than the raid's newest");
    }

    /** Every bundled scenario but late-joiner, which the test above runs. */
    static List<String> bundled() {
        return BundledScenarios.names().stream().filter(n -> !n.equals("late-joiner")).toList();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("bundled")
    void everyBundledScenarioRunsOnTheRealWorld(String name) {
        RunResult r = runBundled(name, "run.limit=3m");
        assertTrue(r.sentMessages() > 0, name);
        assertTrue(List.of("all-synced", "quiet", "limit").contains(r.stopReason()), r.stopReason());
        assertEquals(BundledScenarios.load(name).roster().size(), r.clients().size());
    }

    @Test
    void networkChangeToCertainLossCutsEveryLaterDelivery() {
        LoadedScenario s = ScenarioLoader.load("net.yaml", """
                raid: { size: 5 }
                channel: { server: { on-exceed: none } }
                timeline:
                  - { t: 8s, do: network, loss: { model: bernoulli, p: 1.0 } }
                  - { t: 10s, do: import, who: Raider01 }
                run: { until: quiet-for 30s, warm-up: 5s }
                """, "net");
        RunResult r = new ReplicationRunner(StandardWorld.FACTORY).run(s, 0);
        assertEquals(1, r.sent("SECTION"), "the import is announced");
        assertEquals(0, r.sent("BSREQ"), "but nobody hears it, so nobody asks");
        assertEquals(4, r.waitingAtEnd());
        assertTrue(r.lostByReason().get("LINK_LOSS") >= 4);
    }

    @Test
    void everyProfileTheLoaderAcceptsCanRun() {
        LoadedScenario s = ScenarioLoader.load("p.yaml", "protocol: { profile: plan }\n", "p");
        assertEquals(List.of(), StandardWorld.FACTORY.unsupported(s));
        assertEquals(List.of(), StandardWorld.FACTORY.unsupported(BundledScenarios.load("late-joiner")));
    }

    @Test
    void serverLimiterDisconnectsEveryResponderOfTheStorm() {
        // addon-channel.md: 32 KB burst; a full push of the 16 x 25 x 10 sheet is larger (spec 5.6), and all 39
        // responders send theirs in one frame (B18)
        RunResult r = runBundled("server-limit-storm", "run.limit=2m");
        assertTrue(r.serverDisconnects() >= 39, "disconnects: " + r.serverDisconnects());
        assertEquals(0, r.sent("BSTR"), "every push is cut before its BSTR");
        assertEquals(1, r.waitingAtEnd(), "the joiner never gets the data");
    }

    @Test
    void everyReplicationSyncsTheSheetOfDataSeedAndAnotherSeedGivesAnotherSheet() {
        // the one push of plan-late-joiner carries the whole sheet: its chunk bytes are the sheet's size
        double first = runBundled("plan-late-joiner").scalars().get("sent_bytes.CHUNK");
        LoadedScenario s = ScenarioLoader.override(BundledScenarios.load("plan-late-joiner"), List.of());
        for (int rep = 1; rep < 4; rep++) {
            assertEquals(first, new ReplicationRunner(StandardWorld.FACTORY).run(s, rep).scalars()
                    .get("sent_bytes.CHUNK"), "replication " + rep);
        }
        double other = runBundled("plan-late-joiner", "data.seed=2").scalars().get("sent_bytes.CHUNK");
        assertTrue(other != first, first + " vs " + other);
    }
}
