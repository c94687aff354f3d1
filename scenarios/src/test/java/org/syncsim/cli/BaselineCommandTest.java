package org.syncsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncsim.run.StandardWorld;

/** {@code syncsim baseline write|check}: recording a scenario's behaviour and catching when it changes. */
class BaselineCommandTest {
    @TempDir
    Path dir;

    private static final String RAID = TraceOptionTest.RAID;

    private Path scenario(String yaml) throws IOException {
        Path f = dir.resolve("raid.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private static RunCommandTest.Outcome syncsim(String... args) {
        return RunCommandTest.run(StandardWorld.FACTORY, args);
    }

    private Path written() throws IOException {
        Path b = dir.resolve("b.json");
        var w = syncsim("baseline", "write", b.toString(), scenario(RAID).toString(), "-q");
        assertEquals(0, w.code(), w.err());
        return b;
    }

    @Test
    void writeThenCheckPassesWhenNothingChanged() throws IOException {
        Path b = written();
        var c = syncsim("baseline", "check", b.toString());
        assertEquals(0, c.code(), c.out() + c.err());
        assertTrue(c.out().matches("(?s).*raid\\s+\\d+ ok\\s+same \\(\\d+ events\\).*"), c.out());
        assertTrue(c.out().contains("baseline check: passed"), c.out());
    }

    @Test
    void aChangedProtocolConstantFailsTheCheckNamingTheMetric() throws IOException {
        Path b = written();
        var c = syncsim("baseline", "check", b.toString(), "--kind", "statistical", "--set",
                "channel.server.burst=2000", "--set", "channel.server.on-exceed=disconnect");
        assertEquals(1, c.code(), c.out() + c.err());
        assertTrue(c.out().matches("(?s).*\\n    sent_bytes +\\d+ -> \\d+ \\(-[0-9.]+ %\\) \\(tolerance ±2 %\\)\\n.*"),
                c.out());
        assertTrue(c.out().contains("baseline check: FAILED"), c.out());
        assertTrue(c.out().contains("not checked"), "--kind statistical leaves the fingerprint alone: " + c.out());

        var profile = syncsim("baseline", "check", b.toString(), "--set", "protocol.profile=plan");
        assertEquals(1, profile.code(), profile.out());
        assertTrue(profile.out().contains("    sent_bytes "), profile.out());
    }

    @Test
    void anEditedScenarioFailsTheCheck() throws IOException {
        Path b = written();
        scenario(RAID.replace("size: 6", "size: 9"));
        var c = syncsim("baseline", "check", b.toString());
        assertEquals(1, c.code(), c.out());
        assertTrue(c.out().contains("    sent_messages "), c.out());
    }

    @Test
    void aDifferentFingerprintNamesTheFirstDivergingEvent() throws IOException {
        Path b = written();
        Path trace = dir.resolve("old.tsv");
        assertEquals(0, syncsim("run", scenario(RAID).toString(), "-q", "--out", dir.resolve("r").toString(),
                "--trace", trace.toString()).code());
        List<String> lines = Files.readAllLines(trace).stream().filter(l -> !l.startsWith("#")).toList();
        int reload = lines.indexOf(lines.stream().filter(l -> l.contains("\taction\treload ")).findFirst().get());

        scenario(RAID.replace("t: 12s, do: reload", "t: 13s, do: reload"));
        var c = syncsim("baseline", "check", b.toString(), "--kind", "fingerprint");
        assertEquals(1, c.code(), c.out());
        assertTrue(c.out().contains("differs from event " + reload), c.out());
        assertTrue(c.out().contains("first difference at event " + reload + "\n"), c.out());
        assertTrue(c.out().contains("      now:      13.000000 action reload client=3 Raider04\n"), c.out());
        assertTrue(c.out().contains("      recorded: an action event with other time or details\n"), c.out());
        assertTrue(c.out().contains("                " + lines.get(reload - 1).replace('\t', ' ')),
                "the event before, shared by both: " + c.out());
    }

    @Test
    void aBadBaselineFileIsNamedByFileLineAndFieldWithExit2() throws IOException {
        Path b = written();
        Files.writeString(b, Files.readString(b).replace("\"tolerances\": {},\n  \"scenarios\"",
                "\"tolerances\": {\"sent_bytes\": {\"relative\": \"lots\"}, \"sent_byte\": {}},\n  \"scenarios\""));
        var c = syncsim("baseline", "check", b.toString());
        assertEquals(2, c.code(), c.out() + c.err());
        assertTrue(c.err().contains(b + ":5:33: tolerances.sent_bytes.relative: expected a number or null"), c.err());
        assertTrue(c.err().contains(b + ":5:54: tolerances.sent_byte: not a metric kind"), c.err());

        Files.writeString(b, "{\"syncsim_baseline\": 1,\n \"scenarios\": [ }");
        var json = syncsim("baseline", "check", b.toString());
        assertEquals(2, json.code());
        assertTrue(json.err().contains(b + ":2:"), json.err());
    }

    @Test
    void theSameBaselineForOneThreadAndTwo() throws IOException {
        Path one = dir.resolve("one.json");
        Path two = dir.resolve("two.json");
        assertEquals(0, syncsim("baseline", "write", one.toString(), scenario(RAID).toString(), "-q", "--threads",
                "1").code());
        assertEquals(0, syncsim("baseline", "write", two.toString(), scenario(RAID).toString(), "-q", "--threads",
                "2").code());
        assertEquals(Files.readString(one), Files.readString(two));
        assertEquals(0, syncsim("baseline", "check", one.toString(), "--threads", "1").code());
    }

    @Test
    void aFileThatIsNotABaselineIsNotOverwrittenUnlessAsked() throws IOException {
        Path notes = dir.resolve("notes.json");
        Files.writeString(notes, "{\"mine\": true}\n");
        var refused = syncsim("baseline", "write", notes.toString(), scenario(RAID).toString(), "-q");
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("exists and is not a SyncSim baseline; pass --replace"), refused.err());
        assertEquals("{\"mine\": true}\n", Files.readString(notes));
        assertEquals(0, syncsim("baseline", "write", notes.toString(), scenario(RAID).toString(), "-q",
                "--replace").code());
        assertTrue(Files.readString(notes).contains("\"syncsim_baseline\": 1"));
    }

    @Test
    void rewritingABaselineKeepsItsTolerances() throws IOException {
        Path b = written();
        Files.writeString(b, Files.readString(b).replace("\"tolerances\": {},\n  \"scenarios\"",
                "\"tolerances\": {\"time\": {\"relative\": 0.5}},\n  \"scenarios\""));
        var loose = syncsim("baseline", "check", b.toString(), "--kind", "statistical", "--set",
                "channel.latency.median=90ms");
        assertEquals(0, loose.code(), "a 50 % tolerance on times lets a small latency change pass: " + loose.out());
        assertEquals(0, syncsim("baseline", "write", b.toString(), scenario(RAID).toString(), "-q").code());
        assertTrue(Files.readString(b).contains("\"tolerances\": {\"time\":{\"relative\":0.5}}"),
                Files.readString(b));
    }

    @Test
    void otherSeedsCompareIntervalsAndLeaveFingerprintsAlone() throws IOException {
        Path b = written();
        var c = syncsim("baseline", "check", b.toString(), "--seed", "77");
        assertFalse(c.out().contains("same ("), c.out());
        assertTrue(c.out().matches("(?s).*raid\\s+.*not checked.*"), c.out());
    }
}
