package org.syncsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13's "scenario checks that are missing": each used to validate, or said something unhelpful. */
class ScenarioChecksTest {
    @TempDir
    Path dir;

    private static String error(String yaml) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load("s.yaml", yaml, "s")).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }

    @Test
    void aTimelineActionAfterAnUntilTEndIsRefusedLikeALongWarmUp() {
        assertContains(error("""
                timeline:
                  - { t: 100s, do: join, who: Raider02 }
                run: { until: t 50s }
                """), "s.yaml:2:5: timeline[0]: happens at 100s, after the run ends (until: t 50s)",
                "would never run");
        ScenarioLoader.load("s.yaml", "timeline: [ { t: 50s, do: join, who: Raider02 } ]\nrun: { until: t 50s }\n",
                "s"); // at the end itself it still runs
    }

    @Test
    void anEmptyFileLoadsAsTheDefaultButWarns() {
        for (String text : List.of("", "# only a comment\n")) {
            LoadedScenario s = ScenarioLoader.load("e.yaml", text, "e");
            assertEquals(40, s.roster().size());
            assertEquals(1, s.warnings().size(), s.warnings().toString());
            assertContains(s.warnings().get(0), "e.yaml: the file sets nothing", "default scenario");
        }
        assertEquals(List.of(), ScenarioLoader.load("f.yaml", "raid: { size: 5 }\n", "f").warnings());
    }

    @Test
    void memberNamesDifferingOnlyInCaseAreTheSameCharacter() {
        assertContains(error("raid:\n  members: [ { name: Bob }, { name: bob } ]\n"),
                "s.yaml:2:31: raid.members[1].name: the name \"bob\" differs from \"Bob\" only in case",
                "case-insensitive");
    }

    @Test
    void aListedMemberNamedLikeAGeneratedOneIsRefused() {
        assertContains(error("raid:\n  size: 10\n  members: [ { name: Bob }, { name: Raider05 } ]\n"),
                "raid.members[1].name: \"Raider05\" is the name of a generated member",
                "Raider03 to Raider10");
        // the same name beyond the generated ones is fine: nothing is renamed
        LoadedScenario s = ScenarioLoader.load("s.yaml", "raid:\n  size: 3\n  members: [ { name: Raider05 } ]\n",
                "s");
        assertEquals(List.of("Raider05", "Raider02", "Raider03"), s.roster().stream().map(RosterEntry::name).toList());
    }

    @Test
    void aNameLongerThanWowAllowsIsRefused() {
        assertContains(error("raid:\n  members: [ { name: " + "A".repeat(5000) + " } ]\n"),
                "raid.members[0].name: a character name has at most 12 characters (WoW's limit), got 5000");
        ScenarioLoader.load("s.yaml", "raid:\n  members: [ { name: Abcdefghijkl } ]\n", "s");
    }

    @Test
    void aHugeGeneratedSheetIsRefusedBeforeItIsBuilt() {
        assertContains(error("data: { rows: 100000, columns: 1000 }\n"),
                "data.rows: at most 1000 rows per section, got 100000", "data.columns: at most 100 columns");
        assertContains(error("data: { sections: 100, rows: 1000, columns: 10 }\n"),
                "has 1000000 cells; at most 200000");
    }

    @Test
    void aBucketGivingMillionsOfRowsIsRefusedAndAThinOneWarns() {
        assertContains(error("run: { bucket: 1us }\n"),
                "run.bucket: a bucket of 1us gives up to 3600000000 rows of timeline.csv per replication",
                "at most 1000000");
        LoadedScenario s = ScenarioLoader.load("s.yaml", "run: { bucket: 10ms }\n", "s");
        assertContains(String.join("\n", s.warnings()), "run.bucket 10ms gives up to 360000 rows");
        assertEquals(List.of(), ScenarioLoader.load("s.yaml", "run: { bucket: 10ms, limit: 10m }\n", "s").warnings());
    }

    @Test
    void aTabIsReportedOnItsOwnLine() {
        assertContains(error("raid:\n\tsize: 5\n"), "s.yaml:2:1: not valid YAML/JSON: a tab character",
                "indents with spaces");
    }

    @Test
    void aBinaryFileOrADirectoryIsNamedAsSuch() throws IOException {
        Path bin = Files.write(dir.resolve("bin.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0x80});
        assertContains(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(bin)).getMessage(),
                "bin.yaml: not UTF-8 text (a binary file?)");
        assertContains(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir)).getMessage(),
                ": is a directory; expected a scenario file");
    }

    @Test
    void aSetDataFileOnABundledScenarioFindsAnAbsolutePath() throws IOException {
        Path sheet = dir.resolve("my-sheet.yaml");
        Files.writeString(sheet, BundledScenarios.sheetText(BundledScenarios.EXAMPLE_SHEET));
        LoadedScenario s = ScenarioLoader.override(BundledScenarios.load("late-joiner"),
                List.of("data.file=" + sheet.toAbsolutePath()));
        assertEquals(sheet.toAbsolutePath(), s.sheetFile());
        assertContains(assertThrows(ScenarioException.class, () -> ScenarioLoader.override(
                BundledScenarios.load("late-joiner"), List.of("data.file=" + dir.resolve("none.yaml"))))
                .getMessage(), "data.file: no bundled sheet", "and no such file");
    }
}
