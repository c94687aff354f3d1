package org.syncsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void moreThanFortyMembersNeedsAStressRaidAndAStressRaidHasACapToo() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load("big.yaml", "raid: { size: 41 }\n", "big"));
        assertTrue(e.getMessage().contains("raid.size: a raid has 1 to 40 members, got 41 (a load test of more "
                + "members: raid.stress: true)"), e.getMessage());
        assertEquals(400, ScenarioLoader.load("big.yaml", "raid: { size: 400, stress: true }\n", "big").roster().size());
        ScenarioException tooBig = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load("big.yaml", "raid: { size: 1001, stress: true }\n", "big"));
        assertTrue(tooBig.getMessage().contains("a raid has 1 to 1000 members, got 1001"), tooBig.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 41})
    void aRaidOfNoMembersOrMoreThanFortyWithoutStressIsRefusedAtRaidSize(int size) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load("size.yaml", "raid: { size: " + size + " }\n", "size"));
        // addon-channel.md, "Game client facts": raids have at most 40 members
        assertTrue(e.getMessage().contains("raid.size: a raid has 1 to 40 members, got " + size), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 40})
    void aRaidOfOneToFortyMembersLoads(int size) {
        assertEquals(size, ScenarioLoader.load("size.yaml", "raid: { size: " + size + " }\n", "size").roster().size());
    }

    @Test
    void aSyntaxErrorStillSaysWhere() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load("bad.yaml", "raid: { size: 5\n", "bad"));
        assertTrue(e.getMessage().startsWith("bad.yaml:"), e.getMessage());
    }

    @Test
    void classAndRaidSubgroupDefaultByRosterPositionAndCanBeGiven() {
        var roster = ScenarioLoader.load("c.yaml", "raid:\n  size: 12\n  members:\n    - { name: Alice }\n"
                + "    - { name: Bob, class: mage, group: 7 }\n", "c").roster();
        assertEquals(PlayerClass.WARRIOR, roster.get(0).playerClass());
        assertEquals(1, roster.get(0).group());
        assertEquals(PlayerClass.MAGE, roster.get(1).playerClass());
        assertEquals(7, roster.get(1).group());
        assertEquals(PlayerClass.WARRIOR, roster.get(9).playerClass(), "nine classes, then round again");
        assertEquals(2, roster.get(5).group(), "five per subgroup");
        assertEquals(3, roster.get(10).group());
    }
}
