package org.syncsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncsim.cli.RunCommandTest.Outcome;
import org.syncsim.run.StandardWorld;
import org.syncsim.run.WorldFactory;
import org.syncsim.scenario.ScenarioLoader;

/** {@code syncsim tune}: same result for any thread count, resume without re-running, bad input, outputs. */
class TuneCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Replications simulated, counted as worlds built. */
    private final AtomicInteger replications = new AtomicInteger();

    private final WorldFactory counting = (s, sim, rec) -> {
        replications.incrementAndGet();
        return StandardWorld.FACTORY.build(s, sim, rec);
    };

    private Outcome run(String... args) {
        return RunCommandTest.run(SyncSimCli.commandLine(new SyncSimCli(counting, dir.resolve("results"))), args);
    }

    /** A late joiner in a 5-member raid with a small sheet, two plan parameters, 2 replications, 5 evaluations. */
    private Path tinyTune() throws IOException {
        Path f = dir.resolve("tiny.yaml");
        Files.writeString(f, """
                name: tiny
                scenario: late-joiner
                set: [raid.size=5, data.sections=3, data.rows=8, data.columns=5, protocol.profile=plan]
                replications: 2
                confirm-replications: 2
                seed: 4
                objective: { metric: time_to_sync_p95_s, goal: minimise }
                constraints:
                  - { metric: server_disconnects, max: 0 }
                  - { metric: waiting_at_end, max: 0 }
                parameters:
                  - { key: protocol.policies.request-coalescing.jitter-per-member, bounds: [0, 0.2], unit: s }
                  - { key: protocol.policies.responders.fallback, bounds: [0.5, 6], unit: s, scale: log }
                budget: 5
                optimiser: { population: 2 }
                """);
        return f;
    }

    @Test
    void writesTheReportTheBestPointAsAScenarioAndASetLine() throws IOException {
        Path out = dir.resolve("out");
        Outcome r = run("tune", tinyTune().toString(), "--threads", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode t = JSON.readTree(out.resolve("tune.json").toFile());
        assertEquals(5, t.path("evaluations").size());
        assertEquals(5, t.path("optimiser").path("spent").asInt());
        assertEquals("0.05s", t.path("start").path("values").path(
                "protocol.policies.request-coalescing.jitter-per-member").asText(), "the plan's default");
        for (JsonNode e : t.path("evaluations")) {
            assertTrue(Files.isRegularFile(out.resolve(e.path("file").asText())), e.path("file").asText());
        }
        assertTrue(t.path("confirmation").path("seed").asLong() != 4);
        assertTrue(r.out().contains("best: " + t.path("set_line").asText()), r.out());
        String html = Files.readString(out.resolve("tune.html"));
        assertTrue(html.contains("id=\"chart-search-path\"") && html.contains("Confirmation on fresh seeds"));
        // the best point's scenario file loads and is the best point
        var best = ScenarioLoader.load(out.resolve("best.yaml"));
        String fallback = t.path("best").path("values").path("protocol.policies.responders.fallback").asText();
        assertEquals(fallback, JSON.valueToTree(best.scenario()).at("/protocol/policies/responders/fallback")
                .asText());
    }

    @Test
    void resultsAreIdenticalForOneAndTwoThreads() throws IOException {
        Path f = tinyTune();
        assertEquals(0, run("tune", f.toString(), "-q", "--threads", "1", "--out", dir.resolve("t1").toString())
                .code());
        assertEquals(0, run("tune", f.toString(), "-q", "--threads", "2", "--out", dir.resolve("t2").toString())
                .code());
        JsonNode a = JSON.readTree(dir.resolve("t1/tune.json").toFile());
        JsonNode b = JSON.readTree(dir.resolve("t2/tune.json").toFile());
        assertEquals(a, b);
        for (JsonNode e : a.path("evaluations")) {
            String file = e.path("file").asText();
            assertArrayEquals(Files.readAllBytes(dir.resolve("t1").resolve(file)),
                    Files.readAllBytes(dir.resolve("t2").resolve(file)), file);
        }
    }

    @Test
    void aRerunAfterAnInterruptionReplaysTheSearchAndRunsOnlyWhatIsMissing() throws IOException {
        Path f = tinyTune();
        Path out = dir.resolve("resume");
        assertEquals(0, run("tune", f.toString(), "-q", "--out", out.toString()).code());
        int first = replications.get();
        byte[] report = Files.readAllBytes(out.resolve("tune.json"));
        JsonNode t = JSON.readTree(report);
        Path kept = out.resolve(t.path("evaluations").get(0).path("file").asText());
        Path lost = out.resolve(t.path("evaluations").get(4).path("file").asText());
        Files.setLastModifiedTime(kept, java.nio.file.attribute.FileTime.fromMillis(1_000_000L));
        Files.delete(lost); // as if killed before the last evaluation finished
        Files.delete(out.resolve("tune.json"));

        replications.set(0);
        Outcome again = run("tune", f.toString(), "--out", out.toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(2, replications.get(), "only the lost evaluation's 2 replications ran again");
        assertTrue(again.out().contains("1 points simulated now"), again.out());
        assertEquals(1_000_000L, Files.getLastModifiedTime(kept).toMillis(), "a finished evaluation is not rewritten");
        assertArrayEquals(report, Files.readAllBytes(out.resolve("tune.json")), "the same search and result");

        replications.set(0);
        assertEquals(0, run("tune", f.toString(), "-q", "--out", out.toString()).code());
        assertEquals(0, replications.get(), "a finished tune runs nothing again");
        assertTrue(first > 2);
    }

    @Test
    void aBadTuneFileGivesFileLineAndFieldAndExitCode2() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, Files.readString(tinyTune()).replace("server_disconnects", "server_disconects"));
        Outcome r = run("tune", f.toString(), "--out", dir.resolve("bad").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("bad.yaml:9") && r.err().contains("did you mean \"server_disconnects\""),
                r.err());
        assertEquals(0, replications.get());
    }
}
