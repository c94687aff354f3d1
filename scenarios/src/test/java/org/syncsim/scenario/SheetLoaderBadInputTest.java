package org.syncsim.scenario;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Each bad sheet file gets a message naming the file, line, column and field and what was expected. */
class SheetLoaderBadInputTest {

    private static Path file(String name) {
        try {
            return Path.of(SheetLoaderBadInputTest.class.getResource("/bad/sheets/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sheetError(String name) {
        return assertThrows(ScenarioException.class, () -> SheetLoader.load(file(name))).getMessage();
    }

    private static String scenarioError(String name) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file(name))).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }

    @Test
    void missingSheetFileIsReportedAtTheScenariosDataFile() {
        assertContains(scenarioError("missing-sheet-scenario.yaml"), "missing-sheet-scenario.yaml:3:3: data.file: ",
                "no such sheet file ", "no-such-sheet.yaml", "relative to the scenario file's directory");
        Path missing = file("ok-sheet.json").resolveSibling("no-such-sheet.yaml");
        assertContains(assertThrows(ScenarioException.class, () -> SheetLoader.load(missing)).getMessage(),
                "no-such-sheet.yaml: no such sheet file");
    }

    @Test
    void badYamlIsLocated() {
        assertContains(sheetError("bad-yaml.yaml"), "bad-yaml.yaml:4:", "not valid YAML/JSON");
    }

    @Test
    void unknownFieldNamesTheClosestValidField() {
        assertContains(sheetError("unknown-field.yaml"), "unknown-field.yaml:3:5: ",
                "sections[0]: unknown field \"colums\"", "did you mean \"columns\"?", "valid fields here: ");
    }

    @Test
    void wrongTypeInJsonSaysWhatWasExpected() {
        assertContains(sheetError("wrong-type.json"), "wrong-type.json:3:", "sections[0].tank-columns[0]: ",
                "expected a whole number");
    }

    @Test
    void rowWithTooFewCellsNamesTheColumns() {
        assertContains(sheetError("wrong-cell-count.yaml"), "wrong-cell-count.yaml:6:48: ",
                "sections[0].rows[1].cells: 2 cells for 3 columns (Tank, Off Tank, Heal)",
                "one cell per column, \"\" for an empty one");
    }

    @Test
    void emptySectionNameIsRejected() {
        assertContains(sheetError("empty-name.yaml"), "empty-name.yaml:5:5: ", "sections[1].name: ",
                "needs a name that is not empty");
    }

    @Test
    void sectionNameWithADoubleQuoteIsRejectedBecauseTheStructureCannotCarryIt() {
        assertContains(sheetError("quote-in-name.yaml"), "quote-in-name.yaml:2:5: ", "sections[0].name: ",
                "'The \"Four\" Horsemen' contains a double quote", "spec §5.3");
    }

    @Test
    void tankColumnOutOfRangeNamesTheRange() {
        assertContains(sheetError("tank-column-out-of-range.yaml"), "tank-column-out-of-range.yaml:4:",
                "sections[0].tank-columns[1]: column 3 is out of range: this section has role columns 1..2");
    }

    @Test
    void luaTextTogetherWithFieldsIsRejected() {
        assertContains(sheetError("lua-and-fields.yaml"), "lua-and-fields.yaml:3:5: ", "sections[0].lua: ",
                "not both");
    }

    @Test
    void scenarioWithABadSheetNamesBothFiles() {
        assertContains(scenarioError("bad-sheet-scenario.yaml"), "bad-sheet-scenario.yaml:3:3: data.file: ",
                "wrong-cell-count.yaml:6:48: sections[0].rows[1].cells: 2 cells for 3 columns");
    }

    @Test
    void sheetFileTogetherWithAGeneratedShapeIsRejected() {
        assertContains(scenarioError("file-and-sections-scenario.yaml"), "file-and-sections-scenario.yaml:4:3: ",
                "data.sections: a sheet from data.file has its own shape");
    }

    @Test
    void sectionIndexBeyondTheFilesSectionsIsRejected() {
        assertContains(scenarioError("section-out-of-range-scenario.yaml"),
                "timeline[0].sections[1]: section 3 is out of range: the sheet has sections 1..2 (data.file)");
    }
}
