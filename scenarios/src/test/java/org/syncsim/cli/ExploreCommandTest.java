package org.syncsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncsim.run.StandardWorld;

/** {@code syncsim explore} from the command line: its files, and bad input. */
class ExploreCommandTest {
    @TempDir
    Path dir;

    private Path small() throws IOException {
        Path f = dir.resolve("small.yaml");
        Files.writeString(f, org.syncsim.explore.ExplorationTest.SMALL);
        return f;
    }

    @Test
    void writesFindingsAndOneReproducingScenarioFilePerFinding() throws IOException {
        Path out = dir.resolve("found");
        RunCommandTest.Outcome o = RunCommandTest.run(StandardWorld.FACTORY, "explore", small().toString(),
                "--budget", "12", "--seed", "3", "--threads", "2", "--shrink-runs", "10", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("12 schedules run"), o.out());
        JsonNode doc = new ObjectMapper().readTree(out.resolve("findings.json").toFile());
        assertEquals(12, doc.get("runs").asInt());
        assertTrue(doc.get("findings").size() > 0, doc.toString());
        for (JsonNode f : doc.get("findings")) {
            Path file = out.resolve(f.get("file").asText());
            String text = Files.readString(file);
            assertTrue(text.startsWith("# SyncSim explore finding: " + f.get("key").asText()), text);
            RunCommandTest.Outcome again = RunCommandTest.run(StandardWorld.FACTORY, "validate", file.toString());
            assertEquals(0, again.code(), again.err());
        }
    }

    @Test
    void refusesABudgetThatIsNeitherRunsNorATime() throws IOException {
        for (String bad : new String[] {"0", "3x", "-5", "0s"}) {
            RunCommandTest.Outcome o = RunCommandTest.run(StandardWorld.FACTORY, "explore", small().toString(),
                    "--budget", bad, "--out", dir.resolve("x").toString());
            assertEquals(2, o.code(), bad + ": " + o.err());
            assertTrue(o.err().contains("--budget " + bad), o.err());
        }
    }

    @Test
    void refusesAQuietPeriodTooShortToCheckForALoop() throws IOException {
        RunCommandTest.Outcome o = RunCommandTest.run(StandardWorld.FACTORY, "explore", small().toString(),
                "--quiet-period", "30s", "--out", dir.resolve("x").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("at least 60s"), o.err());
    }
}
