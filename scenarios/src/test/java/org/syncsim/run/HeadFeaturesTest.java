package org.syncsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.syncsim.metrics.RunResult;
import org.syncsim.scenario.ScenarioLoader;

/**
 * Client features of head (and partly seed) reached from a scenario: per-member Tank Sync and oRA2, the options checkboxes mid-run
 * and the Example button. Expected counts follow the protocol spec (§3.1, §3.9, B32).
 */
class HeadFeaturesTest {
    /** MT CLEAR plus SET 1..10 (spec §3.9). */
    private static final int BURST = 11;

    private static RunResult run(String members, String timeline) {
        // every generated section has Tank Columns (its header has tank roles), so each listener sends a burst
        return new ReplicationRunner(StandardWorld.FACTORY).run(ScenarioLoader.load("h.yaml", """
                raid:
                  size: 5
                  members:
                %s
                channel: { server: { on-exceed: none } }
                timeline:
                %s
                run: { until: quiet-for 10s, warm-up: 5s }
                """.formatted(members, timeline), "h"), 0);
    }

    private static long ctra(RunResult r) {
        return r.sent("MT CLEAR") + r.sent("SET");
    }

    @Test
    void tankSyncUsersWithOra2SendOneBurstEachPerNavigation() {
        // the leader's click: its own listener fires (local), and each member navigating fromSync fires its own
        RunResult r = run("""
                    - { name: Lead, role: leader, tank-sync: true }
                    - { name: Tank, tank-sync: true }
                    - { name: NoOra, tank-sync: true, ora2: false }
                """, "  - { t: 10s, do: navigate, who: Lead, section: 2 }");
        assertEquals(1, r.sent("SECTION"));
        assertEquals(2 * BURST, ctra(r), "Lead and Tank; NoOra has no oRA2: " + r.totalsByCommand().keySet());
    }

    @Test
    void tickingTankSyncTwiceRegistersTwoListeners() {
        // B32: each checkbox activation adds a listener, none is removed (the member starts with it off)
        RunResult r = run("""
                    - { name: Lead, role: leader }
                    - { name: Tank }
                """, """
                  - { t: 6s, do: options, who: Tank, tank-sync: true }
                  - { t: 7s, do: options, who: Tank, tank-sync: false }
                  - { t: 8s, do: options, who: Tank, tank-sync: true }
                  - { t: 10s, do: navigate, who: Lead, section: 2 }
                """);
        assertEquals(2 * BURST, ctra(r));
    }

    @Test
    void liveSyncOffMidRunStopsTheLeadersBroadcast() {
        RunResult r = run("""
                    - { name: Lead, role: leader }
                """, """
                  - { t: 8s, do: options, who: Lead, live-sync: false }
                  - { t: 10s, do: navigate, who: Lead, section: 2 }
                  - { t: 12s, do: options, who: Lead, live-sync: true }
                  - { t: 14s, do: navigate, who: Lead, section: 3 }
                """);
        assertEquals(1, r.sent("SECTION"), "only the navigation after live sync is back on");
    }

    @Test
    void exampleButtonSilencesNavigationForItsWindow() {
        // §3.1: for 300 s NavigateToSection fires no SECTION_CHANGED: no SECTION, no Tank Sync
        RunResult r = run("""
                    - { name: Lead, role: leader, tank-sync: true }
                """, """
                  - { t: 8s, do: example-button, who: Lead }
                  - { t: 10s, do: navigate, who: Lead, section: 2 }
                  - { t: 309s, do: navigate, who: Lead, section: 3 }
                """);
        assertEquals(1, r.sent("SECTION"), "the click after the window ends");
        assertEquals(BURST, ctra(r));
    }

    @Test
    void aSeedMemberTickingTankSyncTwiceSendsTwoBurstsOnItsOwnClick() {
        // the seed generation has the same listener registration (spec §3.9, B32); its own click fires both
        RunResult r = run("""
                    - { name: Lead, role: leader, profile: seed }
                """, """
                  - { t: 6s, do: options, who: Lead, tank-sync: true }
                  - { t: 7s, do: options, who: Lead, tank-sync: true }
                  - { t: 10s, do: navigate, who: Lead, section: 2 }
                """);
        assertEquals(2, r.sent("MT CLEAR"));
        assertEquals(2 * BURST, ctra(r));
    }
}
