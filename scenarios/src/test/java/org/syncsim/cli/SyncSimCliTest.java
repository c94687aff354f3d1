package org.syncsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/** The top-level {@code syncsim} entry: help, version and the exit codes for bad input. */
class SyncSimCliTest {
    private String out;
    private String err;

    private int run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return SyncSimCli.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        assertEquals(ExitCodes.OK, run("--help"), err);
        for (String name : SyncSimCli.commandLine().getSubcommands().keySet()) {
            assertTrue(out.contains("  " + name + " "), name + " missing from:\n" + out);
        }
        String flat = out.replaceAll("\\s+", " ");
        assertTrue(flat.contains(ExitCodes.OK + " ok; " + ExitCodes.SIMULATION_FAILURE + " the simulation found a"), out);
        assertTrue(flat.contains(ExitCodes.BAD_INPUT + " bad input; " + ExitCodes.INTERNAL_ERROR + " internal error"),
                out);
    }

    @Test
    void everyCommandsSummaryInTheListIsACompleteSentence() {
        // picocli lists a subcommand by the first line of its header, else of its description: a description
        // wrapped by hand must not leave half a sentence there.
        for (Map.Entry<String, CommandLine> c : SyncSimCli.commandLine().getSubcommands().entrySet()) {
            UsageMessageSpec usage = c.getValue().getCommandSpec().usageMessage();
            String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
            assertTrue(lines.length > 0, c.getKey() + " has no summary");
            String summary = lines[0].strip();
            assertTrue(summary.endsWith(".") || summary.endsWith(")"),
                    c.getKey() + "'s summary is cut: '" + summary + "'");
        }
    }

    @Test
    void everyCommandsHelpFormatsWithoutAWarning() {
        // picocli formats descriptions with String.format: a bare "60 %" in one prints a warning to stderr and
        // shows the text unformatted
        PrintStream saved = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (Map.Entry<String, CommandLine> c : SyncSimCli.commandLine().getSubcommands().entrySet()) {
                c.getValue().getUsageMessage();
                for (CommandLine sub : c.getValue().getSubcommands().values()) {
                    sub.getUsageMessage();
                }
            }
        } finally {
            System.setErr(saved);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionNamesTheProgramAndExitsZero() {
        assertEquals(ExitCodes.OK, run("--version"), err);
        assertTrue(out.startsWith("syncsim "), out);
        assertTrue(out.contains("Java "), out);
    }

    @Test
    void unknownOptionOrCommandIsBadInput() {
        assertEquals(ExitCodes.BAD_INPUT, run("--no-such-option"));
        assertTrue(err.contains("Unknown option"), err);
        assertEquals(ExitCodes.BAD_INPUT, run("no-such-command"));
        assertTrue(err.startsWith("syncsim: "), err);
    }
}
