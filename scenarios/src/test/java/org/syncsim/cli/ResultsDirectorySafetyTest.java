package org.syncsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncsim.run.WorldFactory;
import picocli.CommandLine;

/**
 * Results go where they belong and never destroy anything (issue 13): scenario names stay one path segment,
 * {@code --out} never touches files SyncSim did not write, a run does not silently replace another scenario's
 * or other settings' results, two commands on one directory do not mix their files, and a failed run leaves
 * nothing behind. Every bad input is tried twice: the second pass must give the same message and exit code.
 */
class ResultsDirectorySafetyTest {
    @TempDir
    Path dir;

    private static final String SMALL = """
            # Three members, one import.
            raid:
              members: [ { name: A, role: leader }, { name: B }, { name: C } ]
            timeline: [ { t: 10s, do: import, who: A } ]
            run: { replications: 2, until: all-synced, settle: 2s }
            """;

    /** Runs the command line in-process with the trivial world and the default results under {@code dir/results}. */
    private RunCommandTest.Outcome run(WorldFactory worlds, String... args) {
        CommandLine cl = SyncSimCli.commandLine(new SyncSimCli(worlds, dir.resolve("results")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new RunCommandTest.Outcome(code, out.toString(), err.toString());
    }

    private RunCommandTest.Outcome run(String... args) {
        return run(RunCommandTest.TRIVIAL, args);
    }

    /** Runs the same bad input twice: both exit 2 with the same message, which holds every one of {@code parts}. */
    private RunCommandTest.Outcome refusedTwice(List<String> args, String... parts) {
        RunCommandTest.Outcome first = run(args.toArray(String[]::new));
        RunCommandTest.Outcome second = run(args.toArray(String[]::new));
        for (RunCommandTest.Outcome o : List.of(first, second)) {
            assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
            for (String part : parts) {
                assertTrue(o.err().contains(part), "expected \"" + part + "\" in: " + o.err());
            }
            assertEquals("", o.out(), "nothing ran");
        }
        assertEquals(first.err(), second.err(), "the second pass says the same");
        return first;
    }

    private Path scenario(String file, String yaml) throws IOException {
        return Files.writeString(dir.resolve(file), yaml);
    }

    /** Every file under {@code root} (relative path to content), to show that nothing changed. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
            }
        }
        return m;
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aScenarioNameThatIsNotOnePathSegmentIsBadInputNamingTheField() throws IOException {
        for (String name : List.of("'../../escape'", "'a/b'", "'a\\b'", "'..'", "'.'", "\"tab\\there\"",
                "\"bell\\x07\"")) {
            Path f = scenario("named.yaml", "name: " + name + "\n" + SMALL);
            RunCommandTest.Outcome o = refusedTwice(List.of("run", f.toString()), "named.yaml:1:", "name: ",
                    "one path segment (no '/', '\\', '..' or control characters)");
            assertFalse(o.err().chars().anyMatch(c -> c == '\t' || c == 7), "control characters are escaped");
        }
        refusedTwice(List.of("run", scenario("ok.yaml", SMALL).toString(), "--set", "name=../x"), "name: ",
                "got \"../x\", which holds a '/'");
        refusedTwice(List.of("validate", scenario("v.yaml", "name: ../../escape\n" + SMALL).toString()),
                "v.yaml:1:", "name: ");
        assertEquals(List.of("named.yaml", "ok.yaml", "v.yaml"), names(dir), "nothing written anywhere");
    }

    @Test
    void anOutHoldingTheUsersOwnFilesIsRefusedAndLeftUntouched() throws IOException {
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine.resolve("charts"));
        Files.writeString(mine.resolve("report.html"), "my own report");
        Files.writeString(mine.resolve("charts/progress.png"), "my own chart");
        Files.writeString(mine.resolve("summary.json"), "{}");
        Map<String, String> before = snapshot(mine);
        String f = scenario("small.yaml", SMALL).toString();
        for (List<String> args : List.of(List.of("run", f, "--out", mine.toString(), "--report"),
                List.of("run", f, "--out", mine.toString(), "--report", "--replace"),
                List.of("compare", f, f, "--out", mine.toString()))) {
            refusedTwice(args, "--out " + mine + ": is not empty and is not a SyncSim results directory",
                    "choose another --out DIR");
        }
        Path results = dir.resolve("results/small");
        assertEquals(0, run("run", f, "--out", results.toString(), "-q").code());
        refusedTwice(List.of("report", results.toString(), "--out", mine.toString()),
                "--out " + mine + ": is not empty and is not a SyncSim results directory");
        assertEquals(before, snapshot(mine), "the user's files are untouched");
        assertEquals(List.of("charts", "report.html", "summary.json"), names(mine), "and nothing was added");
    }

    @Test
    void theReadmeWalkthroughKeepsTheFirstReport() throws IOException {
        // ./syncsim run late-joiner --report
        RunCommandTest.Outcome first = run("run", "late-joiner", "--report", "--replications", "1", "-q");
        assertEquals(0, first.code(), first.err());
        Path lateJoiner = dir.resolve("results/late-joiner");
        Map<String, String> firstResults = snapshot(lateJoiner);
        assertTrue(firstResults.containsKey("report.html"), firstResults.keySet().toString());
        // ./syncsim show late-joiner > my-raid.yaml; edit; ./syncsim run my-raid.yaml
        RunCommandTest.Outcome show = run("show", "late-joiner");
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("name: late-joiner"), "the copy keeps the bundled name");
        Path myRaid = scenario("my-raid.yaml", show.out());
        RunCommandTest.Outcome mine = run("run", myRaid.toString(), "--replications", "2", "-q");
        assertEquals(0, mine.code(), mine.err());
        Path fresh = dir.resolve("results/late-joiner-2");
        assertTrue(mine.err().contains(lateJoiner + " holds other results (syncsim run of the bundled scenario"
                + " late-joiner with run.replications=1); writing to " + fresh + " instead (--replace replaces"
                + " them"), mine.err());
        assertEquals(firstResults, snapshot(lateJoiner), "the first report and results are kept");
        assertTrue(Files.exists(fresh.resolve("summary.json")));
        // running the copy again goes back to its own directory, not to a third one
        RunCommandTest.Outcome again = run("run", myRaid.toString(), "--replications", "2", "-q");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("writing to " + fresh + " instead"), again.err());
        assertFalse(Files.exists(dir.resolve("results/late-joiner-3")));
        // --replace writes where it was asked to
        RunCommandTest.Outcome replaced = run("run", myRaid.toString(), "--replications", "2", "-q", "--replace");
        assertEquals(0, replaced.code(), replaced.err());
        assertEquals("", replaced.err());
        assertFalse(Files.exists(lateJoiner.resolve("report.html")), "replaced: the old report went with its results");
        JsonNode manifest = new ObjectMapper().readTree(lateJoiner.resolve(".syncsim-results.json").toFile());
        assertEquals(myRaid.toAbsolutePath().normalize().toString(), manifest.get("scenario").get(0).asText());
    }

    @Test
    void aRerunOfTheSameScenarioAndSettingsReplacesOnlyItsOwnFiles() throws IOException {
        Path out = dir.resolve("out");
        String f = scenario("small.yaml", SMALL).toString();
        assertEquals(0, run("run", f, "--out", out.toString(), "--report", "-q", "--threads", "1").code());
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("charts/notes.txt"), "mine too");
        RunCommandTest.Outcome again = run("run", f, "--out", out.toString(), "-q", "--threads", "2");
        assertEquals(0, again.code(), again.err());
        assertEquals("", again.err(), "its own results: replaced without a word");
        assertEquals(List.of(".syncsim-results.json", "charts", "clients.csv", "notes.txt", "progress.csv",
                "run-info.json", "summary.json", "timeline.csv"), names(out), "the old report is gone, notes stay");
        assertEquals(List.of("notes.txt"), names(out.resolve("charts")));
        JsonNode manifest = new ObjectMapper().readTree(out.resolve(".syncsim-results.json").toFile());
        assertEquals("[\"clients.csv\",\"progress.csv\",\"run-info.json\",\"summary.json\",\"timeline.csv\"]",
                manifest.get("files").toString());
        assertTrue(manifest.get("complete").asBoolean());
        assertEquals(List.of("out", "small.yaml"), names(dir), "no lock file or staging directory left beside it");
    }

    @Test
    void anotherScenarioIntoTheSameOutIsRefusedUnlessReplace() throws IOException {
        Path out = dir.resolve("out");
        String a = scenario("a.yaml", SMALL).toString();
        String b = scenario("b.yaml", SMALL).toString();
        assertEquals(0, run("run", a, "--out", out.toString(), "--report", "-q").code());
        Map<String, String> before = snapshot(out);
        refusedTwice(List.of("run", b, "--out", out.toString()), "--out " + out + ": holds the results of syncsim run"
                + " of " + a + " without settings, not of syncsim run of " + b + " without settings; pass --replace"
                + " to replace them, or choose another --out DIR");
        refusedTwice(List.of("run", a, "--out", out.toString(), "--seed", "5"), "with run.seed=5", "--replace");
        refusedTwice(List.of("compare", a, b, "--out", out.toString()), "holds the results of syncsim run of",
                "not of syncsim compare of " + a + " and " + b);
        assertEquals(before, snapshot(out), "refused: nothing changed");
        RunCommandTest.Outcome replaced = run("run", b, "--out", out.toString(), "-q", "--replace");
        assertEquals(0, replaced.code(), replaced.err());
        assertEquals("b", new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("scenario").asText());
        assertFalse(Files.exists(out.resolve("report.html")));
    }

    @Test
    void reportWritesBesideItsRunsResultsOnlyWhenSyncSimWroteThem() throws IOException {
        Path out = dir.resolve("out");
        String f = scenario("small.yaml", SMALL).toString();
        assertEquals(0, run("run", f, "--out", out.toString(), "-q").code());
        RunCommandTest.Outcome report = run("report", out.toString(), "-q");
        assertEquals(0, report.code(), report.err());
        JsonNode manifest = new ObjectMapper().readTree(out.resolve(".syncsim-results.json").toFile());
        assertTrue(manifest.get("files").toString().contains("\"report.html\""), manifest.toString());
        assertTrue(manifest.get("files").toString().contains("\"summary.json\""), "the run's files stay listed");
        assertEquals("run", manifest.get("command").asText(), "the directory keeps its run's identity");
        Files.delete(out.resolve(".syncsim-results.json"));
        refusedTwice(List.of("report", out.toString()), out + ": has no .syncsim-results.json",
                "write the report elsewhere with --out DIR");
    }

    @Test
    void aSecondCommandOnALockedDirectoryFailsAtOnceAndTheFirstFinishesAlone() throws Exception {
        Path out = dir.resolve("out");
        String f = scenario("small.yaml", SMALL).toString();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        WorldFactory slow = (s, sim, rec) -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return RunCommandTest.TRIVIAL.build(s, sim, rec);
        };
        CompletableFuture<RunCommandTest.Outcome> first = CompletableFuture.supplyAsync(
                () -> run(slow, "run", f, "--out", out.toString(), "-q", "--threads", "1"));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        try {
            refusedTwice(List.of("run", f, "--out", out.toString(), "--report"), "--out " + out
                    + ": another syncsim command (process " + ProcessHandle.current().pid() + ") is writing there"
                    + " now; wait for it to finish, or choose another --out DIR");
        } finally {
            release.countDown();
        }
        RunCommandTest.Outcome o = first.get(10, TimeUnit.SECONDS);
        assertEquals(0, o.code(), o.err());
        assertFalse(Files.exists(out.resolve("report.html")), "only the first run's files");
        assertTrue(Files.exists(out.resolve("summary.json")));

        // a lock held by another process (here: this test) is refused the same way
        Path lockFile = dir.resolve(".out.syncsim-lock");
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = ch.lock()) {
            ch.write(java.nio.ByteBuffer.wrap("4242 1\n".getBytes(StandardCharsets.UTF_8)));
            refusedTwice(List.of("run", f, "--out", out.toString()), "another syncsim command (process 4242)");
        }
    }

    @Test
    void aFailedRunLeavesNoDirectoryBehind() throws IOException {
        Path out = dir.resolve("new/deeper/out");
        String f = scenario("small.yaml", SMALL).toString();
        WorldFactory broken = (s, sim, rec) -> {
            throw new IllegalStateException("injected failure");
        };
        RunCommandTest.Outcome crashed = run(broken, "run", f, "--out", out.toString(), "-q");
        assertEquals(ExitCodes.INTERNAL_ERROR, crashed.code(), crashed.err());
        RunCommandTest.Outcome runaway = run(org.syncsim.run.StandardWorld.FACTORY, "run", scenario("cap.yaml", """
                raid: { size: 40 }
                timeline: [ { t: 10s, do: import, who: Raider01 } ]
                run: { replications: 1, until: t 60s, event-cap: 1000 }
                """).toString(), "--out", out.toString(), "-q");
        assertEquals(ExitCodes.SIMULATION_FAILURE, runaway.code(), runaway.err());
        RunCommandTest.Outcome byDefault = run(broken, "run", f, "-q");
        assertEquals(ExitCodes.INTERNAL_ERROR, byDefault.code(), byDefault.err());
        assertEquals(List.of("cap.yaml", "small.yaml"), names(dir), "no directory, lock or staging left");

        // a failed rerun leaves the previous results whole
        Path kept = dir.resolve("kept");
        assertEquals(0, run("run", f, "--out", kept.toString(), "-q").code());
        Map<String, String> before = snapshot(kept);
        assertEquals(ExitCodes.INTERNAL_ERROR, run(broken, "run", f, "--out", kept.toString(), "-q").code());
        assertEquals(before, snapshot(kept));
        assertEquals(List.of("cap.yaml", "kept", "small.yaml"), names(dir));
    }

    @Test
    void aStagingDirectoryLeftByAKilledRunIsRemovedByTheNextRun() throws IOException {
        Path out = dir.resolve("out");
        Path stale = dir.resolve(".out.syncsim-2147483646.partial");
        Files.createDirectories(stale);
        Files.writeString(stale.resolve("clients.csv"), "half");
        assertEquals(0, run("run", scenario("small.yaml", SMALL).toString(), "--out", out.toString(), "-q").code());
        assertEquals(List.of("out", "small.yaml"), names(dir));
    }

    @Test
    void runHelpNamesReplaceAndWhatOutMayHold() {
        RunCommandTest.Outcome help = run("run", "--help");
        assertEquals(0, help.code());
        String flat = help.out().replaceAll("\\s+", " ");
        assertTrue(flat.contains("--replace Replace results of another scenario file or other settings in --out"),
                help.out());
        assertTrue(flat.contains("Must be new, empty, or written by SyncSim; only files SyncSim wrote are replaced"),
                help.out());
    }

    @Test
    void resultsAreByteIdenticalThroughStaging() throws IOException {
        String f = scenario("small.yaml", SMALL).toString();
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createDirectories(b); // an existing empty directory is filled file by file
        assertEquals(0, run("run", f, "--out", a.toString(), "-q").code());
        assertEquals(0, run("run", f, "--out", b.toString(), "-q").code());
        for (String name : List.of("summary.json", "clients.csv", "timeline.csv", "progress.csv")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
        }
    }
}
