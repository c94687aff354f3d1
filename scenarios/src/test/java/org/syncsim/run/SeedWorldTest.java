package org.syncsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.metrics.RunResult;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioException;
import org.syncsim.scenario.ScenarioLoader;

/**
 * The seed profile's full-data pull reached from a scenario: {@code seed-pull} and the {@code full-sync} action
 * (docs/protocol.md, seed profile; spec §10.1). A one-section 3 × 4 sheet keeps every DRES in one message.
 */
class SeedWorldTest {
    private static final String SMALL = """
            data: { sections: 1, rows: 3, columns: 4 }
            channel: { server: { on-exceed: none } }
            """;

    private static RunResult run(String yaml) {
        LoadedScenario s = ScenarioLoader.load("seed.yaml", SMALL + yaml, "seed");
        assertEquals(List.of(), StandardWorld.FACTORY.unsupported(s));
        return new ReplicationRunner(StandardWorld.FACTORY).run(s, 0);
    }

    @Test
    void fullSyncOfAStaleMemberDrawsOneAnswerFromEveryMemberAtLeastAsNewAndSyncsIt() {
        String rest = """
                raid:
                  size: 10
                  members: [ { name: Laggard, data: old } ]
                timeline: [ { t: 10s, do: full-sync, who: Laggard } ]
                run: { until: all-synced, settle: 5s, limit: 60s }
                """;
        RunResult r = run("protocol: { profile: seed, seed-pull: full }\n" + rest);
        assertEquals(1, r.sent("DREQ"));
        assertEquals(9, r.sent("DRES"), "every one of the 9 current members answers, no suppression");
        assertEquals(0, r.sent("SREQ"));
        assertEquals(0, r.waitingAtEnd());
        assertEquals("all-synced", r.stopReason());
        // the default profile is G1, whose DREQ handler is a placeholder: the request goes out, nobody answers
        RunResult g1 = run("protocol: { profile: seed }\n" + rest);
        assertEquals(1, g1.sent("DREQ"));
        assertEquals(0, g1.sent("DRES"));
        assertEquals(1, g1.waitingAtEnd());
    }

    @Test
    void seedPullFullMakesEveryStaleMemberSendDreqForSectionAndAncWhileSegmentedSendsOneSreq() {
        String timeline = """
                raid: { size: 5 }
                timeline: [ { t: 10s, do: import, who: Raider01 } ]
                run: { until: quiet-for 20s }
                """;
        RunResult full = run("protocol: { profile: seed, seed-pull: full }\n" + timeline);
        // 4 stale members each hear the import's SECTION (its ANC is never sent, §10.2): one DREQ each; the
        // importer answers all 4
        assertEquals(4, full.sent("DREQ"));
        assertEquals(0, full.sent("SREQ"));
        assertTrue(full.sent("DRES") >= 4, "DRES: " + full.sent("DRES"));
        assertEquals(0, full.waitingAtEnd(), "a one-message DRES is applied");
        RunResult segmented = run("protocol: { profile: seed }\n" + timeline);
        assertEquals(0, segmented.sent("DREQ"));
        assertEquals(4, segmented.sent("SREQ"), "one SREQ each, for the import's SECTION");
    }

    @Test
    void fullSyncForAMemberWithoutTheSeedProfileIsRefusedAtLoad() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load("h.yaml", """
                raid: { size: 3 }
                timeline: [ { t: 10s, do: full-sync, who: Raider02 } ]
                """, "h"));
        assertTrue(e.getMessage().contains("timeline[0].do: full-sync (the full-data pull) is modelled only in "
                + "profile seed; Raider02 runs profile head"), e.getMessage());
    }
}
