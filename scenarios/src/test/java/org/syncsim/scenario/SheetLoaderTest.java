package org.syncsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.Row;
import org.syncsim.protocol.data.Section;
import org.syncsim.protocol.data.SectionMetadata;
import org.syncsim.protocol.data.SectionText;
import org.syncsim.protocol.data.SheetGenerator;
import org.syncsim.protocol.data.SheetSpec;
import org.syncsim.protocol.data.codec.ByteStrings;

class SheetLoaderTest {
    private static AssignmentSet bundledSheet() {
        return SheetLoader.load("bundled:" + BundledScenarios.EXAMPLE_SHEET,
                BundledScenarios.sheetText(BundledScenarios.EXAMPLE_SHEET));
    }

    @Test
    void bundledSheetMapsOntoTheAddonsSectionTables() {
        AssignmentSet sheet = bundledSheet();
        assertEquals(List.of("Patchwerk", "Grobbulus", "Gluth", "Thaddius"), sheet.sectionNames());
        Section patchwerk = sheet.section(1);
        // spec §5.1: the header is Icon, Target, then the role columns
        assertEquals(List.of("Icon", "Target", "Tank", "Off Tank", "Heal", "Heal"), patchwerk.header());
        assertEquals(Row.of("Square", "Patchwerk", "", "", "Priests", "Druids"), patchwerk.rows().get(2));
        // tank-columns count role columns from 1; the addon counts header entries, so role 1 is column 3
        assertEquals(List.of(3, 4), patchwerk.metadata().tankColumns());
        // group-rows left out: the rows holding a "Group N" cell, as the sender generates them (spec §5.2)
        assertEquals(List.of(4), patchwerk.metadata().groupRows());
        assertEquals(List.of(1, 2, 4, 5), sheet.section(4).metadata().groupRows());
        assertEquals(2, patchwerk.metadata().notes().size());
        assertEquals(List.of("No ranged in melee range."), patchwerk.metadata().warnings());
        assertNull(patchwerk.needsProcessing());
    }

    @Test
    void bundledSheetRoundTripsThroughYamlAndJson() {
        AssignmentSet sheet = bundledSheet();
        assertEquals(sheet, SheetLoader.load("again.yaml", SheetLoader.toYaml(sheet)));
        assertEquals(sheet, SheetLoader.load("again.json", SheetLoader.toJson(sheet)));
    }

    @Test
    void generatedSheetRoundTripsFieldForField() {
        AssignmentSet generated = new SheetGenerator(RandomSource.XO_RO_SHI_RO_128_PP.create(7L))
                .generate(SheetSpec.of(16, 25, 10));
        SheetFile file = SheetLoader.toFile(generated);
        assertTrue(file.sections().stream().allMatch(s -> s.lua() == null), "every section written field by field");
        assertEquals(generated, SheetLoader.load("generated.yaml", SheetLoader.toYaml(generated)));
    }

    @Test
    void sectionGivenAsTheAddonsLuaTextReadsLikeTheSameSectionWrittenAsFields() {
        Section gluth = bundledSheet().section(3);
        String lua = new String(ByteStrings.bytes(SectionText.write(gluth, 1_747_458_000L)),
                java.nio.charset.StandardCharsets.UTF_8);
        String yaml = "sections:\n  - lua: " + ScenarioLoader.json().getNodeFactory().textNode(lua) + "\n";
        assertEquals(new AssignmentSet(List.of(gluth)), SheetLoader.load("lua.yaml", yaml));
    }

    @Test
    void sectionTheFieldsCannotExpressIsWrittenAsLuaTextAndComesBackUnchanged() {
        // a header without Icon/Target in front and a NeedsProcessing flag, as a Lua-text import could hold
        Section odd = new Section("Heigan the Unclean", List.of("Target", "Dance"),
                List.of(Row.ofValues(List.of("Boss", "Everyone"))),
                new SectionMetadata(List.of("Dance."), List.of(), List.of(), List.of(), List.of(1)), true);
        AssignmentSet sheet = new AssignmentSet(List.of(odd));
        assertNotNull(SheetLoader.toFile(sheet).sections().get(0).lua());
        assertEquals(sheet, SheetLoader.load("odd.yaml", SheetLoader.toYaml(sheet)));
    }

    @Test
    void nonAsciiNamesSurviveBothForms() {
        Section s = new Section("Sapphiron – Frostwyrm", List.of("Icon", "Target", "Tank"),
                List.of(Row.of("Skull", "Sapphiron", "Brynjölf")), SectionMetadata.EMPTY);
        AssignmentSet sheet = new AssignmentSet(List.of(s));
        assertEquals(sheet, SheetLoader.load("utf8.yaml", SheetLoader.toYaml(sheet)));
        String lua = new String(ByteStrings.bytes(SectionText.write(s, 0)), java.nio.charset.StandardCharsets.UTF_8);
        String yaml = "sections:\n  - lua: " + ScenarioLoader.json().getNodeFactory().textNode(lua) + "\n";
        assertEquals(sheet, SheetLoader.load("utf8-lua.yaml", yaml));
    }

    @Test
    void handWrittenLuaSectionWithPositionalRowsReads() {
        // the docs' example of a lua: section
        AssignmentSet sheet = SheetLoader.load("doc.yaml", "sections:\n  - lua: '{[\"Section Name\"]=\"Gluth\","
                + "[\"Section Header\"]={\"Icon\",\"Target\",\"Tank\"},[\"Section Rows\"]={{\"Skull\",\"Gluth\",\"Brynjolf\"}}}'\n");
        assertEquals(List.of("Icon", "Target", "Tank"), sheet.section(1).header());
        assertEquals(List.of(Row.of("Skull", "Gluth", "Brynjolf")), sheet.section(1).rows());
        assertEquals("Gluth", sheet.section(1).name());
    }
}
