package org.syncsim.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncsim.cli.SyncSimCli;
import org.syncsim.run.StandardWorld;
import picocli.CommandLine;

/**
 * A sweep, a design report and an exploration on embedded Spark ({@code local[2]}) write the local engine's files,
 * byte for byte.
 */
class SparkEngineTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        CommandLine cl = SyncSimCli.commandLine(StandardWorld.FACTORY);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Result(cl.execute(args), out.toString(), err.toString());
    }

    private Path sweep() throws IOException {
        Path f = dir.resolve("tiny.yaml");
        Files.writeString(f, """
                scenario: plan-lost-requests
                set: [protocol.policies.backoff.kind=exponential]
                replications: 3
                parameters:
                  - key: protocol.policies.backoff.base
                    values: [5s, 10s]
                  - key: protocol.policies.backoff.multiplier
                    range: { from: 2, to: 3, step: 1 }
                """);
        return f;
    }

    @Test
    void aSweepOnSparkWritesTheLocalEnginesFilesByteForByte() throws IOException {
        Path f = sweep();
        Result local = run("sweep", f.toString(), "--quiet", "--out", dir.resolve("local").toString());
        assertEquals(0, local.code(), local.err());
        Result spark = run("sweep", f.toString(), "--quiet", "--engine", "spark", "--master", "local[2]", "--out",
                dir.resolve("spark").toString());
        assertEquals(0, spark.code(), spark.err());
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir.resolve("local"))) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".png")).toList();
        }
        assertTrue(files.stream().anyMatch(p -> p.endsWith("sweep.csv")), files.toString());
        assertEquals(4, files.stream().filter(p -> p.toString().contains("points")).count(), files.toString());
        for (Path p : files) {
            Path rel = dir.resolve("local").relativize(p);
            if (!rel.toString().equals(".syncsim-results.json")) {
                assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(dir.resolve("spark").resolve(rel)),
                        rel.toString());
            }
        }
    }

    @Test
    void aDesignReportOnSparkWritesTheLocalEnginesCellsAndFlawsByteForByte() throws IOException {
        Path matrix = dir.resolve("tiny-matrix.yaml");
        Files.writeString(matrix, """
                name: tiny
                replications: 2
                events:
                  late-joiner: { scenario: late-joiner }
                raid-sizes: [10]
                sheets:
                  small: { set: [data.sections=4, data.rows=12, data.columns=7] }
                networks:
                  clean: {}
                grid:
                  - {}
                configurations:
                  - { id: head }
                  - { id: responders, policy: responders }
                """);
        assertEquals(0, run("design-report", matrix.toString(), "--quiet", "--out", dir.resolve("dl").toString())
                .code());
        assertEquals(0, run("design-report", matrix.toString(), "--quiet", "--engine", "spark", "--master",
                "local[2]", "--out", dir.resolve("ds").toString()).code());
        List<Path> cells;
        try (Stream<Path> s = Files.walk(dir.resolve("dl").resolve("cells"))) {
            cells = s.filter(Files::isRegularFile).toList();
        }
        assertEquals(4, cells.size(), "a summary.json and a flaws.json per cell: " + cells);
        for (Path p : cells) {
            Path rel = dir.resolve("dl").relativize(p);
            assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(dir.resolve("ds").resolve(rel)), rel.toString());
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("dl/design-report.html")),
                Files.readAllBytes(dir.resolve("ds/design-report.html")));
    }

    @Test
    void aSparkRerunWithResumeRunsOnlyTheMissingPoints() throws IOException {
        Path f = sweep();
        Path out = dir.resolve("resume");
        assertEquals(0, run("sweep", f.toString(), "--quiet", "--engine", "spark", "--master", "local[2]", "--out",
                out.toString()).code());
        byte[] csv = Files.readAllBytes(out.resolve("sweep.csv"));
        Path lost;
        try (Stream<Path> s = Files.list(out.resolve("points"))) {
            lost = s.sorted().findFirst().orElseThrow().resolve("summary.json");
        }
        Files.delete(lost);
        Result again = run("sweep", f.toString(), "--resume", "--engine", "spark", "--master", "local[2]", "--out",
                out.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("4 points (1 run now)"), again.out());
        assertArrayEquals(csv, Files.readAllBytes(out.resolve("sweep.csv")));
    }

    @Test
    void anExplorationOnSparkFindsWhatTheLocalEngineFindsInTheSameSchedules() throws IOException {
        Path base = dir.resolve("small.yaml");
        Files.writeString(base, """
                # Six members on a small sheet.
                name: small
                raid: { size: 6 }
                data: { sections: 4, rows: 5 }
                protocol: { profile: head }
                """);
        List<String> common = List.of("explore", base.toString(), "--budget", "10", "--seed", "3", "--shrink-runs",
                "4", "--quiet");
        List<String> local = Stream.concat(common.stream(), Stream.of("--out", dir.resolve("el").toString())).toList();
        List<String> spark = Stream.concat(common.stream(), Stream.of("--engine", "spark", "--master", "local[2]",
                "--out", dir.resolve("es").toString())).toList();
        Result l = run(local.toArray(String[]::new));
        assertEquals(0, l.code(), l.err());
        Result s = run(spark.toArray(String[]::new));
        assertEquals(0, s.code(), s.err());
        List<Path> files;
        try (Stream<Path> st = Files.list(dir.resolve("el"))) {
            files = st.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        assertTrue(files.size() >= 2, "findings.json and a scenario file per finding (the head raid breaks in 10"
                + " schedules): " + files);
        String localCommand = "syncsim " + String.join(" ", local);
        String sparkCommand = "syncsim " + String.join(" ", spark);
        for (Path p : files) {
            String want = Files.readString(p);
            String got = Files.readString(dir.resolve("es").resolve(p.getFileName())).replace(sparkCommand,
                    localCommand);
            assertEquals(want, got, p.getFileName().toString());
        }
    }
}
