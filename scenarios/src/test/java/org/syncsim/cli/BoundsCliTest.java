package org.syncsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncsim.run.WorldFactory;
import picocli.CommandLine;

/**
 * Issue 13's "bounds instead of hangs" and the CLI's messages: each bad input is refused up front with one clear
 * line and exit 2, an unexpected Java error is exit 3 with one line and a log, never a stack trace.
 */
class BoundsCliTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(WorldFactory worlds, String... args) {
        CommandLine cl = SyncSimCli.commandLine(worlds);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = SyncSimCli.execute(cl, args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private String scenario(String yaml) throws IOException {
        return Files.writeString(dir.resolve("small.yaml"), yaml).toString();
    }

    private static final String SMALL = """
            raid:
              members: [ { name: A, role: leader }, { name: B }, { name: C } ]
            timeline: [ { t: 10s, do: import, who: A } ]
            run: { replications: 3, until: all-synced, settle: 2s }
            """;

    /**
     * 1 000 members with a big sheet (192 000 cells): the estimate is 411 s per replication (members squared), so 20
     * on one thread take 2.3 h, more than an hour.
     */
    private static final String[] LONG = {"--set", "raid.stress=true", "--set", "raid.size=1000", "--set",
        "data.rows=1000", "--set", "data.columns=12", "--replications", "20", "--threads", "1"};

    private static void assertOneLine(String err) {
        assertEquals(1, err.strip().lines().count(), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void aBillionReplicationsAreRefusedUpFrontWithTheEstimateAndTheOverride() throws IOException {
        Outcome o = run(RunCommandTest.TRIVIAL, "run", scenario(SMALL), "--replications", "1000000000", "--out",
                dir.resolve("o").toString());
        assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().startsWith("syncsim: this run is estimated at about "), o.err());
        assertTrue(o.err().contains("1000000000 replications x 3 members"), o.err());
        assertTrue(o.err().contains("--allow-large"), o.err());
        assertOneLine(o.err());
        assertFalse(Files.exists(dir.resolve("o").resolve("summary.json")), "nothing ran");
    }

    @Test
    void compareChecksTheEstimateOfAllItsVariantsAsRunDoes() throws IOException {
        String small = scenario(SMALL);
        Outcome o = run(RunCommandTest.TRIVIAL, "compare", small, small, "--replications", "1000000000", "--out",
                dir.resolve("c").toString());
        assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().startsWith("syncsim: this run is estimated at about "), o.err());
        assertTrue(o.err().contains("2000000000 replications x 3 members"), "both variants: " + o.err());
        assertTrue(o.err().contains("--allow-large"), o.err());
        assertOneLine(o.err());
        assertFalse(Files.exists(dir.resolve("c")), "nothing ran, nothing was written");

        Outcome longOne = run(RunCommandTest.TRIVIAL, concat(new String[] {"compare", small, small, "--out",
            dir.resolve("c").toString()}, LONG));
        assertEquals(ExitCodes.BAD_INPUT, longOne.code(), longOne.err());
        assertTrue(longOne.err().contains("more than an hour"), longOne.err());
    }

    @Test
    void reportOfADirectoryChecksTheEstimateOfItsReRunAsRunDoes() throws IOException {
        Path results = dir.resolve("r");
        assertEquals(ExitCodes.OK, run(RunCommandTest.TRIVIAL, "run", scenario(SMALL), "--quiet", "--out",
                results.toString()).code());
        Path summary = results.resolve("summary.json");
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(summary.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("resolved_scenario").get("run"))
                .put("replications", 1_000_000_000);
        Files.writeString(summary, json.toString());
        Outcome o = run(RunCommandTest.TRIVIAL, "report", results.toString(), "--out", dir.resolve("page").toString());
        assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains("1000000000 replications x 3 members"), o.err());
        assertTrue(o.err().contains("syncsim run --replications N"), o.err());
        assertTrue(o.err().contains("--allow-large"), o.err());
        assertOneLine(o.err());
        assertFalse(Files.exists(dir.resolve("page")), "nothing ran, nothing was written");
        Outcome own = run(RunCommandTest.TRIVIAL, "report", results.toString());
        assertEquals(ExitCodes.BAD_INPUT, own.code(), own.err());
        assertFalse(Files.exists(results.resolve("report.html")));
    }

    @Test
    void aRunEstimatedAtOverAnHourNeedsAllowLargeAndThenShowsItsEstimate() throws IOException {
        Outcome refused = run(RunCommandTest.TRIVIAL, concat(new String[] {"run", scenario(SMALL), "--out",
            dir.resolve("o").toString()}, LONG));
        assertEquals(ExitCodes.BAD_INPUT, refused.code(), refused.err());
        assertTrue(refused.err().contains("more than an hour"), refused.err());
        assertTrue(refused.err().contains("--allow-large"), refused.err());

        Outcome allowed = run(RunCommandTest.TRIVIAL, concat(new String[] {"run", scenario(SMALL), "--out",
            dir.resolve("o").toString(), "--allow-large"}, LONG));
        assertEquals(ExitCodes.OK, allowed.code(), allowed.err());
        assertTrue(allowed.err().contains("syncsim: estimated about 2.3 h"), allowed.err());

        Outcome quiet = run(RunCommandTest.TRIVIAL, concat(new String[] {"run", scenario(SMALL), "--out",
            dir.resolve("o").toString(), "--allow-large", "--quiet"}, LONG));
        assertEquals(ExitCodes.OK, quiet.code(), quiet.err());
        assertEquals("", quiet.err(), "--quiet: no estimate, no progress");
    }

    @Test
    void aSheetTooBigToBuildIsBadInputNotAHang() throws IOException {
        Outcome o = run(RunCommandTest.TRIVIAL, "run", scenario(SMALL), "--set", "data.rows=100000", "--set",
                "data.columns=1000", "--out", dir.resolve("o").toString());
        assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains("data.rows: at most 1000 rows per section, got 100000"), o.err());
        assertTrue(o.err().contains("data.columns: at most 100 columns, got 1000"), o.err());
    }

    @Test
    void aHugeThrottleBurstIsBadInputNotOutOfMemory() {
        Outcome o = run(RunCommandTest.TRIVIAL, "throttle", "--count", "100000000");
        assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        assertEquals("syncsim: --count 100000000: at most 100000 messages (each is kept and printed; a raid's"
                + " biggest push is a few hundred)\n", o.err());
        assertEquals(ExitCodes.BAD_INPUT, run(RunCommandTest.TRIVIAL, "throttle", "--size", "2000000000").code());
    }

    @Test
    void aMicrosecondBucketIsRefusedAndATenMillisecondOneWarns() throws IOException {
        Outcome o = run(RunCommandTest.TRIVIAL, "run", scenario(SMALL), "--set", "run.bucket=1us", "--out",
                dir.resolve("o").toString());
        assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains("run.bucket: a bucket of 1us gives up to 3600000000 rows of timeline.csv"),
                o.err());
        Outcome w = run(RunCommandTest.TRIVIAL, "run", scenario(SMALL), "--set", "run.bucket=10ms", "--out",
                dir.resolve("o").toString(), "-q");
        assertEquals(ExitCodes.OK, w.code(), w.err());
        assertTrue(w.err().startsWith("syncsim: warning: "), w.err());
        assertTrue(w.err().contains("run.bucket 10ms gives up to 360000 rows"), w.err());
    }

    @Test
    void anUnexpectedExceptionIsExitThreeWithOneLineAndALog() throws IOException {
        WorldFactory broken = (s, sim, rec) -> {
            throw new IllegalStateException("boom");
        };
        Outcome o = run(broken, "run", scenario(SMALL), "--out", dir.resolve("o").toString());
        assertEquals(ExitCodes.INTERNAL_ERROR, o.code(), o.err());
        assertOneLine(o.err());
        assertTrue(o.err().startsWith("syncsim: internal error (a bug in SyncSim): java.lang.IllegalStateException:"
                + " boom; details in "), o.err());
        Matcher m = Pattern.compile("details in (\\S+)").matcher(o.err());
        assertTrue(m.find(), o.err());
        Path log = Path.of(m.group(1));
        String trace = Files.readString(log);
        assertTrue(trace.contains("IllegalStateException: boom") && trace.contains("\tat "), trace);
        Files.delete(log);
    }

    @Test
    void outOfMemoryIsExitThreeNotTheSimulationFindingExitOne() throws IOException {
        WorldFactory hungry = (s, sim, rec) -> {
            throw new OutOfMemoryError("Java heap space");
        };
        Outcome o = run(hungry, "run", scenario(SMALL), "--out", dir.resolve("o").toString());
        assertEquals(ExitCodes.INTERNAL_ERROR, o.code(), o.err());
        assertOneLine(o.err());
        assertTrue(o.err().startsWith("syncsim: out of memory"), o.err());
        assertTrue(o.err().contains("SYNCSIM_JAVA_OPTS=-Xmx8g"), o.err());
        Matcher m = Pattern.compile("details in (\\S+)").matcher(o.err());
        assertTrue(m.find(), o.err());
        Files.delete(Path.of(m.group(1)));
    }

    @Test
    void bareSyncsimIsBadInputWithTheUsageOnStderr() {
        Outcome o = run(RunCommandTest.TRIVIAL);
        assertEquals(ExitCodes.BAD_INPUT, o.code());
        assertTrue(o.err().startsWith("syncsim: no command given"), o.err());
        assertTrue(o.err().contains("Usage: syncsim"), o.err());
        assertEquals("", o.out());
    }

    @Test
    void compareOnADirectoryThatIsNoResultsDirectorySaysSo() throws IOException {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Outcome o = run(RunCommandTest.TRIVIAL, "compare", plain.toString(), plain.toString());
        assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains("a directory without summary.json, so not a results directory"), o.err());
        assertFalse(o.err().contains("Is a directory"), o.err());
    }

    @Test
    void aCorruptSummaryIsNamedWithItsPlaceNotJacksonsText() throws IOException {
        Path res = Files.createDirectories(dir.resolve("res"));
        Files.writeString(res.resolve("summary.json"), "{\"scenario\": \n");
        Outcome o = run(RunCommandTest.TRIVIAL, "report", res.toString());
        assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains("summary.json:2:1: not valid JSON (damaged, or not written by syncsim run)"),
                o.err());
        assertFalse(o.err().contains("REDACTED"), o.err());
        assertOneLine(o.err());
    }

    @Test
    void aBinaryScenarioIsNamedAsSuch() throws IOException {
        Path bin = Files.write(dir.resolve("bin.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        Outcome o = run(RunCommandTest.TRIVIAL, "validate", bin.toString());
        assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains("bin.yaml: not UTF-8 text (a binary file?)"), o.err());
        assertFalse(o.err().contains("Input length"), o.err());
    }

    @Test
    void anEmptyScenarioValidatesWithAWarning() throws IOException {
        Outcome o = run(RunCommandTest.TRIVIAL, "validate", Files.writeString(dir.resolve("empty.yaml"), "")
                .toString());
        assertEquals(ExitCodes.OK, o.code(), o.err());
        assertTrue(o.err().startsWith("syncsim: warning: "), o.err());
        assertTrue(o.err().contains("the file sets nothing"), o.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
