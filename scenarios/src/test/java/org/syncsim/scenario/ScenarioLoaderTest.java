package org.syncsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
    @Test
    void aFileWithOnlyCommentsIsTheAllDefaultsScenario() {
        LoadedScenario s = ScenarioLoader.load("mine.yaml", "# my raid, defaults for now\n", "mine");
        assertEquals("mine", s.scenario().name());
        assertEquals(40, s.roster().size(), "the default raid");
        assertEquals(0, s.timeline().size());
        assertEquals("my raid, defaults for now", s.summary());
        assertEquals(40, ScenarioLoader.load("empty.yaml", "", "empty").roster().size());
    }

    @Test
    void aSyntaxErrorStillSaysWhere() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load("bad.yaml", "raid: { size: 5\n", "bad"));
        assertTrue(e.getMessage().startsWith("bad.yaml:"), e.getMessage());
    }
}
