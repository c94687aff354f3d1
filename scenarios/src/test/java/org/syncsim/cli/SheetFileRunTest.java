package org.syncsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncsim.channel.server.ServerConfig;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SectionPayloads;
import org.syncsim.run.StandardWorld;
import org.syncsim.scenario.BundledScenarios;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioLoader;
import org.syncsim.scenario.SheetLoader;

/** {@code syncsim run} on a user's scenario whose sheet is a file next to it. */
class SheetFileRunTest {
    @TempDir
    Path dir;

    private static final String SHEET = """
            sections:
              - name: Patchwerk
                columns: [Tank, Off Tank, Heal]
                tank-columns: [1, 2]
                rows:
                  - { icon: Skull, target: Patchwerk, cells: [Aldric, Bryn, Cass] }
                  - { icon: Cross, target: Hateful Strike, cells: [Dorn, "", Group 2] }
                notes: [Stack behind the boss.]
              - name: Grobbulus
                columns: [Tank, Dispel]
                rows:
                  - { icon: Skull, target: Grobbulus, cells: [Aldric, Priests] }
            """;

    @Test
    void reportOfAResultsDirectoryFindsTheSheetFileItsRunRead() throws IOException {
        Path work = dir.resolve("work");
        Files.createDirectories(work);
        Files.writeString(work.resolve("my-sheet.yaml"), SHEET);
        Files.writeString(work.resolve("my-raid.yaml"), """
                raid:
                  members: [ { name: Lead, role: leader }, { name: New, start: solo, data: none } ]
                channel: { server: { on-exceed: none } }
                timeline: [ { t: 10s, do: join, who: New } ]
                run: { replications: 2, until: all-synced }
                """);
        Path out = work.resolve("results/my-raid");
        var run = RunCommandTest.run(StandardWorld.FACTORY, "run", work.resolve("my-raid.yaml").toString(), "--set",
                "data.file=my-sheet.yaml", "--out", out.toString(), "-q");
        assertEquals(0, run.code(), run.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("../../my-sheet.yaml", summary.path("resolved_scenario").path("data").path("file").asText(),
                "named from the results directory, where report DIR resolves it");
        var report = RunCommandTest.run(StandardWorld.FACTORY, "report", out.toString(), "-q");
        assertEquals(0, report.code(), report.err());
        assertTrue(Files.exists(out.resolve("report.html")));

        // the same sizes, other names: a re-run would give the same numbers from another sheet
        Files.writeString(work.resolve("my-sheet.yaml"), SHEET.replace("Aldric", "Aldrik"));
        var edited = RunCommandTest.run(StandardWorld.FACTORY, "report", out.toString(), "-q");
        assertEquals(ExitCodes.BAD_INPUT, edited.code());
        assertTrue(edited.err().contains("changed since the run"), edited.err());
    }

    @Test
    void runOnAScenarioWithASheetFileSendsThatSheetsEncoding() throws IOException {
        Files.createDirectories(dir.resolve("sheets"));
        Files.writeString(dir.resolve("sheets/mine.yaml"), SHEET);
        Path scenario = dir.resolve("mine.yaml");
        Files.writeString(scenario, """
                # A joiner pulls a two-section sheet from the only other member.
                raid:
                  members: [ { name: Lead, role: leader }, { name: New, start: solo, data: none } ]
                data: { file: sheets/mine.yaml, timestamp: 1747458000 }
                channel: { server: { on-exceed: none } }
                timeline: [ { t: 10s, do: join, who: New } ]
                run: { replications: 2, until: all-synced }
                """);
        AssignmentSet sheet = SheetLoader.load(dir.resolve("sheets/mine.yaml"));
        long ts = 1_747_458_000L;
        // one push by Lead (spec 6(d)): one inline BSEC per section, prefix "TWRA" + separator per message
        long bsecText = 0;
        for (int i = 1; i <= sheet.size(); i++) {
            bsecText += 5 + ("BSEC:" + ts + ":" + i + ":" + SectionPayloads.encodeSection(sheet.section(i), ts)).length();
        }

        RunCommandTest.Outcome v = RunCommandTest.run(StandardWorld.FACTORY, "validate", scenario.toString());
        assertEquals(0, v.code(), v.err());
        Path out = dir.resolve("out");
        RunCommandTest.Outcome o = RunCommandTest.run(StandardWorld.FACTORY, "run", scenario.toString(),
                "--out", out.toString(), "--threads", "1");
        assertEquals(0, o.code(), o.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode aggregate = summary.get("aggregate");
        assertEquals(2.0, aggregate.get("sent_messages.BSEC").get("mean").asDouble());
        assertEquals(1.0, aggregate.get("sent_messages.BSTR").get("mean").asDouble());
        // on-exceed: none is the unlimited server, which still charges its per-message overhead
        int overhead = ServerConfig.unlimited().messageOverheadBytes();
        assertEquals((double) (bsecText + 2L * overhead), aggregate.get("sent_bytes.BSEC").get("mean").asDouble());
        assertEquals(0.0, aggregate.get("waiting_at_end").get("mean").asDouble());
    }

    @Test
    void bundledScenarioReferencesTheBundledSheet() {
        assertEquals(4, BundledScenarios.load("sheet-from-file").sheet().size());
        RunCommandTest.Outcome o = RunCommandTest.run(StandardWorld.FACTORY, "validate", "sheet-from-file");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("sheets/naxxramas-wing.yaml (4 sections)"), o.out());
    }

    @Test
    void showPrintsTheBundledSheetToCopy() {
        RunCommandTest.Outcome o = RunCommandTest.run(StandardWorld.FACTORY, "show", BundledScenarios.EXAMPLE_SHEET);
        assertEquals(0, o.code(), o.err());
        assertEquals(BundledScenarios.sheetText(BundledScenarios.EXAMPLE_SHEET), o.out());
        assertEquals(4, SheetLoader.load("copy.yaml", o.out()).size());
    }

    @Test
    void setDataFileReplacesTheGeneratedSheetOfACopiedScenario() throws IOException {
        Files.writeString(dir.resolve("mine-sheet.yaml"), SHEET);
        Path scenario = dir.resolve("copy.yaml");
        Files.writeString(scenario, BundledScenarios.text("leader-import-10"));
        LoadedScenario s = ScenarioLoader.override(ScenarioLoader.load(scenario), List.of("data.file=mine-sheet.yaml"));
        assertEquals(SheetLoader.load(dir.resolve("mine-sheet.yaml")), s.sheet());
        assertNull(s.scenario().data().sections(), "the generated shape is dropped");
        assertTrue(ScenarioCommands.oneLine(s).contains("sheet mine-sheet.yaml (2 sections)"),
                ScenarioCommands.oneLine(s));
    }
}
