package org.syncsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.client.DataSheets;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.data.PlayerView;
import org.syncsim.protocol.data.codec.LibCompress;
import org.syncsim.scenario.BundledScenarios;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.RosterEntry;
import org.syncsim.scenario.ScenarioLoader;

/** The sheets a scenario starts from are made once per scenario object and are what a fresh encoding gives. */
class StartingSheetsTest {
    @Test
    void replicationsOfOneScenarioShareItsSheetsAndAnotherScenarioGetsItsOwn() {
        LoadedScenario s = BundledScenarios.load("late-joiner");
        StartingSheets first = StartingSheets.of(s);
        assertSame(first, StartingSheets.of(s));
        LoadedScenario reseeded = ScenarioLoader.override(s, List.of("data.seed=7"));
        StartingSheets other = StartingSheets.of(reseeded);
        assertNotSame(first, other);
        assertEquals(first.currentEncoded().names().size(), other.currentEncoded().names().size());
        assertEquals(false, first.currentEncoded().sectionBlobs().equals(other.currentEncoded().sectionBlobs()),
                "another data.seed gives other content");
    }

    @Test
    void theSharedSheetIsTheLeadersEncodingOfTheGeneratedSheetAndTheOldOneIsMadeOnlyWhenHeld() {
        LoadedScenario s = BundledScenarios.load("late-joiner");
        StartingSheets sheets = StartingSheets.of(s);
        RosterEntry leader = s.roster().get(0);
        EncodedSheet fresh = DataSheets.encode(sheets.current(), s.scenario().data().timestamp(),
                LibCompress.loaded(StandardWorld.fixedChoices(s.scenario().protocol().choices()).lua()),
                new PlayerView(leader.name(), leader.playerClass().wow(), leader.group()));
        assertEquals(fresh, sheets.currentEncoded());
        assertNull(sheets.oldEncoded(), "nobody in late-joiner holds the old sheet");
        StartingSheets withOld = StartingSheets.of(ScenarioLoader.override(s, List.of("raid.members[1].data=old")));
        assertNotNull(withOld.oldEncoded());
        assertEquals(sheets.currentEncoded(), withOld.currentEncoded());
        assertEquals(false, withOld.oldEncoded().sectionBlobs().get(0).equals(withOld.currentEncoded().sectionBlobs()
                .get(0)), "the old sheet differs from the current one");
    }

    @Test
    void aReplicationsChunkJoinsReturnTheStartingBlobInstances() {
        StartingSheets sheets = StartingSheets.of(BundledScenarios.load("late-joiner"));
        String blob = sheets.currentEncoded().sectionBlobs().get(0);
        int half = blob.length() / 2;
        String joined = sheets.memos().chunkJoins().join(new String[] {blob.substring(0, half), blob.substring(half)});
        assertSame(blob, joined);
    }
}
