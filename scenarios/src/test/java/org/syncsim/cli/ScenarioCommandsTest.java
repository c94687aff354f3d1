package org.syncsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncsim.scenario.BundledScenarios;
import picocli.CommandLine;

/** validate, list and show, and the exit codes of bad input. */
class ScenarioCommandsTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        CommandLine cl = SyncSimCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void validateAcceptsAGoodFileWithAOneLineSummary() throws IOException {
        Path f = dir.resolve("mine.yaml");
        Files.writeString(f, "raid: { size: 12 }\ntimeline: [ { t: 10s, do: import, who: Raider01 } ]\n");
        Outcome o = run("validate", f.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals(1, o.out().lines().count());
        assertTrue(o.out().startsWith("ok mine: 12 clients (12 in the raid at start, 1 leader)"), o.out());
        assertTrue(o.out().contains("1 timeline action until t=10s"), o.out());
    }

    @Test
    void validateRejectsABadFileWithExitTwoAndTheLocatedMessage() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "raid: { size: 3 }\ntimeline:\n  - { t: 5s, do: reload, who: Nobody }\n");
        Outcome o = run("validate", f.toString());
        assertEquals(ExitCodes.BAD_INPUT, o.code());
        assertTrue(o.err().contains("bad.yaml:3:26: timeline[0].who: no member named \"Nobody\""), o.err());
    }

    @Test
    void validateAcceptsABundledNameAndSuggestsOnATypo() {
        assertEquals(0, run("validate", "late-joiner").code());
        Outcome o = run("validate", "late-joinr");
        assertEquals(ExitCodes.BAD_INPUT, o.code());
        assertTrue(o.err().contains("did you mean \"late-joiner\"?"), o.err());
    }

    @Test
    void listPrintsEveryBundledScenarioWithItsSummary() {
        Outcome o = run("list");
        assertEquals(0, o.code());
        assertEquals(BundledScenarios.names().size(), o.out().lines().count());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("late-joiner ") && l.contains("fresh install joins")),
                o.out());
    }

    @Test
    void showPrintsTheBundledFileSoItCanBeCopied() {
        Outcome o = run("show", "lossy-network");
        assertEquals(0, o.code());
        assertEquals(BundledScenarios.text("lossy-network"), o.out());
        assertEquals(ExitCodes.BAD_INPUT, run("show", "nope").code());
    }
}
