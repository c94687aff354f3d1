package org.syncsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The real world (channel model + head clients) gives byte-identical results for any thread count. */
class RunDeterminismTest {
    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cl = SyncSimCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int code = cl.execute(args);
        assertEquals(0, code, err.toString());
        return code;
    }

    @Test
    void anotherJvmWritesTheSameSummary() throws IOException, InterruptedException {
        run("run", "two-leaders-import", "--replications", "2", "--quiet", "--out", dir.resolve("here").toString());
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SyncSimCli.class.getName(), "run", "two-leaders-import",
                "--replications", "2", "--quiet", "--out", dir.resolve("there").toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
        for (String name : List.of("summary.json", "clients.csv", "timeline.csv", "progress.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("here").resolve(name)),
                    Files.readAllBytes(dir.resolve("there").resolve(name)), name);
        }
    }

    /**
     * The results stream one replication at a time into the files and the report's sums ({@code ResultStream}):
     * with more replications than are in flight at once, one thread and two give the same bytes in every file,
     * the report and its charts included.
     */
    @Test
    void streamedResultsAndReportAreByteIdenticalForOneAndTwoThreads() throws IOException {
        for (String t : List.of("1", "2")) {
            run("run", "late-joiner", "--set", "raid.size=8", "--replications", "12", "--threads", t, "--report",
                    "--quiet", "--out", dir.resolve("r" + t).toString());
        }
        List<Path> files;
        try (var walk = Files.walk(dir.resolve("r1"))) {
            files = walk.filter(Files::isRegularFile).map(dir.resolve("r1")::relativize)
                    .filter(f -> !f.toString().equals("run-info.json") && !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        assertEquals(List.of("charts", "clients.csv", "progress.csv", "report.html", "summary.json", "timeline.csv"),
                files.stream().map(f -> f.getName(0).toString()).distinct().toList());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("r1").resolve(f)),
                    Files.readAllBytes(dir.resolve("r2").resolve(f)), f.toString());
        }
    }

    @Test
    void threadsOneAndTwoWriteByteIdenticalResults() throws IOException {
        run("run", "leader-import-10", "--replications", "3", "--threads", "1", "--quiet", "--out",
                dir.resolve("t1").toString());
        run("run", "leader-import-10", "--replications", "3", "--threads", "2", "--quiet", "--out",
                dir.resolve("t2").toString());
        for (String name : List.of("summary.json", "clients.csv", "timeline.csv", "progress.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("t1").resolve(name)),
                    Files.readAllBytes(dir.resolve("t2").resolve(name)), name);
        }
        run("run", "leader-import-10", "--replications", "3", "--seed", "2", "--quiet", "--out",
                dir.resolve("s2").toString());
        assertNotEquals(Files.readString(dir.resolve("t1/clients.csv")), Files.readString(dir.resolve("s2/clients.csv")),
                "another seed gives other draws");
    }
}
