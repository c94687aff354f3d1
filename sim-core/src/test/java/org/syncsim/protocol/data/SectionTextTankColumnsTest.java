package org.syncsim.protocol.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The {@code Tank Columns} key is written only when present, and its absence survives a round trip (§5.2). */
class SectionTextTankColumnsTest {
    private static final long TS = 1_747_458_000L;

    private static Section generated() {
        return new SheetGenerator(RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {12, 1})).generate(SheetSpec.of(1, 25, 10))
                .sections().get(0);
    }

    @Test
    void absentKeyIsNotWrittenAndReadsBackAbsent() {
        Section s = generated();
        String text = SectionText.write(s, TS);
        assertFalse(text.contains("Tank Columns"));
        assertFalse(SectionText.read(text).valueOrNull().section().metadata().hasTankColumns());
    }

    @Test
    void emptyKeyIsWrittenAsAnEmptyTableAndReadsBackPresent() {
        Section s = generated().withTankColumns(List.of());
        String text = SectionText.write(s, TS);
        assertTrue(text.contains("[\"Tank Columns\"]={}"));
        assertEquals(List.of(), SectionText.read(text).valueOrNull().section().metadata().tankColumns());
    }

    @Test
    void a25By10SectionWithoutTheKeyIsThatKeysTextSmaller() {
        Section without = generated();
        Section with = without.withTankColumns(PlayerView.findTankRoleColumns(without.header()));
        assertEquals(List.of(3, 4), with.metadata().tankColumns(), "Tank, Off Tank of the generated header");
        String key = ",[\"Tank Columns\"]={[1]=3,[2]=4}"; // 31 bytes of the serialised section (§5.2)
        String withText = SectionText.write(with, TS);
        String withoutText = SectionText.write(without, TS);
        assertEquals(key.length(), withText.length() - withoutText.length());
        assertEquals(withoutText, withText.replace(key, ""));
        int withBlob = SectionPayloads.encodeSection(with, TS).length();
        int withoutBlob = SectionPayloads.encodeSection(without, TS).length();
        assertTrue(withBlob > withoutBlob, withBlob + " vs " + withoutBlob + " blob characters");
    }
}
