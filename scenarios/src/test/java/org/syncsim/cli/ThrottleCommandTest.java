package org.syncsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThrottleCommandTest {
    @TempDir
    Path dir;

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

    private List<String> messageLines() {
        return out.lines().filter(l -> l.matches("\\s*\\d+\\s+\\d.*")).toList();
    }

    @Test
    void sixtyKilobytePushAtThirtyFpsTakesTheBudgetedTime() {
        assertEquals(0, run("throttle", "--count", "245", "--size", "245", "--fps", "30"), err);
        assertEquals(245, messageLines().size());
        // 245 x (245 + 4 + 1 + 40) = 71 050 bytes. 13 go at once from the full 4000-byte BURST (230 left); the
        // remaining 232 x 290 - 230 bytes drain at MAX_CPS 800 B/s (30 fps is above MIN_FPS), the OnUpdate acting
        // every 3 frames (100 ms): the last leaves after 83.81 s, within one act.
        Matcher m = Pattern.compile("last message left ([0-9.]+) s").matcher(out);
        assertTrue(m.find(), out);
        double last = Double.parseDouble(m.group(1));
        double expected = (232 * 290 - 230) / 800.0;
        assertTrue(last >= expected && last <= expected + 0.1, "last left at " + last + ", expected ~" + expected);
        assertTrue(out.contains("Total: 245 messages sent, 60025 bytes of text, 71050 bytes"), out);
    }

    @Test
    void fileBurstRoundRobinsOverPipes() throws IOException {
        Path f = dir.resolve("burst.txt");
        StringBuilder sb = new StringBuilder("# time priority size pipe\n");
        for (int i = 0; i < 20; i++) {
            sb.append("0 NORMAL 200 a\n");
        }
        for (int i = 0; i < 20; i++) {
            sb.append("0.0 normal 200 b\n");
        }
        Files.writeString(f, sb.toString());
        assertEquals(0, run("throttle", "--file", f.toString()), err);
        List<String> lines = messageLines();
        assertEquals(40, lines.size());
        // Cost 245 each: 16 leave directly from the 4000-byte budget (all of pipe a's first 16); the rest queue, the
        // ring alternating a, b, a, b ... while both pipes have messages; sort by leave time and check it.
        List<String[]> byLeave = lines.stream().map(l -> l.trim().split("\\s+"))
                .sorted((x, y) -> Double.compare(Double.parseDouble(x[6]), Double.parseDouble(y[6]))).toList();
        assertEquals("a", byLeave.get(16)[3]);
        assertEquals("b", byLeave.get(17)[3]);
        assertEquals("a", byLeave.get(18)[3]);
        assertEquals("b", byLeave.get(19)[3]);
    }

    @Test
    void badFileLineIsReportedWithFileAndLineAndExitCode2() throws IOException {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "0 NORMAL 100\n0.5 NORMAL\n");
        assertEquals(ExitCodes.BAD_INPUT, run("throttle", "--file", f.toString()));
        assertTrue(err.contains(f + ":2: expected 'time priority size [pipe]'"), err);
        Files.writeString(f, "0 URGENT 100\n");
        assertEquals(ExitCodes.BAD_INPUT, run("throttle", "--file", f.toString()));
        assertTrue(err.contains(f + ":1: priority 'URGENT' is not ALERT, NORMAL or BULK"), err);
        Files.writeString(f, "0 BULK many\n");
        assertEquals(ExitCodes.BAD_INPUT, run("throttle", "--file", f.toString()));
        assertTrue(err.contains(f + ":1: size 'many'"), err);
        Files.writeString(f, "0 BULK 10\n");
        assertEquals(ExitCodes.BAD_INPUT, run("throttle", "--file", f.toString(), "--count", "3"));
        assertTrue(err.contains("do not combine it with --count"), err);
        assertEquals(ExitCodes.BAD_INPUT, run("throttle", "--file", dir.resolve("missing.txt").toString()));
        assertTrue(err.contains("cannot read"), err);
    }

    @Test
    void badOptionValuesExitWith2() {
        assertEquals(ExitCodes.BAD_INPUT, run("throttle", "--fps", "0"));
        assertTrue(err.contains("--fps"), err);
        assertEquals(ExitCodes.BAD_INPUT, run("throttle", "--priority", "HIGH"));
        assertEquals(ExitCodes.BAD_INPUT, run("throttle", "--max-cps", "-1"));
        assertTrue(err.contains("--max-cps must be > 0"), "the option as typed, not the field: " + err);
        assertEquals(ExitCodes.BAD_INPUT, run("throttle", "--min-fps", "-1"));
        assertTrue(err.contains("--min-fps must be >= 0"), err);
        assertEquals(ExitCodes.BAD_INPUT, run("throttle", "--count", "x"));
    }

    @Test
    void budgetTooSmallToDrainIsBadInputNotAHang() {
        // One 290-byte message at 0.0001 B/s takes 2.9 million seconds: 36 million acts, past the command's cap.
        assertEquals(ExitCodes.BAD_INPUT, run("throttle", "--max-cps", "0.0001"));
        assertTrue(err.contains("does not drain") && err.contains("--max-cps"), err);
    }

    @Test
    void messagesAboveTheLibrarysLimitAreRejectedUnlessLifted() {
        assertEquals(0, run("throttle", "--count", "3", "--size", "1800"));
        assertTrue(out.contains("0 messages sent"), out);
        assertTrue(out.contains("--max-message 0"), out);
        assertEquals(0, run("throttle", "--count", "3", "--size", "1800", "--max-message", "0", "--burst", "6000",
                "--max-cps", "1200"));
        assertTrue(out.contains("3 messages sent"), out);
    }
}
