package org.syncsim.protocol.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which sections mention a player, and the {@code Tank Columns} key that follows ({@code ProcessPlayerInfo},
 * {@code core/DataProcessing.lua:174-380, 881-905}; {@code FindTankRoleColumns}, {@code core/DataUtility.lua:141-190}).
 */
class PlayerViewTest {
    private static final List<String> HEADER = List.of("Icon", "Target", "Tank", "Heal", "Off Tank", "DPS");

    /** A section without Tank Columns whose Group Rows lists every row (the group rule reads only those). */
    private static Section section(Row... rows) {
        List<Integer> all = java.util.stream.IntStream.rangeClosed(1, rows.length).boxed().toList();
        return new Section("Patchwerk", HEADER, List.of(rows), new SectionMetadata(List.of(), List.of(), List.of(), all));
    }

    private static PlayerView view(String name, WowClass c, int group) {
        return new PlayerView(name, c, group);
    }

    @Test
    void importerMentionedByNameGetsTheTankColumnsKey() {
        Section s = section(Row.of("Skull", "Boss", "Aldricus", "Maribel", "", "Cassius"));
        Section processed = view("Maribel", null, 0).process(s);
        assertEquals(List.of(3, 5), processed.metadata().tankColumns());
    }

    @Test
    void importerMentionedByItsClassPluralGetsTheKey() {
        Section s = section(Row.of("Skull", "Boss", "Aldricus", "Priests", "", ""));
        assertEquals(List.of(3, 5), view("Zed", WowClass.PRIEST, 0).process(s).metadata().tankColumns());
        assertFalse(view("Zed", WowClass.MAGE, 0).process(s).metadata().hasTankColumns(), "Mages are not Priests");
    }

    @Test
    void importerMentionedByItsGroupGetsTheKey() {
        Section s = section(Row.of("Skull", "Boss", "Aldricus", "Group 3", "", ""));
        assertTrue(view("Zed", null, 3).process(s).metadata().hasTankColumns());
        assertFalse(view("Zed", null, 4).process(s).metadata().hasTankColumns());
        assertFalse(view("Zed", null, 0).process(s).metadata().hasTankColumns(), "not in a raid group");
    }

    @Test
    void group12AlsoMentionsGroup1BecauseTheAddonFindsASubstring() {
        Section s = section(Row.of("Skull", "Boss", "Group 12", "", "", ""));
        assertTrue(view("Zed", null, 1).relevant(s), "string.find(\"group 12\", \"group%s*1\")");
        assertFalse(view("Zed", null, 2).relevant(s), "no pattern finds 2, and the digit run is 12");
    }

    @Test
    void groupWordsAndListsOfGroupsFollowTheAddonsPatterns() {
        assertTrue(view("Zed", null, 5).relevant(section(Row.of("Skull", "Boss", "Grp5", "", "", ""))));
        assertTrue(view("Zed", null, 5).relevant(section(Row.of("Skull", "Boss", "Gr. 5", "", "", ""))));
        assertTrue(view("Zed", null, 5).relevant(section(Row.of("Skull", "Boss", "Groups 1, 3, 5", "", "", ""))));
        assertFalse(view("Zed", null, 4).relevant(section(Row.of("Skull", "Boss", "Groups 1, 3, 5", "", "", ""))));
    }

    @Test
    void groupCellsCountOnlyInTheMetadatasGroupRows() {
        Row row = Row.of("Skull", "Boss", "Group 3", "", "", "");
        Section unlisted = new Section("Patchwerk", HEADER, List.of(row),
                new SectionMetadata(List.of(), List.of(), List.of(), List.of()));
        assertFalse(view("Zed", null, 3).relevant(unlisted));
    }

    @Test
    void importerNotMentionedLeavesTheSectionAsGiven() {
        Section s = section(Row.of("Skull", "Boss", "Aldricus", "Warriors", "Group 2", ""));
        PlayerView outsider = view("Zed", WowClass.ROGUE, 3);
        assertSame(s, outsider.process(s));
        assertFalse(outsider.process(s).metadata().hasTankColumns());
    }

    @Test
    void namesInTheIconOrTargetColumnAndInSpecialRowsDoNotMention() {
        assertFalse(view("Boss", null, 0).relevant(section(Row.of("Skull", "Boss", "", "", "", ""))));
        assertFalse(view("Zed", null, 0).relevant(section(Row.of("Note", "x", "Zed", "", "", ""))));
    }

    @Test
    void anExistingNonEmptyKeyIsKeptAndAnEmptyOneIsFilledIn() {
        Section s = section(Row.of("Skull", "Boss", "Zed", "", "", ""));
        assertEquals(List.of(6), view("Zed", null, 0).process(s.withTankColumns(List.of(6))).metadata().tankColumns());
        assertEquals(List.of(3, 5), view("Zed", null, 0).process(s.withTankColumns(List.of())).metadata().tankColumns());
        assertEquals(List.of(), view("Yan", null, 0).process(s.withTankColumns(List.of())).metadata().tankColumns());
    }

    @Test
    void aReceiverKeepsTheKeyItsEarlierEntryHadWhenTheNewSectionLacksIt() {
        Section s = section(Row.of("Skull", "Boss", "Aldricus", "", "", ""));
        PlayerView outsider = view("Zed", null, 0);
        assertNull(outsider.localTankColumns(s, null));
        assertEquals(List.of(4), outsider.localTankColumns(s, List.of(4)), "ProcessSectionData's metadata merge");
        assertEquals(List.of(), outsider.localTankColumns(s.withTankColumns(List.of()), List.of(4)),
                "a key in the new section, even {}, wins");
        assertEquals(List.of(3, 5), view("Aldricus", null, 0).localTankColumns(s, null));
    }

    @Test
    void findTankRoleColumnsMatchesSubstringsOfTheHeader() {
        List<String> header = List.of("Icon", "Target", "Tank", "Off Tank", "Tank Heal", "MT", "Shot Caller",
                "Heal", "DPS", "T2", "Maintank", "Interrupt");
        // "Tank Heal" maps to a healer but contains "tank"; "Shot Caller" contains "ot"; "Interrupt" holds none.
        assertEquals(List.of(3, 4, 5, 6, 7, 10, 11), PlayerView.findTankRoleColumns(header));
        assertEquals(List.of(), PlayerView.findTankRoleColumns(List.of("Icon", "Target", "Heal", "DPS")));
    }
}
