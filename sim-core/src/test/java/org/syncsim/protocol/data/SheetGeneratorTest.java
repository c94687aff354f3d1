package org.syncsim.protocol.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class SheetGeneratorTest {

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, 1});
    }

    @Test
    void sameSeedGivesTheSameSheetAndAnotherSeedADifferentOne() {
        AssignmentSet a = new SheetGenerator(rng(7)).generate(SheetSpec.defaults());
        AssignmentSet b = new SheetGenerator(rng(7)).generate(SheetSpec.defaults());
        AssignmentSet c = new SheetGenerator(rng(8)).generate(SheetSpec.defaults());
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void sheetHasTheRequestedShape() {
        AssignmentSet set = new SheetGenerator(rng(1)).generate(SheetSpec.of(20, 25, 10));
        assertEquals(20, set.size());
        assertEquals("Anub'Rekhan", set.section(1).name());
        assertEquals("Naxxramas Trash", set.section(16).name());
        assertEquals("Anub'Rekhan 2", set.section(17).name());
        for (Section s : set.sections()) {
            assertEquals(10, s.header().size());
            assertEquals(List.of("Icon", "Target"), s.header().subList(0, 2));
            assertEquals(25, s.rows().size());
            assertEquals(s.name(), s.rows().get(0).target());
            for (int i = 0; i < s.rows().size(); i++) {
                Row row = s.rows().get(i);
                assertEquals(8, row.cells().size());
                assertEquals(SheetGenerator.ICONS.get(i % 8), row.icon(), "icons cycle");
            }
            assertEquals(2, s.metadata().notes().size());
            assertEquals(1, s.metadata().warnings().size());
            assertEquals(SheetGenerator.groupRows(s.rows()), s.metadata().groupRows());
            // As a spreadsheet gives it: the importer's addon adds Tank Columns (PlayerView), the generator does not.
            assertFalse(s.metadata().hasTankColumns());
            assertTrue(s.hasDisplayableRow());
        }
    }

    @Test
    void aboutAQuarterOfRoleCellsAreEmpty() {
        AssignmentSet set = new SheetGenerator(rng(2)).generate(SheetSpec.of(16, 40, 12));
        int cells = 0;
        int empty = 0;
        for (Section s : set.sections()) {
            for (Row r : s.rows()) {
                for (String c : r.cells()) {
                    cells++;
                    if (c.isEmpty()) {
                        empty++;
                    }
                }
            }
        }
        // 6400 cells, p = 0.25: standard deviation 0.0054; 0.03 is more than 5 sigma.
        assertEquals(0.25, (double) empty / cells, 0.03);
    }

    @Test
    void withChangesAltersExactlyTheChosenSections() {
        SheetGenerator g = new SheetGenerator(rng(3));
        AssignmentSet base = g.generate(SheetSpec.defaults());
        SortedSet<Integer> chosen = new TreeSet<>(List.of(2, 9, 16));
        AssignmentSet later = g.withChanges(base, chosen);
        assertEquals(base.size(), later.size());
        for (int i = 1; i <= base.size(); i++) {
            if (chosen.contains(i)) {
                assertNotEquals(base.section(i), later.section(i), "section " + i);
                assertEquals(base.section(i).name(), later.section(i).name());
                assertEquals(base.section(i).header(), later.section(i).header());
            } else {
                assertEquals(base.section(i), later.section(i), "section " + i);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> g.withChanges(base, new TreeSet<>(List.of(17))));
    }

    @Test
    void pickSectionsDrawsDistinctIndicesInRange() {
        SheetGenerator g = new SheetGenerator(rng(4));
        for (int k = 0; k <= 16; k++) {
            SortedSet<Integer> picked = g.pickSections(16, k);
            assertEquals(k, picked.size());
            assertTrue(picked.isEmpty() || (picked.first() >= 1 && picked.last() <= 16));
        }
        assertThrows(IllegalArgumentException.class, () -> g.pickSections(3, 4));
    }

    @Test
    void specRejectsImpossibleShapes() {
        assertThrows(IllegalArgumentException.class, () -> SheetSpec.of(0, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> SheetSpec.of(101, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> SheetSpec.of(1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SheetSpec(1, 1, 2, 1.5, 0, 0));
    }
}
