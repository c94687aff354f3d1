package org.syncsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.metrics.ClientResult;
import org.syncsim.metrics.RunResult;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SectionPayloads;
import org.syncsim.protocol.wire.Command;
import org.syncsim.scenario.BundledScenarios;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioLoader;

/**
 * A scenario whose sheet comes from a file runs on the real world, and what travels is that sheet's encoding
 * (spec §3.4, §3.5, §5.2, §5.3), computed here with the data layer, not copied from a run.
 */
class SheetFileWorldTest {

    /** Accounted size of one message: prefix + separator + text + the channel's per-message overhead. */
    static long bytes(String text, int overhead) {
        return Command.Prefix.TWRA.name().length() + 1 + text.length() + overhead;
    }

    @Test
    void freshJoinerReceivesThePushesOfTheFilesSheetByteForByte() {
        LoadedScenario s = ScenarioLoader.override(BundledScenarios.load("sheet-from-file"),
                List.of("timeline=[{t: 10s, do: join, who: Newbie}]", "run.replications=1"));
        AssignmentSet sheet = s.sheet();
        long ts = s.scenario().data().timestamp();
        int overhead = StandardWorld.channelConfig(s.scenario().channel(), s).server().messageOverheadBytes();
        long bsec = 0;
        for (int i = 1; i <= sheet.size(); i++) {
            String text = "BSEC:" + ts + ":" + i + ":" + SectionPayloads.encodeSection(sheet.section(i), ts);
            assertTrue(text.length() <= 2000, "section " + i + " travels inline (spec §3.4)");
            bsec += bytes(text, overhead);
        }
        long bstr = bytes("BSTR:" + ts + ":" + SectionPayloads.encodeStructure(sheet.sectionNames()), overhead);

        RunResult r = new ReplicationRunner(StandardWorld.FACTORY).run(s, 0);
        // spec 6(d): the joiner's BSREQ:0 makes all 9 synced members ACK and push the whole sheet
        long pushes = 9;
        assertEquals(1, r.sent("BSREQ"));
        assertEquals(pushes, r.sent("BSTR"));
        assertEquals(pushes * sheet.size(), r.sent("BSEC"));
        assertEquals(0, r.sent("CHUNK"));
        assertEquals(pushes * bsec, r.totalsByCommand().get("BSEC").sentBytes());
        assertEquals(pushes * bstr, r.totalsByCommand().get("BSTR").sentBytes());
        assertEquals(0, r.waitingAtEnd());
        assertEquals(0, r.desyncedAtEnd());
    }

    @Test
    void laterImportChangesSectionsOfTheLoadedSheetAndEveryoneFollows() {
        RunResult r = new ReplicationRunner(StandardWorld.FACTORY).run(
                ScenarioLoader.override(BundledScenarios.load("sheet-from-file"), List.of("run.replications=1")), 0);
        // spec 6(b): the import is announced by one SECTION and every one of the 9 others, now stale, requests
        assertEquals(1, r.sent("SECTION"));
        assertEquals(1 + 9, r.sent("BSREQ"), "the joiner's request, then one per stale member");
        ClientResult newbie = r.clients().get(1);
        assertEquals("Newbie", newbie.name());
        assertEquals(2, newbie.syncEpisodes(), "synced after joining and again after the import");
        assertEquals(0, r.waitingAtEnd());
        assertEquals(0, r.desyncedAtEnd());
        assertEquals("all-synced", r.stopReason());
    }
}
