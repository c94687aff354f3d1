package org.syncsim.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.data.Row;
import org.syncsim.protocol.data.Section;
import org.syncsim.protocol.data.SectionMetadata;

class TankListTest {
    private static Section section(List<Integer> tankColumns, Row... rows) {
        return new Section("S", List.of("Icon", "Target", "A", "B", "C"), List.of(rows),
                new SectionMetadata(List.of(), List.of(), List.of(), List.of(), tankColumns));
    }

    private static List<String> padded(String... names) {
        List<String> all = new ArrayList<>(List.of(names));
        while (all.size() < 10) {
            all.add("Empty");
        }
        return all;
    }

    @Test
    void sectionWithoutTankColumnsHasNoTanks() {
        assertTrue(TankList.of(section(List.of(), Row.of("Skull", "Boss", "Aldricus", "", ""))).isEmpty());
    }

    @Test
    void tanksAreDistinctNonEmptyCellsColumnByColumnInListOrderThenRowByRow() {
        Section s = section(List.of(5, 3),
                Row.of("Skull", "Boss", "Aldricus", "x", "Brynjolf"),
                Row.of("Cross", "Add", "", "y", "Cassius"),
                Row.of("Moon", "Add", "Brynjolf", "z", ""));
        assertEquals(padded("Brynjolf", "Cassius", "Aldricus"), TankList.of(s).orElseThrow());
    }

    @Test
    void tankColumnsWithOnlyEmptyCellsStillSendTenEmptySlots() {
        Section s = section(List.of(4), Row.of("Skull", "Boss", "Aldricus", "", ""));
        assertEquals(padded(), TankList.of(s).orElseThrow());
    }

    @Test
    void onlyTheFirstTenTanksAreKept() {
        Row[] rows = new Row[12];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Row.of("Skull", "Boss", "T" + i, "", "");
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            expected.add("T" + i);
        }
        assertEquals(expected, TankList.of(section(List.of(3), rows)).orElseThrow());
    }

    @Test
    void columnIndexOutsideTheRowIsSkipped() {
        Section s = section(List.of(9, 3), Row.of("Skull", "Boss", "Aldricus", "", ""));
        assertEquals(padded("Aldricus"), TankList.of(s).orElseThrow());
    }

    @Test
    void nonAsciiNamesGoOnTheWireAsUtf8Bytes() {
        Section s = section(List.of(3), Row.of("Skull", "Boss", "Zoë", "", ""));
        assertEquals("Zo\u00C3\u00AB", TankList.of(s).orElseThrow().get(0));
    }

    @Test
    void decoderReadsTheSlotsFromAnEncodedSectionBlob() {
        // The decoder now hands out the decoded section (each client derives its own Tank Columns from it).
        Section s = section(List.of(3), Row.of("Skull", "Boss", "Aldricus", "", ""));
        String blob = org.syncsim.protocol.data.SectionPayloads.encodeSection(s, 1747458000L);
        assertEquals(padded("Aldricus"), TankList.of(DataSheets.DECODER.section(blob).orElseThrow()).orElseThrow());
        assertEquals(padded("Aldricus"),
                TankList.of(DataSheets.cachingDecoder(4).section(blob).orElseThrow()).orElseThrow());
        assertTrue(DataSheets.DECODER.section("").isEmpty());
    }

    @Test
    void sectionWithoutTheKeyHasNoTanks() {
        Section s = section(List.of(3), Row.of("Skull", "Boss", "Aldricus", "", "")).withTankColumns(null);
        assertTrue(TankList.of(s).isEmpty());
    }
}
