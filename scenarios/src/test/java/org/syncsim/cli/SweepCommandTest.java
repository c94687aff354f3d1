package org.syncsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncsim.cli.RunCommandTest.Outcome;
import org.syncsim.run.StandardWorld;
import org.syncsim.run.World;
import org.syncsim.run.WorldFactory;
import org.syncsim.scenario.LoadedScenario;

class SweepCommandTest {
    @TempDir
    Path dir;

    /** Counts the replications run (one world built per replication). */
    private static final class Counting implements WorldFactory {
        final AtomicInteger built = new AtomicInteger();

        @Override
        public World build(LoadedScenario s, org.syncsim.engine.Simulation sim, org.syncsim.metrics.RunRecorder r) {
            built.incrementAndGet();
            return StandardWorld.FACTORY.build(s, sim, r);
        }

        @Override
        public List<String> unsupported(LoadedScenario s) {
            return StandardWorld.FACTORY.unsupported(s);
        }
    }

    private Outcome run(WorldFactory worlds, String... args) {
        return RunCommandTest.run(SyncSimCli.commandLine(new SyncSimCli(worlds, dir.resolve("results"))), args);
    }

    private Outcome run(String... args) {
        return run(StandardWorld.FACTORY, args);
    }

    /** Four points of a 10-member raid whose joiner's requests are lost: backoff base x multiplier. */
    private Path tinySweep() throws IOException {
        Path f = dir.resolve("tiny.yaml");
        Files.writeString(f, """
                scenario: plan-lost-requests
                set: [protocol.policies.backoff.kind=exponential]
                replications: 2
                parameters:
                  - key: protocol.policies.backoff.base
                    values: [5s, 10s]
                  - key: protocol.policies.backoff.multiplier
                    range: { from: 2, to: 3, step: 1 }
                """);
        return f;
    }

    @Test
    void everyFileIsIdenticalForOneAndTwoThreads() throws IOException {
        Path f = tinySweep();
        for (String t : List.of("1", "2")) {
            Outcome r = run("sweep", f.toString(), "--quiet", "--threads", t, "--out", dir.resolve("t" + t).toString());
            assertEquals(0, r.code(), r.err());
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir.resolve("t1"))) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".png")).toList();
        }
        assertTrue(files.stream().anyMatch(p -> p.endsWith("sweep.csv")), files.toString());
        assertEquals(4, files.stream().filter(p -> p.toString().contains("points")).count(), files.toString());
        for (Path p : files) {
            Path rel = dir.resolve("t1").relativize(p);
            if (!rel.toString().equals(ResultsDirectory.MANIFEST)) {
                assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(dir.resolve("t2").resolve(rel)),
                        rel.toString());
            }
        }
    }

    @Test
    void theTablesHoldEveryPointsParametersAndTheMeansOfItsFile() throws IOException {
        Path out = dir.resolve("tables");
        Outcome r = run("sweep", tinySweep().toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("4 points (4 run now)"), r.out());
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(5, csv.size(), "a header and one row per point");
        List<String> header = List.of(csv.get(0).split(","));
        assertEquals(List.of("point", "protocol.policies.backoff.base", "protocol.policies.backoff.multiplier",
                "replications"), header.subList(0, 4));
        int bytes = header.indexOf("sent_bytes_mean");
        ObjectMapper json = new ObjectMapper();
        for (String row : csv.subList(1, 5)) {
            String[] c = row.split(",");
            JsonNode point = json.readTree(out.resolve("points/" + c[0] + "/summary.json").toFile());
            double mean = 0;
            for (JsonNode rep : point.path("per_replication")) {
                mean += rep.path("metrics").path("sent_bytes").asDouble() / 2;
            }
            assertEquals(mean, Double.parseDouble(c[bytes]), 1e-9, row);
            assertTrue(point.path("overrides").toString().contains("protocol.policies.backoff.base=" + c[1]), row);
        }
        JsonNode sweep = json.readTree(out.resolve("sweep.json").toFile());
        assertEquals(4, sweep.path("points").size());
        assertTrue(sweep.path("pareto_front").size() >= 1);
        String page = Files.readString(out.resolve("sweep.html"));
        assertTrue(page.contains("id=\"chart-pareto\"") && page.contains("<area shape="), "hover areas on the front");
        assertTrue(page.contains("id=\"chart-heat-protocol-policies-backoff-base-protocol-policies-backoff-multiplier\""),
                "a heat map over the two parameters");
    }

    @Test
    void aRerunRefusesWithoutResumeAndWithItRunsOnlyTheUnfinishedPoints() throws IOException {
        Path f = tinySweep();
        Path out = dir.resolve("again");
        assertEquals(0, run("sweep", f.toString(), "--quiet", "--out", out.toString()).code());
        Path lost;
        try (Stream<Path> s = Files.list(out.resolve("points"))) {
            lost = s.sorted().findFirst().orElseThrow().resolve("summary.json");
        }
        byte[] lostBytes = Files.readAllBytes(lost);
        byte[] csv = Files.readAllBytes(out.resolve("sweep.csv"));
        Files.delete(lost);
        Outcome refused = run("sweep", f.toString(), "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, refused.code());
        assertTrue(refused.err().contains("already holds 3 of the 4 points") && refused.err().contains("--resume"),
                refused.err());
        Counting counting = new Counting();
        Outcome resumed = run(counting, "sweep", f.toString(), "--resume", "--out", out.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(2, counting.built.get(), "one point of 2 replications runs again");
        assertArrayEquals(lostBytes, Files.readAllBytes(lost));
        assertArrayEquals(csv, Files.readAllBytes(out.resolve("sweep.csv")));
    }

    @Test
    void aKilledSweepResumesWithoutLosingOrRerunningAFinishedPoint() throws Exception {
        Path f = dir.resolve("kill.yaml");
        Files.writeString(f, """
                scenario: late-joiner
                replications: 2
                parameters:
                  - key: data.seed
                    range: { from: 1, to: 6, step: 1 }
                """);
        Path reference = dir.resolve("reference");
        assertEquals(0, run("sweep", f.toString(), "--quiet", "--out", reference.toString()).code());

        Path out = dir.resolve("killed");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SyncSimCli.class.getName(), "sweep", f.toString(), "--quiet",
                "--threads", "1", "--out", out.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (finished(out) < 1 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        p.destroyForcibly().waitFor();
        int before = finished(out);
        assertTrue(before >= 1 && before < 6, "killed with some points finished and some not: " + before);

        Counting counting = new Counting();
        Outcome resumed = run(counting, "sweep", f.toString(), "--resume", "--quiet", "--out", out.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(2 * (6 - before), counting.built.get(), "only the unfinished points ran");
        assertArrayEquals(Files.readAllBytes(reference.resolve("sweep.csv")), Files.readAllBytes(out.resolve("sweep.csv")));
    }

    @Test
    void aBadFileGivesItsLineAndFieldAndExitCode2() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, """
                scenario: late-joiner
                parameters:
                  - key: raid.size
                    range: { from: 10, to: 5, step: 1 }
                """);
        Outcome r = run("sweep", f.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("bad.yaml:4") && r.err().contains("parameters[0].range"), r.err());
    }

    private static int finished(Path out) throws IOException {
        Path points = out.resolve("points");
        if (!Files.isDirectory(points)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(points)) {
            return (int) s.filter(d -> Files.isRegularFile(d.resolve("summary.json"))).count();
        }
    }
}
